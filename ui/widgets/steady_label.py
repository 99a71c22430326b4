"""A word-wrapped label whose new text re-lays out its form only when its height changes.

QLabel.setText always asks its parent's layout to lay out again: a claim form
headed by a wrapped rich-text title redid the whole form (every row's height
for its width) on each claim shown, ~0.15 ms a mark, to put every field back
where it already was. `SteadyLabel` holds the label in a box without a layout,
so the label's request stops at the box; the box asks its own layout to lay
out again only when the label's height at the box's width differs from the
box's, which is when the form would really move.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class SteadyLabel(QWidget):
    """Put it in a layout where the label would go; `label` is the QLabel shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.setSizePolicy(self.label.sizePolicy())

    def setText(self, text: str) -> None:
        if text == self.label.text():
            return
        self.label.setText(text)
        if self.label.heightForWidth(self.width()) != self.height() or not self.isVisible():
            self.updateGeometry()

    def text(self) -> str:
        return self.label.text()

    # -- what the layout asks: the label's answers ---------------------------------
    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
