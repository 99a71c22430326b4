"""The end-of-import summary: what was imported, what was a duplicate, new
revisions, and what failed and why, grouped so a long batch reads at a glance."""

from __future__ import annotations

from pathlib import Path

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

from annotator.models import ImportOutcome

# status -> group heading, in the order the groups are listed
GROUPS: tuple[tuple[str, str], ...] = (
    ("failed", "Failed"),
    ("imported", "Imported"),
    ("revision", "New revisions"),
    ("duplicate", "Duplicates (already in the project)"),
)
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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


class ImportSummaryDialog(QDialog):
    """Lists every file of a batch by outcome; double-click an article to open it."""

    article_chosen = Signal(int)

    def __init__(
        self, outcomes: list[ImportOutcome], cancelled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import finished")
        self.setAccessibleName("Import summary")
        self.resize(760, 440)
        self.outcomes = outcomes

        self.headline = QLabel(headline(outcomes, cancelled), self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setAccessibleName("Import result")

        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Imported files")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["File", "Article or reason"])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 260)
        self._fill()
        self.tree.itemActivated.connect(self._on_activated)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

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
                item = QTreeWidgetItem(group, [Path(outcome.source).name, _detail(outcome)])
                item.setToolTip(0, outcome.source)
                item.setToolTip(1, _detail(outcome))
                if outcome.article_id is not None:
                    item.setData(0, ARTICLE_ID_ROLE, outcome.article_id)
            group.setExpanded(True)

    def group_texts(self, status: str) -> list[tuple[str, str]]:
        """(file, detail) rows under one status group, as the user sees them."""
        heading = dict(GROUPS)[status]
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group is not None and group.text(0).startswith(heading):
                children = [group.child(i) for i in range(group.childCount())]
                return [(c.text(0), c.text(1)) for c in children if c is not None]
        return []

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, ARTICLE_ID_ROLE)
        if isinstance(article_id, int):
            self.article_chosen.emit(article_id)


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
