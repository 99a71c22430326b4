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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QDesktopServices, QKeySequence
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

from annotator.errors import AnnotatorError, NotFound
from annotator.models import CLAIM_RELATIONS, Attach, Changes, ClaimLink, Evidence, EvidenceLink
from ui import evidence_commands as cmd
from ui import evidence_dialogs as dialogs
from ui.session import ProjectSession

COLUMNS = ("Relation", "Kind", "Evidence", "Note")
NOTE_WIDTH = 150
MAX_TEXT_CHARS = 240  # a cell shows this much; the tooltip has it all
KIND_LABELS = {
    "url": "Web link",
    "document": "Document",
    "statistic": "Statistic",
    "dataset": "Dataset rows",
    "article_span": "Passage",
    "note": "Note",
    "claim": "Claim",
}
RELATION_COLOURS = {
    "supports": "#1b7f3b",
    "refutes": "#b3261e",
    "context": "#5f6368",
    "same": "#1a5fb4",
    "contradicts": "#b3261e",
    "responds-to": "#8a4baf",
}
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
Index = QModelIndex | QPersistentModelIndex
Entry = EvidenceLink | ClaimLink
SelectionSource = Callable[[], "tuple[int, int, int] | None"]


@dataclass(frozen=True)
class Row:
    relation: str
    kind: str
    text: str
    note: str
    entry: Entry


def rows_for(session: ProjectSession, claim_id: int) -> list[Row]:
    project = session.project
    rows = [
        Row(link.relation, link.evidence.kind, link.evidence.label(), link.note, link)
        for link in project.evidence.list(claim_id)
    ]
    titles: dict[int, str] = {}  # only the linked articles' (listing all counts every claim)
    for link in project.links.list(claim_id):
        quote = " ".join(link.other_quote(claim_id).split())
        relation = link.relation
        if link.to_claim == claim_id and relation == "responds-to":
            relation = "answered by"  # seen from the claim that was responded to
        other = link.other_article(claim_id)
        if other not in titles:
            try:
                titles[other] = project.articles.summary(other).title
            except NotFound:
                titles[other] = "?"
        text = f"“{quote}” — {titles[other]}"
        rows.append(Row(relation, "claim", text, link.note, link))
    return rows


class EvidenceModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(row.text.split())
            text = text if len(text) <= MAX_TEXT_CHARS else text[: MAX_TEXT_CHARS - 1] + "…"
            return (row.relation, KIND_LABELS.get(row.kind, row.kind), text, row.note)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.text + (f"\n\nNote: {row.note}" if row.note else "")
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(QColor(RELATION_COLOURS.get(row.relation, "#5f6368")))
        return None


class EvidencePanel(QWidget):
    """Dock contents: the claim's evidence and claim links, with Add / Open / Edit / Remove."""

    dataset_requested = Signal(str, int)  # dataset name, row number (from 1)
    datasets_wanted = Signal()  # show the datasets dock to pick rows
    span_requested = Signal(int, int, int)  # article id, start, end
    message = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id: int | None = None
        # Injected so tests never launch a browser; the default is the desktop's.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.selection_source: SelectionSource = lambda: None
        self.temp_root = Path(tempfile.gettempdir())

        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Claim shown")
        self.model = EvidenceModel()
        self.table = QTableView(self)
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
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, NOTE_WIDTH)
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
        self.edit_button.setAccessibleName("Edit the selected link")
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
    def show_claim(self, claim_id: object) -> None:
        self.claim_id = claim_id if isinstance(claim_id, int) else None
        self.reload()

    def reload(self) -> None:
        claim = None
        if self.claim_id is not None:
            try:
                claim = self.session.project.claims.get(self.claim_id)
            except AnnotatorError:
                self.claim_id = None
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
            or self.claim_id in changes.claims
        ):
            self.reload()

    def entries(self) -> list[Entry]:
        return [row.entry for row in self.model.rows]

    def selected(self) -> Entry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return self.model.rows[0].entry if len(self.model.rows) == 1 else None
        return self.model.rows[index.row()].entry

    def select(self, entry: Entry) -> None:
        for row, found in enumerate(self.model.rows):
            if found.entry == entry:
                self.table.selectRow(row)

    # -- adding -----------------------------------------------------------------
    def _need_claim(self) -> int | None:
        if self.claim_id is None:
            self.message.emit("Select a claim first: evidence is always linked to a claim.")
        return self.claim_id

    def _attach(self, dialog: dialogs.EvidenceDialog) -> Attach:
        assert self.claim_id is not None
        return Attach(self.claim_id, dialog.chosen_relation(), dialog.note.text())

    def _submit_item(self, make: Callable[[], Evidence]) -> str | None:
        try:
            item = make()
        except AnnotatorError as exc:
            return str(exc)
        claim = (self.claim_id,) if self.claim_id is not None else ()
        self.session.undo_stack.push(cmd.AddEvidence(self.session, item, claim))
        return None

    def url_dialog(self) -> dialogs.EvidenceDialog:
        dialog = dialogs.url_dialog(self)
        ev = self.session.project.evidence
        dialog.submit = lambda d: self._submit_item(
            lambda: ev.add_url(
                d.text("url"),
                d.text("title"),
                d.text("accessed").strip() or None,
                d.text("archived").strip() or None,
                attach=self._attach(d),
            )
        )
        return dialog

    def statistic_dialog(self) -> dialogs.EvidenceDialog:
        dialog = dialogs.statistic_dialog(self)
        ev = self.session.project.evidence
        dialog.submit = lambda d: self._submit_item(
            lambda: ev.add_statistic(
                *(d.text(k) for k in ("measure", "value", "unit", "period", "source", "citation")),
                attach=self._attach(d),
            )
        )
        return dialog

    def note_dialog(self) -> dialogs.EvidenceDialog:
        dialog = dialogs.note_dialog(self)
        ev = self.session.project.evidence
        dialog.submit = lambda d: self._submit_item(
            lambda: ev.add_note(d.text("text"), attach=self._attach(d))
        )
        return dialog

    def document_dialog(self, path: str = "") -> dialogs.EvidenceDialog:
        dialog = dialogs.document_dialog(self, path)
        ev = self.session.project.evidence

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            if not d.text("file").strip():
                return "Choose a file to attach."
            return self._submit_item(
                lambda: ev.add_document(
                    Path(d.text("file").strip()), d.text("title"), attach=self._attach(d)
                )
            )

        dialog.submit = submit
        return dialog

    def span_dialog(self) -> tuple[dialogs.EvidenceDialog, dialogs.SpanPicker]:
        dialog, picker = dialogs.span_dialog(self.session, self)
        selection = self.selection_source()
        if selection is not None:
            picker.choose(*selection)
        ev = self.session.project.evidence

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            article, span = picker.article_id(), picker.span()
            if article is None or span is None:
                return "Select the passage in the article text."
            return self._submit_item(
                lambda: ev.add_article_span(article, *span, attach=self._attach(d))
            )

        dialog.submit = submit
        return dialog, picker

    def existing_dialog(self) -> tuple[dialogs.EvidenceDialog, dialogs.ItemChooser]:
        assert self.claim_id is not None
        dialog, chooser = dialogs.existing_dialog(self.session, self.claim_id, self)
        ev = self.session.project.evidence

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            evidence_id = chooser.chosen()
            if evidence_id is None or self.claim_id is None:
                return "Pick an evidence item."
            try:
                link = ev.link(self.claim_id, evidence_id, d.chosen_relation(), d.note.text())
            except AnnotatorError as exc:
                return str(exc)
            self.session.undo_stack.push(cmd.LinkEvidence(self.session, link))
            return None

        dialog.submit = submit
        return dialog, chooser

    def claim_link_dialog(self) -> tuple[dialogs.EvidenceDialog, dialogs.ItemChooser]:
        assert self.claim_id is not None
        dialog, chooser = dialogs.claim_link_dialog(self.session, self.claim_id, self)

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            other = chooser.chosen()
            if other is None or self.claim_id is None:
                return "Pick the other claim."
            try:
                link = self.session.project.links.add(
                    self.claim_id, other, d.chosen_relation(), d.note.text()
                )
            except AnnotatorError as exc:
                return str(exc)
            self.session.undo_stack.push(cmd.AddClaimLink(self.session, link))
            return None

        dialog.submit = submit
        return dialog, chooser

    def add_url(self) -> None:
        if self._need_claim() is not None:
            self.url_dialog().exec()

    def add_statistic(self) -> None:
        if self._need_claim() is not None:
            self.statistic_dialog().exec()

    def add_note(self) -> None:
        if self._need_claim() is not None:
            self.note_dialog().exec()

    def add_document(self, path: str = "") -> None:
        if self._need_claim() is not None:
            self.document_dialog(path).exec()

    def add_span(self) -> None:
        if self._need_claim() is not None:
            self.span_dialog()[0].exec()

    def add_dataset_rows(self) -> None:
        """Rows are picked in the datasets dock, then pinned from there."""
        if self._need_claim() is not None:
            self.datasets_wanted.emit()
            self.message.emit("Select rows in the dataset, then press “Pin rows to claim…”")

    def add_existing(self) -> None:
        if self._need_claim() is not None:
            self.existing_dialog()[0].exec()

    def add_claim_link(self) -> None:
        if self._need_claim() is not None:
            self.claim_link_dialog()[0].exec()

    # -- editing and removing --------------------------------------------------------
    def edit_dialog(self, entry: Entry | None = None) -> dialogs.EvidenceDialog | None:
        entry = entry or self.selected()
        if entry is None:
            return None
        if isinstance(entry, ClaimLink):
            dialog = dialogs.relation_dialog(
                "Change the claim link", self, CLAIM_RELATIONS, entry.relation, entry.note
            )

            def submit_claim(d: dialogs.EvidenceDialog) -> str | None:
                try:
                    after = self.session.project.links.update(
                        entry.id, d.chosen_relation(), d.note.text()
                    )
                except AnnotatorError as exc:
                    return str(exc)
                self.session.undo_stack.push(cmd.EditClaimLink(self.session, entry, after))
                return None

            dialog.submit = submit_claim
            return dialog
        dialog = dialogs.relation_dialog(
            "Change the link", self, relation=entry.relation, note=entry.note
        )

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            try:
                after = self.session.project.evidence.update_link(
                    entry.claim_id, entry.evidence.id, d.chosen_relation(), d.note.text()
                )
            except AnnotatorError as exc:
                return str(exc)
            self.session.undo_stack.push(cmd.EditEvidenceLink(self.session, entry, after))
            return None

        dialog.submit = submit
        return dialog

    def edit_selected(self) -> None:
        dialog = self.edit_dialog()
        if dialog is not None:
            dialog.exec()

    def remove_selected(self, entry: Entry | None = None) -> None:
        """Unlink the item from this claim (it stays in the project), or remove a claim link."""
        entry = entry or self.selected()
        if entry is None:
            return
        try:
            if isinstance(entry, ClaimLink):
                snapshot = self.session.project.links.remove(entry.id)
                self.session.undo_stack.push(cmd.RemoveClaimLink(self.session, entry, snapshot))
            else:
                snapshot = self.session.project.evidence.unlink(entry.claim_id, entry.evidence.id)
                self.session.undo_stack.push(cmd.UnlinkEvidence(self.session, entry, snapshot))
        except AnnotatorError as exc:
            self.message.emit(str(exc))

    def delete_item(self, entry: Entry | None = None) -> None:
        """Delete the evidence item itself, from every claim it backs."""
        entry = entry or self.selected()
        if not isinstance(entry, EvidenceLink):
            return
        try:
            snapshot = self.session.project.evidence.delete(entry.evidence.id)
        except AnnotatorError as exc:
            self.message.emit(str(exc))
            return
        self.session.undo_stack.push(cmd.DeleteEvidence(self.session, entry.evidence, snapshot))

    def _context_menu(self, position: Any) -> None:
        entry = self.selected()
        if entry is None:
            return
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.follow(entry))
        menu.addAction("Edit link…", self.edit_selected)
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
