"""Copies of a project file made with SQLite's online backup API.

The backup API copies a consistent snapshot page by page through SQLite
itself, so a copy taken while the window (or the CLI) writes is never torn,
which copying the file and its -wal with the file system can be. A copy is
written under a temporary name and renamed into place, so a crash midway
never leaves a half backup that looks whole.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from db.projectfile.connection import BUSY_TIMEOUT_MS

PARTIAL_SUFFIX = ".partial"


def _open_source(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _remove_quietly(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def copy_connection(source: sqlite3.Connection, target: Path) -> Path:
    """Back up an open connection's database to `target` (a new file), atomically."""
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    _remove_quietly(partial)
    try:
        dest = sqlite3.connect(str(partial), isolation_level=None)
        try:
            source.backup(dest)  # all pages in one step: one consistent snapshot
            # The copy is a single self-contained file: no -wal beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _fsync(partial)
        os.replace(partial, target)
    except BaseException:
        _remove_quietly(partial)
        raise
    return target


def copy_file(source: Path, target: Path) -> Path:
    """Back up the project file at `source` (it may be open elsewhere) to `target`."""
    conn = _open_source(source)
    try:
        return copy_connection(conn, target)
    finally:
        conn.close()


def restore_over(backup: Path, target: Path) -> None:
    """Write the backup's pages into the project file at `target`, in place.

    Going through SQLite (not a file copy) keeps the target's -wal and -shm
    coherent: the old write-ahead log is checkpointed away and the file holds
    exactly the backup's content afterwards, in WAL mode as projects are.
    """
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = _open_source(target)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = WAL")
            dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dest.close()
    finally:
        source.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
