"""The library: every article of the project in a sortable, filterable table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.library.model import ARTICLE_ID_ROLE, COLUMNS, LibraryModel
from ui.shell.session import ProjectSession

__all__ = ["ARTICLE_ID_ROLE", "COLUMNS", "LibraryModel", "LibraryPanel"]
# Room either side of a cell's text (Qt's item margins and the sort arrow).
CELL_PADDING = 14
# Outlets wider than this are elided rather than taking the title's room.
MAX_OUTLET_WIDTH = 72  # the title is what a row is read by; outlets are short or cut


class ArticleTable(QTableView):
    """The article table; says when a mouse button goes down and comes up on its rows.

    The press and release come from overriding the view's own handlers, not from an
    event filter on its viewport: asking for the viewport (a QWidget Qt made) makes
    PySide create every widget class to find its type, ~10 ms of the first paint.
    """

    button_pressed = Signal()
    button_released = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.button_pressed.emit()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.button_released.emit()
        super().mouseReleaseEvent(event)


class LibraryPanel(QWidget):
    """Filter box over the article table; emits the id of the article the user opens."""

    article_chosen = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(session)
        # The article the user last picked: a filter or a sort never changes it.
        self._picked: int | None = None
        self._restoring = False

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter articles (title, outlet, date)…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter articles")
        self.filter_box.textChanged.connect(self.model.set_filter)

        self.table = ArticleTable(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Articles")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as in any other list
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be picked (Shift/Ctrl+click) to delete them in one step.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The indicator cleared first: enabling sorting then sorts by "no column",
        # which is the id order the rows are in, instead of sorting 10,000 titles
        # and putting them back.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            # Measured once from the distinct values, not by Qt asking every row.
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        self.model.modelReset.connect(self._fit_columns)
        self.model.rows_rebuilt.connect(self._restore_pick)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_current)
        # A press may start a drag onto a reader pane: the row opens on release,
        # so dragging it replaces the pane it is dropped on and no other.
        self._pending: QPersistentModelIndex | None = None
        self.table.button_pressed.connect(self._on_press)
        self.table.button_released.connect(self._on_release)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        samples = {1: self.model.outlets(), 2: {"0000-00-00"}, 3: {str(self.model.most_claims())}}
        for column, values in samples.items():
            widest = max((metrics.horizontalAdvance(v) for v in values), default=0)
            widest = max(widest, metrics.horizontalAdvance(COLUMNS[column]))
            if column == 1:
                widest = min(widest, MAX_OUTLET_WIDTH)
            header.resizeSection(column, widest + CELL_PADDING)

    def _on_press(self) -> None:
        self._pending = None

    def _on_release(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and pending.isValid():
            self._on_current(pending)

    def _on_current(
        self, index: QModelIndex | QPersistentModelIndex, _previous: object = None
    ) -> None:
        if self._restoring or not index.isValid():
            return
        if QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            # opened on release; a drag swallows the release, so it opens nothing here
            self._pending = QPersistentModelIndex(index)
            return
        article_id = int(self.model.data(index, ARTICLE_ID_ROLE))
        self._picked = article_id
        self.article_chosen.emit(article_id)

    def _restore_pick(self) -> None:
        """After a filter, sort or reload: the same article selected again, nothing opened."""
        if self._picked is None:
            return
        row = self.model.row_of(self._picked)
        self._restoring = True
        try:
            if row is None:
                self.table.clearSelection()
            else:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)
        finally:
            self._restoring = False

    def visible_titles(self) -> list[str]:
        return [
            str(self.model.data(self.model.index(row, 0))) for row in range(self.model.rowCount())
        ]

    def selected_article_ids(self) -> list[int]:
        """The articles whose rows are selected, in the table's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = (self.model.data(self.model.index(row, 0), ARTICLE_ID_ROLE) for row in rows)
        return [value for value in found if isinstance(value, int)]

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row is None:
            return
        self._picked = article_id
        self.table.selectRow(row)
