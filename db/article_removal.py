"""Deleting an article with everything that hangs off it, and bringing it all back.

What hangs off an article is found from the schema's foreign keys, not from a
list written here: a table another feature adds later (pointing at articles,
claims or evidence) is snapshotted and restored too, instead of blocking the
delete (RESTRICT) or being lost for good (CASCADE).

A snapshot is plain JSON-able data (it goes into the undo history):
  article   the article's row, text included
  rows      [[table, [row, ...]], ...] in the order they go back in
  removals  [[table, column, [values]], ...]: the deletes, in the order found
            (they run in reverse: what points at a row goes before the row)
  relinked  [[table, column, rowid, old value], ...]: rows that stay but were
            changed (a newer revision now follows the deleted one's parent;
            SET NULL references)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from db.projectfile.connection import ProjectDatabase

ArticleSnapshot = dict[str, Any]

# Levels of rows followed: claims and evidence of the article, what points at
# those (topics, quantities, links), and two more for tables yet to come.
MAX_LEVELS = 4
# Values per IN (...) list, under every SQLite build's variable limit.
CHUNK = 500
SET_NULL = "SET NULL"


@dataclass(frozen=True)
class Reference:
    table: str  # the table holding the foreign key
    column: str
    target: str  # the table it points at
    target_column: str
    on_delete: str


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def references(db: ProjectDatabase) -> list[Reference]:
    """Every foreign key of every ordinary table."""
    found: list[Reference] = []
    tables = [
        str(r[0])
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    for table in tables:
        for row in db.execute(f"PRAGMA foreign_key_list({_quoted(table)})").fetchall():
            # id, seq, table, from, to, on_update, on_delete, match
            found.append(
                Reference(table, str(row[3]), str(row[2]), str(row[4] or "id"), str(row[6]))
            )
    return found


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _select(
    db: ProjectDatabase, columns: str, table: str, column: str, values: Sequence[Any]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(values):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT {columns} FROM {_quoted(table)} WHERE {_quoted(column)} IN ({marks})"
        rows.extend(dict(r) for r in db.query(sql, list(chunk)))
    return rows


def snapshot(db: ProjectDatabase, article_id: int) -> ArticleSnapshot | None:
    """Everything deleting the article removes or changes; None when there is no such article."""
    article = [dict(r) for r in db.query("SELECT * FROM articles WHERE id = ?", [article_id])]
    if not article:
        return None
    refs = references(db)
    removed: dict[str, list[dict[str, Any]]] = {}
    seen: dict[str, set[tuple[Any, ...]]] = {}
    order: list[str] = []
    removals: list[list[Any]] = []
    relinked: list[list[Any]] = []
    # (table, column, values) whose rows go: start from the article itself
    frontier: list[tuple[str, str, list[Any]]] = [("articles", "id", [article_id])]
    for _level in range(MAX_LEVELS):
        following: list[tuple[str, str, list[Any]]] = []
        for target, target_column, values in frontier:
            for ref in refs:
                if ref.target != target or ref.target_column != target_column or not values:
                    continue
                if ref.table == "articles" or ref.on_delete == SET_NULL:
                    # The row stays; only its reference changes (articles: revision_of).
                    rows = _select(
                        db,
                        f"rowid AS _rowid, {_quoted(ref.column)} AS _old",
                        ref.table,
                        ref.column,
                        values,
                    )
                    relinked.extend([ref.table, ref.column, r["_rowid"], r["_old"]] for r in rows)
                    continue
                rows = _select(db, "*", ref.table, ref.column, values)
                keys = seen.setdefault(ref.table, set())
                new = [r for r in rows if tuple(r.items()) not in keys]
                keys.update(tuple(r.items()) for r in new)
                removed.setdefault(ref.table, []).extend(new)
                if ref.table in order:  # reached again (claim_evidence: by claim, by evidence)
                    order.remove(ref.table)
                order.append(ref.table)
                removals.append([ref.table, ref.column, values])
                for parent in sorted({r.target_column for r in refs if r.target == ref.table}):
                    following.append((ref.table, parent, [row[parent] for row in new]))
        frontier = following
    return {
        "article": article[0],
        "rows": [[table, removed[table]] for table in order if removed[table]],
        "removals": removals,
        "relinked": relinked,
    }


def delete(db: ProjectDatabase, snapshot: ArticleSnapshot) -> None:
    """Remove what the snapshot holds; a newer revision then follows the deleted one's parent."""
    article = snapshot["article"]
    for table, column, rowid, _old in snapshot["relinked"]:
        if table == "articles":
            value = article["revision_of"] if column == "revision_of" else None
            db.execute(f"UPDATE articles SET {_quoted(column)} = ? WHERE rowid = ?", [value, rowid])
    for table, column, values in reversed(snapshot["removals"]):
        for chunk in _chunks(values):
            marks = ", ".join("?" * len(chunk))
            db.execute(
                f"DELETE FROM {_quoted(table)} WHERE {_quoted(column)} IN ({marks})", list(chunk)
            )
    db.execute("DELETE FROM articles WHERE id = ?", [article["id"]])


def restore(db: ProjectDatabase, snapshot: ArticleSnapshot) -> None:
    """Put back every row the snapshot holds, with the same ids; links as they were."""
    _insert(db, "articles", snapshot["article"])
    for table, rows in snapshot["rows"]:
        for row in rows:
            _insert(db, table, row)
    for table, column, rowid, old in snapshot["relinked"]:
        db.execute(
            f"UPDATE {_quoted(table)} SET {_quoted(column)} = ? WHERE rowid = ?", [old, rowid]
        )


def _insert(db: ProjectDatabase, table: str, row: dict[str, Any]) -> None:
    names = ", ".join(_quoted(c) for c in row)
    marks = ", ".join("?" * len(row))
    db.execute(f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})", list(row.values()))
