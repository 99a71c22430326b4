"""Re-anchoring: the pure matcher over a table of revision pairs, and the diff helper."""

from __future__ import annotations

from collections import Counter

import pytest

from annotator.anchoring.reanchor import (
    EXACT,
    FUZZY,
    ORPHAN,
    FoldedText,
    context_scores,
    fold,
    locate,
)
from annotator.anchoring.selectors import anchor_at, find_occurrence
from annotator.anchoring.textdiff import PositionMap, diff, equal_runs
from tests.annotator.reanchor_cases import BASE, CASES, Case


def relocate(case: Case):  # type: ignore[no-untyped-def]
    start = find_occurrence(case.old, case.quote, case.occurrence)
    assert start is not None, f"{case.name}: quote not in old text"
    anchor = anchor_at(case.old, start, start + len(case.quote))
    hint = PositionMap(case.old, case.new).map(start)
    return locate(case.new, anchor.quote, anchor.prefix, anchor.suffix, hint)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_revision_lands_on_the_right_words_or_nowhere(case: Case) -> None:
    found = relocate(case)
    if case.land is None:
        assert (found.kind, found.start, found.end) == (ORPHAN, None, None), (
            f"landed on {case.new[found.start : found.end]!r}"
        )
        return
    words, occurrence = case.land
    expected = find_occurrence(case.new, words, occurrence)
    assert expected is not None
    assert (found.start, found.end) == (expected, expected + len(words)), (
        f"landed on {case.new[found.start : found.end]!r} (kind {found.kind})"
    )
    assert found.kind == case.kind


def test_regression_tally() -> None:
    """How many of the pairs land exact, fuzzy, orphan; all on the words expected."""
    tally = Counter(relocate(case).kind for case in CASES)
    print(f"\nre-anchoring {len(CASES)} revision pairs: {dict(tally)}")
    assert tally == Counter(case.kind for case in CASES)
    assert tally[EXACT] >= 12 and tally[FUZZY] >= 4 and tally[ORPHAN] >= 4


def test_context_outranks_position() -> None:
    text = "pay rose. " * 3 + "The union says pay fell."
    quote, prefix, suffix = "pay", "The union says ", " fell."
    found = locate(text, quote, prefix, suffix, hint=0)
    assert found.start == text.rindex("pay")
    # An empty prefix means the quote began the text: the occurrence there
    # wins over the one at the hint.
    at_edge = locate(text, quote, "", " rose", hint=10)
    assert (at_edge.start, at_edge.kind) == (0, EXACT)
    # Context agreeing with no occurrence: a short quote is not trusted anywhere.
    assert locate(text, quote, "Ministers claim ", " stayed", hint=10).kind == ORPHAN


def test_position_breaks_ties_between_identical_contexts() -> None:
    text = "x pay y. " * 5
    second = text.index("pay", 5)
    found = locate(text, "pay", "x ", " y", hint=second + 1)
    assert found.start == second


def test_exact_scores_above_fuzzy() -> None:
    exact = locate(BASE, "a fifth since 2008", "pay has fallen by ", ", once", hint=None)
    fuzzy = locate(
        BASE.replace("fifth", "fith"), "a fifth since 2008", "pay has fallen by ", ", once"
    )
    assert exact.kind == EXACT and fuzzy.kind == FUZZY
    assert exact.score > fuzzy.score


@pytest.mark.parametrize("quote", ["", "zz", "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"])
def test_absent_or_blank_quotes_orphan(quote: str) -> None:
    assert locate(BASE, quote).kind == ORPHAN


def test_folding_keeps_offsets_of_the_original() -> None:
    text = "a\u00a0 “b”\n\n— c"
    folded = FoldedText(text)
    assert folded.text == 'a "b" - c' == fold(text)
    i = folded.text.index('"b"')
    assert text[folded.original(i) : folded.original(i + 2) + 1] == "“b”"


def test_context_scores_at_the_edges() -> None:
    assert context_scores("abc def", 0, 3, "", " def") == (1.0, 1.0)
    assert context_scores("x abc def", 2, 5, "", " def")[0] == 0.0


def test_diff_reports_spans_in_code_points_of_each_text() -> None:
    old = "Pay 😀 fell by a fifth.\nStrikes go on.\n"
    new = "Pay 😀 fell by a fith.\nStrikes go on.\nTalks resume.\n"
    spans = diff(old, new)
    assert [
        (s.kind, old[s.old_start : s.old_end], new[s.new_start : s.new_end]) for s in spans
    ] == [
        ("replace", "fifth", "fith"),
        ("insert", "", "Talks resume.\n"),
    ]


def test_diff_of_equal_and_empty_texts() -> None:
    assert diff(BASE, BASE) == []
    assert [s.kind for s in diff("", "new")] == ["insert"]
    assert [s.kind for s in diff("old", "")] == ["delete"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_equal_runs_are_really_equal(case: Case) -> None:
    for o, n, length in equal_runs(case.old, case.new):
        assert case.old[o : o + length] == case.new[n : n + length]
    # Applying the diff to the old text gives the new one.
    rebuilt, position = [], 0
    for span in diff(case.old, case.new):
        rebuilt.append(case.old[position : span.old_start])
        rebuilt.append(case.new[span.new_start : span.new_end])
        position = span.old_end
    rebuilt.append(case.old[position:])
    assert "".join(rebuilt) == case.new


def test_position_map_follows_inserted_text() -> None:
    old = "one two three four"
    new = "zero one two 2.5 three four"
    positions = PositionMap(old, new)
    assert new[positions.map(old.index("three")) :].startswith("three")
    assert new[positions.map(old.index("one")) :].startswith("one")
    assert positions.shared(old.index("three"), len(old))
