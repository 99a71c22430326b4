"""Reading many claims cheaply: positions for a table's rows, get_many for a page."""

from __future__ import annotations

from annotator.models import ImportedArticle
from annotator.project import Project

TEXT = "Pay fell 😀 by a fifth. Ministers say pay rose 29%. Doctors strike again. " * 3


def test_positions_and_pages_cover_every_claim(empty_project: Project) -> None:
    article_id = empty_project.articles.add(
        ImportedArticle(text=TEXT, title="T", source_format="txt")
    ).article_id
    assert article_id is not None
    claims = empty_project.claims
    made = [claims.mark_quote(article_id, "pay rose 29%", occurrence=n) for n in (1, 2, 3)]
    assert sorted(claims.positions(article_id)) == sorted((c.id, c.start, c.end) for c in made)
    page = claims.get_many([made[2].id, made[0].id, 999, made[0].id])
    assert sorted(c.id for c in page) == sorted([made[0].id, made[2].id])
    assert all(TEXT[c.start : c.end] == c.quote for c in page)  # type: ignore[misc]
    assert claims.get_many([]) == []
