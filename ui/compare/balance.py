"""The balance report: per side and topic, claims marked, checked, and each verdict.

A checker (or an editor reviewing them) sees at a glance whether one side's
claims were checked more, or judged harsher, than the other's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from annotator.compare.service import BalanceRow
from annotator.models import Changes
from ui.shell.session import ProjectSession

Index = QModelIndex | QPersistentModelIndex
FIXED = ("Side", "Topic", "Marked", "Checked")


class BalanceModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[BalanceRow] = []
        self.verdicts: list[str] = []
        self.colours: dict[str, str] = {}

    def set_rows(
        self, rows: list[BalanceRow], verdicts: list[str], colours: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self.rows, self.verdicts, self.colours = rows, verdicts, colours
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED) + len(self.verdicts)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (*FIXED, *self.verdicts)[section]
        return None

    def value(self, row: int, column: int) -> Any:
        r = self.rows[row]
        fixed = (r.side, r.topic, r.marked, r.checked)
        return (
            fixed[column] if column < len(FIXED) else r.verdicts[self.verdicts[column - len(FIXED)]]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value == 0 and index.column() >= len(FIXED) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            colour = self.colours.get(self.rows[index.row()].side)
            return QColor(colour) if colour else None
        return None


class BalanceView(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Balance report")
        self._dirty = True
        self.summary = QLabel(self)
        self.model = BalanceModel()
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any list
        self.table.setModel(self.model)
        self.table.setAccessibleName("Claims per side and topic")
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self.reload)

    def reload(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        compare = self.session.project.compare
        rows = compare.balance()
        colours = {e.name: e.colour for e in self.session.project.codebook.entries("side")}
        self.model.set_rows(rows, compare.verdict_names(), colours)
        marked = sum(r.marked for r in rows)
        checked = sum(r.checked for r in rows)
        self.summary.setText(
            f"{marked} claims marked (counted once per topic), {checked} checked."
            if rows
            else "No claims marked yet."
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.claims or changes.codebook or changes.everything:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()
