"""The rows every export floor reads: each claim with the names it refers to,
joined by plain SQL, read a batch at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

# Every claim with the names it refers to, topics and evidence joined by SQL
# (group_concat in the subqueries; their order is SQLite's, not the codebook's).
CLAIM_ROWS = """
SELECT c.id, c.uid, c.article_id, c.start, c."end", c.quote, c.prefix, c.suffix, c.anchor,
       c.statement, c.status, c.note, c.created_by, c.created_at, c.updated_at, c.review_url,
       s.uid AS speaker_uid, s.kind AS speaker_kind, s.name AS speaker, s.role AS speaker_role,
       s.organisation AS speaker_organisation,
       side.name AS side, stance.name AS stance, verdict.name AS verdict,
       verdict.rating AS rating, verdict.colour AS verdict_colour,
       (SELECT group_concat(v.name, '; ') FROM claim_topics t JOIN vocab v ON v.id = t.topic_id
        WHERE t.claim_id = c.id) AS topics,
       (SELECT group_concat(ce.relation || ': ' || coalesce(nullif(e.title, ''), e.citation,
                            e.value, e.kind) || coalesce(' <' || e.url || '>', ''), ' | ')
        FROM claim_evidence ce JOIN evidence e ON e.id = ce.evidence_id
        WHERE ce.claim_id = c.id) AS evidence,
       (SELECT group_concat(e.url, ' ') FROM claim_evidence ce JOIN evidence e
        ON e.id = ce.evidence_id WHERE ce.claim_id = c.id) AS evidence_urls,
       a.uid AS article_uid, a.title AS article_title, a.url AS article_url,
       a.outlet, a.author, a.published, a.text_sha256
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN speakers s ON s.id = c.speaker_id
LEFT JOIN vocab side ON side.id = c.side_id
LEFT JOIN vocab stance ON stance.id = c.stance_id
LEFT JOIN vocab verdict ON verdict.id = c.verdict_id
ORDER BY c.article_id, c.start, c.id
"""
BATCH = 2_000


def claim_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(CLAIM_ROWS)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def table(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
