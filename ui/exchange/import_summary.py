"""The end-of-import summary: what was imported, what was a duplicate, new
revisions, and what failed and why, grouped so a long batch reads at a glance."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from annotator.models import ImportOutcome
from ui.shell.job_summary import ARTICLE_ID_ROLE, JobSummaryDialog

# status -> group heading, in the order the groups are listed
GROUPS: tuple[tuple[str, str], ...] = (
    ("failed", "Failed"),
    ("imported", "Imported"),
    ("revision", "New revisions"),
    ("duplicate", "Duplicates (already in the project)"),
)


def headline(outcomes: list[ImportOutcome], cancelled: bool = False) -> str:
    """One line such as "3 imported · 1 new revision · 2 failed"."""
    counts = {status: sum(1 for o in outcomes if o.status == status) for status, _ in GROUPS}
    parts = [f"{counts['imported']} imported"]
    if counts["revision"]:
        parts.append(f"{counts['revision']} new revision{'s' if counts['revision'] != 1 else ''}")
    if counts["duplicate"]:
        parts.append(f"{counts['duplicate']} duplicate{'s' if counts['duplicate'] != 1 else ''}")
    if counts["failed"]:
        parts.append(f"{counts['failed']} failed")
    text = " · ".join(parts)
    return f"Cancelled: {text} before stopping" if cancelled else text


class ImportSummaryDialog(JobSummaryDialog):
    """Lists every file of a batch by outcome; double-click an article to open it."""

    GROUPS = GROUPS
    COLUMNS = ("File", "Article or reason")

    def __init__(
        self, outcomes: list[ImportOutcome], cancelled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            outcomes, headline(outcomes, cancelled), "Import finished", "Import summary", parent
        )

    def add_row(self, group: QTreeWidgetItem, outcome: ImportOutcome) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [Path(outcome.source).name, _detail(outcome)])
        item.setToolTip(0, outcome.source)
        item.setToolTip(1, _detail(outcome))
        if outcome.article_id is not None:
            item.setData(0, ARTICLE_ID_ROLE, outcome.article_id)
        return item


def _detail(outcome: ImportOutcome) -> str:
    if outcome.status == "failed":
        return outcome.reason
    # the note first: a long title is elided at the right, the note must show
    if outcome.status == "revision":
        return f"New revision of #{outcome.revision_of}: {outcome.title}"
    if outcome.status == "duplicate":
        return f"Same text as #{outcome.article_id}: {outcome.title}"
    if outcome.notes:
        return f"{outcome.title} (note: {'; '.join(outcome.notes)})"
    return outcome.title
