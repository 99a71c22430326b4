"""The focus ring covers only the band it draws: a repaint inside the focused widget
(a claim highlighted in the text) no longer repaints the ring over it too.

The ring is a window-wide child above the focused widget; it covered the whole
widget, so each paint of the text under it ran the ring's own paint as well
(~0.1 ms a mark, and every scroll). Masked to its band, it is painted when its
band is: the same pixels, where they were.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession
from ui.widgets.focus_ring import RING_WIDTH, FocusRing


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_repaint_inside_the_focused_text_leaves_the_ring_alone(
    qtbot: QtBot, session: ProjectSession
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.reader.view.setFocus()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view = window.reader.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.waitUntil(lambda: window.findChild(FocusRing) is not None)
    ring = window.findChild(FocusRing)
    assert ring is not None
    qtbot.waitUntil(lambda: ring.isVisible() and ring.target is view)
    QApplication.processEvents()
    paints = Paints()
    ring.installEventFilter(paints)

    view.viewport().repaint()  # what a mark does to the text
    assert paints.count == 0

    band = ring.mask()
    inner = ring.rect().adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
    assert band.contains(QPoint(0, ring.height() // 2)) and band.contains(
        QPoint(ring.width() // 2, 0)
    )
    assert not band.intersects(QRect(inner))
    window.repaint()  # the whole window: the ring is drawn on top, in its colour
    assert paints.count == 1
    image = window.grab().toImage()
    corner = ring.mapTo(window, QPoint(0, ring.height() // 2))
    highlight = QColor(ring.palette().color(QPalette.ColorRole.Highlight))
    assert image.pixelColor(corner).name() == highlight.name()
