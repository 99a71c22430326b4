"""The box a dock holds its view in, so the view's re-layouts stay inside the dock.

Qt passes every geometry change up the whole parent chain: a label in the
evidence panel that takes one line more re-lays out the panel (right), then
the dock and the main window, which re-applies every dock's geometry through
a QPropertyAnimation each and repaints the separators (about 3 ms, for docks
that do not move: QLayout::activate tells the parent "ideally only if
sizeHint() or sizePolicy() has changed", but always does). The docks' sizes
are the user's (or resizeDocks' at first start), not their views' preferred
sizes, so the only changes the main window must hear of are the view's
minimum and maximum sizes and size policy. `DockBox` holds the view without
a layout of its own: the view's request arrives here as an event, and goes
on to the dock only when one of those changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

Limits = tuple[QSize, QSize, QSizePolicy]


def _minimum(view: QWidget) -> QSize:
    """The view's minimum as its parent layout would take it (explicit sizes win)."""
    size = view.minimumSizeHint()
    if view.minimumWidth() > 0:
        size.setWidth(view.minimumWidth())
    if view.minimumHeight() > 0:
        size.setHeight(view.minimumHeight())
    return size


class DockBox(QWidget):
    """Holds one view, sized to fill the box; the dock sees the view's limits."""

    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.setParent(self)
        self.setFocusProxy(view)
        # Opaque: a label repainting in the view is drawn over the box's own fill,
        # not over a repaint of the dock's frame and title beneath (~0.3 ms a mark).
        self.setAutoFillBackground(True)
        self.setAccessibleName(view.accessibleName())
        self._limits = self._current()
        self._apply(self._limits)

    def _current(self) -> Limits:
        return (_minimum(self.view), self.view.maximumSize(), self.view.sizePolicy())

    def _apply(self, limits: Limits) -> None:
        self.setMaximumSize(limits[1])
        self.setSizePolicy(limits[2])

    # -- what the dock asks: the view's answers ------------------------------------
    def sizeHint(self) -> QSize:
        return self.view.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return _minimum(self.view)

    # -- events ------------------------------------------------------------------------
    def _pass_on_if_changed(self) -> None:
        limits = self._current()
        if limits != self._limits:
            self._limits = limits
            self._apply(limits)
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the view has re-laid itself out
            self._pass_on_if_changed()
            return True
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._pass_on_if_changed()  # a hidden box is sent no requests
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.view.setGeometry(self.rect())
        super().resizeEvent(event)
