"""The figures of one claim, every field correctable, each edit undoable.

The parser reads "a fifth lower than in 2008" as a 20% fall with base year
2008; the checker knows the union meant RPI and real terms, and says so
here. A corrected figure is the checker's: re-parsing never overwrites it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFound
from annotator.figures.arithmetic import check_claim
from annotator.history.kinds_claims import quantity_payload
from annotator.models import Changes, Quantity
from ui.figures.model import show_value
from ui.shell.session import ProjectSession
from ui.shell.undo import perform

Index = QModelIndex | QPersistentModelIndex
# (field, header) in column order; `words` is shown, not edited (it points into the text).
COLUMNS = (
    ("value", "Value"), ("unit", "Unit"), ("direction", "Direction"), ("qualifier", "Qualifier"),
    ("period", "Period"), ("base_year", "Base year"), ("measure", "Measure"), ("basis", "Cash/real"),
    ("subject", "Subject"), ("words", "Words"),
)  # fmt: skip
READ_ONLY = {"words"}


class QuantitiesModel(QAbstractTableModel):
    """A claim's figures; an edit becomes one edit_quantity step on the undo stack."""

    def __init__(self, session: ProjectSession, claim_id: int) -> None:
        super().__init__()
        self.session = session
        self.claim_id = claim_id
        self.rows: list[Quantity] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self.session.project.quantities.sync([self.claim_id])
            self.rows = self.session.project.quantities.list(self.claim_id)
        except NotFound:
            self.rows = []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if COLUMNS[index.column()][0] not in READ_ONLY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q = self.rows[index.row()]
        name = COLUMNS[index.column()][0]
        value = getattr(q, name)
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "value":
                return show_value(q.value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else (show_value(value) if name == "value" else str(value))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Corrected by the checker" if q.corrected else "As parsed from the statement"
        if role == Qt.ItemDataRole.FontRole and q.corrected:
            font = QFont()
            font.setBold(True)  # the checker's own figures stand out
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        q = self.rows[index.row()]
        name = COLUMNS[index.column()][0]
        text = str(value).strip()
        current = self.data(index, Qt.ItemDataRole.EditRole)
        if text == current:
            return False
        payload = {"old": quantity_payload(q), "fields": {name: text}}
        return perform(self.session, "edit_quantity", payload) is not None


class QuantitiesEditor(QDialog):
    """Non-modal: the checker can keep reading while correcting a claim's figures."""

    def __init__(
        self, session: ProjectSession, claim_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id = claim_id
        self.setWindowTitle("Figures of the claim")
        self.setAccessibleName("Figures of the claim")
        self.setModal(False)
        self.resize(980, 420)
        self.statement = QLabel(self)
        self.statement.setWordWrap(True)
        self.statement.setTextFormat(Qt.TextFormat.RichText)
        self.statement.setAccessibleName("Claim statement with the selected figure's words")
        self.model = QuantitiesModel(session, claim_id)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Figures")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_statement())
        self.checks = QLabel(self)
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setAccessibleName("Arithmetic checks")
        self.add_button = QPushButton("&Add figure", self)
        self.add_button.clicked.connect(self.add_figure)
        self.delete_button = QPushButton("&Delete figure", self)
        self.delete_button.clicked.connect(self.delete_figure)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.statement)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.checks)
        layout.addLayout(row)
        session.changed.connect(self._on_changed)
        self._show_statement()

    def _on_changed(self, changes: Changes) -> None:
        if self.claim_id in changes.claims or changes.everything:
            row = self.table.currentIndex().row()
            self.model.reload()
            if 0 <= row < self.model.rowCount():
                self.table.selectRow(row)
            self._show_statement()

    def _show_statement(self) -> None:
        try:
            claim = self.session.project.claims.get(self.claim_id)
        except NotFound:
            self.statement.setText("<i>This claim no longer exists.</i>")
            return
        text = claim.statement if claim.statement.strip() else claim.quote
        row = self.table.currentIndex().row()
        q = self.model.rows[row] if 0 <= row < len(self.model.rows) else None
        if q is not None and 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.words:
            shown = (escape(text[: q.start]) + "<span style='background:#ffe58a'>"
                     + escape(text[q.start : q.end]) + "</span>" + escape(text[q.end :]))  # fmt: skip
        else:
            shown = escape(text)
        who = escape(claim.speaker or "speaker unknown")
        self.statement.setText(
            f"<p style='font-size:12pt'>“{shown}”</p><p style='color:#555'>{who}</p>"
        )
        findings = check_claim(self.model.rows)
        if findings:
            self.checks.setText("<br>".join(
                f"{'⚠' if f.severity == 'warning' else 'ℹ'} {escape(f.message)}" for f in findings
            ))  # fmt: skip
        else:
            self.checks.setText("<span style='color:#777'>No arithmetic checks to report.</span>")

    def add_figure(self) -> None:
        payload = {"claim_id": self.claim_id, "fields": {"value": 0, "unit": "%"}}
        if perform(self.session, "add_quantity", payload) is not None:
            self.table.selectRow(self.model.rowCount() - 1)
            self.table.setFocus()

    def delete_figure(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows):
            self.session.report("Pick the figure to delete first.")
            return
        q = self.model.rows[row]
        perform(self.session, "delete_quantity", {"quantity_id": q.id, "claim_id": self.claim_id})
