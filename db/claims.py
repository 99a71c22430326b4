"""Queries over claims and the rows that hang off them."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from db.projectfile.connection import ProjectDatabase

# Rows that belong to a claim and go (and come back) with it.
DEPENDENT_TABLES = ("claim_topics", "quantities", "claim_evidence")
SELECT = """
SELECT c.*, s.name AS speaker, sd.name AS side, st.name AS stance, v.name AS verdict,
       (SELECT json_group_array(t.name) FROM (
            SELECT vt.name FROM claim_topics ct JOIN vocab vt ON vt.id = ct.topic_id
            WHERE ct.claim_id = c.id ORDER BY vt.position, vt.name) t) AS topics
FROM claims c
LEFT JOIN speakers s ON s.id = c.speaker_id
LEFT JOIN vocab sd ON sd.id = c.side_id
LEFT JOIN vocab st ON st.id = c.stance_id
LEFT JOIN vocab v ON v.id = c.verdict_id
"""


def _quoted(column: str) -> str:
    return '"end"' if column == "end" else column


def insert(db: ProjectDatabase, row: dict[str, Any]) -> int:
    """Insert the row, whose keys are columns (annotator.models.Claim's stored fields)."""
    columns = list(row)
    names = ", ".join(_quoted(c) for c in columns)
    values = ", ".join(f":{c}" for c in columns)
    cursor = db.execute(f"INSERT INTO claims ({names}) VALUES ({values})", row)
    return int(cursor.lastrowid or 0)


def update(
    db: ProjectDatabase, claim_id: int, fields: dict[str, Any], editable: Collection[str]
) -> None:
    """Set fields of one claim; `editable` names the columns a caller may change."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not fields:
        return
    assignments = ", ".join(f"{_quoted(c)} = :{c}" for c in fields)
    db.execute(f"UPDATE claims SET {assignments} WHERE id = :id", {**fields, "id": claim_id})


def set_topics(db: ProjectDatabase, claim_id: int, topic_ids: list[int]) -> None:
    db.execute("DELETE FROM claim_topics WHERE claim_id = ?", [claim_id])
    for topic_id in dict.fromkeys(topic_ids):
        db.execute(
            "INSERT INTO claim_topics (claim_id, topic_id) VALUES (?, ?)", [claim_id, topic_id]
        )


def topic_ids(db: ProjectDatabase, claim_id: int) -> list[int]:
    return [
        int(r[0])
        for r in db.execute(
            "SELECT topic_id FROM claim_topics WHERE claim_id = ? ORDER BY topic_id", [claim_id]
        ).fetchall()
    ]


def select(
    db: ProjectDatabase, where: str = "", params: list[Any] | None = None
) -> list[dict[str, Any]]:
    sql = (
        SELECT
        + (f" WHERE {where}" if where else "")
        + ' ORDER BY c.article_id, c.start, c."end", c.id'
    )
    return list(db.query(sql, params or []))  # each row a new dict already


def snapshot(db: ProjectDatabase, claim_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row of a claim and of what hangs off it, to bring it back exactly."""
    rows: dict[str, list[dict[str, Any]]] = {
        "claims": [dict(r) for r in db.query("SELECT * FROM claims WHERE id = ?", [claim_id])]
    }
    for table in DEPENDENT_TABLES:
        rows[table] = [
            dict(r) for r in db.query(f"SELECT * FROM {table} WHERE claim_id = ?", [claim_id])
        ]
    rows["claim_links"] = [
        dict(r)
        for r in db.query(
            "SELECT * FROM claim_links WHERE from_claim = ? OR to_claim = ?", [claim_id, claim_id]
        )
    ]
    return rows


def restore(db: ProjectDatabase, rows: dict[str, list[dict[str, Any]]]) -> None:
    for table in ("claims", *DEPENDENT_TABLES, "claim_links"):
        for row in rows.get(table, []):
            names = ", ".join(_quoted(c) for c in row)
            values = ", ".join(f":{c}" for c in row)
            db.execute(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({values})", row)
    if rows.get("claims"):
        # A row replaced (not inserted) fires no delete trigger: count again.
        forget_counts(db)


def delete(db: ProjectDatabase, claim_id: int) -> None:
    db.execute("DELETE FROM claims WHERE id = ?", [claim_id])


def exists(db: ProjectDatabase, claim_id: int) -> bool:
    return db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone() is not None


def count(db: ProjectDatabase, article_id: int | None = None) -> int:
    if article_id is None:
        return int(db.execute("SELECT count(*) FROM claims").fetchone()[0])
    return _kept_count(db, article_id)


def spans(
    db: ProjectDatabase, article_id: int
) -> list[tuple[int, int, int, int | None, int | None, int | None]]:
    """(id, start, end, side_id, stance_id, verdict_id) of an article's placed claims: what the reader paints."""
    return [
        tuple(r)
        for r in db.execute(
            'SELECT id, start, "end", side_id, stance_id, verdict_id FROM claims '
            "WHERE article_id = ? AND anchor != 'orphan' ORDER BY start",
            [article_id],
        ).fetchall()
    ]


def select_filtered(
    db: ProjectDatabase,
    article_id: int | None = None,
    speaker_id: int | None = None,
    side_id: int | None = None,
    stance_id: int | None = None,
    verdict_id: int | None = None,
    topic_id: int | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Claims matching every given filter (None: any)."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (
        ("c.article_id", article_id),
        ("c.speaker_id", speaker_id),
        ("c.side_id", side_id),
        ("c.stance_id", stance_id),
        ("c.verdict_id", verdict_id),
        ("c.status", status),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if topic_id is not None:
        clauses.append("c.id IN (SELECT claim_id FROM claim_topics WHERE topic_id = ?)")
        params.append(topic_id)
    return select(db, " AND ".join(clauses), params)


def positions(db: ProjectDatabase, article_id: int) -> list[tuple[int, int | None, int | None]]:
    """(id, start, end) of every claim of an article, placed or not: the rows of a table."""
    return [
        (int(r[0]), r[1], r[2])
        for r in db.execute(
            'SELECT id, start, "end" FROM claims WHERE article_id = ?', [article_id]
        ).fetchall()
    ]


ANCHOR_COLUMNS = (
    "article_id",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "anchor",
    "original_quote",
    "updated_at",
)


def update_anchors(db: ProjectDatabase, rows: list[dict[str, Any]]) -> None:
    """Set every anchor column of many claims in one statement (a revision's re-anchoring)."""
    assignments = ", ".join(f"{_quoted(c)} = :{c}" for c in ANCHOR_COLUMNS)
    db.conn.executemany(f"UPDATE claims SET {assignments} WHERE id = :id", rows)


# -- an article's claim count, kept by the connection -------------------------------
# How many claims an article has, kept by the connection instead of counted each time.
#
# `SELECT count(*) FROM claims WHERE article_id = ?` walks the article's index
# entries: ~0.2 ms for 10,000 claims, paid by the library on every mark and undo
# to show one number that moved by one. Counts asked for once are kept in a TEMP
# table (this connection's own, never in the file) that TEMP triggers on
# `claims` move with every insert, delete and move between articles made on this
# connection, inside the same transaction (a rollback takes the change back with
# the claim). Whatever they cannot see empties the table, and the next ask counts
# again: a commit by another connection (`PRAGMA data_version` moves), the
# triggers gone (the claims table dropped and rebuilt by a migration), or a
# claim restored with INSERT OR REPLACE (`forget_counts`).
COUNT_TRIGGERS = ("claim_counts_insert", "claim_counts_delete", "claim_counts_move")
_COUNT_SETUP = (
    "CREATE TEMP TABLE IF NOT EXISTS claim_counts "
    "(article_id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
    "CREATE TEMP TABLE IF NOT EXISTS claim_counts_seen (data_version INTEGER NOT NULL)",
    "CREATE TEMP TRIGGER IF NOT EXISTS claim_counts_insert AFTER INSERT ON main.claims BEGIN "
    "UPDATE claim_counts SET n = n + 1 WHERE article_id = NEW.article_id; END",
    "CREATE TEMP TRIGGER IF NOT EXISTS claim_counts_delete AFTER DELETE ON main.claims BEGIN "
    "UPDATE claim_counts SET n = n - 1 WHERE article_id = OLD.article_id; END",
    "CREATE TEMP TRIGGER IF NOT EXISTS claim_counts_move AFTER UPDATE OF article_id "
    "ON main.claims WHEN OLD.article_id IS NOT NEW.article_id BEGIN "
    "UPDATE claim_counts SET n = n - 1 WHERE article_id = OLD.article_id; "
    "UPDATE claim_counts SET n = n + 1 WHERE article_id = NEW.article_id; END",
)
_COUNT_TRIGGERS_PRESENT = (
    "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name IN (?, ?, ?)"
)


def _kept_count(db: ProjectDatabase, article_id: int) -> int:
    """The article's claims, counted at most once while the triggers keep it."""
    conn = db.conn
    version = int(conn.execute("PRAGMA data_version").fetchone()[0])
    triggers = conn.execute(_COUNT_TRIGGERS_PRESENT, COUNT_TRIGGERS).fetchone()[0]
    present = triggers == len(COUNT_TRIGGERS)
    seen = (
        conn.execute("SELECT data_version FROM claim_counts_seen").fetchone() if present else None
    )
    if seen is None or seen[0] != version:
        _count_afresh(db, version)
    else:
        kept = conn.execute(
            "SELECT n FROM claim_counts WHERE article_id = ?", [article_id]
        ).fetchone()
        if kept is not None:
            return int(kept[0])
    counted = int(
        conn.execute("SELECT count(*) FROM claims WHERE article_id = ?", [article_id]).fetchone()[0]
    )
    conn.execute(
        "INSERT OR REPLACE INTO claim_counts (article_id, n) VALUES (?, ?)", [article_id, counted]
    )
    return counted


def _count_afresh(db: ProjectDatabase, version: int) -> None:
    """Counts that may be stale are dropped; the triggers are (re)made first, so a
    count taken from now on is kept right."""
    conn = db.conn
    for statement in _COUNT_SETUP:
        conn.execute(statement)
    conn.execute("DELETE FROM claim_counts")
    conn.execute("DELETE FROM claim_counts_seen")
    conn.execute("INSERT INTO claim_counts_seen (data_version) VALUES (?)", [version])


def forget_counts(db: ProjectDatabase) -> None:
    """Count every article again next time (after writes the triggers may miscount:
    an INSERT OR REPLACE over an existing claim fires no delete trigger)."""
    if db.conn.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'claim_counts'").fetchone():
        db.conn.execute("DELETE FROM claim_counts")
