"""A layout that lays its items left to right and wraps onto a new row when the
width runs out, so a row of filters fits a narrow bottom panel (Compare sides at
1280x800) without asking for the width of all of them side by side."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items in reading order, wrapped by width; its height follows its width
    (heightForWidth), so the layouts above it give it the rows it needs."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._height = 0  # the rows' height at the width last laid out in
        self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout protocol -------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    # No heightForWidth: a scroll area asks a view that has it for its *preferred*
    # height at the width (every table at its size hint), and scrolled the Figures
    # view at 1280x800. The rows it needs at its width now are its minimum instead.
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._place(rect, move=True)
        if height != self._height:
            self._height = height
            self.invalidate()  # the layouts above read the new minimum on their next pass

    def heightForWidth(self, width: int) -> int:
        """The height the rows take at `width` (not told to the layouts above)."""
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """All items on one row: what it takes not to wrap at all."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, max(height, self._height)).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single item (narrower, something would be cut), as tall as the
        rows it was last laid out in."""
        size = QSize(0, self._height)
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # -- placing --------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out row by row in `rect` (moving them only when `move`);
        the height used. An item added with AlignRight (`setAlignment`) goes to the
        right end of its row, as buttons after a stretch would."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        rows: list[list[tuple[QLayoutItem, int]]] = [[]]
        x = area.x()
        for item in self._shown():
            width = max(min(item.sizeHint().width(), area.width()), item.minimumSize().width())
            if rows[-1] and x + width > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append((item, width))
            x += width + self._gap
        y = area.y()
        for row in rows:
            height = max((item.sizeHint().height() for item, _ in row), default=0)
            x = area.x()
            for n, (item, width) in enumerate(row):
                if item.alignment() & Qt.AlignmentFlag.AlignRight:
                    rest = sum(w for _, w in row[n:]) + self._gap * (len(row) - n - 1)
                    x = max(x, area.right() + 1 - rest)
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, item.sizeHint().height())))
                x += width + self._gap
            y += height + self._gap
        used = y - self._gap if any(rows) else y
        return used - rect.y() + margins.bottom()


def group(*widgets: QWidget, parent: QWidget | None = None) -> QWidget:
    """Widgets kept together on one row of a flow (a label and its field)."""
    from PySide6.QtWidgets import QHBoxLayout

    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for widget in widgets:
        row.addWidget(widget)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box
