"""DockBox: a view's re-layout stays in its dock unless the view's limits changed.

Every claim marked changes labels in three docks (the claim count, the claim
form's title, the evidence panel's header); Qt passed each of those up to
the main window, which re-applied every dock's geometry with an animation
each: ~2 ms a mark for docks that do not move. The view still re-lays
itself out, and a larger minimum still reaches the window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.marking_support import HOSTILE, mark, open_hostile
from ui.shell.main_window import MainWindow
from ui.widgets.dock_box import DockBox


class LayoutRequests(QObject):
    """Counts the layout requests each kind of widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen[type(watched).__name__] += 1
        return False


@pytest.fixture
def requests(qapp: QApplication) -> Iterator[LayoutRequests]:
    counter = LayoutRequests()
    qapp.installEventFilter(counter)
    yield counter
    qapp.removeEventFilter(counter)


def _settle(qapp: QApplication) -> None:
    for _ in range(6):
        qapp.processEvents()


def test_marking_a_claim_does_not_re_lay_out_the_main_window(
    qtbot: QtBot, window: MainWindow, qapp: QApplication, requests: LayoutRequests
) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    mark(window, qtbot, start, start + 6)
    _settle(qapp)
    requests.seen.clear()
    mark(window, qtbot, start + 7, start + 13)  # the count, the title, the header change
    _settle(qapp)
    assert requests.seen["ClaimsPanel"] >= 1  # the panel did re-lay itself out
    assert requests.seen["QDockWidget"] == 0
    assert requests.seen["MainWindow"] == 0


def _docked(qtbot: QtBot) -> tuple[QMainWindow, QDockWidget, QWidget, QLabel, QPushButton]:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.setCentralWidget(QLabel("text"))
    view = QWidget()
    label = QLabel("A short title", view)
    label.setWordWrap(True)
    below = QPushButton("Below", view)
    layout = QVBoxLayout(view)
    layout.addWidget(label)
    layout.addWidget(below)
    layout.addStretch(1)
    dock = QDockWidget("Dock", main)
    dock.setWidget(DockBox(view))
    main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    main.resize(800, 500)
    main.resizeDocks([dock], [200], Qt.Orientation.Horizontal)
    main.show()
    qtbot.waitExposed(main)
    return main, dock, view, label, below


def test_the_view_still_re_lays_itself_out_and_fills_its_box(
    qtbot: QtBot, qapp: QApplication
) -> None:
    _main, dock, view, label, below = _docked(qtbot)
    top = below.y()
    label.setText("A much longer title that needs several lines at this width " * 3)
    _settle(qapp)
    assert below.y() > top  # moved down for the extra lines
    assert view.geometry() == dock.widget().rect()


def test_a_larger_minimum_still_reaches_the_window(
    qtbot: QtBot, qapp: QApplication, requests: LayoutRequests
) -> None:
    main, dock, _view, _label, below = _docked(qtbot)
    assert dock.width() < 400
    below.setMinimumWidth(400)
    _settle(qapp)
    assert requests.seen["QMainWindow"] >= 1
    assert dock.widget().width() >= 400
    assert main.isVisible()


class Paints(QObject):
    """Counts the paint events each kind of widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen[type(watched).__name__] += 1
        return False


def test_a_label_repainting_in_a_view_does_not_repaint_its_dock(
    qtbot: QtBot, qapp: QApplication
) -> None:
    _main, _dock, _view, label, _below = _docked(qtbot)
    _settle(qapp)
    paints = Paints()
    qapp.installEventFilter(paints)
    try:
        label.setText("A short title.")  # the same lines: repainted, not re-laid out
        label.repaint()
    finally:
        qapp.removeEventFilter(paints)
    assert paints.seen["QLabel"] == 1
    assert paints.seen["QDockWidget"] == 0  # the box is opaque: nothing shows through
