"""The datasets dock's table model: one imported table, paged through the service.

It holds only a cache of pages fetched through project.datasets.rows(), so a
table of a million rows opens as fast as one of eighteen.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.errors import AnnotatorError
from annotator.models import Dataset
from ui.shell.session import ProjectSession

PAGE_ROWS = 200
MAX_CACHED_PAGES = 40
Index = QModelIndex | QPersistentModelIndex


class DatasetTableModel(QAbstractTableModel):
    """Rows of one dataset, fetched a page at a time and kept in a small cache."""

    def __init__(self, session: ProjectSession) -> None:
        super().__init__()
        self.session = session
        self.dataset: Dataset | None = None
        self.order_by: str | None = None
        self.descending = False
        self.filter = ""
        self._count = 0
        self._pages: OrderedDict[int, list[tuple[int, dict[str, Any]]]] = OrderedDict()

    def set_dataset(self, dataset: Dataset | None) -> None:
        self.dataset = dataset
        self.order_by, self.descending, self.filter = None, False, ""
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = 0
        if self.dataset is not None:
            try:
                self._count = self.session.project.datasets.count(
                    self.dataset.name, self.filter or None
                )
            except AnnotatorError:
                self.dataset = None
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.filter = text.strip()
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.dataset is None:
            return
        self.order_by = (
            self.dataset.columns[column].name if 0 <= column < len(self.dataset.columns) else None
        )
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def _page(self, page: int) -> list[tuple[int, dict[str, Any]]]:
        if page in self._pages:
            self._pages.move_to_end(page)
            return self._pages[page]
        assert self.dataset is not None
        rows = self.session.project.datasets.rows(
            self.dataset.name,
            page * PAGE_ROWS,
            PAGE_ROWS,
            self.order_by,
            self.filter or None,
            self.descending,
        )
        self._pages[page] = rows
        if len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    def entry(self, row: int) -> tuple[int, dict[str, Any]] | None:
        page = self._page(row // PAGE_ROWS)
        offset = row % PAGE_ROWS
        return page[offset] if offset < len(page) else None

    def row_number(self, row: int) -> int | None:
        """The dataset row number (counted from 1) shown at a view row."""
        entry = self.entry(row)
        return None if entry is None else entry[0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.dataset is None else len(self.dataset.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.dataset is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.dataset.columns[section].name
        return self.row_number(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.dataset is None:
            return None
        column = self.dataset.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            entry = self.entry(index.row())
            value = None if entry is None else entry[1][column.name]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
