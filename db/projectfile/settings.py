"""The project's own settings: key/value rows in the `settings` table.

Settings that belong to the file (how often it is backed up, how many backups
to keep) travel with it; per-user preferences stay in QSettings.
"""

from __future__ import annotations

from db.projectfile.connection import ProjectDatabase


def get(db: ProjectDatabase, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def put(db: ProjectDatabase, key: str, value: str | None) -> None:
    if value is None:
        db.execute("DELETE FROM settings WHERE key = ?", [key])
    else:
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
