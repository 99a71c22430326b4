"""Bulk reads and writes for export and merge: whole tables in a few queries.

Exporting 100,000 claims must not run a query per claim, so everything that
hangs off claims (evidence, links, quantities) is read table-wide here and
grouped by the caller. Writes insert rows with their uids as given, so a merged
claim set keeps its identity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from db.projectfile.connection import ProjectDatabase


def _q(column: str) -> str:
    return '"end"' if column == "end" else column


def _insert(db: ProjectDatabase, table: str, row: dict[str, Any]) -> int:
    names = ", ".join(_q(c) for c in row)
    values = ", ".join(f":{c}" for c in row)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({values})", row)
    return int(cursor.lastrowid or 0)


# -- reading -------------------------------------------------------------------
def article_rows(db: ProjectDatabase, ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Whole article rows (text and metadata included), in id order."""
    rows = [dict(r) for r in db.query("SELECT * FROM articles ORDER BY id")]
    if ids is None:
        return rows
    wanted = set(ids)
    return [r for r in rows if r["id"] in wanted]


def evidence_rows(db: ProjectDatabase) -> list[dict[str, Any]]:
    """Every evidence item with the uid of its article span, its document hash and dataset name."""
    sql = (
        "SELECT e.*, a.uid AS article_uid, d.sha256 AS document_sha256, ds.name AS dataset_name "
        "FROM evidence e LEFT JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN datasets ds ON ds.id = e.dataset_id ORDER BY e.id"
    )
    return [dict(r) for r in db.query(sql)]


def claim_evidence_rows(db: ProjectDatabase) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query("SELECT * FROM claim_evidence ORDER BY claim_id, id")]


def link_rows(db: ProjectDatabase) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query("SELECT * FROM claim_links ORDER BY id")]


def quantity_rows(db: ProjectDatabase) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query("SELECT * FROM quantities ORDER BY claim_id, id")]


IN_BATCH = 500  # ids per `IN (...)`: well under SQLite's limit on parameters


def document_rows(db: ProjectDatabase, ids: Iterable[int]) -> list[dict[str, Any]]:
    """The documents with these ids (their bytes included), in id order, a batch per query."""
    wanted = sorted(set(ids))
    rows: list[dict[str, Any]] = []
    for first in range(0, len(wanted), IN_BATCH):
        batch = wanted[first : first + IN_BATCH]
        marks = ", ".join("?" * len(batch))
        rows.extend(db.query(f"SELECT * FROM documents WHERE id IN ({marks}) ORDER BY id", batch))
    return rows


def uid_map(db: ProjectDatabase, table: str) -> dict[str, int]:
    """uid -> id for a table with uids (articles, claims, speakers, evidence)."""
    return {str(u): int(i) for u, i in db.execute(f"SELECT uid, id FROM {table}").fetchall()}


def article_keys(db: ProjectDatabase) -> list[tuple[int, str, str | None]]:
    """(id, text_sha256, url) of every article, newest last, for matching a merge."""
    return [
        (int(i), str(s), u)
        for i, s, u in db.execute(
            "SELECT id, text_sha256, url FROM articles ORDER BY id"
        ).fetchall()
    ]


def article_text(db: ProjectDatabase, article_id: int) -> str:
    return str(db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0])


def claim_positions(db: ProjectDatabase, article_id: int) -> set[tuple[int | None, str]]:
    """(start, quote) of an article's claims: the identity of an annotation without a uid."""
    return {
        (s, str(q))
        for s, q in db.execute(
            "SELECT start, quote FROM claims WHERE article_id = ?", [article_id]
        ).fetchall()
    }


def document_by_sha(db: ProjectDatabase, sha256: str) -> int | None:
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else int(row[0])


def dataset_by_name(db: ProjectDatabase, name: str) -> int | None:
    row = db.execute("SELECT id FROM datasets WHERE name = ?", [name]).fetchone()
    return None if row is None else int(row[0])


def link_exists(db: ProjectDatabase, from_id: int, to_id: int, relation: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM claim_links WHERE from_claim = ? AND to_claim = ? AND relation = ?",
            [from_id, to_id, relation],
        ).fetchone()
        is not None
    )


def claim_evidence_exists(db: ProjectDatabase, claim_id: int, evidence_id: int) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM claim_evidence WHERE claim_id = ? AND evidence_id = ?",
            [claim_id, evidence_id],
        ).fetchone()
        is not None
    )


# -- writing -------------------------------------------------------------------
def insert_article(db: ProjectDatabase, row: dict[str, Any]) -> int:
    return _insert(db, "articles", row)


def insert_claim(db: ProjectDatabase, row: dict[str, Any]) -> int:
    return _insert(db, "claims", row)


def insert_topic(db: ProjectDatabase, claim_id: int, topic_id: int) -> None:
    db.execute(
        "INSERT OR IGNORE INTO claim_topics (claim_id, topic_id) VALUES (?, ?)",
        [claim_id, topic_id],
    )


def insert_quantity(db: ProjectDatabase, claim_id: int, row: dict[str, Any]) -> int:
    """Insert a figure; the row's keys are columns (annotator.models.Quantity's stored fields)."""
    return _insert(db, "quantities", {**row, "claim_id": claim_id})


def insert_evidence(db: ProjectDatabase, row: dict[str, Any]) -> int:
    """Insert an item; the row's keys are columns (annotator.models.Evidence's stored fields)."""
    return _insert(db, "evidence", row)


def insert_document(db: ProjectDatabase, row: dict[str, Any]) -> int:
    return _insert(db, "documents", row)


def insert_claim_evidence(db: ProjectDatabase, row: dict[str, Any]) -> int:
    return _insert(db, "claim_evidence", row)


def insert_link(db: ProjectDatabase, row: dict[str, Any]) -> int:
    return _insert(db, "claim_links", row)


def delete_rows(db: ProjectDatabase, table: str, ids: Iterable[int]) -> None:
    """Remove rows a merge added (undo); dependents cascade."""
    for row_id in ids:
        db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])


def all_claim_rows(db: ProjectDatabase, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    """Every claim as a tuple of `columns`, in article and text order.

    The caller names the columns (annotator.models.Claim's stored fields) and
    fills in the tag names and topics from names_by_id / claim_topic_ids.

    No joins: the names of speakers and codebook values come from two small
    tables the caller reads once (names_by_id), which is cheaper than four
    lookups per row in SQL.
    """
    listed = ", ".join(_q(c) for c in columns)
    return db.conn.execute(
        f'SELECT {listed} FROM claims ORDER BY article_id, start, "end", id'
    ).fetchall()


def names_by_id(db: ProjectDatabase, table: str) -> dict[int, str]:
    """id -> name of every speaker (table "speakers") or codebook value ("vocab")."""
    if table not in ("speakers", "vocab"):
        raise ValueError(f"no names in {table}")
    return dict(db.conn.execute(f"SELECT id, name FROM {table}").fetchall())


def claim_topic_ids(db: ProjectDatabase) -> list[tuple[int, int]]:
    """(claim id, topic id) of every claim's topics, in no set order."""
    return db.conn.execute("SELECT claim_id, topic_id FROM claim_topics").fetchall()


def topic_order(db: ProjectDatabase) -> dict[int, tuple[int, str]]:
    """vocab id -> (position, name): the codebook order a claim's topics are listed in."""
    return {
        int(i): (int(p or 0), str(n))
        for i, p, n in db.conn.execute("SELECT id, position, name FROM vocab")
    }
