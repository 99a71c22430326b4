"""File > Restore from backup…: the project's backups, its schedule, and restore.

The list is a Qt table model over project.backups.list(); the schedule is two
spin boxes applied as one undoable command; restoring is handed back to the
window, which must close the project before the file is replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.backups import service as backups
from ui.shell.session import ProjectSession
from ui.shell.undo import perform
from ui.widgets.table_model import ColumnsTableModel

COLUMNS = ("Taken", "Kind", "Size")
KIND_LABELS = {
    backups.MANUAL: "made by hand",
    backups.SCHEDULED: "scheduled",
    backups.BEFORE_RESTORE: "before a restore",
}
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    if kind.startswith(backups.BEFORE_SCHEMA):
        return f"before upgrade from schema {kind.rsplit('-', 1)[-1]}"
    return KIND_LABELS.get(kind, kind)


def size_label(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB" if size >= 100_000 else f"{size / 1000:,.0f} KB"


class BackupListModel(ColumnsTableModel):
    """The backups of the open project, newest first."""

    columns = COLUMNS

    def __init__(self, session: ProjectSession) -> None:
        super().__init__()
        self._session = session
        self.rows: list[backups.Backup] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self._session.project.backups.list()
        self.endResetModel()

    def backup(self, row: int) -> backups.Backup:
        return self.rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{b.created_at:%Y-%m-%d %H:%M:%S}",
                kind_label(b.kind),
                size_label(b.size),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupDialog(QDialog):
    """Pick a backup to restore, make one now, or set the schedule."""

    def __init__(
        self,
        session: ProjectSession,
        restore: Callable[[Path], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups and restore")
        self.setAccessibleName("Backups and restore")
        self.setMinimumSize(620, 420)
        self._session = session
        self._restore = restore

        folder = session.project.backups.folder
        intro = QLabel(
            f"Backups of this project are kept in <b>{folder}</b>. Restoring one first keeps "
            "the project as it is now as another backup, so a restore can be undone too.",
            self,
        )
        intro.setWordWrap(True)

        self.model = BackupListModel(session)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any list
        self.table.setModel(self.model)
        self.table.setAccessibleName("Backups")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _index: self.restore_selected())

        self.back_up_button = QPushButton("&Back up now", self)
        self.back_up_button.setAccessibleName("Back up now")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("&Restore selected…", self)
        self.restore_button.setAccessibleName("Restore the selected backup")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.back_up_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.restore_button)

        schedule = session.project.backups.schedule()
        self.interval = QSpinBox(self)
        self.interval.setRange(0, backups.MAX_INTERVAL_MINUTES)
        self.interval.setSuffix(" minutes")
        self.interval.setSpecialValueText("never")
        self.interval.setValue(schedule.interval_minutes)
        self.interval.setAccessibleName("Back up every (minutes, 0 for never)")
        self.keep = QSpinBox(self)
        self.keep.setRange(1, backups.MAX_KEEP)
        self.keep.setValue(schedule.keep)
        self.keep.setAccessibleName("Backups to keep")
        self.apply_button = QPushButton("&Apply schedule", self)
        self.apply_button.setAccessibleName("Apply the backup schedule")
        self.apply_button.clicked.connect(self.apply_schedule)
        group = QGroupBox("While the project is open", self)
        form = QFormLayout(group)
        form.addRow("Back up e&very", self.interval)
        form.addRow("&Keep the newest", self.keep)
        form.addRow("", self.apply_button)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        self.status = QLabel("", self)
        self.status.setAccessibleName("Backup status")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(group)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self._update_buttons()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def back_up_now(self) -> None:
        try:
            made = self._session.project.backups.create(backups.MANUAL)
        except backups.BackupError as exc:
            self.status.setText(str(exc))
            return
        self.model.reload()
        self.table.selectRow(0)
        self.status.setText(f"Backed up to {made.path.name}")

    def apply_schedule(self) -> None:
        new = backups.Schedule(self.interval.value(), self.keep.value())
        if new != self._session.project.backups.schedule():
            payload = {"new": [new.interval_minutes, new.keep]}
            if perform(self._session, "backup_schedule", payload) is None:
                self.status.setText("The schedule was not changed")
                return
        self.status.setText("Schedule saved with the project")

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and self._restore(chosen.path):
            self.accept()
