"""Queries over the articles table. Plain rows in, plain rows out."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from db.projectfile.connection import ProjectDatabase

# While a batch is stored, the WAL is copied into the file every this many pages
# (64 MB of 4 KB pages) instead of SQLite's 1,000.
BULK_CHECKPOINT_PAGES = 16_384
# While a batch is stored, the article index merges its segments 16 at a time
# instead of FTS5's default 4: each article commits its own small segment, and
# merging them four by four rewrote the same index pages again and again (a
# fifth of the CPU spent storing 1,000 web pages). Searches meanwhile read a
# few more segments; the next writes after the batch merge them as before.
BULK_AUTOMERGE = 16
FTS5_DEFAULT_AUTOMERGE = 4


def insert(db: ProjectDatabase, row: dict[str, Any]) -> int:
    """Insert the row, whose keys are columns (annotator.models.ArticleSummary's stored
    fields, the text and its metadata)."""
    names = ", ".join(row)
    cursor = db.execute(
        f"INSERT INTO articles ({names}) VALUES ({', '.join(':' + c for c in row)})", row
    )
    return int(cursor.lastrowid or 0)


def _summary_columns(columns: Iterable[str]) -> str:
    """The SELECT list of a summary: the columns asked for, the text's length."""
    return ", ".join([*(f"a.{c}" for c in columns), "length(a.text) AS length"])


def summaries(db: ProjectDatabase, columns: Iterable[str]) -> list[dict[str, Any]]:
    """Every article (`columns` of it, its length) with its claim count, in id order."""
    sql = (
        f"SELECT {_summary_columns(columns)}, "
        "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims "
        "FROM articles a ORDER BY a.id"
    )
    return [dict(row) for row in db.query(sql)]


LISTING_SQL = (
    "SELECT a.id, a.title, a.outlet, a.published, a.revision_of, "
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) FROM articles a"
)


def listings(db: ProjectDatabase) -> list[tuple[Any, ...]]:
    """The library's lines in id order, as plain tuples (no text is read or measured)."""
    return db.execute(f"{LISTING_SQL} ORDER BY a.id").fetchall()


def listing(db: ProjectDatabase, article_id: int) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = db.execute(
        f"{LISTING_SQL} WHERE a.id = ?", [article_id]
    ).fetchone()
    return row


def summary(db: ProjectDatabase, article_id: int, columns: Iterable[str]) -> dict[str, Any] | None:
    sql = (
        f"SELECT {_summary_columns(columns)}, "
        "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims "
        "FROM articles a WHERE a.id = ?"
    )
    rows = list(db.query(sql, [article_id]))
    return dict(rows[0]) if rows else None


def text(db: ProjectDatabase, article_id: int) -> str | None:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return None if row is None else str(row[0])


def exists(db: ProjectDatabase, article_id: int) -> bool:
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def text_sha256(db: ProjectDatabase, article_id: int) -> str | None:
    """The text's digest: a few bytes that say whether a cached text is still the stored one."""
    row = db.execute("SELECT text_sha256 FROM articles WHERE id = ?", [article_id]).fetchone()
    return None if row is None else str(row[0])


def text_with_sha256(db: ProjectDatabase, article_id: int) -> tuple[str, str] | None:
    row = db.execute("SELECT text, text_sha256 FROM articles WHERE id = ?", [article_id]).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def metadata_json(db: ProjectDatabase, article_id: int) -> str:
    row = db.execute("SELECT metadata FROM articles WHERE id = ?", [article_id]).fetchone()
    return "{}" if row is None else str(row[0])


def find_by_sha(db: ProjectDatabase, sha256: str) -> int | None:
    row = db.execute(
        "SELECT id FROM articles WHERE text_sha256 = ? ORDER BY id LIMIT 1", [sha256]
    ).fetchone()
    return None if row is None else int(row[0])


def latest_with_url(db: ProjectDatabase, url: str) -> int | None:
    row = db.execute(
        "SELECT id FROM articles WHERE url = ? ORDER BY id DESC LIMIT 1", [url]
    ).fetchone()
    return None if row is None else int(row[0])


def latest_with_title_outlet(db: ProjectDatabase, title: str, outlet: str) -> int | None:
    row = db.execute(
        "SELECT id FROM articles WHERE (url IS NULL OR url = '') AND title = ? "
        "AND coalesce(outlet, '') = ? ORDER BY id DESC LIMIT 1",
        [title, outlet],
    ).fetchone()
    return None if row is None else int(row[0])


def update_fields(
    db: ProjectDatabase, article_id: int, fields: dict[str, Any], editable: Collection[str]
) -> None:
    """Set details of one article; `editable` names the columns a caller may change."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not fields:
        return
    assignments = ", ".join(f"{name} = :{name}" for name in fields)
    db.execute(f"UPDATE articles SET {assignments} WHERE id = :id", {**fields, "id": article_id})


def count(db: ProjectDatabase) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


@contextmanager
def bulk_storing(db: ProjectDatabase) -> Iterator[None]:
    """Checkpoint the WAL seldom while a batch of articles is stored, then once.

    Each checkpoint copies the pages written since the last one into the file
    and syncs it, in the writing thread; the search index rewrites the same
    pages over and over while it merges, so checkpointing every 4 MB copies
    them again and again (a third of the time spent storing). Every article
    still commits on its own: a crash loses nothing committed (a power cut
    may roll back the batch's last, unsynced commits, never half of one).
    """
    previous = int(db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    db.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
    _set_automerge(db, BULK_AUTOMERGE)
    try:
        yield
    finally:
        _set_automerge(db, FTS5_DEFAULT_AUTOMERGE)
        db.execute(f"PRAGMA wal_autocheckpoint = {previous}")
        # PASSIVE never waits for a reader (the window may be reading meanwhile).
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def automerge(db: ProjectDatabase) -> int:
    """How many segments the article index merges at a time (FTS5's setting)."""
    row = db.execute("SELECT v FROM articles_fts_config WHERE k = 'automerge'").fetchone()
    return FTS5_DEFAULT_AUTOMERGE if row is None else int(row[0])


def _set_automerge(db: ProjectDatabase, segments: int) -> None:
    """A setting stored in the index, so written in its own short transaction.

    Another writer holding the lock (or a read-only file) leaves it as it
    is: the batch is only slower, and the setting is always put back to
    FTS5's default, which this project never changes.
    """
    try:
        with db.atomic():
            db.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', ?)",
                [segments],
            )
    except sqlite3.OperationalError:
        pass
