"""The import progress dialog: which file, how many of how many, and Cancel.

Not modal: the window stays usable (read, mark) while a batch imports.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)


class ImportProgressDialog(QDialog):
    """Shows a running import; `cancel_requested` fires once when the user cancels."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importing articles")
        self.setModal(False)
        self.setMinimumWidth(460)
        self.setAccessibleName("Import progress")

        self.label = QLabel("Looking for files…", self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("Current file")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the file count is known
        self.bar.setAccessibleName("Import progress")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel import")
        self.buttons.rejected.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    def set_progress(self, done: int, total: int, current: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if current:
            self.label.setText(f"Reading {current}  ({done + 1} of {total})")
        else:
            self.label.setText(f"{done} of {total} files read")

    def _cancel(self) -> None:
        if not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling after the current file…")
        self.cancel_requested.emit()

    def reject(self) -> None:
        """Escape and the close button cancel the import rather than hide it."""
        self._cancel()
