"""Opening project files safely.

A file that is not one of our projects must be left byte for byte as it was,
so every check here reads the file (or opens it read-only) before anything is
allowed to write to it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"
# "FCAn" as a big-endian integer: marks a SQLite file as one of our projects.
APPLICATION_ID = 0x4643416E
BUSY_TIMEOUT_MS = 10_000


class ProjectFileError(Exception):
    """The file cannot be used as a project; the message names it and says why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")


def inspect_existing(path: Path) -> tuple[int, int]:
    """Return (application_id, user_version) of an existing file without changing it.

    Raises ProjectFileError for anything that is not a readable SQLite file.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectFileError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if size == 0:
        return (0, 0)
    if header != SQLITE_HEADER:
        raise ProjectFileError(path, "is not a project file (not an SQLite database)")
    # immutable=1 makes SQLite create no -wal or -shm file beside a stranger's
    # file; where a -wal already exists the file is live and mode=ro reads it.
    live = Path(f"{path}-wal").exists()
    uri = f"{path.resolve().as_uri()}?{'mode=ro' if live else 'immutable=1'}"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            # Touch every page of the schema so a truncated file fails here.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(path, f"is damaged or truncated ({exc})") from exc
    if result != "ok":
        raise ProjectFileError(path, f"is damaged ({result})")
    return (app_id, version)


def connect(path: Path) -> sqlite_utils.Database:
    """Open a project file read-write with WAL, foreign keys and a busy timeout."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    _configure(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    return sqlite_utils.Database(conn, execute_plugins=False)


def connect_memory() -> sqlite_utils.Database:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    _configure(conn)
    return sqlite_utils.Database(conn, execute_plugins=False)
