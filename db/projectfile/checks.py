"""Integrity checks of a project file, as plain findings (empty list: healthy)."""

from __future__ import annotations

from db.projectfile.connection import ProjectDatabase


def findings(db: ProjectDatabase) -> list[str]:
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
    # Each article's text is read once and the quotes compared in Python:
    # substr() on a long non-ASCII text walks it from the start for every
    # claim, which made checking 10,000 claims on a 1 MB article take seconds.
    article_ids = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT article_id FROM claims WHERE anchor = 'exact' ORDER BY article_id"
        ).fetchall()
    ]
    for article_id in article_ids:
        row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            continue  # reported above as a foreign-key problem
        text = str(row[0])
        for claim_id, start, end, quote in db.execute(
            'SELECT id, start, "end", quote FROM claims '
            "WHERE article_id = ? AND anchor = 'exact' ORDER BY id",
            [article_id],
        ).fetchall():
            if not _quote_matches(text, start, end, quote):
                problems.append(
                    f"claim {claim_id}: its quote no longer matches article {article_id} "
                    f"at {start}-{end}"
                )
    return problems


def _quote_matches(text: str, start: int | None, end: int | None, quote: str | None) -> bool:
    """Offsets are code points, as Python slices count them."""
    if start is None or end is None or quote is None:
        return False
    if not 0 <= start <= end <= len(text):
        return False
    return text[start:end] == quote
