"""The claim form's title: another claim shown re-lays out the form only when it must.

QLabel.setText asks its parent's layout to lay out again; the form's wrapped
rich-text title used to redo the whole form on every claim shown (each mark),
to put every field back where it was. The title now stops that request unless
its height changes, and then the fields move as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.marking_support import HOSTILE, mark, open_hostile
from ui.shell.main_window import MainWindow
from ui.widgets.steady_label import SteadyLabel


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_another_claim_in_the_form_leaves_its_layout_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    first = mark(window, qtbot, HOSTILE.index("Pay talks"), HOSTILE.index("Pay talks") + 9)
    second = mark(window, qtbot, HOSTILE.index("Monday"), HOSTILE.index("Monday") + 6)
    editor = window.claims.editor
    QApplication.processEvents()
    spy = LayoutRequests()
    editor.installEventFilter(spy)
    fields = (editor.statement.geometry(), editor.note.geometry())

    window.session.set_current_claim(first)
    QApplication.processEvents()
    assert f"Claim {first}</b>" in editor.title.text()
    assert spy.count == 0  # the title's height did not change: nothing moved
    assert (editor.statement.geometry(), editor.note.geometry()) == fields
    window.session.set_current_claim(second)
    QApplication.processEvents()
    assert spy.count == 0 and f"Claim {second}</b>" in editor.title.text()


def test_a_title_that_wraps_differently_moves_the_fields_below_it(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    box = SteadyLabel(form)
    field = QLineEdit(form)
    layout.addWidget(box)
    layout.addWidget(field)
    layout.addStretch(1)
    form.resize(200, 300)
    form.show()
    box.setText("<b>Claim 1</b> · short")
    qtbot.waitUntil(lambda: box.height() == box.label.heightForWidth(box.width()))
    one_line = field.y()

    box.setText("<b>Claim 2</b> · " + "a title long enough to wrap onto more lines " * 3)
    qtbot.waitUntil(lambda: box.height() == box.label.heightForWidth(box.width()))
    assert field.y() > one_line  # taller: the field moved down
    assert box.label.geometry() == box.rect()

    box.setText("<b>Claim 3</b> · short")
    qtbot.waitUntil(lambda: field.y() == one_line)
    assert box.text() == "<b>Claim 3</b> · short"
