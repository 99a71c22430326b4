"""Dialogs that gather one evidence item, a claim link, or a link's relation and note.

A dialog only collects; the caller's `submit` does the service call and
returns an error message (shown in the dialog, which stays open) or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.evidence.service import MAX_DOCUMENT_BYTES
from annotator.evidence.statistic import parse_statistic
from annotator.models import CLAIM_RELATIONS, EVIDENCE_RELATIONS
from ui.reader.offsets import TextMap
from ui.shell.session import ProjectSession

Submit = Callable[["EvidenceDialog"], "str | None"]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
RELATION_LABELS = {
    "supports": "supports the claim",
    "refutes": "refutes the claim",
    "context": "gives context",
    "same": "is the same claim",
    "contradicts": "contradicts it",
    "responds-to": "responds to it",
}


def _line(placeholder: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    return edit


class EvidenceDialog(QDialog):
    """Form fields on top, then relation and note, then OK/Cancel and any error."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        relations: Sequence[str] = EVIDENCE_RELATIONS,
        with_relation: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        self.submit: Submit | None = None
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.relation = QComboBox(self)
        self.relation.setAccessibleName("Relation")
        for relation in relations:
            self.relation.addItem(RELATION_LABELS[relation], relation)
        self.note = _line("Why it bears on the claim (optional)", "Note on the link")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Error")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.link_form = QFormLayout()
        if with_relation:
            self.link_form.addRow("This item", self.relation)
            self.link_form.addRow("Note on the link", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.link_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        previous = list(self.fields.values())[-1] if self.fields else None
        self.fields[key] = widget
        self.form.addRow(label, widget)
        # Keyboard order follows the form: the first field has the focus when the
        # dialog opens, Tab walks the fields top to bottom, then relation and note.
        if previous is None:
            widget.setFocus()
        else:
            QWidget.setTabOrder(previous, widget)
        QWidget.setTabOrder(widget, self.relation)
        QWidget.setTabOrder(self.relation, self.note)
        return widget

    def text(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        raise TypeError(key)

    def set_text(self, key: str, value: str) -> None:
        widget = self.fields[key]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)

    def chosen_relation(self) -> str:
        return str(self.relation.currentData())

    def set_relation(self, relation: str) -> None:
        index = self.relation.findData(relation)
        if index >= 0:
            self.relation.setCurrentIndex(index)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        if self.submit is not None:
            problem = self.submit(self)
            if problem:
                self.show_error(problem)
                return
        super().accept()


# -- one builder per kind ----------------------------------------------------------
def url_dialog(parent: QWidget | None = None) -> EvidenceDialog:
    dialog = EvidenceDialog("Add a web link", parent)
    dialog.add_field(
        "url", "Address", _line("https://… (stored as text, never fetched)", "Address")
    )
    dialog.add_field("title", "Title", _line("Title of the page or report", "Title"))
    dialog.add_field("accessed", "Accessed", _line("YYYY-MM-DD (today if blank)", "Date accessed"))
    dialog.add_field(
        "archived", "Archived copy", _line("https://web.archive.org/… (optional)", "Archived copy")
    )
    return dialog


def statistic_dialog(parent: QWidget | None = None) -> EvidenceDialog:
    dialog = EvidenceDialog("Add a statistic", parent)
    quick = _line("resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA", "One line")
    dialog.add_field("line", "One line", quick)
    for key, label, hint in (
        ("measure", "Measure", "What is counted"),
        ("value", "Value", "-20.6"),
        ("unit", "Unit", "%"),
        ("period", "Period", "2008 to 2025"),
        ("source", "Source", "Who published it"),
        ("citation", "Citation", "Table, page or full reference"),
    ):
        dialog.add_field(key, label, _line(hint, label))

    def fill(text: str) -> None:
        parts = parse_statistic(text)
        for key in ("measure", "value", "unit", "period", "source"):
            dialog.set_text(key, getattr(parts, key))

    quick.textEdited.connect(fill)
    return dialog


def note_dialog(parent: QWidget | None = None) -> EvidenceDialog:
    dialog = EvidenceDialog("Add a note", parent)
    edit = QPlainTextEdit()
    edit.setAccessibleName("Note text")
    edit.setPlaceholderText("What you found, who you asked, what is still open…")
    dialog.add_field("text", "Your note", edit)
    return dialog


def document_dialog(parent: QWidget | None = None, path: str = "") -> EvidenceDialog:
    dialog = EvidenceDialog("Attach a document", parent)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    file_edit = _line(f"A file of at most {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB", "File")
    file_edit.setText(path)
    browse = QPushButton("Browse…")
    browse.setAccessibleName("Browse for a file")
    layout.addWidget(file_edit)
    layout.addWidget(browse)
    dialog.fields["file"] = file_edit
    dialog.form.addRow("File", row)
    dialog.add_field("title", "Title", _line("Defaults to the file name", "Title"))

    def choose() -> None:
        name, _ = QFileDialog.getOpenFileName(dialog, "Attach a document", str(Path.home()))
        if name:
            file_edit.setText(name)

    browse.clicked.connect(choose)
    return dialog


class SpanPicker(QWidget):
    """An article chooser over its text; the selection is the passage (code points)."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.articles = QComboBox(self)
        self.articles.setAccessibleName("Article")
        for summary in session.project.articles.list():
            self.articles.addItem(summary.title, summary.id)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setAccessibleName("Article text: select the passage")
        self.view.setMinimumHeight(220)
        self.text_map = TextMap("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.articles)
        layout.addWidget(self.view)
        self.articles.currentIndexChanged.connect(self._show)
        self._show()

    def _show(self) -> None:
        article_id = self.article_id()
        text = "" if article_id is None else self.session.project.articles.get(article_id).text
        self.text_map = TextMap(text)
        self.view.setPlainText(self.text_map.display_text())

    def article_id(self) -> int | None:
        data = self.articles.currentData()
        return None if data is None else int(data)

    def choose(self, article_id: int, start: int | None = None, end: int | None = None) -> None:
        index = self.articles.findData(article_id)
        if index >= 0:
            self.articles.setCurrentIndex(index)
        if start is not None and end is not None:
            a, b = self.text_map.span_to_display(start, end)
            cursor = self.view.textCursor()
            cursor.setPosition(a)
            cursor.setPosition(b, cursor.MoveMode.KeepAnchor)
            self.view.setTextCursor(cursor)

    def span(self) -> tuple[int, int] | None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.text_map.span_from_display(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None


def span_dialog(
    session: ProjectSession, parent: QWidget | None = None
) -> tuple[EvidenceDialog, SpanPicker]:
    dialog = EvidenceDialog("Add a passage of an article", parent)
    picker = SpanPicker(session, dialog)
    dialog.fields["span"] = picker
    dialog.form.addRow("Passage", picker)
    dialog.resize(640, 480)
    return dialog, picker


class ItemChooser(QWidget):
    """A filter box over a list of (id, text) choices."""

    def __init__(
        self, choices: Sequence[tuple[int, str]], name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(f"Filter {name}")
        self.list = QListWidget(self)
        self.list.setAccessibleName(name)
        self.list.setMinimumHeight(200)
        self.list.setWordWrap(True)
        for item_id, text in choices:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, item_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self._filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(ID_ROLE))

    def choose(self, item_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == item_id:
                self.list.setCurrentRow(row)
                return


def claim_link_dialog(
    session: ProjectSession, claim_id: int, parent: QWidget | None = None
) -> tuple[EvidenceDialog, ItemChooser]:
    titles = {a.id: a.title for a in session.project.articles.list()}
    choices = [
        (c.id, f"{titles.get(c.article_id, '?')} — “{' '.join(c.quote.split())[:160]}”")
        for c in session.project.claims.list()
        if c.id != claim_id
    ]
    dialog = EvidenceDialog("Link to another claim", parent, relations=CLAIM_RELATIONS)
    chooser = ItemChooser(choices, "Claims", dialog)
    dialog.fields["claim"] = chooser
    dialog.form.addRow("Other claim", chooser)
    label = dialog.link_form.labelForField(dialog.relation)
    if isinstance(label, QLabel):
        label.setText("The other claim")
    dialog.resize(640, 440)
    return dialog, chooser


def existing_dialog(
    session: ProjectSession, claim_id: int, parent: QWidget | None = None
) -> tuple[EvidenceDialog, ItemChooser]:
    linked = {link.evidence.id for link in session.project.evidence.list(claim_id)}
    choices = [
        (e.id, f"[{e.kind}] {e.label()}  ({e.claims} claims)")
        for e in session.project.evidence.items()
        if e.id not in linked
    ]
    dialog = EvidenceDialog("Link existing evidence", parent)
    chooser = ItemChooser(choices, "Evidence items", dialog)
    dialog.fields["evidence"] = chooser
    dialog.form.addRow("Evidence", chooser)
    dialog.resize(600, 420)
    return dialog, chooser


def relation_dialog(
    title: str,
    parent: QWidget | None = None,
    relations: Sequence[str] = EVIDENCE_RELATIONS,
    relation: str | None = None,
    note: str = "",
) -> EvidenceDialog:
    """Only relation and note: editing a link, pinning dataset rows."""
    dialog = EvidenceDialog(title, parent, relations=relations)
    if relation is not None:
        dialog.set_relation(relation)
    dialog.note.setText(note)
    return dialog
