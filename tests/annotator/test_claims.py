"""Claims: marking by span and by quote, editing, deleting and restoring exactly."""

from __future__ import annotations

import pytest

from annotator.claims.service import ClaimError
from annotator.errors import NotFound
from annotator.models import ImportedArticle
from annotator.project import Project

TEXT = "Intro line.\nThe union says pay is 😀 a fifth lower than in 2008. Ministers say pay rose 29%.\n"


@pytest.fixture
def article_id(empty_project: Project) -> int:
    outcome = empty_project.articles.add(ImportedArticle(text=TEXT, title="T", source_format="txt"))
    assert outcome.article_id is not None
    return outcome.article_id


def test_mark_trims_white_space_and_stores_anchors(empty_project: Project, article_id: int) -> None:
    start = TEXT.index("The union")
    end = TEXT.index("2008.") + 5
    claim = empty_project.claims.mark(article_id, start - 1, end + 1)
    assert (claim.start, claim.end) == (start, end)
    assert TEXT[claim.start : claim.end] == claim.quote
    assert claim.prefix == TEXT[max(0, start - 32) : start]
    assert claim.suffix == TEXT[end : end + 32]
    assert claim.anchor == "exact" and claim.statement == claim.quote
    assert empty_project.check() == []


def test_blank_selection_makes_no_claim(empty_project: Project, article_id: int) -> None:
    newline = TEXT.index("\n")
    with pytest.raises(ClaimError, match="white space"):
        empty_project.claims.mark(article_id, newline, newline + 1)
    assert empty_project.claims.count() == 0


def test_mark_quote_finds_the_nth_occurrence(empty_project: Project, article_id: int) -> None:
    second = empty_project.claims.mark_quote(article_id, "pay", occurrence=2)
    assert second.start == TEXT.index("pay", TEXT.index("pay") + 1)
    with pytest.raises(ClaimError, match="not in article"):
        empty_project.claims.mark_quote(article_id, "pay", occurrence=3)
    with pytest.raises(ClaimError, match="blank"):
        empty_project.claims.mark_quote(article_id, "   ")
    with pytest.raises(NotFound):
        empty_project.claims.mark_quote(999, "pay")


def test_update_tags_and_topics(empty_project: Project, article_id: int) -> None:
    claim = empty_project.claims.mark_quote(article_id, "pay rose 29%")
    government = next(e for e in empty_project.codebook.entries("side") if e.name == "government")
    pay = next(e for e in empty_project.codebook.entries("topic") if e.name == "pay")
    updated = empty_project.claims.update(
        claim.id, side_id=government.id, status="in progress", topic_ids=[pay.id]
    )
    assert (updated.side, updated.status, updated.topics) == ("government", "in progress", ("pay",))
    with pytest.raises(ClaimError, match="unknown status"):
        empty_project.claims.update(claim.id, status="done")


def test_delete_and_restore_bring_back_everything(empty_project: Project, article_id: int) -> None:
    claim = empty_project.claims.mark_quote(article_id, "a fifth lower")
    pay = empty_project.codebook.entries("topic")[0]
    empty_project.claims.update(claim.id, topic_ids=[pay.id], note="check RPI")
    before = empty_project.claims.get(claim.id)
    snapshot = empty_project.claims.delete(claim.id)
    assert empty_project.claims.count() == 0
    restored = empty_project.claims.restore(snapshot)
    assert restored == before


def test_adjust_moves_the_span(empty_project: Project, article_id: int) -> None:
    claim = empty_project.claims.mark_quote(article_id, "a fifth")
    start = TEXT.index("a fifth lower than in 2008")
    moved = empty_project.claims.adjust(claim.id, start, start + len("a fifth lower than in 2008"))
    assert moved.quote == "a fifth lower than in 2008"
    assert moved.id == claim.id
