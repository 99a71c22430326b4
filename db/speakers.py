"""Queries over speakers, their aliases and their dated roles. Plain rows in and out."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from db.projectfile.connection import ProjectDatabase

SPEAKER_SELECT = "SELECT s.*, v.name AS side FROM speakers s LEFT JOIN vocab v ON v.id = s.side_id"
ROLE_SELECT = (
    "SELECT r.*, v.name AS side FROM speaker_roles r LEFT JOIN vocab v ON v.id = r.side_id"
)


def rows(db: ProjectDatabase, speaker_id: int | None = None) -> list[dict[str, Any]]:
    if speaker_id is None:
        sql = SPEAKER_SELECT + " ORDER BY s.name COLLATE NOCASE, s.id"
        return [dict(r) for r in db.query(sql)]
    return [dict(r) for r in db.query(SPEAKER_SELECT + " WHERE s.id = ?", [speaker_id])]


def aliases(db: ProjectDatabase, speaker_id: int | None = None) -> list[dict[str, Any]]:
    sql = "SELECT id, speaker_id, alias FROM speaker_aliases"
    if speaker_id is None:
        return [dict(r) for r in db.query(sql + " ORDER BY id")]
    return [dict(r) for r in db.query(sql + " WHERE speaker_id = ? ORDER BY id", [speaker_id])]


def roles(db: ProjectDatabase, speaker_id: int | None = None) -> list[dict[str, Any]]:
    order = " ORDER BY coalesce(r.valid_from, ''), r.id"
    if speaker_id is None:
        return [dict(r) for r in db.query(ROLE_SELECT + order)]
    return [
        dict(r) for r in db.query(ROLE_SELECT + " WHERE r.speaker_id = ?" + order, [speaker_id])
    ]


def insert(db: ProjectDatabase, row: dict[str, Any]) -> int:
    """Insert the row, whose keys are columns (annotator.models.Speaker's stored fields)."""
    values = {"kind": "person", **row}
    names = ", ".join(values)
    cursor = db.execute(
        f"INSERT INTO speakers ({names}) VALUES ({', '.join(':' + c for c in values)})", values
    )
    return int(cursor.lastrowid or 0)


def update(
    db: ProjectDatabase, speaker_id: int, fields: dict[str, Any], editable: Collection[str]
) -> None:
    """Set fields of one speaker; `editable` names the columns a caller may change."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not fields:
        return
    assignments = ", ".join(f"{name} = :{name}" for name in fields)
    db.execute(f"UPDATE speakers SET {assignments} WHERE id = :id", {**fields, "id": speaker_id})


def delete(db: ProjectDatabase, speaker_id: int) -> None:
    db.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])


def insert_alias(db: ProjectDatabase, speaker_id: int, alias: str) -> int:
    cursor = db.execute(
        "INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", [speaker_id, alias]
    )
    return int(cursor.lastrowid or 0)


def delete_alias(db: ProjectDatabase, alias_id: int) -> None:
    db.execute("DELETE FROM speaker_aliases WHERE id = ?", [alias_id])


def insert_role(db: ProjectDatabase, row: dict[str, Any]) -> int:
    """Insert the row, whose keys are columns (annotator.models.SpeakerRole's stored fields)."""
    names = ", ".join(row)
    cursor = db.execute(
        f"INSERT INTO speaker_roles ({names}) VALUES ({', '.join(':' + c for c in row)})", row
    )
    return int(cursor.lastrowid or 0)


def delete_role(db: ProjectDatabase, role_id: int) -> None:
    db.execute("DELETE FROM speaker_roles WHERE id = ?", [role_id])


def claim_ids(db: ProjectDatabase, speaker_id: int) -> list[int]:
    return [
        int(r[0])
        for r in db.execute(
            "SELECT id FROM claims WHERE speaker_id = ? ORDER BY id", [speaker_id]
        ).fetchall()
    ]


def claim_counts(db: ProjectDatabase) -> dict[int, int]:
    return {
        int(r[0]): int(r[1])
        for r in db.execute(
            "SELECT speaker_id, count(*) FROM claims WHERE speaker_id IS NOT NULL "
            "GROUP BY speaker_id"
        ).fetchall()
    }


def set_claims_speaker(db: ProjectDatabase, claim_ids: list[int], speaker_id: int) -> None:
    for claim_id in claim_ids:
        db.execute("UPDATE claims SET speaker_id = ? WHERE id = ?", [speaker_id, claim_id])


def move_dependents(db: ProjectDatabase, from_id: int, to_id: int) -> None:
    """Aliases and dated roles of one speaker become another's (ids kept, so undo can move them back)."""
    db.execute("UPDATE speaker_aliases SET speaker_id = ? WHERE speaker_id = ?", [to_id, from_id])
    db.execute("UPDATE speaker_roles SET speaker_id = ? WHERE speaker_id = ?", [to_id, from_id])


def snapshot(db: ProjectDatabase, speaker_id: int) -> dict[str, list[dict[str, Any]]]:
    """The speaker's own rows plus the ids of the claims that name it."""
    return {
        "speakers": [
            dict(r) for r in db.query("SELECT * FROM speakers WHERE id = ?", [speaker_id])
        ],
        "speaker_aliases": [
            dict(r)
            for r in db.query("SELECT * FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])
        ],
        "speaker_roles": [
            dict(r)
            for r in db.query("SELECT * FROM speaker_roles WHERE speaker_id = ?", [speaker_id])
        ],
        "claim_ids": [{"id": i} for i in claim_ids(db, speaker_id)],
    }


def restore(db: ProjectDatabase, rows: dict[str, list[dict[str, Any]]]) -> None:
    for table in ("speakers", "speaker_aliases", "speaker_roles"):
        for row in rows.get(table, []):
            names = ", ".join(row)
            values = ", ".join(f":{c}" for c in row)
            db.execute(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({values})", row)
    speaker_id = int(rows["speakers"][0]["id"])
    set_claims_speaker(db, [int(r["id"]) for r in rows.get("claim_ids", [])], speaker_id)
