"""The visible-text copy of articles, stored beside the canonical text for search.

An article's words as a reader sees them (soft hyphens and zero-width
characters gone, accents composed, ligatures spelt out) when they differ
from its canonical text: searched beside articles_fts, so "geprüft" finds
"gepru\\u0308ft". One row per article once indexed, its text NULL when the
canonical text is already what a reader sees. The folding itself is
annotator.text.visible (this layer stores, it does not read text)."""

from __future__ import annotations

from collections.abc import Sequence

from db.projectfile.connection import ProjectDatabase
from db.search.fts import VISIBLE_FTS, VISIBLE_TABLE, fts_ddl


def create_visible_fts(db: ProjectDatabase) -> None:
    """The body of the `visible_texts` migration: the table, its index, kept in step."""
    db.execute(f"CREATE TABLE {VISIBLE_TABLE} (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    # answers has_visible_texts at once however many articles read as they are
    db.execute(
        f"CREATE INDEX {VISIBLE_TABLE}_differ ON {VISIBLE_TABLE}(id) "
        "WHERE text IS NOT NULL OR title IS NOT NULL"
    )
    for statement in fts_ddl(VISIBLE_FTS, VISIBLE_TABLE, ("title", "text"))[:-1]:
        db.execute(statement)
    # A deleted article takes its visible copy along; a changed text or title
    # drops it, to be folded again before the next search.
    db.execute(
        f"CREATE TRIGGER {VISIBLE_TABLE}_article_gone AFTER DELETE ON articles BEGIN "
        f"DELETE FROM {VISIBLE_TABLE} WHERE id = old.id; END"
    )
    db.execute(
        f"CREATE TRIGGER {VISIBLE_TABLE}_article_changed AFTER UPDATE OF title, text ON articles "
        f"BEGIN DELETE FROM {VISIBLE_TABLE} WHERE id = old.id; END"
    )


def unfolded_articles(db: ProjectDatabase, limit: int) -> list[tuple[int, str, str]]:
    """(id, title, text) of articles with no visible-text row yet, a batch at a time."""
    if _count(db, "articles") == _count(db, VISIBLE_TABLE):
        return []
    return [
        (int(r[0]), r[1] or "", r[2] or "")
        for r in db.execute(
            f"SELECT a.id, a.title, a.text FROM articles a LEFT JOIN {VISIBLE_TABLE} v "
            "ON v.id = a.id WHERE v.id IS NULL ORDER BY a.id LIMIT ?",
            [limit],
        ).fetchall()
    ]


def store_visible(db: ProjectDatabase, rows: Sequence[tuple[int, str | None, str | None]]) -> None:
    """Record (id, visible title or None, visible text or None) for articles just folded."""
    db.conn.executemany(
        f"INSERT OR REPLACE INTO {VISIBLE_TABLE} (id, title, text) VALUES (?, ?, ?)", rows
    )


def has_visible_texts(db: ProjectDatabase) -> bool:
    """Whether any article reads differently from its canonical text."""
    return (
        db.execute(
            f"SELECT 1 FROM {VISIBLE_TABLE} WHERE text IS NOT NULL OR title IS NOT NULL LIMIT 1"
        ).fetchone()
        is not None
    )


def _count(db: ProjectDatabase, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
