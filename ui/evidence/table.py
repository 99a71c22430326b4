"""The evidence panel's table: one row per evidence link or claim link of a claim.

Kept apart from the panel widget so the rows (what is shown, how it reads) can be
built and checked without the buttons and dialogs around them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from annotator.errors import NotFound
from annotator.models import ClaimLink, EvidenceLink
from ui.shell.session import ProjectSession
from ui.widgets.table_model import ColumnsTableModel

COLUMNS = ("Relation", "Kind", "Evidence", "Note")
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
Index = QModelIndex | QPersistentModelIndex
Entry = EvidenceLink | ClaimLink


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


class EvidenceModel(ColumnsTableModel):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

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
