"""Article details: edit title, outlet, author, date and URL; one undoable step.

The canonical text is never editable (claims are anchored to it); only the
metadata a page or file stated, or failed to state, is corrected here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.models import ArticleSummary
from annotator.text.dates import to_iso
from ui.shell.session import ProjectSession
from ui.shell.undo import perform

# field -> label, in form order (the fields project.articles.update_metadata takes)
FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "&Title"),
    ("outlet", "&Outlet"),
    ("author", "&Author"),
    ("published", "&Published"),
    ("url", "&URL"),
)
Details = dict[str, str | None]


def details_of(summary: ArticleSummary) -> Details:
    return {name: getattr(summary, name) for name, _label in FIELDS}


class ArticleDetailsDialog(QDialog):
    """A form over one article's metadata; `changed_values()` gives only what was edited."""

    def __init__(
        self,
        summary: ArticleSummary,
        parent: QWidget | None = None,
        fetched: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setAccessibleName("Article details")
        self.setMinimumWidth(560)
        self.original = details_of(summary)
        self.edits: dict[str, QLineEdit] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label in FIELDS:
            edit = QLineEdit(self.original[name] or "", self)
            edit.setAccessibleName(label.replace("&", ""))
            edit.setClearButtonEnabled(name != "title")
            edit.textChanged.connect(self._validate)
            form.addRow(label, edit)
            self.edits[name] = edit
        self.edits["published"].setPlaceholderText("2025-07-09 or 2025-07-09T06:30:00+01:00")
        self.edits["url"].setPlaceholderText("https://…")

        facts = QLabel(self)
        facts.setTextFormat(Qt.TextFormat.PlainText)
        facts.setWordWrap(True)
        facts.setAccessibleName("Where the article came from")
        origin = [
            f"Imported from {summary.source_name or 'unknown'} ({summary.source_format}) "
            f"on {summary.imported_at[:10]}",
            f"{summary.length:,} characters · {summary.claims} claims",
        ]
        if fetched:
            origin.insert(1, fetched)
        if summary.revision_of:
            origin.append(f"Revision of article #{summary.revision_of}")
        facts.setText("\n".join(origin))
        facts.setStyleSheet("color: palette(mid);")
        self.facts = facts

        self.problem = QLabel(self)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet("color: #b00020;")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(facts)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._validate()

    def values(self) -> Details:
        """The form as stored values: blanks are None, a date is normalised to ISO 8601."""
        values: Details = {}
        for name, edit in self.edits.items():
            text = edit.text().strip()
            values[name] = text or None
        if values["published"]:
            values["published"] = to_iso(values["published"])
        return values

    def problems(self) -> list[str]:
        found: list[str] = []
        if not self.edits["title"].text().strip():
            found.append("An article needs a title.")
        date = self.edits["published"].text().strip()
        if date and to_iso(date) is None:
            found.append(f"“{date}” is not a date (try 2025-07-09).")
        return found

    def changed_values(self) -> tuple[Details, Details]:
        """(before, after) for the fields the user changed only."""
        after = self.values()
        names = [name for name in after if after[name] != self.original[name]]
        return {n: self.original[n] for n in names}, {n: after[n] for n in names}

    def _validate(self) -> None:
        found = self.problems()
        self.problem.setText(" ".join(found))
        self.problem.setVisible(bool(found))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not found)


def fetched_line(session: ProjectSession, article_id: int) -> str:
    """When and from where the article was fetched ("" for one from a file)."""
    captures = session.project.web.captures(article_id)
    if not captures:
        return ""
    first, last = captures[0], captures[-1]
    line = f"Fetched from {first.requested_url} on {first.fetched_at[:16].replace('T', ' ')}"
    if first.final_url != first.requested_url:
        line += f" (served by {first.final_url})"
    if last.checked_at[:16] != first.fetched_at[:16]:
        line += f"; last checked {last.checked_at[:16].replace('T', ' ')}"
    return line + " · archived copy kept"


def edit_article_details(
    session: ProjectSession, article_id: int, parent: QWidget | None = None
) -> bool:
    """Open the dialog; on OK push one undoable edit. True when something changed."""
    summary = session.project.articles.summary(article_id)
    dialog = ArticleDetailsDialog(summary, parent, fetched_line(session, article_id))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    before, after = dialog.changed_values()
    if not after:
        return False
    payload = {"article_id": article_id, "before": before, "after": after}
    return perform(session, "edit_article_details", payload) is not None
