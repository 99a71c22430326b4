"""Keeping the visible-text index (db.search.visible_texts) up to date.

Each article gets its visible form (annotator.text.visible) when it is
stored; articles stored another way (a merge, a project from an older
version) are folded in batches before the next search. Folding only reads:
the canonical text is never touched.
"""

from __future__ import annotations

import sqlite3

from annotator.text.visible import VisibleText
from db.projectfile.connection import ProjectDatabase
from db.search import visible_texts as q

BATCH = 200


def folded_row(article_id: int, title: str, text: str) -> tuple[int, str | None, str | None]:
    """(id, visible title, visible text), None where it reads as the canonical one."""
    visible_title = VisibleText(title)
    visible_text = VisibleText(text)
    return (
        article_id,
        visible_title.text if visible_title.changed else None,
        visible_text.text if visible_text.changed else None,
    )


def remember(db: ProjectDatabase, article_id: int, title: str, text: str) -> None:
    """Record one article's visible form (inside the caller's transaction)."""
    q.store_visible(db, [folded_row(article_id, title, text)])


def refresh(db: ProjectDatabase) -> bool:
    """Fold the articles not folded yet; whether any article reads differently.

    A project that cannot be written now (read-only, another writer holding
    the lock) is searched with what is folded already.
    """
    try:
        while True:
            rows = q.unfolded_articles(db, BATCH)
            if not rows:
                break
            with db.atomic():
                q.store_visible(db, [folded_row(*row) for row in rows])
    except sqlite3.OperationalError:
        pass
    return q.has_visible_texts(db)
