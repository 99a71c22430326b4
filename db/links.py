"""Queries over claim-to-claim links (same claim, contradicts, responds to)."""

from __future__ import annotations

from typing import Any

from db.projectfile.connection import ProjectDatabase

SELECT = """
SELECT l.*, f.article_id AS from_article, t.article_id AS to_article,
       f.quote AS from_quote, t.quote AS to_quote
FROM claim_links l
JOIN claims f ON f.id = l.from_claim
JOIN claims t ON t.id = l.to_claim
"""


def insert(db: ProjectDatabase, from_claim: int, to_claim: int, relation: str, note: str) -> int:
    cursor = db.execute(
        "INSERT INTO claim_links (from_claim, to_claim, relation, note) VALUES (?, ?, ?, ?)",
        [from_claim, to_claim, relation, note],
    )
    return int(cursor.lastrowid or 0)


def get(db: ProjectDatabase, link_id: int) -> dict[str, Any] | None:
    rows = list(db.query(SELECT + " WHERE l.id = ?", [link_id]))
    return dict(rows[0]) if rows else None


def raw(db: ProjectDatabase, link_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM claim_links WHERE id = ?", [link_id]))
    return dict(rows[0]) if rows else None


def find(db: ProjectDatabase, from_claim: int, to_claim: int, relation: str) -> int | None:
    """An existing link between the two claims with this relation, either way round."""
    row = db.execute(
        "SELECT id FROM claim_links WHERE relation = ? AND "
        "((from_claim = ? AND to_claim = ?) OR (from_claim = ? AND to_claim = ?))",
        [relation, from_claim, to_claim, to_claim, from_claim],
    ).fetchone()
    return None if row is None else int(row[0])


def for_claim(db: ProjectDatabase, claim_id: int | None = None) -> list[dict[str, Any]]:
    if claim_id is None:
        return [dict(r) for r in db.query(SELECT + " ORDER BY l.id")]
    sql = SELECT + " WHERE l.from_claim = ? OR l.to_claim = ? ORDER BY l.id"
    return [dict(r) for r in db.query(sql, [claim_id, claim_id])]


def update(db: ProjectDatabase, link_id: int, relation: str, note: str) -> None:
    db.execute(
        "UPDATE claim_links SET relation = ?, note = ? WHERE id = ?", [relation, note, link_id]
    )


def delete(db: ProjectDatabase, link_id: int) -> None:
    db.execute("DELETE FROM claim_links WHERE id = ?", [link_id])
