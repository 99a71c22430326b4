"""Queries over the codebook vocabularies (sides, stances, verdicts, topics)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from db.projectfile.connection import ProjectDatabase


def all_rows(db: ProjectDatabase) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query("SELECT * FROM vocab ORDER BY kind, position, name COLLATE NOCASE")
    ]


def insert(db: ProjectDatabase, row: dict[str, Any]) -> int:
    """Insert the row, whose keys are columns (annotator.models.VocabEntry's stored fields)."""
    names = ", ".join(row)
    cursor = db.execute(
        f"INSERT INTO vocab ({names}) VALUES ({', '.join(':' + c for c in row)})", row
    )
    return int(cursor.lastrowid or 0)


def count(db: ProjectDatabase) -> int:
    return int(db.execute("SELECT count(*) FROM vocab").fetchone()[0])


# Where a codebook value can be used: (table, column).
REFERENCES = (
    ("claims", "side_id"),
    ("claims", "stance_id"),
    ("claims", "verdict_id"),
    ("claim_topics", "topic_id"),
    ("speakers", "side_id"),
    ("speaker_roles", "side_id"),
)


def row(db: ProjectDatabase, vocab_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM vocab WHERE id = ?", [vocab_id]))
    return dict(rows[0]) if rows else None


def next_position(db: ProjectDatabase, kind: str) -> int:
    value = db.execute("SELECT max(position) FROM vocab WHERE kind = ?", [kind]).fetchone()[0]
    return 0 if value is None else int(value) + 1


def update(
    db: ProjectDatabase, vocab_id: int, fields: dict[str, Any], editable: Collection[str]
) -> None:
    """Set fields of one value; `editable` names the columns a caller may change."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not fields:
        return
    assignments = ", ".join(f"{name} = :{name}" for name in fields)
    db.execute(f"UPDATE vocab SET {assignments} WHERE id = :id", {**fields, "id": vocab_id})


def usage(db: ProjectDatabase, vocab_id: int) -> dict[str, int]:
    """How many claims and speakers use a value (a claim counted once whatever the column)."""
    claims = db.execute(
        "SELECT count(*) FROM claims WHERE side_id = :v OR stance_id = :v OR verdict_id = :v "
        "OR id IN (SELECT claim_id FROM claim_topics WHERE topic_id = :v)",
        {"v": vocab_id},
    ).fetchone()[0]
    speakers = db.execute(
        "SELECT count(*) FROM speakers WHERE side_id = :v "
        "OR id IN (SELECT speaker_id FROM speaker_roles WHERE side_id = :v)",
        {"v": vocab_id},
    ).fetchone()[0]
    return {"claims": int(claims), "speakers": int(speakers)}


def referencing(db: ProjectDatabase, vocab_id: int) -> dict[str, list[int]]:
    """For each 'table.column' the row ids (claim ids for claim_topics) pointing at a value."""
    found: dict[str, list[int]] = {}
    for table, column in REFERENCES:
        key_column = "claim_id" if table == "claim_topics" else "id"
        found[f"{table}.{column}"] = [
            int(r[0])
            for r in db.execute(
                f"SELECT {key_column} FROM {table} WHERE {column} = ? ORDER BY 1", [vocab_id]
            ).fetchall()
        ]
    return found


def repoint(
    db: ProjectDatabase, refs: dict[str, list[int]], to_id: int | None, from_id: int | None
) -> None:
    """Point the listed rows at another value; claim_topics rows are removed/added instead.

    from_id is the value the topic rows leave (None: leave none), to_id the one
    they join (None: join none); the same set of claims then carries to_id.
    """
    for table, column in REFERENCES:
        ids = refs.get(f"{table}.{column}", [])
        if table == "claim_topics":
            for claim_id in ids:
                if from_id is not None:
                    db.execute(
                        "DELETE FROM claim_topics WHERE claim_id = ? AND topic_id = ?",
                        [claim_id, from_id],
                    )
                if to_id is not None:
                    db.execute(
                        "INSERT OR IGNORE INTO claim_topics (claim_id, topic_id) VALUES (?, ?)",
                        [claim_id, to_id],
                    )
            continue
        for row_id in ids:
            db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [to_id, row_id])


def topic_pairs(db: ProjectDatabase, topic_id: int) -> list[int]:
    return [
        int(r[0])
        for r in db.execute(
            "SELECT claim_id FROM claim_topics WHERE topic_id = ?", [topic_id]
        ).fetchall()
    ]


def delete(db: ProjectDatabase, vocab_id: int) -> None:
    db.execute("DELETE FROM vocab WHERE id = ?", [vocab_id])


def restore(db: ProjectDatabase, row: dict[str, Any]) -> None:
    names = ", ".join(row)
    values = ", ".join(f":{c}" for c in row)
    db.execute(f"INSERT INTO vocab ({names}) VALUES ({values})", row)
