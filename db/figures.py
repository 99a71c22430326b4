"""Queries over quantities (figures parsed from claims) and what was parsed when."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from db.projectfile.connection import ProjectDatabase

# A figure with the claim it belongs to, for tables that compare figures across claims.
FIGURE_SELECT = """
SELECT q.*, c.article_id, c.statement, c.quote, c.status, c.side_id,
       sd.name AS side, s.name AS speaker, v.name AS verdict,
       a.title AS article_title, a.published AS published
FROM quantities q
JOIN claims c ON c.id = q.claim_id
JOIN articles a ON a.id = c.article_id
LEFT JOIN vocab sd ON sd.id = c.side_id
LEFT JOIN speakers s ON s.id = c.speaker_id
LEFT JOIN vocab v ON v.id = c.verdict_id
"""


def _quoted(column: str) -> str:
    return '"end"' if column == "end" else column


def insert(db: ProjectDatabase, row: dict[str, Any], columns: Collection[str]) -> int:
    """Insert the row's values for `columns` (annotator.models.Quantity's stored fields)."""
    columns = [c for c in columns if c in row]
    names = ", ".join(_quoted(c) for c in columns)
    values = ", ".join(f":{c}" for c in columns)
    cursor = db.execute(f"INSERT INTO quantities ({names}) VALUES ({values})", row)
    return int(cursor.lastrowid or 0)


def get(db: ProjectDatabase, quantity_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM quantities WHERE id = ?", [quantity_id]))
    return dict(rows[0]) if rows else None


def for_claim(db: ProjectDatabase, claim_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query(
            'SELECT * FROM quantities WHERE claim_id = ? ORDER BY start, "end", id', [claim_id]
        )
    ]


def update(
    db: ProjectDatabase, quantity_id: int, fields: dict[str, Any], editable: Collection[str]
) -> None:
    """Set fields of one figure; `editable` names the columns a caller may change."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not fields:
        return
    assignments = ", ".join(f"{_quoted(c)} = :{c}" for c in fields)
    db.execute(f"UPDATE quantities SET {assignments} WHERE id = :id", {**fields, "id": quantity_id})


def delete(db: ProjectDatabase, quantity_id: int) -> None:
    db.execute("DELETE FROM quantities WHERE id = ?", [quantity_id])


def delete_parsed(db: ProjectDatabase, claim_id: int) -> None:
    """Drop the parser's rows of a claim; rows a checker corrected stay."""
    db.execute("DELETE FROM quantities WHERE claim_id = ? AND corrected = 0", [claim_id])


def claim_texts(
    db: ProjectDatabase, claim_ids: list[int] | None = None
) -> list[tuple[int, str, str]]:
    """(claim id, statement, quote) of the given claims (or all)."""
    sql = "SELECT id, statement, quote FROM claims"
    if claim_ids is None:
        return [(int(r[0]), r[1], r[2]) for r in db.execute(sql).fetchall()]
    found: list[tuple[int, str, str]] = []
    for chunk_start in range(0, len(claim_ids), 500):
        chunk = claim_ids[chunk_start : chunk_start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(f"{sql} WHERE id IN ({marks})", chunk).fetchall()
        found.extend((int(r[0]), r[1], r[2]) for r in rows)
    return found


def parsed_hashes(db: ProjectDatabase, claim_ids: list[int] | None = None) -> dict[int, str]:
    """claim id -> hash of the text its figures were last parsed from (of the given claims, or all)."""
    sql = "SELECT claim_id, text_sha256 FROM quantity_parses"
    if claim_ids is None:
        return {int(r[0]): r[1] for r in db.execute(sql)}
    found: dict[int, str] = {}
    for chunk_start in range(0, len(claim_ids), 500):
        chunk = claim_ids[chunk_start : chunk_start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            (int(r[0]), r[1]) for r in db.execute(f"{sql} WHERE claim_id IN ({marks})", chunk)
        )
    return found


def set_parsed(db: ProjectDatabase, claim_id: int, text_sha256: str) -> None:
    db.execute(
        "INSERT INTO quantity_parses (claim_id, text_sha256) VALUES (?, ?) "
        "ON CONFLICT(claim_id) DO UPDATE SET text_sha256 = excluded.text_sha256",
        [claim_id, text_sha256],
    )


def figures(
    db: ProjectDatabase,
    claim_ids: list[int] | None = None,
    subjects: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Every figure with its claim's side, speaker, verdict and article (of the given
    claims, or all; with one of the given subjects, or any)."""
    order = " ORDER BY sd.position IS NULL, sd.position, a.published, c.article_id, c.start, q.start, q.id"
    where, params = "", []
    if subjects is not None:
        where = f" WHERE q.subject IN ({', '.join('?' for _ in subjects)})"
        params = list(subjects)
    if claim_ids is None:
        return [dict(r) for r in db.query(FIGURE_SELECT + where + order, params)]
    rows: list[dict[str, Any]] = []
    for chunk_start in range(0, len(claim_ids), 500):
        chunk = claim_ids[chunk_start : chunk_start + 500]
        marks = ", ".join("?" for _ in chunk)
        claims = f"q.claim_id IN ({marks})"
        sql = FIGURE_SELECT + (f"{where} AND {claims}" if where else f" WHERE {claims}") + order
        rows.extend(dict(r) for r in db.query(sql, [*params, *chunk]))
    return rows


def subjects(db: ProjectDatabase) -> list[tuple[str, int]]:
    """(subject, number of figures), most common first."""
    return [
        (r[0], int(r[1]))
        for r in db.execute(
            "SELECT subject, count(*) AS n FROM quantities WHERE subject IS NOT NULL "
            "AND subject != '' GROUP BY subject ORDER BY n DESC, subject"
        ).fetchall()
    ]
