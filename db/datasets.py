"""Queries over imported datasets: the `datasets` register and the generated tables.

A dataset's table is named `dataset_<id>` and its columns `c1..cN`; the names
the user sees live only in `datasets.name` and `datasets.columns` (JSON). So no
text from a user's file ever becomes an SQL identifier: every identifier used
here is checked against these generated shapes before it reaches SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from db.projectfile.connection import ProjectDatabase

ROW_COLUMN = "n"  # 1-based row number, the table's primary key
_TABLE = re.compile(r"^dataset_[0-9]+$")
_COLUMN = re.compile(r"^c[0-9]+$")
SQL_TYPES = {"integer": "INTEGER", "float": "REAL", "text": "TEXT"}
PY_TYPES: dict[str, type] = {"integer": int, "float": float, "text": str}


def table_name(dataset_id: int) -> str:
    return f"dataset_{int(dataset_id)}"


def column_name(position: int) -> str:
    """The generated SQL name of the position-th column (1-based)."""
    return f"c{int(position)}"


def _table(name: str) -> str:
    if not _TABLE.match(name):
        raise ValueError(f"not a dataset table: {name!r}")
    return name


def _column(name: str) -> str:
    if name != ROW_COLUMN and not _COLUMN.match(name):
        raise ValueError(f"not a dataset column: {name!r}")
    return name


# -- the register ---------------------------------------------------------------
def insert_meta(db: ProjectDatabase, row: dict[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO datasets (name, table_name, source_name, imported_at, row_count, columns, "
        "encoding, delimiter) VALUES (:name, :table_name, :source_name, :imported_at, "
        ":row_count, :columns, :encoding, :delimiter)",
        row,
    )
    return int(cursor.lastrowid or 0)


def update_meta(db: ProjectDatabase, dataset_id: int, table: str, rows: int, columns: str) -> None:
    db.execute(
        "UPDATE datasets SET table_name = ?, row_count = ?, columns = ? WHERE id = ?",
        [_table(table), rows, columns, dataset_id],
    )


def all_meta(db: ProjectDatabase) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query("SELECT * FROM datasets ORDER BY name COLLATE NOCASE, id")]


def meta_by_name(db: ProjectDatabase, name: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM datasets WHERE name = ?", [name]))
    return dict(rows[0]) if rows else None


def meta_by_id(db: ProjectDatabase, dataset_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM datasets WHERE id = ?", [dataset_id]))
    return dict(rows[0]) if rows else None


def delete_meta(db: ProjectDatabase, dataset_id: int) -> None:
    db.execute("DELETE FROM datasets WHERE id = ?", [dataset_id])


# -- the tables -------------------------------------------------------------------
def create_table(db: ProjectDatabase, table: str, columns: Sequence[tuple[str, str]]) -> None:
    """Create a dataset table: `n` (row number) then the typed generated columns."""
    spec: dict[str, Any] = {ROW_COLUMN: int}
    for name, kind in columns:
        spec[_column(name)] = PY_TYPES[kind]
    db[_table(table)].create(spec, pk=ROW_COLUMN)  # type: ignore[union-attr]


def insert_rows(
    db: ProjectDatabase, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    names = ", ".join([ROW_COLUMN, *(_column(c) for c in columns)])
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    db.conn.executemany(f"INSERT INTO {_table(table)} ({names}) VALUES ({marks})", rows)


def drop_table(db: ProjectDatabase, table: str) -> None:
    db.execute(f"DROP TABLE IF EXISTS {_table(table)}")


def _where(columns: Sequence[str], contains: str | None) -> tuple[str, list[Any]]:
    if not contains:
        return "", []
    escaped = contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    terms = " OR ".join(f"CAST({_column(c)} AS TEXT) LIKE ? ESCAPE '\\'" for c in columns)
    return f" WHERE ({terms})", [pattern] * len(columns)


def select_rows(
    db: ProjectDatabase,
    table: str,
    columns: Sequence[str],
    offset: int,
    limit: int,
    order_by: str | None = None,
    descending: bool = False,
    contains: str | None = None,
) -> list[tuple[Any, ...]]:
    """A page of rows as (n, c1, ..., cN), sorted and filtered by a substring of any cell."""
    names = ", ".join([ROW_COLUMN, *(_column(c) for c in columns)])
    where, params = _where(columns, contains)
    direction = "DESC" if descending else "ASC"
    order = f"{_column(order_by)} {direction}, {ROW_COLUMN}" if order_by else ROW_COLUMN
    sql = f"SELECT {names} FROM {_table(table)}{where} ORDER BY {order} LIMIT ? OFFSET ?"
    return [tuple(r) for r in db.execute(sql, [*params, int(limit), int(offset)]).fetchall()]


def count_rows(
    db: ProjectDatabase, table: str, columns: Sequence[str], contains: str | None = None
) -> int:
    where, params = _where(columns, contains)
    return int(db.execute(f"SELECT count(*) FROM {_table(table)}{where}", params).fetchone()[0])


def row(db: ProjectDatabase, table: str, columns: Sequence[str], n: int) -> tuple[Any, ...] | None:
    names = ", ".join([ROW_COLUMN, *(_column(c) for c in columns)])
    found = db.execute(
        f"SELECT {names} FROM {_table(table)} WHERE {ROW_COLUMN} = ?", [int(n)]
    ).fetchone()
    return None if found is None else tuple(found)


def column_values(
    db: ProjectDatabase, table: str, columns: Sequence[str], limit: int
) -> list[tuple[Any, ...]]:
    """The first `limit` rows of some columns in row order (what a chart plots)."""
    names = ", ".join(_column(c) for c in columns)
    sql = f"SELECT {names} FROM {_table(table)} ORDER BY {ROW_COLUMN} LIMIT ?"
    return [tuple(r) for r in db.execute(sql, [int(limit)]).fetchall()]
