"""The claim form from the keyboard (Tab, Ctrl+Tab, topics by Space and type-ahead),
the focus ring that shows where keys go, and labels that say what they mean."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from annotator.models import ImportedArticle
from annotator.project import Project
from ui.evidence.dialogs import note_dialog
from ui.figures.view import FiguresView
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession
from ui.widgets.focus_ring import FocusRing


@pytest.fixture
def claim_id(qtbot: QtBot, window: MainWindow) -> int:
    article = window.session.project.articles.list()[0]
    window.open_article(article.id)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    window.reader.view.select_span(0, 20)
    window.actions["mark_claim"].trigger()
    assert window.session.current_claim is not None
    return window.session.current_claim


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.mark.parametrize("field", ["statement", "note"])
def test_tab_leaves_the_text_and_ctrl_tab_types_a_tab(
    qtbot: QtBot, window: MainWindow, claim_id: int, field: str
) -> None:
    editor = window.claims.editor
    box = getattr(editor, field)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "Nurses")
    qtbot.keyClick(box, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "pay")
    assert box.toPlainText() == "Nurses\tpay"
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert _focused() is not box
    assert "\t" not in box.toPlainText().removeprefix("Nurses\t")
    assert getattr(window.session.project.claims.get(claim_id), field) == "Nurses\tpay"  # saved
    qtbot.keyClick(_focused(), Qt.Key.Key_Backtab)
    assert _focused() is box


def test_topics_tick_with_space_and_type_ahead(
    qtbot: QtBot, window: MainWindow, claim_id: int
) -> None:
    project, topics = window.session.project, window.claims.editor.topics
    topics.setFocus()
    qtbot.keyClicks(topics, "str")  # type-ahead: "strike action"
    assert topics.currentItem().text() == "strike action"
    qtbot.keyClick(topics, Qt.Key.Key_Space)
    strike = project.codebook.find("topic", "strike action")
    assert strike is not None
    assert project.claims.topic_ids(claim_id) == [strike.id]
    qtbot.keyClick(topics, Qt.Key.Key_Space)
    assert project.claims.topic_ids(claim_id) == []


def _ring(widget: QWidget) -> FocusRing:
    ring = widget.window().findChild(FocusRing)
    assert ring is not None
    return ring


def test_the_focus_is_ringed_wherever_tab_takes_it(
    qtbot: QtBot, window: MainWindow, claim_id: int
) -> None:
    window.reader.view.setFocus()
    seen: set[int] = set()
    order: list[str] = []
    for _ in range(40):  # the whole window's tab chain, twice over if short
        widget = _focused()
        assert widget is not None
        ring = _ring(widget)
        on_screen = not widget.visibleRegion().isEmpty()
        if on_screen and widget.width() > 4 and widget.height() > 4:
            assert ring.isVisible() and ring.target is widget
            where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            assert ring.geometry().contains(where.intersected(window.rect()))
        seen.add(id(widget))
        order.append(widget.accessibleName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert len(seen) >= 8  # the reader, the library, the claims table, the form's fields
    names = {w.accessibleName() for w in window.findChildren(QWidget) if id(w) in seen}
    assert {"Article text", "Statement", "Speaker", "Note"} <= names
    form = ["Statement", "Speaker", "Side", "Stance", "Verdict", "Topics", "Status", "Note"]
    at = order.index("Statement")
    assert order[at : at + len(form)] == form  # Tab follows the form top to bottom


def test_stance_values_are_explained_in_the_form(
    qtbot: QtBot, window: MainWindow, claim_id: int
) -> None:
    editor = window.claims.editor
    stance = editor.combos["stance"]
    stance.setFocus()
    qtbot.keyClick(stance, Qt.Key.Key_F)  # type-ahead: "for"
    assert stance.currentText() == "for"
    assert "Supports the action or position in dispute" in editor.stance_help.text()
    assert editor.stance_help.isVisible()
    assert "against: Opposes" in stance.toolTip()
    index = stance.findText("neutral")
    assert "without taking a side" in str(stance.itemData(index, Qt.ItemDataRole.ToolTipRole))


def test_no_modified_mark_while_every_edit_is_saved(
    qtbot: QtBot, window: MainWindow, claim_id: int
) -> None:
    assert not window.session.undo_stack.isClean() or window.session.undo_stack.count() > 0
    assert "•" not in window.windowTitle()
    assert window.windowTitle().startswith("project.sqlite")


def _label(form: QFormLayout, field: QWidget) -> str:
    label = form.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def test_the_note_dialogs_two_notes_are_named_apart(qtbot: QtBot) -> None:
    dialog = note_dialog()
    qtbot.addWidget(dialog)
    text_label = _label(dialog.form, dialog.fields["text"])
    link_label = _label(dialog.link_form, dialog.note)
    assert text_label != link_label
    assert "Note" not in (text_label, link_label)


def test_a_real_figure_without_a_measure_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    project = Project.open(tmp_path / "p.sqlite", create=True)
    text = "Nurses' pay has fallen by 20% in real terms since 2010.\n"
    outcome = project.articles.add(ImportedArticle(text=text, title="Pay", source_format="text"))
    project.claims.mark_quote(int(outcome.article_id or 0), text.strip())
    project.quantities.sync()
    view = FiguresView(ProjectSession(project))
    qtbot.addWidget(view)
    view.show()
    view.subject.setCurrentText("(all subjects)")
    view.reload()
    checks = [view.model.data(view.model.index(r, 7)) for r in range(view.model.rowCount())]
    assert any("real, no inflation measure" in str(c) for c in checks), checks
    assert not any("no base" in str(c) for c in checks)
    project.close()


def test_the_ring_shows_for_a_widget_focused_before_its_window_opened(
    qtbot: QtBot, session: ProjectSession
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.reader.view.setFocus()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: _focused() is window.reader.view)
    ring = _ring(window.reader.view)
    qtbot.waitUntil(lambda: ring.isVisible() and ring.target is window.reader.view)
    view = window.reader.view
    assert ring.geometry().contains(QRect(view.mapTo(window, view.rect().topLeft()), view.size()))


def test_one_focus_follower_serves_every_window(qtbot: QtBot, session: ProjectSession) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.widgets import focus_ring

    first = focus_ring.install()
    window = MainWindow(session)  # installs it again
    qtbot.addWidget(window)
    assert focus_ring.install() is first
    app = QApplication.instance()
    assert app is not None
    assert len(app.findChildren(focus_ring.FocusRings)) == 1
