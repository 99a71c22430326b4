"""The project connection on plain sqlite3: rows, units of work, the migrations' record.

It replaced sqlite-utils' Database on the start-up path (issue 19), so what
the project relied on is pinned here: rows as dicts, nested units of work as
savepoints, and a migrations record a file made by sqlite-utils still reads.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from db.projectfile import connection, migrations
from db.projectfile.migration_set import TABLE, MigrationSet


def test_rows_come_as_dicts_and_a_statement_without_rows_is_refused() -> None:
    db = connection.connect_memory()
    db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    db.execute("INSERT INTO t VALUES (?, ?)", [1, "x"])
    db.execute("INSERT INTO t VALUES (:a, :b)", {"a": 2, "b": "y"})
    assert list(db.query("SELECT a, b FROM t ORDER BY a")) == [
        {"a": 1, "b": "x"},
        {"a": 2, "b": "y"},
    ]
    with pytest.raises(ValueError):
        db.query("UPDATE t SET b = 'z'")
    assert db.table_names() == ["t"]
    assert [c.name for c in db["t"].columns] == ["a", "b"]  # sqlite-utils, on first use


def test_a_failed_inner_unit_is_undone_and_the_outer_one_commits(tmp_path: Path) -> None:
    db = connection.connect(tmp_path / "p.sqlite")
    db.execute("CREATE TABLE t (a INTEGER)")
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError("inner")
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t VALUES (3)")
        raise RuntimeError("outer")
    assert not db.conn.in_transaction
    assert [r[0] for r in db.execute("SELECT a FROM t")] == [1]


def test_the_utils_bridge_works_in_the_projects_own_units_of_work(tmp_path: Path) -> None:
    db = connection.connect(tmp_path / "p.sqlite")
    db.write_refusal = connection.ProjectFileError(tmp_path, "read only")
    with pytest.raises(connection.ProjectFileError), db.utils.atomic():
        pass


def test_our_record_of_migrations_is_the_one_sqlite_utils_kept() -> None:
    """A file whose migrations sqlite-utils recorded reads as migrated, and the
    table and index we make are worded as sqlite-utils made them."""
    theirs = sqlite_utils.Database(memory=True)
    old = Migrations(migrations.MIGRATION_SET)
    for known in migrations.migrations._migrations:
        old(name=known.name)(lambda _db: None)
    old.apply(theirs)
    ours = connection.ProjectDatabase(theirs.conn)
    assert migrations.migrations.pending(ours) == []

    made = connection.connect_memory()
    MigrationSet("x").apply(made)

    def schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
        return conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = ? ORDER BY name", [TABLE]
        ).fetchall()

    assert schema(made.conn) == schema(theirs.conn)
