"""sqlite-utils on a project's own connection, for the few table operations that want it.

Imported only when one runs (a dataset's table created, migrations applied):
sqlite-utils pulls in click, dateutil and pluggy, which opening a project and
painting the window need not wait for.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Protocol

import sqlite_utils


class ProjectConnection(Protocol):
    """What the bridge needs of a ProjectDatabase (named so no import circle forms)."""

    conn: sqlite3.Connection

    def atomic(self) -> AbstractContextManager[object]: ...


class _Bridged(sqlite_utils.Database):
    """sqlite-utils' Database whose units of work are the project's (BEGIN IMMEDIATE,
    refused on a read-only file), so a migration waits for the write lock like any edit."""

    def __init__(self, project_db: ProjectConnection) -> None:
        # Plugins are not loaded: a project behaves the same whatever else is installed.
        super().__init__(project_db.conn, execute_plugins=False)
        self._project_db = project_db

    @contextlib.contextmanager
    def atomic(self) -> Iterator[_Bridged]:
        with self._project_db.atomic():
            yield self


def bridged(project_db: ProjectConnection) -> sqlite_utils.Database:
    return _Bridged(project_db)
