"""Named schema migrations, each applied once, recorded in the file beside the schema.

The record is the `_sqlite_migrations` table sqlite-utils' Migrations kept
(the same columns, index and rows), so files made before keep their history
and files made now open in an older annotator. It is our own runner because
opening a project reads the record on every start: sqlite-utils would cost
that start ~50 ms of imports (issue 19).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

TABLE = "_sqlite_migrations"
# Worded as sqlite-utils made them: the schema audit compares an index's SQL exactly.
CREATE_TABLE = (
    'CREATE TABLE "_sqlite_migrations" (\n'
    '   "id" INTEGER PRIMARY KEY,\n'
    '   "migration_set" TEXT,\n'
    '   "name" TEXT,\n'
    '   "applied_at" TEXT\n'
    ")"
)
CREATE_INDEX = (
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n'
    '    ON "_sqlite_migrations" ("migration_set", "name")'
)

MigrationFunction = Callable[["ProjectDatabase"], None]


@dataclass(frozen=True)
class Migration:
    name: str
    fn: MigrationFunction


class MigrationSet:
    """Migrations in the order registered; `apply` runs the pending ones, one
    transaction each together with its record."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(self, *, name: str) -> Callable[[MigrationFunction], MigrationFunction]:
        """Register the decorated function as the next migration, under `name`."""

        def register(fn: MigrationFunction) -> MigrationFunction:
            if any(m.name == name for m in self._migrations):
                raise ValueError(f"migration {name!r} is registered twice in {self.name!r}")
            self._migrations.append(Migration(name, fn))
            return fn

        return register

    def applied(self, db: ProjectDatabase) -> list[str]:
        """The names this file records as applied, in the order they were."""
        exists = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [TABLE]
        ).fetchone()
        if exists is None:
            return []
        rows = db.execute(
            f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY rowid", [self.name]
        )
        return [row[0] for row in rows]

    def pending(self, db: ProjectDatabase) -> list[Migration]:
        done = set(self.applied(db))
        return [m for m in self._migrations if m.name not in done]

    def apply(self, db: ProjectDatabase, stop_before: str | None = None) -> None:
        """Apply the pending migrations in order, stopping before `stop_before` if named."""
        if stop_before is not None and stop_before in self.applied(db):
            raise ValueError(f"cannot stop before {stop_before!r}: it is already applied")
        if not db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [TABLE]
        ).fetchone():
            with db.atomic():
                db.execute(CREATE_TABLE)
                db.execute(CREATE_INDEX)
        for migration in self.pending(db):
            if migration.name == stop_before:
                return
            with db.atomic():
                migration.fn(db)
                db.execute(
                    f"INSERT INTO {TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                    [self.name, migration.name, str(datetime.datetime.now(datetime.UTC))],
                )
