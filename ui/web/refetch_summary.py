"""What Check for changes found: per article unchanged, a new revision (and what moved), or why not.

A new revision lists the passages that changed, old words against new, so a
stealth edit (a figure changed, a quote softened) is seen without opening a diff.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.models.web import RefetchOutcome

GROUPS: tuple[tuple[str, str], ...] = (
    ("revision", "Changed at the source: new revisions"),
    ("failed", "Could not be checked"),
    ("unchanged", "Unchanged"),
)
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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


class RefetchSummaryDialog(QDialog):
    """Lists each checked article by outcome; double-click one to open it."""

    article_chosen = Signal(int)

    def __init__(
        self,
        outcomes: list[RefetchOutcome],
        cancelled: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check for changes")
        self.setAccessibleName("Check for changes: results")
        self.resize(780, 440)
        self.outcomes = outcomes
        self.headline = QLabel(refetch_headline(outcomes, cancelled), self)
        self.headline.setAccessibleName("Summary")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Article", "What was found"])
        self.tree.setAccessibleName("Checked articles")
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(0, 300)
        self.tree.itemActivated.connect(self._on_activated)
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def _fill(self) -> None:
        for status, heading in GROUPS:
            members = [o for o in self.outcomes if o.status == status]
            if not members:
                continue
            group = QTreeWidgetItem(self.tree, [f"{heading} ({len(members)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for outcome in members:
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
            group.setExpanded(True)

    def group_texts(self, status: str) -> list[tuple[str, str]]:
        """(article, detail) rows under one status group, as the user sees them."""
        heading = dict(GROUPS)[status]
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group is not None and group.text(0).startswith(heading):
                return [(item.text(0), item.text(1)) for item in _children(group)]
        return []

    def change_texts(self) -> list[str]:
        """Every changed passage listed, "old" → "new"."""
        found: list[str] = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group is not None:
                for item in _children(group):
                    found += [change.text(1) for change in _children(item)]
        return found

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, ARTICLE_ID_ROLE)
        if isinstance(article_id, int):
            self.article_chosen.emit(article_id)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(i) for i in range(item.childCount()))
    return [child for child in found if child is not None]
