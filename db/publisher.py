"""The project's publisher row (the organisation its ClaimReviews are published by)."""

from __future__ import annotations

from typing import Any

from db.projectfile.connection import ProjectDatabase


def row(db: ProjectDatabase) -> dict[str, Any] | None:
    found = list(db.query("SELECT name, url, logo FROM publisher WHERE id = 1"))
    return found[0] if found else None


def put(db: ProjectDatabase, name: str, url: str, logo: str | None) -> None:
    db.execute(
        "INSERT INTO publisher (id, name, url, logo) VALUES (1, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, url = excluded.url, "
        "logo = excluded.logo",
        [name, url, logo],
    )


def clear(db: ProjectDatabase) -> None:
    db.execute("DELETE FROM publisher")
