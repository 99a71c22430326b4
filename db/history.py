"""Queries over the persisted undo history (one row per user action)."""

from __future__ import annotations

from typing import Any

from db.projectfile.connection import ProjectDatabase


def rows(db: ProjectDatabase) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query("SELECT * FROM undo_history ORDER BY id")]


def row(db: ProjectDatabase, entry_id: int) -> dict[str, Any] | None:
    found = list(db.query("SELECT * FROM undo_history WHERE id = ?", [entry_id]))
    return dict(found[0]) if found else None


def next_undo(db: ProjectDatabase) -> dict[str, Any] | None:
    """The newest done row: what an undo takes back."""
    found = list(db.query("SELECT * FROM undo_history WHERE done = 1 ORDER BY id DESC LIMIT 1"))
    return dict(found[0]) if found else None


def next_redo(db: ProjectDatabase) -> dict[str, Any] | None:
    """The oldest undone row: what a redo does again."""
    found = list(db.query("SELECT * FROM undo_history WHERE done = 0 ORDER BY id LIMIT 1"))
    return dict(found[0]) if found else None


def headers(db: ProjectDatabase) -> list[dict[str, Any]]:
    """Every row but its payload, oldest first (what an undo stack shows)."""
    return [
        dict(r)
        for r in db.query(
            "SELECT id, kind, label, done, created_at, '{}' AS payload FROM undo_history ORDER BY id"
        )
    ]


def states(db: ProjectDatabase) -> list[tuple[int, bool]]:
    """(id, done) of every row, oldest first, without reading the payloads."""
    return [
        (int(r[0]), bool(r[1])) for r in db.execute("SELECT id, done FROM undo_history ORDER BY id")
    ]


def drop_undone(db: ProjectDatabase) -> None:
    """A new action after undoing forgets what was undone, as the undo stack does."""
    db.execute("DELETE FROM undo_history WHERE done = 0")


def insert(db: ProjectDatabase, row: dict[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO undo_history (kind, label, payload, done, created_at) "
        "VALUES (:kind, :label, :payload, 1, :created_at)",
        row,
    )
    return int(cursor.lastrowid or 0)


def keep_last(db: ProjectDatabase, limit: int) -> None:
    db.execute(
        "DELETE FROM undo_history WHERE id NOT IN "
        "(SELECT id FROM undo_history ORDER BY id DESC LIMIT ?)",
        [limit],
    )


def set_state(db: ProjectDatabase, entry_id: int, done: bool, payload: str) -> None:
    db.execute(
        "UPDATE undo_history SET done = ?, payload = ? WHERE id = ?",
        [1 if done else 0, payload, entry_id],
    )


def delete(db: ProjectDatabase, entry_id: int) -> None:
    db.execute("DELETE FROM undo_history WHERE id = ?", [entry_id])


def clear(db: ProjectDatabase) -> None:
    db.execute("DELETE FROM undo_history")
