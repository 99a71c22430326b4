"""What a claim hit shows: the field that matched, single-spaced, every match marked.

The page's hits are built on every keystroke in the search dock, so the snippet
code takes short cuts for short texts and one-word queries; these pin what the
user reads to what the general path gives.
"""

from __future__ import annotations

import dataclasses

import pytest

from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.search.service import Snippets

TEXT = "Pay fell 29% since 2008, and 29% is the union's figure. The minister disputes it."


@pytest.fixture
def project(empty_project: Project) -> Project:
    outcome = empty_project.articles.add(
        ImportedArticle(text=TEXT, title="Pay row", source_format="txt")
    )
    assert outcome.article_id is not None
    return empty_project


def _claim_hits(project: Project, query: str) -> list[tuple[str, list[str]]]:
    result = project.search.search(query, kinds=("claim",))
    return [(h.snippet, [h.snippet[a:b] for a, b in h.highlights]) for h in result.hits]


def test_every_occurrence_of_one_word_is_marked_whatever_its_case(project: Project) -> None:
    article = project.articles.list()[0].id
    project.claims.mark_quote(article, "Pay fell 29% since 2008, and 29% is the union's figure")
    project.claims.mark_quote(article, "The minister disputes it", statement="PAY Pay pay")
    assert _claim_hits(project, "29%") == [
        ("Pay fell 29% since 2008, and 29% is the union's figure", ["29%", "29%"])
    ]
    hits = dict(_claim_hits(project, "pay"))
    assert hits["PAY Pay pay"] == ["PAY", "Pay", "pay"]


def test_odd_white_space_in_a_statement_is_shown_single_spaced(project: Project) -> None:
    article = project.articles.list()[0].id
    project.claims.mark_quote(
        article, "The minister disputes it", statement="  pay\tfell\u00a029%\n since  2008 "
    )
    assert _claim_hits(project, "29%") == [("pay fell 29% since 2008", ["29%"])]


def test_the_note_is_shown_when_only_the_note_matches(project: Project) -> None:
    article = project.articles.list()[0].id
    project.claims.mark_quote(article, "The minister disputes it", note="see ONS table 29%")
    assert _claim_hits(project, "ons 29%") == [("see ONS table 29%", ["ONS", "29%"])]


@pytest.mark.parametrize("query", [["fell"], ["29%", "since"], ["2008", "fell 29%"]])
@pytest.mark.parametrize(
    "text",
    [
        "Pay fell 29% since 2008",
        "x " * 60 + "pay fell 29% since 2008 and fell again" + " y" * 60,
        "fell fell FELL 29%29% since since",
        "  tabs\tand\nlines fell  29% ",
    ],
)
def test_short_cuts_give_what_the_general_window_gives(query: list[str], text: str) -> None:
    cut = Snippets(query)
    shown, marks = cut(text)
    # The general path: normalise, window around the first anchor, mark in the window.
    source = " ".join(text.split())
    first = next(m for a in cut.anchors if (m := a.search(source)) is not None)
    start, end = max(0, first.start() - cut.context), min(len(source), first.end() + cut.context)
    lead = "…" if start else ""
    assert cut.pattern is not None
    expected = tuple(
        (m.start() + len(lead), m.end() + len(lead))
        for m in cut.pattern.finditer(source[start:end])
    )
    assert shown == lead + source[start:end] + ("…" if end < len(source) else "")
    assert marks == expected


def test_a_hit_stays_a_frozen_value(project: Project) -> None:
    article = project.articles.list()[0].id
    project.claims.mark_quote(article, "Pay fell 29% since 2008")
    first, again = (project.search.search("29%").hits[0] for _ in range(2))
    assert first == again and hash(first) == hash(again)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.snippet = "changed"  # type: ignore[misc]
