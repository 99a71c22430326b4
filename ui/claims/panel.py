"""The claims of the open article, as a sortable, filterable table beside the text.

The model holds claim ids in text order and a cache of Claim values; an edit
refreshes only the rows whose ids the Changes name, so tagging one claim in
an article with thousands does not reload the table.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFound
from annotator.models import Changes, Claim
from ui.claims.column_fit import fitted_widths, heading_widths
from ui.reader.colours import ColourScheme, swatch
from ui.reader.highlighter import Span
from ui.shell.session import ProjectSession
from ui.widgets.cells import CellsProxy, RoleData, role_slots

COLUMNS = ("Quote", "Speaker", "Side", "Stance", "Verdict", "Status", "Anchor")
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Claims sort by where they are in the text unless the user picks a column.
POSITION_ROLE = Qt.ItemDataRole.UserRole + 2
DISPLAY, DECORATION, TOOLTIP = (
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
SERVED_ROLES = frozenset({DISPLAY, DECORATION, TOOLTIP, CLAIM_ID_ROLE, POSITION_ROLE})
QUOTE_COLUMN_CHARS = 200
# Claims fetched at once when a row not yet cached is shown: a few above it
# (scrolling up a notch) and the rest of a screenful below (a paint asks the
# top row first). Each row costs ~8 us to read, so rows beyond the screen are
# paid for on every jump (marking a claim far from the last one): the table
# says how many rows it shows, PAGE_ROWS_BELOW until it has.
PAGE_ROWS_ABOVE = 4
PAGE_ROWS_BELOW = 20
UNPLACED = 1 << 62
# Column widths in pixels (measuring 10,000 rows' contents would take seconds).
COLUMN_WIDTHS = (0, 120, 80, 70, 85, 80, 55)
# The quote is what the row is about: it keeps at least this share of a narrow
# table (the bottom panel between library and inspector is ~500 px at 1280x800).
QUOTE_SHARE = 0.35
NARROWEST_COLUMN = 44
Index = QModelIndex | QPersistentModelIndex


def _text_order(claim_id: int, start: int | None, end: int | None) -> tuple[int, int, int]:
    """Rows follow the text; claims without a place (orphans) come last."""
    return (
        start if start is not None else UNPLACED,
        end if end is not None else UNPLACED,
        claim_id,
    )


class ClaimsModel(QAbstractTableModel):
    """Claim ids in text order, and Claim values fetched a page at a time as rows are shown."""

    def __init__(self, session: ProjectSession, scheme: ColourScheme) -> None:
        super().__init__()
        self._session = session
        self._scheme = scheme
        self.article_id: int | None = None
        self._ids: list[int] = []
        self._keys: list[tuple[int, int, int]] = []  # text order of each row, for insertion
        self._key_of: dict[int, tuple[int, int, int]] = {}  # claim id -> its key, to find its row
        self._cache: dict[int, Claim] = {}
        self.rows_shown = PAGE_ROWS_BELOW  # rows the table shows at once (set_rows_shown)
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(lambda: self.set_article(None))
        scheme.changed.connect(lambda _p: self._refresh_column(0))

    # -- filling -----------------------------------------------------------------
    def set_article(self, article_id: int | None, placed: list[Span] | None = None) -> None:
        """Show an article's claims; `placed` (the reader's spans) saves a query when complete."""
        self.article_id = article_id
        self.reload(placed)

    def reload(self, placed: list[Span] | None = None) -> None:
        self.beginResetModel()
        rows: list[tuple[int, int | None, int | None]] = []
        if self.article_id is not None:
            claims = self._session.project.claims
            if placed is not None and claims.count(self.article_id) == len(placed):
                rows = [(s[0], s[1], s[2]) for s in placed]  # no orphans: the spans are all
            else:
                rows = claims.positions(self.article_id)
        keys = sorted(
            (UNPLACED if a is None else a, UNPLACED if b is None else b, i) for i, a, b in rows
        )
        self._keys = keys
        self._ids = [key[2] for key in keys]
        self._key_of = {key[2]: key for key in keys}
        self._cache = {}
        self.endResetModel()

    def _on_changed(self, changes: Changes) -> None:
        if self.article_id is None:
            return
        if changes.everything or changes.codebook or changes.speakers:
            self.reload()
            return
        for claim_id in changes.claims:
            self._refresh_claim(claim_id)

    def _refresh_claim(self, claim_id: int) -> None:
        try:
            claim: Claim | None = self._session.project.claims.get(claim_id)
        except NotFound:
            claim = None
        if claim is not None and claim.article_id != self.article_id:
            claim = None
        row = self.row_of(claim_id)
        key = None if claim is None else _text_order(claim.id, claim.start, claim.end)
        if row is not None and key is not None and self._keys[row] == key:
            self._cache[claim_id] = claim  # type: ignore[assignment]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row], self._keys[row], self._key_of[claim_id]
            self._cache.pop(claim_id, None)
            self.endRemoveRows()
        if claim is None or key is None:
            return
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, claim.id)
        self._keys.insert(row, key)
        self._key_of[claim.id] = key
        self._cache[claim.id] = claim
        self.endInsertRows()

    def _refresh_column(self, column: int) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    # -- reading -------------------------------------------------------------------
    def claim_id(self, row: int) -> int:
        return self._ids[row]

    def claim(self, row: int) -> Claim:
        claim_id = self._ids[row]
        claim = self._cache.get(claim_id)
        if claim is None:
            self._fetch_page(row)
            claim = self._cache[claim_id]
        return claim

    def set_rows_shown(self, rows: int) -> None:
        self.rows_shown = max(1, rows)

    def _fetch_page(self, row: int) -> None:
        first = max(0, row - PAGE_ROWS_ABOVE)
        wanted = [i for i in self._ids[first : row + self.rows_shown + 1] if i not in self._cache]
        for claim in self._session.project.claims.get_many(wanted):
            self._cache[claim.id] = claim

    def row_of(self, claim_id: int) -> int | None:
        key = self._key_of.get(claim_id)
        return None if key is None else bisect_left(self._keys, key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._value(self.claim(index.row()), index.row(), index.column(), role)

    def multiData(self, index: Index, roleDataSpan: RoleData) -> None:
        """Every role a painted cell asks for, from one row lookup (see ui.widgets.cells)."""
        if index.isValid():
            row, column = index.row(), index.column()
            claim = self.claim(row)
            for slot in role_slots(roleDataSpan):
                role = slot.role()
                value = self._value(claim, row, column, role) if role in SERVED_ROLES else None
                # Cleared, not left: the delegate reuses its slots from cell to cell,
                # and a left slot painted the quote's swatch in every column.
                if value is None:
                    slot.clearData()
                else:
                    slot.setData(value)

    def _value(self, claim: Claim, row: int, column: int, role: int) -> Any:
        # Plain ints: each Qt.ItemDataRole.X lookup costs more than the rest of a cell.
        if role == DISPLAY:
            return self._display(claim, column)
        if role == DECORATION:
            return swatch(self._scheme.colour_of_claim(claim)) if column == 0 else None
        if role == TOOLTIP:
            return claim.quote if column == 0 else None
        if role == CLAIM_ID_ROLE:
            return claim.id
        if role == POSITION_ROLE:
            return row
        return None

    @staticmethod
    def _display(claim: Claim, column: int) -> str:
        if column == 0:
            # Line breaks would make rows of uneven height; every other character
            # (non-breaking spaces included) is shown as stored.
            quote = claim.quote.replace("\r", " ").replace("\n", " ").replace("\t", " ")
            return quote[:QUOTE_COLUMN_CHARS] + ("…" if len(quote) > QUOTE_COLUMN_CHARS else "")
        values = (
            claim.speaker,
            claim.side,
            claim.stance,
            claim.verdict,
            claim.status,
            claim.anchor,
        )
        return values[column - 1] or ""


class ClaimsTable(QTableView):
    """The table; Delete asks for the current claim to be deleted."""

    delete_requested = Signal(int)
    # How many rows fit on screen (whole or in part), when the table's height changes.
    rows_shown_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table (it trapped the focus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            index = self.currentIndex()
            if index.isValid():
                self.delete_requested.emit(int(index.data(CLAIM_ID_ROLE)))
                return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
        # A scroll area's resize events are its viewport's: this is the rows' room.
        if event.size().height() != event.oldSize().height():
            row = max(1, self.verticalHeader().defaultSectionSize())
            self.rows_shown_changed.emit(-(-event.size().height() // row))

    def fit_columns(self) -> None:
        """Shrink the other columns (not below their headings) when they would squeeze the quote.

        Without this a narrow panel scrolls sideways and shows a sliver of the
        quote ("uot"); wide enough, the user's own column widths are kept.
        """
        header = self.horizontalHeader()
        available = self.viewport().width()
        if available <= 0 or header.count() < len(COLUMN_WIDTHS):
            return
        others = range(1, len(COLUMN_WIDTHS))
        room = int(available * (1 - QUOTE_SHARE))
        if sum(header.sectionSize(c) for c in others) <= room:
            return
        widths = fitted_widths(
            [COLUMN_WIDTHS[c] for c in others],
            heading_widths(header, others, NARROWEST_COLUMN),
            room,
        )
        for column, width in zip(others, widths, strict=True):
            header.resizeSection(column, width)


class ClaimsPanel(QWidget):
    """Filter box, claim count and the table, following the session's current claim."""

    def __init__(
        self, session: ProjectSession, scheme: ColourScheme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ClaimsModel(session, scheme)
        self.proxy = CellsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter claims (quote, speaker, side, stance…)")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter claims")
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Claim count")

        self.table = ClaimsTable(self)
        self.table.rows_shown_changed.connect(self.model.set_rows_shown)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Claims")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, COLUMN_WIDTHS[column])
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.filter_box.textChanged.connect(lambda _t: self._update_count())
        session.current_claim_changed.connect(self.select_claim)
        self.model.modelReset.connect(lambda: self.select_claim(session.current_claim))
        self.model.rowsInserted.connect(lambda *_a: self.select_claim(session.current_claim))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table)
        self._update_count()

    def set_article(self, article_id: int | None, placed: list[Span] | None = None) -> None:
        if article_id != self.model.article_id:
            self.model.set_article(article_id, placed)

    def _update_count(self, *_args: object) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if self.model.article_id is None:
            self.count_label.setText("Open an article to see its claims.")
        elif total == 0:
            self.count_label.setText("No claims yet: select words in the text and press M.")
        elif shown == total:
            self.count_label.setText(f"{total} claim{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{shown} of {total} claims")

    def _on_row(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            self.session.set_current_claim(int(index.data(CLAIM_ID_ROLE)))

    def select_claim(self, claim_id: object) -> None:
        """Show the session's current claim as the selected row (without feeding back)."""
        selection = self.table.selectionModel()
        row = self.model.row_of(claim_id) if isinstance(claim_id, int) else None
        if row is None:
            selection.clear()  # the current index too, so picking that row again counts
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid() or index == self.table.currentIndex():
            return
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def visible_quotes(self) -> list[str]:
        return [
            str(self.proxy.data(self.proxy.index(row, 0))) for row in range(self.proxy.rowCount())
        ]
