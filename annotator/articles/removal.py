"""What an article's deletion takes with it, read from its snapshot.

The snapshot (db.article_removal) holds every row that goes; this turns it
into the few numbers a person deciding needs, and into the Changes views
repaint from.
"""

from __future__ import annotations

from typing import Any

from annotator.models import ArticleDeletion, ArticleSnapshot, Changes


def _rows(snapshot: ArticleSnapshot, table: str) -> list[dict[str, Any]]:
    for name, rows in snapshot["rows"]:
        if name == table:
            return list(rows)
    return []


def _claim_ids(snapshot: ArticleSnapshot) -> set[int]:
    return {int(row["id"]) for row in _rows(snapshot, "claims")}


def _other_claims(snapshot: ArticleSnapshot) -> set[int]:
    """Claims of other articles that lose an evidence passage or a claim link."""
    own = _claim_ids(snapshot)
    touched = {int(r["claim_id"]) for r in _rows(snapshot, "claim_evidence")}
    for link in _rows(snapshot, "claim_links"):
        touched |= {int(link["from_claim"]), int(link["to_claim"])}
    return touched - own


def _revisions(snapshot: ArticleSnapshot) -> set[int]:
    return {
        int(rowid)
        for table, column, rowid, _old in snapshot["relinked"]
        if table == "articles" and column == "revision_of"
    }


def deletion(snapshot: ArticleSnapshot) -> ArticleDeletion:
    article = snapshot["article"]
    return ArticleDeletion(
        article_id=int(article["id"]),
        title=str(article["title"]),
        claims=len(_claim_ids(snapshot)),
        passages=len(_rows(snapshot, "evidence")),
        other_claims=len(_other_claims(snapshot)),
        revisions=len(_revisions(snapshot)),
    )


def changes(snapshot: ArticleSnapshot) -> Changes:
    """What deleting (or restoring) the article changes for the views."""
    return Changes(
        articles=frozenset({int(snapshot["article"]["id"])} | _revisions(snapshot)),
        claims=frozenset(_claim_ids(snapshot) | _other_claims(snapshot)),
        evidence=bool(_rows(snapshot, "evidence") or _rows(snapshot, "claim_evidence")),
    )
