"""Opening project files safely.

A file that is not one of our projects must be left byte for byte as it was,
so every check here reads the file (or opens it read-only) before anything is
allowed to write to it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.db import Table, View

# What execute() and query() accept as parameters: positional or named.
Parameters = Sequence[Any] | dict[str, Any] | None

SQLITE_HEADER = b"SQLite format 3\x00"
# "FCAn" as a big-endian integer: marks a SQLite file as one of our projects.
APPLICATION_ID = 0x4643416E
BUSY_TIMEOUT_MS = 10_000
# BEGIN IMMEDIATE waits BUSY_TIMEOUT_MS for the write lock; if another writer
# still holds it (a long import), try again this many times before giving up.
BUSY_RETRIES = 3
BUSY_RETRY_PAUSE_S = 0.05


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
    # Until its schema is known to be ours (db.projectfile.opening), triggers
    # and views in a file cannot call functions with side effects nor use
    # virtual tables: a file from elsewhere is data, never code.
    conn.execute("PRAGMA trusted_schema = OFF")


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


def is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED as Python's sqlite3 reports them."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def begin_immediate(conn: sqlite3.Connection) -> None:
    """Take the write lock now, waiting (and retrying) while another writer holds it."""
    for attempt in range(BUSY_RETRIES + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or attempt == BUSY_RETRIES:
                raise
            time.sleep(BUSY_RETRY_PAUSE_S * (attempt + 1))


class ProjectDatabase:
    """One connection to a project file: SQL in, rows out, one unit of work at a time.

    Plain sqlite3 underneath, so opening a project (and painting the window's
    first frame) does not import sqlite-utils, which pulls in click, dateutil
    and pluggy and cost start-up ~50 ms (issue 19). The few table operations
    that want sqlite-utils (creating a dataset's table, the migrations'
    bookkeeping) reach it through `utils`, imported then.

    The outermost atomic() begins IMMEDIATE: a deferred BEGIN reads first and
    asks for the write lock later; when another connection (the CLI importing
    while the window is open) commits in between, SQLite cannot upgrade the
    stale read and fails at once with SQLITE_BUSY, without waiting. Taking the
    write lock at BEGIN makes every unit of work wait its turn instead, so two
    writers never lose an action. A nested atomic() is a savepoint.
    """

    # Set when the file may only be read (read-only, or holding foreign schema
    # objects): every unit of work raises it before taking the write lock.
    write_refusal: ProjectFileError | None = None

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # Savepoint names: unique on this connection, so nested units never clash.
        self._savepoints = itertools.count(1)

    def execute(self, sql: str, parameters: Parameters = None) -> sqlite3.Cursor:
        """Run one statement; outside atomic() a write commits at once (autocommit)."""
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Parameters = None) -> Iterator[dict[str, Any]]:
        """Run a statement that returns rows, now; the rows as dicts, read as iterated."""
        cursor = self.execute(sql, parameters)
        if cursor.description is None:
            raise ValueError("query() is for SQL that returns rows; use execute()")
        keys = [column[0] for column in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[ProjectDatabase]:
        if self.write_refusal is not None:
            raise self.write_refusal
        if self.conn.in_transaction:
            with self._savepoint():
                yield self
            return
        begin_immediate(self.conn)
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"unit_{next(self._savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # A RAISE(ROLLBACK) trigger may have ended the whole transaction,
            # savepoint and all: then there is nothing left to roll back.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def rollback(self) -> None:
        """Undo the open transaction, if any (a failed statement may have ended it)."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    @cached_property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils on this same connection, its atomic() this one's (imported now)."""
        from db.projectfile.utils_bridge import bridged

        return bridged(self)

    def __getitem__(self, name: str) -> Table | View:
        return self.utils[name]


def data_version(db: ProjectDatabase) -> int:
    """Changes whenever another connection commits to the file (never for our own)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def connect(path: Path) -> ProjectDatabase:
    """Open a project file read-write with WAL, foreign keys and a busy timeout.

    The connection is in autocommit mode (isolation_level None): Python never
    opens a transaction behind our back, so a write is either inside an
    atomic() block or committed at once, and no forgotten implicit
    transaction holds the write lock against another writer.
    """
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
    )
    _configure(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    return ProjectDatabase(conn)


def trust_schema(db: ProjectDatabase) -> None:
    """The schema was compared with ours and is ours: our own triggers may keep
    the full-text index (a virtual table) up to date."""
    db.execute("PRAGMA trusted_schema = ON")


def connect_memory() -> ProjectDatabase:
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    _configure(conn)
    conn.execute("PRAGMA trusted_schema = ON")  # a new database holds only our schema
    return ProjectDatabase(conn)


def writable(path: Path) -> bool:
    """Whether SQLite could write the file: the file itself (not read-only, not
    immutable), and its folder when the -wal and -shm files must be made there."""
    if not os.access(path, os.W_OK):
        return False
    live = Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    return live or os.access(path.parent, os.W_OK)


def connect_read_only(path: Path) -> ProjectDatabase:
    """Open a project file that cannot be written, for reading only."""
    live = Path(f"{path}-wal").exists()
    uri = f"{path.resolve().as_uri()}?{'mode=ro' if live else 'immutable=1'}"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
        isolation_level=None,
    )
    _configure(conn)
    return ProjectDatabase(conn)
