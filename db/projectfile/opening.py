"""Opening a project file that may be hostile, and saying what is wrong with it.

`open_checked` decides how a file known to be one of ours (by its
application id) may be used: written as usual, read only (a read-only or
immutable file, one whose folder cannot hold the -wal), or read only until
repaired (it holds schema objects our migrations did not make, which would
otherwise run on our writes). `explain` turns what SQLite raises into the one
line a person can act on ("is read-only", "the disk is full: nothing was
written", "is missing its table speakers"), never "internal error".
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from db.projectfile import checks, connection, migrations, schema_audit
from db.projectfile.connection import ProjectDatabase, ProjectFileError

READ_ONLY = "is read-only: nothing was written"
DISK_FULL = "the disk is full: nothing was written"
# Free space below which a disk I/O error is taken for a full disk.
_NEARLY_FULL_BYTES = 4 * 1024 * 1024
_NO_TABLE = re.compile(r"no such table: (?:main\.)?(\S+)")
_NOT_UTF8 = re.compile(r"Could not decode to UTF-8 column '([^']*)'")
_A_VIEW = re.compile(r"cannot modify (\S+) because it is a view")
# Findings about text that is not UTF-8 are this many at most (the first ones).
MAX_TEXT_FINDINGS = 20


def open_checked(
    path: Path, is_new: bool, before: migrations.BeforeMigrate | None
) -> ProjectDatabase:
    """Connect, compare the schema with ours, and migrate only when writing is safe."""
    if not is_new and not connection.writable(path):
        db = connection.connect_read_only(path)
        if migrations.migrations.pending(db):
            db.conn.close()
            raise ProjectFileError(
                path,
                "is read-only and was made by an older version of the annotator: "
                "make it writable so its schema can be brought up to date",
            )
        _refuse_writes(db, ProjectFileError(path, READ_ONLY))
        if schema_audit.write_refusal(schema_audit.audit(db)) is None:
            connection.trust_schema(db)
        return db
    db = connection.connect(path)
    if not is_new:
        refusal = schema_audit.write_refusal(schema_audit.audit(db))
        if refusal is not None:
            _refuse_writes(db, ProjectFileError(path, refusal))
            return db
    # Nothing in the file is foreign: what runs on a write is our own schema,
    # and the migrations about to run are ours.
    connection.trust_schema(db)
    if migrations.migrate(db, before=before) and not is_new:
        # an older file was judged by names; now it is judged in full
        refusal = schema_audit.write_refusal(schema_audit.audit(db))
        if refusal is not None:
            _refuse_writes(db, ProjectFileError(path, refusal))
    return db


def _refuse_writes(db: ProjectDatabase, refusal: ProjectFileError) -> None:
    db.write_refusal = refusal
    db.execute("PRAGMA query_only = ON")  # the backstop for a write outside atomic()


def schema_findings(db: ProjectDatabase) -> list[schema_audit.Finding]:
    return schema_audit.audit(db)


def findings(db: ProjectDatabase) -> list[str]:
    """Everything `check` reports: schema differences, integrity, text that is not UTF-8."""
    problems = [finding.describe() for finding in schema_audit.audit(db)]
    try:
        problems.extend(checks.findings(db))
    except sqlite3.Error as exc:
        problems.append(f"could not be checked further ({explain(exc, None, 'failed')})")
    problems.extend(_undecodable_text(db))
    return problems


def repair(
    db: ProjectDatabase,
    found: list[schema_audit.Finding],
    before: migrations.BeforeMigrate | None,
) -> list[str]:
    """Drop the foreign objects, remake ours, then allow writing and migrate."""
    if isinstance(db, ProjectDatabase) and db.write_refusal is not None:
        if db.write_refusal.reason == READ_ONLY:
            raise db.write_refusal
        db.write_refusal = None
    done = schema_audit.repair(db, found)
    connection.trust_schema(db)
    db.execute("PRAGMA query_only = OFF")
    migrations.migrate(db, before=before)
    return done


def _text_columns(db: ProjectDatabase) -> list[tuple[str, str]]:
    tables = [
        str(row[0])
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND substr(name, 1, 7) <> 'sqlite_' AND instr(name, '_fts_') = 0 ORDER BY name"
        ).fetchall()
    ]
    columns: list[tuple[str, str]] = []
    for table in tables:
        quoted = table.replace('"', '""')
        for row in db.execute(f'PRAGMA table_info("{quoted}")').fetchall():
            if str(row[2]).upper() not in ("INTEGER", "REAL", "BLOB", "FLOAT"):
                columns.append((table, str(row[1])))
    return columns


def _undecodable_text(db: ProjectDatabase) -> list[str]:
    """Text another SQLite tool wrote that is not UTF-8: reading it would fail later."""
    conn = db.conn
    found: list[str] = []
    columns = _text_columns(db)  # read before text arrives as bytes
    saved = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, column in columns:
            t = table.replace('"', '""')
            c = column.replace('"', '""')
            try:
                rows = conn.execute(
                    f'SELECT rowid, "{c}" FROM "{t}" WHERE typeof("{c}") = \'text\''
                ).fetchall()
            except sqlite3.Error:
                continue  # no rowid, or unreadable: the schema findings say so
            for rowid, value in rows:
                try:
                    value.decode("utf-8")
                except UnicodeDecodeError:
                    found.append(f"{table} row {rowid}: its {column} is not UTF-8 text")
                    if len(found) >= MAX_TEXT_FINDINGS:
                        return found
    finally:
        conn.text_factory = saved
    return found


def _disk_nearly_full(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        import shutil  # here: only a failed write asks, and shutil costs start-up ~2 ms

        return shutil.disk_usage(path.parent).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


def explain(exc: BaseException, path: Path | None, fallback: str) -> str:
    """The reason, for a person, behind an error SQLite raised on a project file."""
    message = str(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL or "database or disk is full" in message:
        return DISK_FULL
    if primary == sqlite3.SQLITE_READONLY or "readonly database" in message:
        return READ_ONLY
    if primary == sqlite3.SQLITE_IOERR:
        if _disk_nearly_full(path):
            return DISK_FULL
        return "could not be written or read (disk I/O error): nothing was written"
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return f"is damaged ({message})"
    if (match := _NO_TABLE.search(message)) is not None:
        return f"is missing its table {match.group(1)} (run `annotator check --repair`)"
    if (match := _A_VIEW.search(message)) is not None:
        return f"its table {match.group(1)} was replaced by a view (run `annotator check --repair`)"
    if (match := _NOT_UTF8.search(message)) is not None:
        return (
            f"holds text that is not UTF-8 (a {match.group(1)} value, written by "
            "another SQLite tool?); `annotator check` lists where"
        )
    if "no such column" in message or "has no column named" in message:
        return f"a table differs from the annotator's ({message}; run `annotator check`)"
    return f"{fallback} ({message})"
