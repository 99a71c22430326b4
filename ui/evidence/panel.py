"""The evidence panel: what the current claim is checked against, and the
claims it is linked to; add, edit, remove, and follow a link with one click.

It follows `session.current_claim_changed` and repaints from
`session.changed`. Following a link opens a URL in the browser or an attached
file in its viewer only when the user asks (Open button, double-click, Enter).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.models import Changes, ClaimLink, Evidence, EvidenceLink
from ui.evidence.forms import EvidenceForms, SelectionSource
from ui.evidence.table import Entry, EvidenceModel, rows_for
from ui.shell.session import ProjectSession
from ui.shell.undo import refusal

# Opening these from a temporary folder could run them as programs.
RISKY_SUFFIXES = frozenset(
    [
        ".exe",
        ".bat",
        ".cmd",
        ".com",
        ".msi",
        ".ps1",
        ".sh",
        ".desktop",
        ".app",
        ".jar",
        ".vbs",
        ".js",
        ".scr",
        ".lnk",
        ".py",
        ".pif",
        ".reg",
    ]
)
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


class EvidencePanel(EvidenceForms, QWidget):
    """Dock contents: the claim's evidence and claim links, with Add / Open / Edit / Remove."""

    dataset_requested = Signal(str, int)  # dataset name, row number (from 1)
    datasets_wanted = Signal()  # show the datasets dock to pick rows
    span_requested = Signal(int, int, int)  # article id, start, end
    message = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._claim_id: int | None = None
        # Out of sight (its dock closed, or a tab behind the claim form) the panel
        # does not refill on every mark: it is marked stale and refilled when its
        # dock shows it again, or when anything reads what it holds.
        self._in_sight = True
        self._stale = False
        # Injected so tests never launch a browser; the default is the desktop's.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.selection_source: SelectionSource = lambda: None
        self.temp_root = Path(tempfile.gettempdir())

        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Claim shown")
        self.model = EvidenceModel()
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any list
        self.table.setModel(self.model)
        self.table.setAccessibleName("Evidence and linked claims")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setStyleSheet("QTableView::item { padding: 3px 4px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # The evidence and the note share what is left: a fixed-width note squeezed
        # the evidence to one letter a line in the inspector at 1280x800.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.doubleClicked.connect(lambda _i: self.follow())
        self.table.activated.connect(lambda _i: self.follow())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.add_menu = QMenu(self)
        self.add_actions: dict[str, QAction] = {}
        for key, text, slot in (
            ("url", "Web &link…", self.add_url),
            ("document", "&Document…", lambda: self.add_document()),
            ("statistic", "&Statistic…", self.add_statistic),
            ("span", "&Passage of an article…", self.add_span),
            ("dataset", "Dataset &rows…", self.add_dataset_rows),
            ("note", "&Note…", self.add_note),
            ("existing", "&Existing evidence…", self.add_existing),
            ("claim", "Link to another &claim…", self.add_claim_link),
        ):
            action = self.add_menu.addAction(text)
            action.triggered.connect(slot)
            self.add_actions[key] = action
        self.add_button = QPushButton("Add", self)
        self.add_button.setAccessibleName("Add evidence")
        self.add_button.setMenu(self.add_menu)
        self.open_button = QPushButton("Open", self)
        self.open_button.setAccessibleName("Open the selected evidence")
        self.open_button.clicked.connect(lambda: self.follow())
        self.edit_button = QPushButton("Edit…", self)
        self.edit_button.setAccessibleName("Edit the selected evidence")
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAccessibleName("Remove the selected link")
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        remove_key = QAction(self.table)
        remove_key.setShortcut(QKeySequence.StandardKey.Delete)
        remove_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.triggered.connect(lambda: self.remove_selected())
        self.table.addAction(remove_key)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

        session.current_claim_changed.connect(self.show_claim)
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(lambda: self.show_claim(None))
        self.show_claim(session.current_claim)

    # -- showing ----------------------------------------------------------------
    @property
    def claim_id(self) -> int | None:
        """The claim shown (None when it has gone meanwhile): read, the panel is brought up to date."""
        self._catch_up()
        return self._claim_id

    @claim_id.setter
    def claim_id(self, claim_id: int | None) -> None:
        self._claim_id = claim_id

    def set_in_sight(self, shown: bool) -> None:
        """Its dock shows it or stops showing it (QDockWidget.visibilityChanged)."""
        self._in_sight = shown
        if shown:
            self._catch_up()

    def _catch_up(self) -> None:
        if self._stale:
            self.reload()

    def _refresh(self) -> None:
        if self._in_sight:
            self.reload()
        else:
            self._stale = True

    def show_claim(self, claim_id: object) -> None:
        self._claim_id = claim_id if isinstance(claim_id, int) else None
        self._refresh()

    def reload(self) -> None:
        self._stale = False
        claim = None
        if self._claim_id is not None:
            try:
                claim = self.session.project.claims.get(self._claim_id)
            except AnnotatorError:
                self._claim_id = None
        if claim is None:
            self.header.setText("Select a claim to see and add its evidence.")
            self.model.set_rows([])
        else:
            quote = " ".join(claim.quote.split())
            quote = quote if len(quote) <= 140 else quote[:139] + "…"
            self.header.setText(f"<b>Claim {claim.id}</b>: “{_escape(quote)}”")
            self.model.set_rows(rows_for(self.session, claim.id))
            self.table.resizeRowsToContents()
        has_claim = claim is not None
        self.add_button.setEnabled(has_claim)
        for button in (self.open_button, self.edit_button, self.remove_button):
            button.setEnabled(has_claim and self.model.rowCount() > 0)

    def _on_changed(self, changes: Changes) -> None:
        if (
            changes.evidence
            or changes.everything
            or changes.datasets
            or self._claim_id in changes.claims
        ):
            self._refresh()

    def entries(self) -> list[Entry]:
        self._catch_up()
        return [row.entry for row in self.model.rows]

    def selected(self) -> Entry | None:
        self._catch_up()
        index = self.table.currentIndex()
        if not index.isValid():
            return self.model.rows[0].entry if len(self.model.rows) == 1 else None
        return self.model.rows[index.row()].entry

    def select(self, entry: Entry) -> None:
        for row, found in enumerate(self.model.rows):
            if found.entry == entry:
                self.table.selectRow(row)

    # -- editing and removing --------------------------------------------------------
    def edit_selected(self) -> None:
        dialog = self.edit_dialog()
        if dialog is not None:
            dialog.exec()

    def remove_selected(self, entry: Entry | None = None) -> None:
        """Unlink the item from this claim (it stays in the project), or remove a claim link."""
        entry = entry or self.selected()
        if entry is None:
            return
        if isinstance(entry, ClaimLink):
            problem = refusal(self.session, "remove_claim_link", {"link_id": entry.id})
        else:
            payload = {"claim_id": entry.claim_id, "evidence_id": entry.evidence.id}
            problem = refusal(self.session, "unlink_evidence", payload)
        if problem:
            self.message.emit(problem)

    def delete_item(self, entry: Entry | None = None) -> None:
        """Delete the evidence item itself, from every claim it backs."""
        entry = entry or self.selected()
        if not isinstance(entry, EvidenceLink):
            return
        problem = refusal(self.session, "delete_evidence", {"evidence_id": entry.evidence.id})
        if problem:
            self.message.emit(problem)

    def _context_menu(self, position: Any) -> None:
        entry = self.selected()
        if entry is None:
            return
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.follow(entry))
        menu.addAction("Edit…", self.edit_selected)
        menu.addAction("Remove from this claim", lambda: self.remove_selected(entry))
        if isinstance(entry, EvidenceLink):
            menu.addAction("Delete the item everywhere", lambda: self.delete_item(entry))
        menu.exec(self.table.viewport().mapToGlobal(position))

    # -- following ------------------------------------------------------------------
    def follow(self, entry: Entry | None = None) -> None:
        """Go where the item points: the other claim, the passage, the row, the page, the file."""
        entry = entry or self.selected()
        if entry is None or self.claim_id is None:
            return
        if isinstance(entry, ClaimLink):
            self.session.request_article(
                entry.other_article(self.claim_id), entry.other(self.claim_id)
            )
            return
        item = entry.evidence
        if item.kind == "url" and item.url:
            url = QUrl(item.url)
            if url.scheme().lower() in ("http", "https"):
                self.open_url(url)
                self.message.emit(f"Opened {item.url} in the browser")
        elif item.kind == "document":
            self._open_document(item)
        elif item.kind == "dataset" and item.dataset:
            self.dataset_requested.emit(item.dataset, item.rows[0] if item.rows else 1)
        elif item.kind == "article_span" and item.article_id is not None:
            assert item.start is not None and item.end is not None
            self.span_requested.emit(item.article_id, item.start, item.end)
        else:
            self.edit_selected()

    def _open_document(self, item: Evidence) -> None:
        name, data = self.session.project.evidence.document(item.id)
        safe = _UNSAFE_NAME.sub("_", Path(name).name).strip(". ") or "document"
        folder = Path(tempfile.mkdtemp(prefix="annotator-doc-", dir=self.temp_root))
        target = folder / safe
        target.write_bytes(data)
        os.chmod(target, 0o600)
        if target.suffix.lower() in RISKY_SUFFIXES:
            self.message.emit(f"Saved to {target}; not opened, as it could run as a program")
            return
        self.open_url(QUrl.fromLocalFile(str(target)))
        self.message.emit(f"Opened {name} (a copy in {folder})")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
