"""What Check for changes found: per article unchanged, a new revision (and what moved), or why not.

A new revision lists the passages that changed, old words against new, so a
stealth edit (a figure changed, a quote softened) is seen without opening a diff.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from annotator.models.web import RefetchOutcome
from ui.shell.job_summary import ARTICLE_ID_ROLE, JobSummaryDialog, children

GROUPS: tuple[tuple[str, str], ...] = (
    ("revision", "Changed at the source: new revisions"),
    ("failed", "Could not be checked"),
    ("unchanged", "Unchanged"),
)


def refetch_headline(outcomes: list[RefetchOutcome], cancelled: bool = False) -> str:
    """One line such as "1 changed · 3 unchanged · 1 failed"."""
    count = {status: sum(1 for o in outcomes if o.status == status) for status, _ in GROUPS}
    parts = [f"{count['revision']} changed", f"{count['unchanged']} unchanged"]
    if count["failed"]:
        parts.append(f"{count['failed']} failed")
    text = " · ".join(parts)
    return f"Cancelled: {text} before stopping" if cancelled else text


def outcome_detail(outcome: RefetchOutcome) -> str:
    if outcome.status == "failed":
        return outcome.reason
    if outcome.status == "unchanged":
        return "the same text as before"
    claims = [f"{outcome.moved} claims found again"]
    if outcome.fuzzy:
        claims.append(f"{outcome.fuzzy} re-found approximately (to review)")
    if outcome.orphans:
        claims.append(f"{outcome.orphans} lost their words (kept as orphans)")
    return f"new revision #{outcome.revision}: " + ", ".join(claims)


class RefetchSummaryDialog(JobSummaryDialog):
    """Lists each checked article by outcome; double-click one to open it."""

    GROUPS = GROUPS
    COLUMNS = ("Article", "What was found")
    FIRST_COLUMN_WIDTH = 300

    def __init__(
        self,
        outcomes: list[RefetchOutcome],
        cancelled: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            outcomes,
            refetch_headline(outcomes, cancelled),
            "Check for changes",
            "Check for changes: results",
            parent,
        )

    def add_row(self, group: QTreeWidgetItem, outcome: RefetchOutcome) -> QTreeWidgetItem:
        name = outcome.title or outcome.url or f"article {outcome.article_id}"
        item = QTreeWidgetItem(group, [name, outcome_detail(outcome)])
        item.setToolTip(0, outcome.url)
        item.setToolTip(1, outcome_detail(outcome))
        shown = outcome.revision if outcome.revision is not None else outcome.article_id
        item.setData(0, ARTICLE_ID_ROLE, shown)
        for change in outcome.changes:
            line = f"“{change.old or '(nothing)'}” → “{change.new or '(nothing)'}”"
            child = QTreeWidgetItem(item, ["changed", line])
            child.setToolTip(1, f"…{change.before}{change.new}{change.after}…")
        item.setExpanded(True)
        return item

    def change_texts(self) -> list[str]:
        """Every changed passage listed, "old" → "new"."""
        found: list[str] = []
        for group in children(self.tree.invisibleRootItem()):
            for item in children(group):
                found += [change.text(1) for change in children(item)]
        return found
