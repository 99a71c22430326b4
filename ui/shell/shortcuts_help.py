"""Help > Keyboard shortcuts: every menu shortcut of the window, plus the keys
that only work where the focus is (they have no menu entry to show them)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Keys bound to a widget rather than a menu action.
FOCUS_KEYS: tuple[tuple[str, str], ...] = (
    (".", "Select the sentence at the cursor; again: add the next sentence (text focused)"),
    (",", "Select the clause at the cursor; again: add the next clause (text focused)"),
    ("M", "Mark the selected words as a claim (text focused)"),
    ("P", "Give the current claim the speaker of the claim before it (text focused)"),
    ("1 … 9", "Set the current claim's stance to the N-th stance (text or claims table focused)"),
    ("0", "Clear the current claim's stance (text or claims table focused)"),
    ("Del", "Delete the selected claim (claims table focused)"),
    ("Del", "Delete the selected article, after asking (library focused)"),
    ("Ctrl+Return", "Save the statement or note being typed"),
)


def shortcut_rows(actions: Mapping[str, QAction]) -> list[tuple[str, str]]:
    rows = list(FOCUS_KEYS)
    for action in actions.values():
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        if keys:
            rows.append((keys, action.text().replace("&", "")))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(620, 560)
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Action"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
