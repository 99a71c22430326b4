"""The progress window of a background job: what is being worked on, a bar, Cancel.

Not modal: the window stays usable while the job runs. Escape and the close
button cancel the job rather than hide it, so nothing runs on unseen. Every
background job in the window shows this one dialog (ui/shell/job_runner.py).
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


class JobProgressDialog(QDialog):
    """`cancel_requested` fires once when the user cancels."""

    cancel_requested = Signal()

    def __init__(
        self,
        title: str,
        verb: str,
        unit: str,
        parent: QWidget | None = None,
        counted: bool = True,
    ) -> None:
        super().__init__(parent)
        self.verb = verb  # "Fetching"
        self.unit = unit  # "addresses"
        # False when `done of total` is a fraction (bytes, rows), not items to name
        self.counted = counted
        self.setWindowTitle(title)
        self.setModal(False)
        self.setMinimumWidth(480)
        self.setAccessibleName(title)

        self.label = QLabel("Starting…", self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("Current item")
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the count is known
        self.bar.setAccessibleName(f"{title} progress")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(f"Cancel {title.lower()}")
        self.buttons.rejected.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    def set_progress(self, done: int, total: int, current: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if not self.cancel_button.isEnabled():
            return  # keep saying that it is cancelling
        if not self.counted:
            percent = 100 * done // max(total, 1)
            self.label.setText(f"{self.verb} {current}  ({percent}%)" if current else f"{percent}%")
        elif current:
            self.label.setText(f"{self.verb} {current}  ({done + 1} of {total})")
        else:
            self.label.setText(f"{done} of {total} {self.unit} done")

    def _cancel(self) -> None:
        if not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling after the current one…")
        self.cancel_requested.emit()

    def reject(self) -> None:
        self._cancel()
