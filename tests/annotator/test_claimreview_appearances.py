"""ClaimReview names every article that printed the claim's words, linked or not.

A wire story reprinted by two outlets, a paper that changed one word, and the
project's own scoped exports: `appearance` lists each article whose canonical
text holds the quote exactly, and `firstAppearance` is the earliest of them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.exchange.exporters import export_to_path
from annotator.exchange.exporters.appearances import elsewhere
from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.publisher import set_publisher
from annotator.search.service import ClaimFilter

QUOTE = "waiting lists in England have fallen for a sixth month in a row"
WIRE = (
    "Waiting lists fall again\n\n"
    f"The health department said {QUOTE}, though 7.4 million people are still waiting.\n"
)
REPRINT = (
    "NHS: lists shorter\n\n"
    "Menu Home News\n\n"
    f"Officials said on Thursday that {QUOTE}. Critics said the fall was small.\n"
)
CHANGED = (  # one word differs: not the same words
    "Lists fall\n\n"
    "The department said waiting lists in England have fallen for a sixth month running.\n"
)
WRAPPED = (  # white space differs: not the quote exactly either
    "Lists fall (print edition)\n\n"
    "It said waiting lists in England have fallen for a\nsixth month in a row.\n"
)
REVIEW = "https://checkpoint.example/fact-checks/waiting-lists"


def _article(project: Project, text: str, title: str, **extra: Any) -> int:
    found = project.articles.add(
        ImportedArticle(text=text, title=title, source_format="html", **extra)
    )
    assert found.article_id is not None
    return found.article_id


@pytest.fixture
def project(empty_project: Project) -> Project:
    p = empty_project
    set_publisher(p.db, "Checkpoint", "https://checkpoint.example/", None)
    # The reviewed claim was marked in the latest report; the wire came first.
    latest = _article(
        p, REPRINT, "NHS: lists shorter", url="https://daily.example/nhs", published="2025-11-14"
    )
    _article(
        p, WIRE, "Waiting lists fall again", url="https://wire.example/1", published="2025-11-13"
    )
    _article(p, CHANGED, "Lists fall", url="https://changed.example/", published="2025-11-01")
    _article(p, WRAPPED, "Lists fall (print)", url="https://print.example/", published="2025-10-01")
    _article(p, "Undated\n\n" + QUOTE + ".\n", "Undated copy", url="https://undated.example/")
    claim = p.claims.mark_quote(latest, QUOTE)
    p.claims.tag(claim.id, verdict="true", review_url=REVIEW)
    return p


def _item(project: Project, tmp_path: Path, filters: ClaimFilter | None = None) -> dict[str, Any]:
    out = tmp_path / "reviews.json"
    export_to_path(project, "claimreview", out, filters)
    (review,) = json.loads(out.read_text("utf-8"))
    item: dict[str, Any] = review["itemReviewed"]
    return item


def test_unlinked_articles_holding_the_quote_are_appearances_and_the_earliest_is_first(
    project: Project, tmp_path: Path
) -> None:
    item = _item(project, tmp_path)
    # Its own article first, then every other article with the words exactly, none with
    # one word changed or broken across a line.
    assert [a["url"] for a in item["appearance"]] == [
        "https://daily.example/nhs",
        "https://wire.example/1",
        "https://undated.example/",
    ]
    assert item["firstAppearance"]["url"] == "https://wire.example/1"
    assert item["firstAppearance"]["datePublished"] == "2025-11-13"
    assert item["datePublished"] == "2025-11-13"


def test_an_export_of_one_article_still_finds_the_others(project: Project, tmp_path: Path) -> None:
    latest = next(a.id for a in project.articles.list() if a.title == "NHS: lists shorter")
    item = _item(project, tmp_path, ClaimFilter(article_id=latest))
    assert item["firstAppearance"]["url"] == "https://wire.example/1"
    assert len(item["appearance"]) == 3


class _Claim:
    def __init__(self, claim_id: int, article_id: int, quote: str) -> None:
        self.id, self.article_id, self.quote = claim_id, article_id, quote


class _Text:
    def __init__(self, article_id: int, text: str) -> None:
        self.id, self.text = article_id, text


def test_short_quotes_and_quotes_starting_mid_word_are_found_exactly() -> None:
    articles = {
        1: _Text(1, "Pay fell 29% since 2008, the union said."),
        2: _Text(2, "The union said pay fell 29% since 2008, a figure ministers dispute."),
        3: _Text(3, "pay fell 2.9% since 2008"),
        4: _Text(4, ""),
    }
    claims = [
        _Claim(10, 1, "29%"),  # too short for a window: looked up whole
        _Claim(11, 1, "ay fell 29% since 2008, the union"),  # begins mid-word
        _Claim(12, 2, "ay fell 29% since 2008, the union"),  # the same words, another claim
        _Claim(13, 1, "union said."),
        _Claim(14, 1, ""),  # an orphan's empty quote is in every text: never counted
    ]
    # "29%" is not in "2.9%"; "union said." with its full stop is only in its own article.
    assert elsewhere(claims, articles) == {10: [2], 12: [1]}
