"""How many claims an article has, kept by the connection instead of counted each time.

`SELECT count(*) FROM claims WHERE article_id = ?` walks the article's index
entries: ~0.2 ms for 10,000 claims, paid by the library on every mark and undo
to show one number that moved by one. Counts asked for once are kept in a TEMP
table (this connection's own, never in the file) that TEMP triggers on
`claims` move with every insert, delete and move between articles made on this
connection, inside the same transaction (a rollback takes the change back with
the claim). Whatever they cannot see empties the table, and the next ask counts
again: a commit by another connection (`PRAGMA data_version` moves), the
triggers gone (the claims table dropped and rebuilt by a migration), or a
claim restored with INSERT OR REPLACE (`forget`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

TRIGGERS = ("claim_counts_insert", "claim_counts_delete", "claim_counts_move")
_SETUP = (
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
_TRIGGERS_PRESENT = (
    "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name IN (?, ?, ?)"
)


def count(db: ProjectDatabase, article_id: int) -> int:
    """The article's claims, counted at most once while the triggers keep it."""
    conn = db.conn
    version = int(conn.execute("PRAGMA data_version").fetchone()[0])
    present = conn.execute(_TRIGGERS_PRESENT, TRIGGERS).fetchone()[0] == len(TRIGGERS)
    seen = (
        conn.execute("SELECT data_version FROM claim_counts_seen").fetchone() if present else None
    )
    if seen is None or seen[0] != version:
        _start_over(db, version)
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


def _start_over(db: ProjectDatabase, version: int) -> None:
    """Counts that may be stale are dropped; the triggers are (re)made first, so a
    count taken from now on is kept right."""
    conn = db.conn
    for statement in _SETUP:
        conn.execute(statement)
    conn.execute("DELETE FROM claim_counts")
    conn.execute("DELETE FROM claim_counts_seen")
    conn.execute("INSERT INTO claim_counts_seen (data_version) VALUES (?)", [version])


def forget(db: ProjectDatabase) -> None:
    """Count every article again next time (after writes the triggers may miscount:
    an INSERT OR REPLACE over an existing claim fires no delete trigger)."""
    if db.conn.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'claim_counts'").fetchone():
        db.conn.execute("DELETE FROM claim_counts")
