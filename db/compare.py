"""Queries for the compare view and the balance report: claims with everything a
cell shows (speaker, side, stance, verdict, topics, source article) in one pass."""

from __future__ import annotations

from typing import Any

from db.projectfile.connection import ProjectDatabase

SELECT = """
SELECT c.id, c.article_id, c.quote, c.statement, c.status, c.start,
       s.name AS speaker, sd.name AS side, st.name AS stance, v.name AS verdict,
       a.title AS article_title, a.published AS published,
       (SELECT json_group_array(t.name) FROM (
            SELECT vt.name FROM claim_topics ct JOIN vocab vt ON vt.id = ct.topic_id
            WHERE ct.claim_id = c.id ORDER BY vt.position, vt.name) t) AS topics
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN speakers s ON s.id = c.speaker_id
LEFT JOIN vocab sd ON sd.id = c.side_id
LEFT JOIN vocab st ON st.id = c.stance_id
LEFT JOIN vocab v ON v.id = c.verdict_id
"""


def claim_rows(
    db: ProjectDatabase,
    side_ids: list[int] | None = None,
    article_ids: list[int] | None = None,
    speaker_id: int | None = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Claims matching every filter given (None: any); dates compare with the article's
    published date, so an undated article drops out once a date range is set."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, values in (("c.side_id", side_ids), ("c.article_id", article_ids)):
        if values is not None:
            clauses.append(f"{column} IN ({', '.join('?' for _ in values) or 'NULL'})")
            params.extend(values)
    if speaker_id is not None:
        clauses.append("c.speaker_id = ?")
        params.append(speaker_id)
    if status is not None:
        clauses.append("c.status = ?")
        params.append(status)
    if date_from is not None:
        clauses.append("substr(a.published, 1, 10) >= ?")
        params.append(date_from)
    if date_to is not None:
        clauses.append("substr(a.published, 1, 10) <= ?")
        params.append(date_to)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    order = " ORDER BY a.published, c.article_id, c.start, c.id"
    return [dict(r) for r in db.query(SELECT + where + order, params)]
