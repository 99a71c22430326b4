"""The end-of-job summary every batch job shows: a headline, then outcomes grouped by status.

Import from files, import from addresses and Check for changes all end in
this dialog: a bold one-line result, a tree with one group per status (the
group hidden when empty, its count in its heading) and a row per item; double
clicking a row that names an article opens it. Subclasses say only which
groups there are and what a row shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

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

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class JobSummaryDialog(QDialog):
    """Outcomes grouped by their `status`; `article_chosen(id)` when a row is activated."""

    article_chosen = Signal(int)
    # status -> group heading, in the order the groups are listed
    GROUPS: ClassVar[tuple[tuple[str, str], ...]] = ()
    COLUMNS: ClassVar[tuple[str, str]] = ("Item", "Outcome")
    FIRST_COLUMN_WIDTH: ClassVar[int] = 260

    def __init__(
        self,
        outcomes: Sequence[Any],
        headline: str,
        title: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(name)
        self.resize(780, 440)
        self.outcomes = list(outcomes)

        self.headline = QLabel(headline, self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setAccessibleName(f"{title}: result")

        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(f"{title}: items")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(list(self.COLUMNS))
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, self.FIRST_COLUMN_WIDTH)
        self._fill()
        self.tree.itemActivated.connect(self._on_activated)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    # -- what subclasses write ---------------------------------------------------------
    def add_row(self, group: QTreeWidgetItem, outcome: Any) -> QTreeWidgetItem:
        raise NotImplementedError

    # -- the tree ----------------------------------------------------------------------
    def _fill(self) -> None:
        for status, heading in self.GROUPS:
            members = [o for o in self.outcomes if o.status == status]
            if not members:
                continue
            group = QTreeWidgetItem(self.tree, [f"{heading} ({len(members)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for outcome in members:
                self.add_row(group, outcome)
            group.setExpanded(True)

    def group_texts(self, status: str) -> list[tuple[str, str]]:
        """(item, detail) rows under one status group, as the user sees them."""
        heading = dict(self.GROUPS)[status]
        for group in children(self.tree.invisibleRootItem()):
            if group.text(0).startswith(heading):
                return [(item.text(0), item.text(1)) for item in children(group)]
        return []

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, ARTICLE_ID_ROLE)
        if isinstance(article_id, int):
            self.article_chosen.emit(article_id)


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(i) for i in range(item.childCount()))
    return [child for child in found if child is not None]
