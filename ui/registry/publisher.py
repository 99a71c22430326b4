"""Project > Publisher…: the fact-checking organisation the project's ClaimReviews name.

One undoable step (history kind "set_publisher", as `annotator publisher`
records it): the old and new publisher are both kept, so undo puts back
exactly what was there, or nothing. Wrong addresses are said in the dialog,
which stays open to fix them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator import publisher as pub
from ui.shell.session import ProjectSession
from ui.shell.undo import perform

if TYPE_CHECKING:
    from ui.shell.host import Host


class PublisherDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Publisher")
        self.setMinimumWidth(480)
        now = pub.get(session.project.db)
        self.name = self._field("Name", now.name if now else "", "Checkpoint Fact Check")
        self.url = self._field("Web address", now.url if now else "", "https://…")
        self.logo = self._field("Logo", now.logo or "" if now else "", "https://… (optional)")
        self.message = QLabel(self)
        self.message.setAccessibleName("Publisher problem")
        self.message.setWordWrap(True)
        self.message.setText(
            "ClaimReviews name this organisation as their author, with its page and logo."
        )
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Web address", self.url)
        form.addRow("Logo", self.logo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _field(self, label: str, value: str, hint: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setAccessibleName(f"Publisher {label.lower()}")
        edit.setPlaceholderText(hint)
        return edit

    def checked(self) -> pub.Publisher:
        """The fields as a publisher a ClaimReview can carry (PublisherError says what is wrong)."""
        name = " ".join(self.name.text().split())
        if not name:
            raise pub.PublisherError("the publisher needs a name")
        logo = self.logo.text().strip()
        return pub.Publisher(
            name,
            pub.web_url(self.url.text(), "publisher URL"),
            pub.web_url(logo, "logo URL") if logo else None,
        )

    def save(self) -> None:
        try:
            new = self.checked()
        except pub.PublisherError as exc:
            self.message.setText(str(exc))
            return
        old = pub.get(self.session.project.db)
        if old != new:
            payload = {"name": new.name, "url": new.url, "logo": new.logo or ""}
            if perform(self.session, "set_publisher", payload) is None:
                return
        self.accept()


class PublisherAction(QObject):
    """Project > Publisher…"""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        host.add_action("project", "publisher", "&Publisher…", self.open)

    def open(self) -> PublisherDialog:
        dialog = PublisherDialog(self.host.session, self.host.window)
        dialog.open()
        return dialog
