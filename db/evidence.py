"""Queries over evidence items, the documents they carry and their claim links.

Plain rows in and out; every identifier in SQL text here is fixed or checked
against an allow-list, values always go in as parameters.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from db.projectfile.connection import ProjectDatabase

# Tables a snapshot may write back into, and the shape of a column name in one.
RESTORABLE = ("documents", "evidence", "claim_evidence", "claim_links", "datasets")
_COLUMN_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")

SELECT = """
SELECT e.*, d.name AS file_name, d.sha256 AS sha256, d.size AS size,
       d.media_type AS media_type, ds.name AS dataset, a.title AS article_title,
       (SELECT count(*) FROM claim_evidence ce WHERE ce.evidence_id = e.id) AS claims
FROM evidence e
LEFT JOIN documents d ON d.id = e.document_id
LEFT JOIN datasets ds ON ds.id = e.dataset_id
LEFT JOIN articles a ON a.id = e.article_id
"""


def quoted(column: str) -> str:
    if not _COLUMN_NAME.match(column):
        raise ValueError(f"not a column name: {column!r}")
    return f'"{column}"'


def insert_row(db: ProjectDatabase, table: str, row: dict[str, Any]) -> int:
    """Insert (or put back) one row of a known table; the keys come from our own rows."""
    if table not in RESTORABLE:
        raise ValueError(f"not a restorable table: {table}")
    names = ", ".join(quoted(c) for c in row)
    values = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({values})", list(row.values()))
    return int(cursor.lastrowid or 0)


def insert_evidence(db: ProjectDatabase, row: dict[str, Any], columns: Collection[str]) -> int:
    """Insert an item; `columns` names the evidence table's columns
    (annotator.models.Evidence's stored fields)."""
    unknown = set(row) - set(columns)
    if unknown:
        raise ValueError(f"not evidence columns: {', '.join(sorted(unknown))}")
    return insert_row(db, "evidence", row)


def update_evidence(
    db: ProjectDatabase, evidence_id: int, fields: dict[str, Any], editable: Collection[str]
) -> None:
    """Set fields of one item; `editable` names the columns a caller may change."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not fields:
        return
    assignments = ", ".join(f"{quoted(c)} = ?" for c in fields)
    db.execute(f"UPDATE evidence SET {assignments} WHERE id = ?", [*fields.values(), evidence_id])


def select(
    db: ProjectDatabase, where: str = "", params: list[Any] | None = None
) -> list[dict[str, Any]]:
    sql = SELECT + (f" WHERE {where}" if where else "") + " ORDER BY e.id"
    return [dict(r) for r in db.query(sql, params or [])]


def get(db: ProjectDatabase, evidence_id: int) -> dict[str, Any] | None:
    rows = select(db, "e.id = ?", [evidence_id])
    return rows[0] if rows else None


def raw(db: ProjectDatabase, evidence_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]))
    return dict(rows[0]) if rows else None


def delete_evidence(db: ProjectDatabase, evidence_id: int) -> None:
    db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])


def count_for_dataset(db: ProjectDatabase, dataset_id: int) -> int:
    return int(
        db.execute("SELECT count(*) FROM evidence WHERE dataset_id = ?", [dataset_id]).fetchone()[0]
    )


# -- documents ----------------------------------------------------------------
def document_by_sha(db: ProjectDatabase, sha256: str) -> int | None:
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else int(row[0])


def insert_document(db: ProjectDatabase, row: dict[str, Any]) -> int:
    return insert_row(db, "documents", row)


def document_row(db: ProjectDatabase, document_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
    return dict(rows[0]) if rows else None


def document_users(db: ProjectDatabase, document_id: int) -> int:
    return int(
        db.execute("SELECT count(*) FROM evidence WHERE document_id = ?", [document_id]).fetchone()[
            0
        ]
    )


def delete_document(db: ProjectDatabase, document_id: int) -> None:
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])


# -- claim_evidence -------------------------------------------------------------
def link_row(db: ProjectDatabase, claim_id: int, evidence_id: int) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT * FROM claim_evidence WHERE claim_id = ? AND evidence_id = ?",
            [claim_id, evidence_id],
        )
    )
    return dict(rows[0]) if rows else None


def insert_link(
    db: ProjectDatabase, claim_id: int, evidence_id: int, relation: str, note: str
) -> int:
    cursor = db.execute(
        "INSERT INTO claim_evidence (claim_id, evidence_id, relation, note) VALUES (?, ?, ?, ?)",
        [claim_id, evidence_id, relation, note],
    )
    return int(cursor.lastrowid or 0)


def update_link(db: ProjectDatabase, link_id: int, relation: str, note: str) -> None:
    db.execute(
        "UPDATE claim_evidence SET relation = ?, note = ? WHERE id = ?", [relation, note, link_id]
    )


def delete_link(db: ProjectDatabase, link_id: int) -> None:
    db.execute("DELETE FROM claim_evidence WHERE id = ?", [link_id])


def links(db: ProjectDatabase, claim_id: int | None = None) -> list[dict[str, Any]]:
    """claim_evidence rows (one claim's, or all), in the order they were made."""
    if claim_id is None:
        sql = "SELECT * FROM claim_evidence ORDER BY claim_id, id"
        return [dict(r) for r in db.query(sql)]
    sql = "SELECT * FROM claim_evidence WHERE claim_id = ? ORDER BY id"
    return [dict(r) for r in db.query(sql, [claim_id])]


def links_of_evidence(db: ProjectDatabase, evidence_id: int) -> list[dict[str, Any]]:
    sql = "SELECT * FROM claim_evidence WHERE evidence_id = ? ORDER BY id"
    return [dict(r) for r in db.query(sql, [evidence_id])]


def unlinked_ids(db: ProjectDatabase) -> list[int]:
    return [
        int(r[0])
        for r in db.execute(
            "SELECT id FROM evidence e WHERE NOT EXISTS "
            "(SELECT 1 FROM claim_evidence ce WHERE ce.evidence_id = e.id) ORDER BY id"
        ).fetchall()
    ]
