"""A merged quote lands on the words its context names, or nowhere (never a guess)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.anchoring.quotes import QuoteFinder, locate
from annotator.cli.main import main
from annotator.exchange.mergers.selectors import uid_for
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.fixtures import hypothesis_page as page

# Named sample texts: each a short article with the traps real ones have.
FIGURES = (
    "Pay Dispute Explained\n\n"
    "The union says pay has fallen by 29% since 2008. Ministers offered a 29% rise over "
    "five years, which the union rejected.\n\n"
    "A 29% fall is disputed."
)
REPEATED = "Ministers disagree. The union disagrees. Ministers disagree."
WRAPPED = "The health secretary said the offer of £2.6 billion a year was final."


def span(text: str, words: str, occurrence: int = 1) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence):
        at = text.index(words, at + 1)
    return at, at + len(words)


@pytest.mark.parametrize(
    ("name", "text", "quote", "prefix", "suffix", "hint", "expected"),
    [
        # The page's position is far off (menus, headers): context decides.
        (
            "first 29% by its context",
            FIGURES,
            "29%",
            "pay has fallen by ",
            " since",
            4000,
            span(FIGURES, "29%", 1),
        ),
        (
            "second 29% by its context",
            FIGURES,
            "29%",
            "Ministers offered a ",
            " rise over",
            0,
            span(FIGURES, "29%", 2),
        ),
        (
            "third 29% by its suffix alone",
            FIGURES,
            "29%",
            "Menu Home News\n\n    A ",
            " fall is",
            None,
            span(FIGURES, "29%", 3),
        ),
        (
            "a heading with the menu as prefix",
            FIGURES,
            "Pay Dispute Explained",
            "Home  News  Politics\n      ",
            "\n      \n      The union says",
            380,
            span(FIGURES, "Pay Dispute Explained"),
        ),
        (
            "position breaks a tie of equal context",
            REPEATED,
            "Ministers disagree",
            "",
            "",
            40,
            span(REPEATED, "Ministers disagree", 2),
        ),
        (
            "the stated position, context agreeing",
            REPEATED,
            "Ministers disagree",
            "agrees. ",
            ".",
            39,
            span(REPEATED, "Ministers disagree", 2),
        ),
        (
            "line breaks, indents and NBSP in the quote",
            WRAPPED,
            "the offer of £2.6\u00a0billion\n        a year",
            "secretary said ",
            " was final",
            900,
            span(WRAPPED, "the offer of £2.6 billion a year"),
        ),
        (
            "a lone quote whose context disagrees",
            WRAPPED,
            "was final",
            "zzz qqq ",
            " xxx",
            None,
            span(WRAPPED, "was final"),
        ),
    ],
)
def test_a_quote_lands_where_its_context_agrees(
    name: str,
    text: str,
    quote: str,
    prefix: str,
    suffix: str,
    hint: int | None,
    expected: tuple[int, int],
) -> None:
    found = locate(text, quote, hint, prefix, suffix)
    assert found is not None, name
    assert (found.start, found.end, found.kind) == (*expected, "exact"), name


@pytest.mark.parametrize(
    ("name", "text", "quote", "prefix", "suffix", "hint"),
    [
        ("repeated, no context agreeing", FIGURES, "29%", "Nurses weigh a ", " claim of their", 20),
        (
            "repeated, context reworded",
            REPEATED,
            "Ministers disagree",
            "The chair said ",
            " with the plan",
            0,
        ),
        ("repeated, no context, no position", REPEATED, "Ministers disagree", "", "", None),
        ("not there at all", FIGURES, "a 40% cut", "", "", 3),
        ("white space only", FIGURES, " \n\u00a0 ", "", "", 3),
    ],
)
def test_no_agreeing_context_among_repeats_is_an_orphan(
    name: str, text: str, quote: str, prefix: str, suffix: str, hint: int | None
) -> None:
    assert locate(text, quote, hint, prefix, suffix) is None, name


def test_a_quote_reworded_since_is_found_approximately() -> None:
    found = locate(
        WRAPPED,
        "said the offer of £2.5 billion\n   a year was final",
        None,
        "The health secretary ",
        ".",
    )
    assert found is not None and found.kind == "fuzzy"
    assert WRAPPED[found.start : found.end] == "said the offer of £2.6 billion a year was final"


def test_offsets_are_code_points_of_the_canonical_text() -> None:
    text = "Emoji 🙂 first.\n\nThen  the   figure:\u00a029% of pay."
    found = locate(text, "the figure: 29%", 3, "Then ", " of pay")
    assert found is not None
    assert text[found.start : found.end] == "the   figure:\u00a029%"


def test_each_quote_is_searched_once_however_many_claims_quote_it() -> None:
    """12,000 occurrences, 1,000 claims each naming its own by context."""
    paragraphs = [f"Ward {n:05d} reported pay down. " for n in range(12_000)]
    text = "".join(paragraphs)
    finder = QuoteFinder(text)
    starts = [i * len(paragraphs[0]) for i in range(12_000)]
    for k in range(0, 12_000, 12):
        at = starts[k] + len(f"Ward {k:05d} reported ")
        found = finder.locate("pay", text[at - 20 : at], text[at + 3 : at + 23], 0)
        assert found is not None and found.start == at
    assert len(finder._starts) == 1  # one search for the quote, not one per claim


# -- a realistic Hypothesis export --------------------------------------------------------------
@pytest.fixture
def news_project(empty_project: Project) -> Project:
    empty_project.articles.add(
        ImportedArticle(
            text=page.canonical_text(),
            title=page.TITLE,
            source_format="html",
            url=page.ARTICLE_URL,
        )
    )
    return empty_project


def test_a_hypothesis_export_lands_on_the_right_words_or_nowhere(
    news_project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "hypothesis.json"
    doc = page.export()
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = news_project.merge.merge_file(path)
    claims = {c.uid: c for c in news_project.claims.list()}
    anchors = {}
    for row in doc["rows"][: len(page.SPECS)]:
        claim = claims[uid_for(f"https://hypothes.is/a/{row['id']}", "")]
        anchors[row["id"]] = (claim.anchor, claim.start, claim.end)
    tally = page.tally(anchors)
    assert tally["wrong"] == 0, tally["wrong_names"]
    assert tally["missing"] == 0
    outcome = {spec.name: anchors[doc["rows"][n]["id"]][0] for n, spec in enumerate(page.SPECS)}
    assert outcome == {spec.name: spec.expect for spec in page.SPECS}
    text = page.canonical_text()
    for claim in claims.values():
        if claim.start is not None:
            assert claim.quote == text[claim.start : claim.end]  # the canonical words
    assert {o["id"].rsplit("/", 1)[1][:5] for o in report.orphans} == {
        doc["rows"][n]["id"][:5] for n, s in enumerate(page.SPECS) if s.expect == "orphan"
    }
    assert len(report.fuzzy) == sum(s.expect == "fuzzy" for s in page.SPECS)
    assert news_project.check() == []


def test_identical_paragraphs_are_told_apart_by_position_alone() -> None:
    """Context ties everywhere (a repeated paragraph): the stated position breaks the tie."""
    paragraph = "Pay fell again this year, the union said. "
    text = paragraph * 12_000
    finder = QuoteFinder(text)
    for k in range(0, 12_000, 12):
        at = k * len(paragraph) + paragraph.index("union")
        found = finder.locate("union", text[max(0, at - 32) : at], text[at + 5 : at + 37], at)
        assert found is not None and found.start == at


def test_two_users_on_one_sentence_are_two_claims_with_their_notes_and_tags(
    news_project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(page.export(), ensure_ascii=False), encoding="utf-8")
    news_project.merge.merge_file(path)
    on_sentence = [c for c in news_project.claims.list() if c.quote == page.UNION_SENTENCE]
    assert sorted((c.created_by, c.note, c.topics) for c in on_sentence) == [
        (
            "acct:jfielding@hypothes.is",
            "Source: BMA pay briefing\n\n"
            "Reply from priya_s (2025-11-06): Agreed, and the IFS puts it at about a fifth.",
            ("pay",),
        ),
        ("acct:omar.k@hypothes.is", "Which index?", ("inflation",)),
    ]
    assert len({c.start for c in on_sentence}) == 1


def test_replies_are_reply_notes_on_the_claim_they_answer(
    news_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = page.export()
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = news_project.merge.merge_file(path)
    assert report.left_out == []  # nothing truly left out: a reply is not a failure
    assert report.added["claims"] == len(page.SPECS)  # a reply is no claim of its own
    notes = [c.note for c in news_project.claims.list()]
    for _name, text, user in page.REPLIES:
        name = user.split(":")[1].split("@")[0]
        assert sum(f"Reply from {name} (2025-11-06): {text}" in n for n in notes) == 1
    assert news_project.merge.merge_file(path).added["claims"] == 0  # twice: nothing doubled
    assert [c.note for c in news_project.claims.list()] == notes


def test_a_reply_whose_annotation_is_not_in_the_file_is_left_out_with_exit_1(
    news_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = page.export()
    orphan_reply = dict(doc["rows"][-1], id="hRlost", references=["gone0000"])
    doc["rows"] = [*doc["rows"][:3], orphan_reply]
    path = tmp_path / "thread.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code = main(["merge", str(path), "--project", str(news_project.path)])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{path}: left out https://hypothes.is/a/hRlost: "
        "is a reply to https://hypothes.is/a/gone0000, not in this file"
    ]
