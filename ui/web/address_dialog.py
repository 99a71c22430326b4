"""Asking for web addresses: one or more, one per line, checked before anything is fetched.

The clipboard's address is offered when it holds one, since a fact-checker
usually arrives with a link copied from the browser.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def parse_addresses(text: str) -> tuple[list[str], list[str]]:
    """(web addresses, problems) from the text: one address per line, blanks ignored."""
    addresses: list[str] = []
    problems: list[str] = []
    for line in text.splitlines():
        value = line.strip()
        if not value:
            continue
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            problems.append(f"“{value[:80]}” is not a web address (http:// or https://).")
        elif value not in addresses:
            addresses.append(value)
    return addresses, problems


class AddressDialog(QDialog):
    """A box for addresses; OK only when every line is an http(s) address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from address")
        self.setAccessibleName("Import from address")
        self.setMinimumWidth(560)
        hint = QLabel(
            "Web addresses to fetch and import, one per line. Each page is fetched once "
            "and kept in the project as an archived copy; no link inside a page is followed.",
            self,
        )
        hint.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName("Addresses")
        self.edit.setPlaceholderText("https://www.example.org/news/2025/pay-offer")
        self.edit.setTabChangesFocus(True)
        clipboard = QGuiApplication.clipboard().text().strip()
        if clipboard and not parse_addresses(clipboard)[1]:
            self.edit.setPlainText(clipboard)
            self.edit.selectAll()
        self.problem = QLabel(self)
        self.problem.setAccessibleName("Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._validate)
        self._validate()

    def addresses(self) -> list[str]:
        return parse_addresses(self.edit.toPlainText())[0]

    def _validate(self) -> None:
        addresses, problems = parse_addresses(self.edit.toPlainText())
        self.problem.setText(" ".join(problems[:3]))
        self.problem.setVisible(bool(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(addresses) and not problems)
