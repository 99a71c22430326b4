"""The library: every article of the project in a sortable, filterable table."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFound
from annotator.models import ArticleSummary, Changes
from ui.reader.area import ARTICLE_MIME, article_mime
from ui.shell.session import ProjectSession

COLUMNS = ("Title", "Outlet", "Date", "Claims")
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    def __init__(self, session: ProjectSession) -> None:
        super().__init__()
        self._session = session
        self._rows: list[ArticleSummary] = []
        self.reload()
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._session.project.articles.list()
        self.endResetModel()

    def _on_changed(self, changes: Changes) -> None:
        """Refresh only the rows of the articles named (a claim change names its article).

        Reloading every article with its claim count on each mark cost more
        than the mark itself in a big project.
        """
        if changes.everything:
            self.reload()
            return
        for article_id in sorted(changes.articles):
            self._refresh_row(article_id, counts_only=bool(changes.claims))

    def _refresh_row(self, article_id: int, counts_only: bool = False) -> None:
        """counts_only: a claim change, so only the count moved (the summary measures the text)."""
        row = self.row_of(article_id)
        project = self._session.project
        if counts_only and row is not None and project.articles.exists(article_id):
            self._rows[row] = replace(self._rows[row], claims=project.claims.count(article_id))
            self.dataChanged.emit(self.index(row, 3), self.index(row, 3))
            return
        try:
            summary = self._session.project.articles.summary(article_id)
        except NotFound:
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            return
        if row is None:
            # A new article: rows stay in id order, as a full reload gives them.
            row = next((r for r, s in enumerate(self._rows) if s.id > article_id), len(self._rows))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, summary)
            self.endInsertRows()
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def article_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, article_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == article_id:
                return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Rows drag onto a reader pane to open the article there.
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_MIME]

    def mimeData(self, indexes: Any) -> Any:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return article_mime([self._rows[r].id for r in rows])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == ARTICLE_ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return s.title + (f"  (rev. of #{s.revision_of})" if s.revision_of else "")
            if column == 1:
                return s.outlet or ""
            if column == 2:
                return (s.published or "")[:10]
            return s.claims
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [
                s.title,
                s.outlet or "",
                s.author or "",
                s.url or "",
                f"{s.length:,} characters",
            ]
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class LibraryPanel(QWidget):
    """Filter box over the article table; emits the id of the article the user opens."""

    article_chosen = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(session)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter articles (title, outlet, date)…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter articles")
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Articles")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as in any other list
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

    def _on_current(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if index.isValid():
            self.article_chosen.emit(int(self.proxy.data(index, ARTICLE_ID_ROLE)))

    def visible_titles(self) -> list[str]:
        return [
            str(self.proxy.data(self.proxy.index(row, 0))) for row in range(self.proxy.rowCount())
        ]

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
