"""A ring around whatever has the keyboard focus, in every window of the app.

The reader, the tables and the lists draw no (or a faint) focus frame in
Fusion and on the offscreen platform, so a keyboard user lost track of where
the keys go. One ring per top-level window, a child painted above the
widget's own window area and transparent to the mouse, follows the focus
(and the focused widget's moves and resizes). Nothing is restyled, so each
widget keeps its native look.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

RING_WIDTH = 2
# Widgets too small to ring (a focus proxy, a zero-sized helper).
MIN_SIZE = 4


class FocusRing(QWidget):
    """The painted ring; one per top-level window, made on first focus there."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("FocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()

    def follow(self, widget: QWidget | None) -> None:
        for watched in self._watched:
            watched.removeEventFilter(self)
        self._watched = []
        self.target = widget
        if widget is None:
            self.hide()
            return
        # The widget and every parent up to the window: a splitter or dock
        # moving a parent moves the widget without telling it.
        current: QWidget | None = widget
        while current is not None and current is not self.parentWidget():
            current.installEventFilter(self)
            self._watched.append(current)
            current = current.parentWidget()
        self.place()

    def place(self) -> None:
        target, window = self.target, self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        if target.width() < MIN_SIZE or target.height() < MIN_SIZE:
            self.hide()
            return
        top_left = target.mapTo(window, target.rect().topLeft())
        rect = QRect(top_left, target.size()).adjusted(
            -RING_WIDTH, -RING_WIDTH, RING_WIDTH, RING_WIDTH
        )
        rect = rect.intersected(window.rect())
        if rect.isEmpty():
            self.hide()  # laid out off the window (a dock not shown yet)
            return
        self.setGeometry(rect)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self._watched and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self.place()
            if event.type() == QEvent.Type.Show:
                # Shown with its window: its place is final once the layout has run.
                QTimer.singleShot(0, self.place)
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        pen = QPen(colour, RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))


class FocusRings(QObject):
    """Follows QApplication's focus and moves the ring of the focused widget's window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.rings: dict[QWidget, FocusRing] = {}
        app.focusChanged.connect(self._on_focus)

    def ring_for(self, widget: QWidget) -> FocusRing | None:
        return self.rings.get(widget.window())

    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None:
            ring = self.rings.get(old.window())
            if ring is not None and ring.target is old:
                ring.follow(None)
        if new is None or isinstance(new, FocusRing):
            return
        window = new.window()
        if window is new:
            return  # the window itself: nothing inside to point at
        ring = self.rings.get(window)
        if ring is None:
            ring = FocusRing(window)
            self.rings[window] = ring
            window.destroyed.connect(lambda _o=None, w=window: self.rings.pop(w, None))
        ring.follow(new)


def install() -> FocusRings:
    """Once per application (later calls return the same follower).

    The follower is remembered here rather than looked up with findChild():
    that converts every child of the application to Python, and the style
    among them costs the first paint ~5 ms of PySide creating QStyle.
    """
    global _installed
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _installed is not None:
        try:
            if _installed.parent() is app:
                return _installed
        except RuntimeError:  # its application was deleted with it
            pass
    _installed = FocusRings(app)
    return _installed


_installed: FocusRings | None = None
