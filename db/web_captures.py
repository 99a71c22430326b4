"""Queries over the archived web responses (web_captures, web_bodies). Plain rows in and out."""

from __future__ import annotations

from typing import Any

from db.projectfile.connection import ProjectDatabase

CAPTURE_COLUMNS = (
    "id, article_id, requested_url, final_url, redirects, status, reason, http_version, "
    "request_headers, headers, body_sha256, fetched_at, checked_at"
)


def insert(db: ProjectDatabase, row: dict[str, Any], body: bytes) -> int:
    """Store one capture; its body once per distinct SHA-256."""
    db.execute(
        "INSERT OR IGNORE INTO web_bodies (sha256, body) VALUES (?, ?)",
        [row["body_sha256"], body],
    )
    cursor = db.execute(
        "INSERT INTO web_captures (article_id, requested_url, final_url, redirects, status, "
        "reason, http_version, request_headers, headers, body_sha256, fetched_at, checked_at) "
        "VALUES (:article_id, :requested_url, :final_url, :redirects, :status, :reason, "
        ":http_version, :request_headers, :headers, :body_sha256, :fetched_at, :checked_at)",
        row,
    )
    return int(cursor.lastrowid or 0)


def for_article(db: ProjectDatabase, article_id: int) -> list[dict[str, Any]]:
    """An article's captures, oldest first (without bodies)."""
    sql = f"SELECT {CAPTURE_COLUMNS} FROM web_captures WHERE article_id = ? ORDER BY id"
    return [dict(row) for row in db.query(sql, [article_id])]


def latest(db: ProjectDatabase, article_id: int) -> dict[str, Any] | None:
    sql = (
        f"SELECT {CAPTURE_COLUMNS} FROM web_captures WHERE article_id = ? ORDER BY id DESC LIMIT 1"
    )
    rows = list(db.query(sql, [article_id]))
    return dict(rows[0]) if rows else None


def body(db: ProjectDatabase, sha256: str) -> bytes | None:
    row = db.execute("SELECT body FROM web_bodies WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else bytes(row[0])


def mark_checked(db: ProjectDatabase, capture_id: int, checked_at: str) -> None:
    db.execute("UPDATE web_captures SET checked_at = ? WHERE id = ?", [checked_at, capture_id])


def fetched_article_ids(db: ProjectDatabase) -> list[int]:
    """Every article with at least one capture, in id order."""
    return [
        int(row[0])
        for row in db.execute(
            "SELECT DISTINCT article_id FROM web_captures ORDER BY article_id"
        ).fetchall()
    ]


def newer_revision(db: ProjectDatabase, article_id: int) -> int | None:
    """The newest article stored as a revision of this one, if any."""
    row = db.execute(
        "SELECT id FROM articles WHERE revision_of = ? ORDER BY id DESC LIMIT 1", [article_id]
    ).fetchone()
    return None if row is None else int(row[0])


def revision_parent(db: ProjectDatabase, article_id: int) -> int | None:
    row = db.execute("SELECT revision_of FROM articles WHERE id = ?", [article_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def changed_at_source(db: ProjectDatabase) -> dict[int, int]:
    """Fetched articles whose address later served another text: article id -> the revision.

    The revision is the newest fetched article stored as a revision of it.
    """
    rows = db.execute(
        "SELECT a.revision_of, max(a.id) FROM articles a "
        "WHERE a.revision_of IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM web_captures c WHERE c.article_id = a.id) "
        "AND EXISTS (SELECT 1 FROM web_captures p WHERE p.article_id = a.revision_of) "
        "GROUP BY a.revision_of"
    ).fetchall()
    return {int(old): int(new) for old, new in rows}
