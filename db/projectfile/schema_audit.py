"""A project file's schema compared with the one our migrations make.

A project file can come from anywhere, and SQLite keeps code in the file
itself: a trigger runs on every write to its table, a view runs whatever it
selects. A file with a trigger we did not make could rewrite other claims
whenever a claim is marked. So before anything writes to a file its schema
is compared, object by object (tables, indexes, triggers, views), with the
schema our own migrations make at the file's version (the latest read from a
snapshot beside them, older ones built once per process in memory). Objects
we did not make are "foreign": the file is then opened for reading only,
`check` reports them, and `check --repair` drops them
(after a backup). Objects we made that are gone or changed (a table replaced
by a view, a trigger rewritten) are reported too, and repaired from our own
definitions.

Dataset tables (`dataset_<id>`, made per imported dataset) and SQLite's own
objects are ours by rule, not by list.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from db.projectfile import connection, migrations, schema_snapshot
from db.projectfile.connection import ProjectDatabase

# SQLite's own objects (sqlite_sequence, sqlite_stat1, automatic indexes).
_SQLITE_OWN = re.compile(r"^sqlite_")
_DATASET_TABLE = re.compile(r"^dataset_[0-9]+$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SchemaObject:
    type: str  # table | index | trigger | view
    name: str
    table: str
    sql: str


@dataclass(frozen=True)
class Finding:
    """One difference from our schema; `foreign` ones keep the file from being written."""

    kind: str  # foreign | missing | changed
    object: SchemaObject
    expected: SchemaObject | None = None

    @property
    def foreign(self) -> bool:
        return self.kind == "foreign"

    def describe(self) -> str:
        obj = self.object
        if self.kind == "foreign":
            return (
                f"holds a {obj.type} {obj.name!r} the annotator did not make "
                "(refused for writing; `annotator check --repair` removes it after a backup)"
            )
        if self.kind == "missing":
            return f"its {obj.type} {obj.name!r} is missing (`annotator check --repair` remakes it)"
        expected = self.expected
        if expected is not None and expected.type != obj.type:
            return (
                f"its {expected.type} {obj.name!r} was replaced by a {obj.type} "
                "(`annotator check --repair` remakes it)"
            )
        return (
            f"its {obj.type} {obj.name!r} differs from the annotator's "
            "(`annotator check --repair` remakes it)"
        )


def _normal(sql: str | None) -> str:
    return _SPACE.sub(" ", sql or "").strip()


def objects(db: ProjectDatabase) -> dict[str, SchemaObject]:
    """The file's schema objects by name (names are unique across types in SQLite)."""
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {
        str(name): SchemaObject(str(kind), str(name), str(table), _normal(sql))
        for kind, name, table, sql in rows
    }


@functools.cache
def expected_objects(version: int) -> dict[str, SchemaObject]:
    """What our first `version` migrations make, once per process.

    The latest version is read from the snapshot written beside the
    migrations (`schema_snapshot`), when it is whole and current; any other
    version, or a stale snapshot, is built from the migrations in memory.
    """
    if version == migrations.latest_version():
        rows = schema_snapshot.load(version)
        if rows is not None:
            return {name: SchemaObject(kind, name, table, sql) for kind, name, table, sql in rows}
    return build_expected(version)


def build_expected(version: int) -> dict[str, SchemaObject]:
    """What our first `version` migrations make, built in memory."""
    db = connection.connect_memory()
    names = [m.name for m in migrations.migrations._migrations]
    stop = names[version] if version < len(names) else None
    migrations.migrations.apply(db, stop_before=stop)
    made = objects(db)
    db.conn.close()
    return made


def _ours_by_rule(obj: SchemaObject) -> bool:
    if _SQLITE_OWN.match(obj.name):
        return True
    if obj.type == "table":
        return _DATASET_TABLE.match(obj.name) is not None
    # an index a dataset import made on its own table
    return obj.type == "index" and _DATASET_TABLE.match(obj.table) is not None


def audit(db: ProjectDatabase, version: int | None = None) -> list[Finding]:
    """Every difference between the file's schema and ours at its version.

    A file older than our schema is judged by names only: early migrations
    call today's code (the full-text index's definition), so what they made
    in the file then may be worded differently from what they make now. Such
    a file is audited in full once migrated.
    """
    if version is None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
    latest = migrations.latest_version()
    if version < latest:
        return [
            f
            for f in _compare(db, expected_objects(version))
            if f.kind == "foreign" and f.expected is None
        ]
    return _compare(db, expected_objects(latest))


def _compare(db: ProjectDatabase, expected: dict[str, SchemaObject]) -> list[Finding]:
    found = objects(db)
    findings: list[Finding] = []
    for name, obj in found.items():
        ours = expected.get(name)
        if ours is None:
            if not _ours_by_rule(obj):
                findings.append(Finding("foreign", obj))
        elif ours.type != obj.type:
            # our table now a view (or the reverse): what runs there is not ours
            kind = "foreign" if obj.type in ("view", "trigger") else "changed"
            findings.append(Finding(kind, obj, ours))
        elif ours.sql != obj.sql and not _same_table(db, ours, obj):
            # a trigger or view of ours rewritten runs foreign code; a table
            # or index that differs is reported (columns may have been lost)
            kind = "foreign" if obj.type in ("view", "trigger") else "changed"
            findings.append(Finding(kind, obj, ours))
    for name, ours in expected.items():
        if name not in found and not _SQLITE_OWN.match(name):
            findings.append(Finding("missing", ours))
    return findings


def _same_table(db: ProjectDatabase, ours: SchemaObject, obj: SchemaObject) -> bool:
    """Tables count as the same when their columns are (ALTER TABLE may word the SQL
    differently across SQLite versions); other objects must match exactly."""
    if obj.type != "table":
        return False
    columns = [tuple(row[1:3]) for row in db.execute(f'PRAGMA table_xinfo("{obj.name}")')]
    return columns == _expected_columns(ours)


def _expected_columns(ours: SchemaObject) -> list[tuple[object, ...]]:
    db = connection.connect_memory()
    try:
        db.execute(ours.sql)
        return [tuple(row[1:3]) for row in db.execute(f'PRAGMA table_xinfo("{ours.name}")')]
    except Exception:  # a virtual table's SQL needs its module's shadow tables
        return []
    finally:
        db.conn.close()


def write_refusal(findings: list[Finding]) -> str | None:
    """Why the file may not be written, or None when nothing foreign is in it."""
    foreign = [f.object for f in findings if f.foreign]
    if not foreign:
        return None
    named = ", ".join(f"{o.type} {o.name!r}" for o in foreign[:3])
    more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
    return (
        f"holds {len(foreign)} schema object{'s' if len(foreign) != 1 else ''} the annotator "
        f"did not make ({named}{more}): refused for writing; "
        "run `annotator check --repair` to remove them after a backup"
    )


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}


def repair(db: ProjectDatabase, findings: list[Finding]) -> list[str]:
    """Drop what is foreign or changed, remake what is ours; return what was done.

    Runs in one transaction on a connection whose writes are allowed; the
    caller backs the file up first.
    """
    done: list[str] = []
    db.execute("PRAGMA query_only = OFF")
    connection.begin_immediate(db.conn)
    try:
        db.execute("PRAGMA defer_foreign_keys = ON")
        # triggers first, so dropping anything else runs nothing foreign
        drops = sorted(
            (f for f in findings if f.kind in ("foreign", "changed")),
            key=lambda f: -_ORDER.get(f.object.type, 0),
        )
        for finding in drops:
            obj = finding.object
            if obj.type == "table" and finding.kind == "changed":
                continue  # a table of ours with other columns keeps its rows
            if obj.type == "index" and _SQLITE_OWN.match(obj.name):
                continue
            db.execute(f"DROP {obj.type.upper()} IF EXISTS {_quoted(obj.name)}")
            done.append(f"dropped {obj.type} {obj.name!r}")
        remake = sorted(
            (f.expected or f.object for f in findings if f.kind == "missing" or f.expected),
            # a virtual table before its shadow tables, which it makes itself
            key=lambda o: (_ORDER.get(o.type, 0), not o.sql.startswith("CREATE VIRTUAL")),
        )
        for obj in remake:
            if obj.type == "table" and _exists(db, obj.name):
                continue
            db.execute(obj.sql)
            done.append(f"made {obj.type} {obj.name!r}")
    except BaseException:
        db.conn.rollback()
        raise
    db.execute("COMMIT")
    return done


def _exists(db: ProjectDatabase, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None
