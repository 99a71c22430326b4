"""Integrity checks of a project file, as plain findings (empty list: healthy)."""

from __future__ import annotations

import sqlite_utils


def findings(db: sqlite_utils.Database) -> list[str]:
    problems: list[str] = []
    for (result,) in db.execute("PRAGMA integrity_check").fetchall():
        if result != "ok":
            problems.append(f"integrity: {result}")
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign key: {table} row {rowid} points at a missing {parent} row")
    bad_hash = db.execute(
        "SELECT count(*) FROM articles WHERE text_sha256 IS NULL OR text_sha256 = ''"
    ).fetchone()[0]
    if bad_hash:
        problems.append(f"articles: {bad_hash} without a text hash")
    # substr() counts characters (code points), as our offsets do.
    for claim_id, article_id, start, end in db.execute(
        'SELECT c.id, c.article_id, c.start, c."end" FROM claims c '
        "JOIN articles a ON a.id = c.article_id WHERE c.anchor = 'exact' "
        'AND substr(a.text, c.start + 1, c."end" - c.start) IS NOT c.quote'
    ).fetchall():
        problems.append(
            f"claim {claim_id}: its quote no longer matches article {article_id} "
            f"at {start}-{end}"
        )
    return problems
