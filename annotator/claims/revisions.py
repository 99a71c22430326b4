"""Moving claims onto an article's new revision (project.claims.move_to_revision).

Runs inside the import's transaction (an ArticleManager revision hook), so
the new revision and its claims commit together or not at all. Claims move,
never copy: one claim, one history. None is ever dropped: a claim whose words
are gone becomes an orphan (no span) keeping its quote and context, and may
be found again in a later revision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.anchoring.reanchor import EXACT, FUZZY, ORPHAN, FoldedText, locate
from annotator.anchoring.selectors import anchor_at
from annotator.anchoring.textdiff import PositionMap
from annotator.clock import now_iso
from annotator.models.claims import CLAIM_EDITABLE
from db import articles as article_q
from db import claims as q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase


def move_claims(db: ProjectDatabase, old_id: int, new_id: int) -> list[int]:
    """Re-anchor every claim of old_id in new_id's text; returns the ids moved."""
    old_text = article_q.text(db, old_id)
    new_text = article_q.text(db, new_id)
    if old_text is None or new_text is None:
        return []
    rows = q.select(db, "c.article_id = ?", [old_id])
    if not rows:
        return []
    now = now_iso()
    if old_text == new_text:  # same text hash: every offset holds as it is
        for row in rows:
            q.update(db, row["id"], {"article_id": new_id, "updated_at": now}, CLAIM_EDITABLE)
        return [row["id"] for row in rows]
    positions = PositionMap(old_text, new_text)
    folded = FoldedText(new_text)
    updates = [
        {
            **row,
            **_relocated(row, new_text, positions, folded),
            "article_id": new_id,
            "updated_at": now,
        }
        for row in rows
    ]
    with db.atomic():
        q.update_anchors(db, updates)
    return [row["id"] for row in rows]


def _relocated(
    row: dict[str, Any], text: str, positions: PositionMap, folded: FoldedText
) -> dict[str, Any]:
    placed = row["anchor"] != ORPHAN and row["start"] is not None
    hint = positions.map(row["start"]) if placed else None
    found = locate(text, row["quote"], row["prefix"], row["suffix"], hint, folded)
    first_quote = row["original_quote"] or row["quote"]
    if found.start is None or found.end is None:
        # Quote and context stay as they were: they are what a later revision is searched for.
        return {"start": None, "end": None, "anchor": ORPHAN, "original_quote": first_quote}
    anchor = anchor_at(text, found.start, found.end)
    # A claim that already needed review still does, wherever it lands now.
    kind = found.kind if row["anchor"] == EXACT else FUZZY
    unchanged = kind == EXACT and anchor.quote == row["quote"]
    return {
        "start": anchor.start,
        "end": anchor.end,
        "quote": anchor.quote,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "anchor": kind,
        "original_quote": row["original_quote"] if unchanged else first_quote,
    }
