"""The question a new speaker raises: whose side are they on?

Shown inline in the claim form right after a speaker is created from the
speaker field, so the side is given without opening the Speakers dialog.
The sides list has focus: type its first letters (or use the arrows), Enter
sets it, Esc (or leaving it) skips. Setting it is one undoable step that
gives the speaker the side and, when the claim has none yet, the claim too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.reader.colours import swatch
from ui.shell.session import ProjectSession

NOT_KNOWN = "— not known —"


class SideCombo(QComboBox):
    """A sides list that answers Enter (a plain combo passes it on) and Esc."""

    confirmed = Signal()
    skipped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirmed.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.skipped.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        view = self.view()
        if event.reason() != Qt.FocusReason.PopupFocusReason and not view.isVisible():
            self.skipped.emit()


class SidePrompt(QWidget):
    """The line "Side of “Name”: [sides] Set / Skip" under the speaker field."""

    side_chosen = Signal(int, object)  # speaker id, side id (None: not known)
    closed = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.speaker_id: int | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.sides = SideCombo(self)
        self.sides.setAccessibleName("Side of the new speaker")
        self.sides.confirmed.connect(self.confirm)
        self.sides.skipped.connect(self.skip)
        self.set_button = QPushButton("Set", self)
        self.set_button.clicked.connect(self.confirm)
        self.skip_button = QPushButton("Skip", self)
        self.skip_button.clicked.connect(self.skip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.sides, 1)
        layout.addWidget(self.set_button)
        layout.addWidget(self.skip_button)
        self.hide()

    def ask(self, speaker_id: int, name: str) -> None:
        """Show the question for this speaker with the sides list focused."""
        self.speaker_id = speaker_id
        self.label.setText(f"Side of “{name}”:")
        self.sides.clear()
        self.sides.addItem(NOT_KNOWN, None)
        for entry in self.session.project.codebook.entries("side"):
            self.sides.addItem(swatch(entry.colour), entry.name, entry.id)
        self.sides.setToolTip(
            "Type the side's first letters or use the arrows; Enter sets it, Esc skips"
        )
        self.show()
        self.sides.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm(self) -> None:
        speaker_id = self.speaker_id
        if speaker_id is None:
            return
        side_id = self.sides.currentData()
        self._close()
        if side_id is not None:
            self.side_chosen.emit(speaker_id, side_id)

    def skip(self) -> None:
        if self.speaker_id is not None:
            self._close()

    def _close(self) -> None:
        self.speaker_id = None
        self.hide()
        self.closed.emit()
