"""Queries over the persisted undo history (one row per user action)."""

from __future__ import annotations

from typing import Any

import sqlite_utils


def rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query("SELECT * FROM undo_history ORDER BY id")]


def drop_undone(db: sqlite_utils.Database) -> None:
    """A new action after undoing forgets what was undone, as the undo stack does."""
    db.execute("DELETE FROM undo_history WHERE done = 0")


def insert(db: sqlite_utils.Database, row: dict[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO undo_history (kind, label, payload, done, created_at) "
        "VALUES (:kind, :label, :payload, 1, :created_at)",
        row,
    )
    return int(cursor.lastrowid or 0)


def keep_last(db: sqlite_utils.Database, limit: int) -> None:
    db.execute(
        "DELETE FROM undo_history WHERE id NOT IN "
        "(SELECT id FROM undo_history ORDER BY id DESC LIMIT ?)",
        [limit],
    )


def set_state(db: sqlite_utils.Database, entry_id: int, done: bool, payload: str) -> None:
    db.execute(
        "UPDATE undo_history SET done = ?, payload = ? WHERE id = ?",
        [1 if done else 0, payload, entry_id],
    )


def delete(db: sqlite_utils.Database, entry_id: int) -> None:
    db.execute("DELETE FROM undo_history WHERE id = ?", [entry_id])


def clear(db: sqlite_utils.Database) -> None:
    db.execute("DELETE FROM undo_history")
