"""Full-text search: FTS5 tables over articles, claims and evidence, and the queries on them.

The FTS tables are external-content tables (the text lives once, in its own
table) kept in step by triggers, with the trigram tokenizer so any substring of
three or more characters matches, punctuation included ("29%", "£1.5bn").
Terms shorter than that cannot use a trigram index and are matched with LIKE.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db.projectfile.connection import ProjectDatabase

# (fts table, content table, indexed columns). The `search_fts` migration builds
# exactly these; changing them needs a new migration, never an edit here alone.
# sqlite-utils turns recursive_triggers on, so an INSERT OR REPLACE (a restore)
# fires the delete trigger for the row it replaces and the index stays exact.
FTS_TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("articles_fts", "articles", ("title", "text")),
    ("claims_fts", "claims", ("quote", "statement", "note")),
    ("evidence_fts", "evidence", ("title", "citation", "quote", "note", "url", "source")),
)
# What the evidence index held before `evidence_fts_source` (a statistic's
# source was not searchable): the migration drops these triggers and table.
EVIDENCE_FTS_TRIGGERS = ("after_insert", "after_delete", "after_update")
LIKE_ESCAPE = "\\"


def fts_ddl(fts: str, content: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new_values = ", ".join(f"new.{c}" for c in columns)
    old_values = ", ".join(f"old.{c}" for c in columns)
    delete_old = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old_values});"
    insert_new = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new_values});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{content}', "
        f"content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {fts}_after_insert AFTER INSERT ON {content} BEGIN {insert_new} END",
        f"CREATE TRIGGER {fts}_after_delete AFTER DELETE ON {content} BEGIN {delete_old} END",
        f"CREATE TRIGGER {fts}_after_update AFTER UPDATE OF {cols} ON {content} BEGIN "
        f"{delete_old} {insert_new} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def create_fts(db: ProjectDatabase) -> None:
    """The body of the `search_fts` migration: tables, triggers and a backfill."""
    for fts, content, columns in FTS_TABLES:
        for statement in fts_ddl(fts, content, columns):
            db.execute(statement)


def rebuild_evidence_fts(db: ProjectDatabase) -> None:
    """The `evidence_fts_source` migration: the evidence index again, with the source."""
    for suffix in EVIDENCE_FTS_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS evidence_fts_{suffix}")
    db.execute("DROP TABLE IF EXISTS evidence_fts")
    fts, content, columns = next(t for t in FTS_TABLES if t[0] == "evidence_fts")
    for statement in fts_ddl(fts, content, columns):
        db.execute(statement)


def like_pattern(term: str) -> str:
    escaped = (term.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")).replace(
        "_", LIKE_ESCAPE + "_"
    )
    return f"%{escaped}%"


def _short_terms_sql(columns: Sequence[str], terms: Sequence[str]) -> tuple[str, list[Any]]:
    """Every short term must occur in one of the columns (case-insensitive for ASCII)."""
    clauses: list[str] = []
    params: list[Any] = []
    for term in terms:
        ors = " OR ".join(f"{c} LIKE ? ESCAPE '{LIKE_ESCAPE}'" for c in columns)
        clauses.append(f"({ors})")
        params.extend([like_pattern(term)] * len(columns))
    return " AND ".join(clauses), params


# -- claim filters (shared by search and export) --------------------------------
def claim_filter_sql(filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """WHERE clauses over `claims c JOIN articles a` for the filter values given.

    Names match case-insensitively; a speaker also matches by alias.
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.get("article_id") is not None:
        where.append("c.article_id = ?")
        params.append(filters["article_id"])
    if filters.get("speaker"):
        where.append(
            "c.speaker_id IN (SELECT id FROM speakers WHERE name = ? COLLATE NOCASE "
            "UNION SELECT speaker_id FROM speaker_aliases WHERE alias = ? COLLATE NOCASE)"
        )
        params.extend([filters["speaker"], filters["speaker"]])
    for kind in ("side", "stance", "verdict"):
        if filters.get(kind):
            where.append(
                f"c.{kind}_id IN (SELECT id FROM vocab WHERE kind = ? AND name = ? COLLATE NOCASE)"
            )
            params.extend([kind, filters[kind]])
    if filters.get("topic"):
        where.append(
            "c.id IN (SELECT ct.claim_id FROM claim_topics ct JOIN vocab v ON v.id = ct.topic_id "
            "WHERE v.kind = 'topic' AND v.name = ? COLLATE NOCASE)"
        )
        params.append(filters["topic"])
    if filters.get("status"):
        where.append("c.status = ?")
        params.append(filters["status"])
    if filters.get("date_from"):
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(filters["date_from"])
    if filters.get("date_to"):
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(filters["date_to"])
    return where, params


def filtered_claim_ids(db: ProjectDatabase, filters: dict[str, Any]) -> list[int]:
    where, params = claim_filter_sql(filters)
    sql = (
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + ' ORDER BY c.article_id, c.start, c."end", c.id'
    )
    return [int(r[0]) for r in db.execute(sql, params).fetchall()]


# -- searching -------------------------------------------------------------------
# Each kind has a page query (best first, ties by id so pages never overlap,
# LIMIT and OFFSET) and a count query
# over the same FROM and WHERE: a search box shows one page and how many
# there are in all. Without filters the count runs on the FTS table alone.
def _page_args(limit: int, offset: int) -> list[int]:
    return [limit, max(0, offset)]


def _claims_from(
    phrase_query: str | None, short_terms: Sequence[str], filters: dict[str, Any]
) -> tuple[str, list[Any], bool]:
    """(FROM ... WHERE ..., its parameters, whether claims c and articles a are joined)."""
    where, params = claim_filter_sql(filters)
    short_sql, short_params = _short_terms_sql(("c.quote", "c.statement", "c.note"), short_terms)
    if short_sql:
        where.append(short_sql)
        params.extend(short_params)
    if phrase_query is None:
        return (
            "FROM claims c JOIN articles a ON a.id = c.article_id"
            + (" WHERE " + " AND ".join(where) if where else ""),
            params,
            True,
        )
    if not where:
        return "FROM claims_fts f WHERE claims_fts MATCH ?", [phrase_query], False
    return (
        "FROM claims_fts f JOIN claims c ON c.id = f.rowid JOIN articles a ON a.id = c.article_id "
        "WHERE claims_fts MATCH ?" + "".join(f" AND {w}" for w in where),
        [phrase_query, *params],
        True,
    )


# The columns of each row search_claims returns, in order.
CLAIM_HIT_COLUMNS = ("id", "article_id", "quote", "statement", "note", "article_title", "rank")


def search_claims(
    db: ProjectDatabase,
    phrase_query: str | None,
    short_terms: Sequence[str],
    filters: dict[str, Any],
    limit: int,
    offset: int = 0,
) -> list[tuple[Any, ...]]:
    """One page of the claims whose quote, statement or note hold every term, best first.

    Rows are plain tuples in CLAIM_HIT_COLUMNS order: a page is read on every
    keystroke in the search dock, and a dict per row cost a fifth of the
    bare FTS5 query's time."""
    source, params, joined = _claims_from(phrase_query, short_terms, filters)
    columns = "c.id, c.article_id, c.quote, c.statement, c.note, a.title AS article_title"
    if phrase_query is None:
        sql = f"SELECT {columns}, 0.0 AS rank {source} ORDER BY c.id LIMIT ? OFFSET ?"
    elif joined:
        sql = f"SELECT {columns}, f.rank AS rank {source} ORDER BY f.rank, c.id LIMIT ? OFFSET ?"
    else:  # the page of the bare FTS query first, then its rows joined
        sql = (
            f"SELECT {columns}, p.rank AS rank FROM (SELECT f.rowid, f.rank {source} "
            "ORDER BY f.rank, f.rowid LIMIT ? OFFSET ?) p JOIN claims c ON c.id = p.rowid "
            "JOIN articles a ON a.id = c.article_id ORDER BY p.rank, p.rowid"
        )
    return db.execute(sql, [*params, *_page_args(limit, offset)]).fetchall()


def count_claims(
    db: ProjectDatabase,
    phrase_query: str | None,
    short_terms: Sequence[str],
    filters: dict[str, Any],
) -> int:
    source, params, _joined = _claims_from(phrase_query, short_terms, filters)
    return int(db.execute(f"SELECT count(*) {source}", params).fetchone()[0])


def _article_matches(phrase_query: str, visible: bool) -> tuple[str, list[Any]]:
    """The FTS rows (rowid, rank) matching, as `f`: the canonical index, and the
    visible-text index when some article reads differently from its canonical text."""
    if not visible:
        return "articles_fts f WHERE articles_fts MATCH ?", [phrase_query]
    return (
        "(SELECT rowid, min(rank) AS rank FROM (SELECT rowid, rank FROM articles_fts "
        f"WHERE articles_fts MATCH ? UNION ALL SELECT rowid, rank FROM {VISIBLE_FTS} "
        f"WHERE {VISIBLE_FTS} MATCH ?) GROUP BY rowid) f WHERE 1",
        [phrase_query, phrase_query],
    )


def _articles_from(
    phrase_query: str | None,
    short_terms: Sequence[str],
    filters: dict[str, Any],
    visible: bool = False,
) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.get("article_id") is not None:
        where.append("a.id = ?")
        params.append(filters["article_id"])
    if filters.get("date_from"):
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(filters["date_from"])
    if filters.get("date_to"):
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(filters["date_to"])
    short_sql, short_params = _short_terms_sql(("a.title", "a.text"), short_terms)
    if short_sql:
        where.append(short_sql)
        params.extend(short_params)
    if phrase_query is None:
        return "FROM articles a" + (" WHERE " + " AND ".join(where) if where else ""), params
    matches, match_params = _article_matches(phrase_query, visible)
    if not where:  # the FTS table alone: joining would read every match's megabyte of text
        return f"FROM {matches}", match_params
    table, condition = matches.rsplit(" WHERE ", 1)
    return (
        f"FROM {table} JOIN articles a ON a.id = f.rowid WHERE {condition}"
        + "".join(f" AND {w}" for w in where),
        [*match_params, *params],
    )


def search_articles(
    db: ProjectDatabase,
    phrase_query: str | None,
    short_terms: Sequence[str],
    filters: dict[str, Any],
    limit: int,
    offset: int = 0,
    visible: bool = False,
) -> list[dict[str, Any]]:
    """One page of the articles whose title or text hold every term (article and date filters apply).

    With `visible`, an article also matches through its visible text."""
    source, params = _articles_from(phrase_query, short_terms, filters, visible)
    key = "f.rowid" if phrase_query is not None else "a.id"
    rank = "f.rank" if phrase_query is not None else "0.0"
    # The page's ids first, then their texts in a second query: any one
    # statement that joined the texts to the ranking took three times as long.
    page = db.execute(
        f"SELECT {key} AS id, {rank} AS rank {source} ORDER BY rank, id LIMIT ? OFFSET ?",
        [*params, *_page_args(limit, offset)],
    ).fetchall()
    if not page:
        return []
    marks = ", ".join("?" * len(page))
    found = {
        article_id: (title, text)
        for article_id, title, text in db.execute(
            f"SELECT id, title, text FROM articles WHERE id IN ({marks})", [i for i, _ in page]
        ).fetchall()
    }
    return [{"id": i, "title": found[i][0], "text": found[i][1], "rank": rank} for i, rank in page]


def count_articles(
    db: ProjectDatabase,
    phrase_query: str | None,
    short_terms: Sequence[str],
    filters: dict[str, Any],
    visible: bool = False,
) -> int:
    source, params = _articles_from(phrase_query, short_terms, filters, visible)
    return int(db.execute(f"SELECT count(*) {source}", params).fetchone()[0])


def _evidence_from(
    phrase_query: str | None, short_terms: Sequence[str], filters: dict[str, Any]
) -> tuple[str, list[Any], str, list[Any]]:
    """(FROM ... WHERE ..., its parameters, the first-linked-claim subquery, its parameters)."""
    where: list[str] = []
    params: list[Any] = []
    claim_where, claim_params = claim_filter_sql(filters)
    link = (
        "SELECT ce.claim_id FROM claim_evidence ce JOIN claims c ON c.id = ce.claim_id "
        "JOIN articles a ON a.id = c.article_id WHERE ce.evidence_id = e.id"
        + "".join(f" AND {w}" for w in claim_where)
        + " ORDER BY ce.claim_id LIMIT 1"
    )
    if claim_where:
        where.append(f"EXISTS ({link})")
        params.extend(claim_params)
    short_sql, short_params = _short_terms_sql(
        ("e.title", "e.citation", "e.quote", "e.note", "e.url", "e.source"), short_terms
    )
    if short_sql:
        where.append(short_sql)
        params.extend(short_params)
    if phrase_query is None:
        source = "FROM evidence e" + (" WHERE " + " AND ".join(where) if where else "")
        return source, params, link, claim_params
    source = (
        "FROM evidence_fts f JOIN evidence e ON e.id = f.rowid WHERE evidence_fts MATCH ?"
        + "".join(f" AND {w}" for w in where)
    )
    return source, [phrase_query, *params], link, claim_params


def search_evidence(
    db: ProjectDatabase,
    phrase_query: str | None,
    short_terms: Sequence[str],
    filters: dict[str, Any],
    limit: int,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One page of the evidence holding every term; with claim filters, only evidence linked
    to a matching claim.

    Each row carries the first claim it is linked to (and that claim's article,
    else the article the evidence quotes), so a hit can open where it is used.
    """
    source, params, link, link_params = _evidence_from(phrase_query, short_terms, filters)
    order = "f.rank, e.id" if phrase_query is not None else "e.id"
    rank = "f.rank" if phrase_query is not None else "0.0"
    sql = (
        "SELECT r.*, coalesce((SELECT article_id FROM claims WHERE id = r.claim_id), "
        "r.span_article) AS article_id FROM ("
        f"SELECT e.id, e.title, e.citation, e.quote, e.note, e.url, e.article_id AS span_article, "
        f"({link}) AS claim_id, {rank} AS rank {source} ORDER BY {order} LIMIT ? OFFSET ?) r "
        "ORDER BY r.rank, r.id"
    )
    args = [*link_params, *params, *_page_args(limit, offset)]
    return list(db.query(sql, args))


def count_evidence(
    db: ProjectDatabase,
    phrase_query: str | None,
    short_terms: Sequence[str],
    filters: dict[str, Any],
) -> int:
    source, params, _link, _link_params = _evidence_from(phrase_query, short_terms, filters)
    return int(db.execute(f"SELECT count(*) {source}", params).fetchone()[0])


# The visible-text copy's tables (their rows: db/search/visible_texts.py).
VISIBLE_TABLE = "visible_texts"
VISIBLE_FTS = "visible_texts_fts"
