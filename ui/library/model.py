"""The library's table model: every article, filtered and sorted in Python, not by Qt.

A QSortFilterProxyModel filters by asking the model for every cell of every
row on each keystroke: 40,000 calls into Python for 10,000 articles, about
30 ms a letter. Here each row's shown strings and its lower-cased search text
are made once when the rows are read, a filter is one list comprehension over
those strings, and a sort one `sorted` over precomputed keys, so Qt only asks
for the rows it paints (the row cache Anki's browser uses for 100,000 cards).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from annotator.errors import NotFound
from annotator.models import ArticleListing, Changes
from ui.reader.area import ARTICLE_MIME, article_mime
from ui.shell.session import ProjectSession

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

COLUMNS = ("Title", "Outlet", "Date", "Claims")
CLAIMS_COLUMN = COLUMNS.index("Claims")
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _cells(row: ArticleListing) -> tuple[str, str, str, int]:
    title = row.title + (f"  (rev. of #{row.revision_of})" if row.revision_of else "")
    return (title, row.outlet or "", (row.published or "")[:10], row.claims)


def _haystack(row: ArticleListing) -> str:
    return f"{row.title}\n{row.outlet or ''}\n{(row.published or '')[:10]}".casefold()


class LibraryModel(QAbstractTableModel):
    """Rows in id order underneath; `shown` is the filtered, sorted view of them."""

    # Emitted after the shown rows were rebuilt (filter, sort, reload), so the
    # panel can put the selection back on the article it was on.
    rows_rebuilt = Signal()

    def __init__(self, session: ProjectSession) -> None:
        super().__init__()
        self._session = session
        self._rows: list[ArticleListing] = []
        # Each row's lower-cased searchable text, made on the first filter.
        self._haystacks: list[str] | None = None
        self._shown: list[int] = []  # positions in _rows
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # Fetched articles whose address now serves another text -> that revision.
        self._changed_at_source: dict[int, int] = {}
        self.reload()
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self.reload)

    # -- reading and updating ------------------------------------------------
    def reload(self) -> None:
        self._rows = self._session.project.articles.listing()
        self._changed_at_source = self._session.project.web.changed_at_source()
        self._haystacks = None
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        needle, rows = self._filter, self._rows
        if needle:
            if self._haystacks is None:
                self._haystacks = [_haystack(row) for row in rows]
            shown = [i for i, hay in enumerate(self._haystacks) if needle in hay]
        else:
            shown = list(range(len(rows)))
        self._shown = self._ordered(shown) if self._sort is not None else shown
        self.endResetModel()
        self.rows_rebuilt.emit()

    @staticmethod
    def _sort_key(row: ArticleListing, column: int) -> Any:
        value = _cells(row)[column]
        return value if isinstance(value, int) else value.casefold()

    def set_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._filter:
            self._filter = needle
            self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-order the shown rows as a layout change, so selection and current row follow."""
        wanted = None if column < 0 else (column, order)
        if wanted is None and self._sort is None:
            return  # already in id order
        self._sort = wanted
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        positions = [self._shown[p.row()] for p in persistent]
        self._shown = self._ordered(self._shown)
        row_of = {position: row for row, position in enumerate(self._shown)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(row_of[pos], p.column())
                for p, pos in zip(persistent, positions, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _ordered(self, shown: list[int]) -> list[int]:
        if self._sort is None:
            return sorted(shown)
        column, order = self._sort
        rows = self._rows
        return sorted(
            shown,
            key=lambda i: self._sort_key(rows[i], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def _on_changed(self, changes: Changes) -> None:
        """Refresh only the rows of the articles named (a claim change names its article).

        Reloading every article with its claim count on each mark cost more
        than the mark itself in a big project.
        """
        if changes.everything:
            self.reload()
            return
        for article_id in sorted(changes.articles):
            self._refresh(article_id, counts_only=bool(changes.claims))
        if changes.articles and not changes.claims:
            self._update_changed_at_source()

    def _update_changed_at_source(self) -> None:
        """A refetch stores a revision: mark the article it replaces (one small query)."""
        before, after = self._changed_at_source, self._session.project.web.changed_at_source()
        if before == after:
            return
        self._changed_at_source = after
        for article_id in set(before) ^ set(after):
            row = self.row_of(article_id)
            if row is not None:
                cell = self.index(row, 0)
                self.dataChanged.emit(cell, cell)

    def changed_at_source(self, article_id: int) -> int | None:
        """The newer revision its address now serves, for an article changed at the source."""
        return self._changed_at_source.get(article_id)

    def _position(self, article_id: int) -> int | None:
        # Rows stay in id order: a binary search finds one among 100,000.
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._rows[mid].id < article_id:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._rows) and self._rows[lo].id == article_id:
            return lo
        return None

    def _refresh(self, article_id: int, counts_only: bool = False) -> None:
        """counts_only: a claim change, so only the count moved."""
        position = self._position(article_id)
        project = self._session.project
        if counts_only and position is not None:
            old = self._rows[position]
            if project.articles.exists(article_id):
                claims = project.claims.count(article_id)
                if claims != old.claims:  # a claim retagged leaves the count, and the row, alone
                    self._replace(position, old._replace(claims=claims), CLAIMS_COLUMN)
                return
        listing = project.articles.listing_of(article_id)
        self._haystacks = None
        if listing is None:
            if position is not None:
                del self._rows[position]
                self._rebuild()
            return
        if position is None:
            at = next((i for i, r in enumerate(self._rows) if r.id > article_id), len(self._rows))
            self._rows.insert(at, listing)
            if not self._filter and self._sort is None:
                # The common case while importing: the new row shows at once, in place.
                self.beginInsertRows(QModelIndex(), at, at)
                self._shown = list(range(len(self._rows)))
                self.endInsertRows()
            else:
                self._rebuild()
            return
        self._replace(position, listing)

    def _replace(self, position: int, listing: ArticleListing, column: int | None = None) -> None:
        """`column`: the one cell that changed (the count), repainted alone."""
        self._rows[position] = listing
        if self._haystacks is not None:
            self._haystacks[position] = _haystack(listing)
        if self._filter or self._sort is not None:
            self._rebuild()
            return
        first, last = (0, len(COLUMNS) - 1) if column is None else (column, column)
        self.dataChanged.emit(self.index(position, first), self.index(position, last))

    # -- what Qt asks --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def total(self) -> int:
        return len(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def article_id(self, row: int) -> int:
        return self._rows[self._shown[row]].id

    def row_of(self, article_id: int) -> int | None:
        """The shown row of an article, or None when it is filtered out or gone."""
        position = self._position(article_id)
        if position is None:
            return None
        try:
            return self._shown.index(position)
        except ValueError:
            return None

    def outlets(self) -> set[str]:
        """Every outlet named, read straight from the rows (no cells built for 10,000 rows)."""
        return {r.outlet or "" for r in self._rows}

    def most_claims(self) -> int:
        return max((r.claims for r in self._rows), default=0)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Rows drag onto a reader pane to open the article there.
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_MIME]

    def mimeData(self, indexes: Any) -> Any:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return article_mime([self.article_id(r) for r in rows])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[self._shown[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cells(row)[index.column()]
        if role == ARTICLE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row.id)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.column() == 0
            and row.id in self._changed_at_source
        ):
            return _changed_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, article_id: int) -> str:
        """Read when hovered: the author, address and length are not in the listing."""
        try:
            s = self._session.project.articles.summary(article_id)
        except NotFound:
            return ""
        parts = [s.title, s.outlet or "", s.author or "", s.url or "", f"{s.length:,} characters"]
        newer = self._changed_at_source.get(article_id)
        if newer is not None:
            parts.append(
                f"Changed at the source: its address now serves another text (article #{newer})"
            )
        return "\n".join(p for p in parts if p)


def _changed_icon() -> QIcon:
    """The warning sign of the style, made once (a pixmap per paint would be wasted)."""
    global _CHANGED_ICON
    if _CHANGED_ICON is None:
        # QStyle is imported here, on the first changed article: creating its
        # Python enums costs start-up ~5 ms for an icon most projects never show.
        from PySide6.QtWidgets import QApplication, QStyle

        style = QApplication.style()
        _CHANGED_ICON = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _CHANGED_ICON


_CHANGED_ICON: QIcon | None = None
