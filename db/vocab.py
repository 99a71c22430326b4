"""Queries over the codebook vocabularies (sides, stances, verdicts, topics)."""

from __future__ import annotations

from typing import Any

import sqlite_utils


def all_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query("SELECT * FROM vocab ORDER BY kind, position, name COLLATE NOCASE")
    ]


def insert(db: sqlite_utils.Database, row: dict[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO vocab (kind, name, colour, rating, description, position) "
        "VALUES (:kind, :name, :colour, :rating, :description, :position)",
        row,
    )
    return int(cursor.lastrowid or 0)


def count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM vocab").fetchone()[0])
