"""Claim matching: labelled pairs above a floor, useful suggestions on the samples."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.compare.matching import evaluate, score, values_agree
from annotator.project import Project
from tests.sample_marks import mark_samples

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "bench" / "matching_eval.py"


def _eval_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("matching_eval", EVAL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_pairs_are_enough_and_balanced() -> None:
    pairs = _eval_module().load_pairs()
    assert len(pairs) >= 50
    same = sum(1 for *_, s in pairs if s)
    assert 20 <= same <= len(pairs) - 20


@pytest.mark.parametrize("which", ["pairs", "holdout"])
def test_precision_and_recall_above_floor(which: str) -> None:
    module = _eval_module()
    result = evaluate(module.load_pairs(which))
    prefix = "" if which == "pairs" else "holdout_"
    assert result.precision >= module.FLOORS[prefix + "precision"], result
    assert result.recall >= module.FLOORS[prefix + "recall"], result


def test_eval_script_prints_figures_next_to_floors() -> None:
    out = subprocess.run(
        [sys.executable, str(EVAL)], capture_output=True, text=True, timeout=120, check=True
    )
    figures = {f["name"]: f for f in json.loads(out.stdout)["figures"]}
    assert figures["matching_precision"]["ratio"] >= 1
    assert {"value", "floor", "ratio", "unit"} <= set(figures["matching_recall"])


def test_opposite_figures_never_match_even_with_the_same_words() -> None:
    fell = "Resident doctors' pay has fallen by a fifth since 2008."
    rose = "Resident doctors' pay has risen by almost 29% since 2008."
    assert not score(fell, rose).is_match
    assert score(fell, "Since 2008 resident doctors' pay fell by about 20 per cent.").is_match


@pytest.mark.parametrize(("a", "b", "agree"), [(29, 30, True), (20, 21, True), (7.4e6, 7.6e6, False), (30_000, 20_000, False), (26, 35, False)])  # fmt: skip
def test_values_agree_up_to_rounding(a: float, b: float, agree: bool) -> None:
    assert values_agree(a, b) is agree


@pytest.mark.parametrize("text", ["", "   ", "😀" * 50, "%%%% ££££", "0" * 500])
def test_odd_text_scores_without_error(text: str) -> None:
    result = score(text, "pay fell 26%")
    assert 0 <= result.score <= 100


def test_suggestions_on_the_samples_restate_the_same_claim(sample_project: Project) -> None:
    claims = mark_samples(sample_project)
    by_quote = {c.quote[:30]: c for c in claims}
    union = by_quote["Once you factor in inflation, "]
    found = sample_project.matches.suggest(union.id)
    quotes = [sample_project.claims.get(s.other_id).quote for s in found]
    assert any("21 percent less" in q for q in quotes)
    assert any("21% less" in q for q in quotes)
    assert not any("29" in q for q in quotes)  # the government's rise is another claim
    assert all(sample_project.claims.get(s.other_id).article_id != union.article_id for s in found)
    every = sample_project.matches.suggest_all()
    assert len(every) >= 8
    for suggestion in every:
        a = sample_project.claims.get(suggestion.claim_id)
        b = sample_project.claims.get(suggestion.other_id)
        assert a.side == b.side or None in (a.side, b.side) or "independent" in (a.side, b.side)


def test_confirmed_match_is_a_same_link_and_not_suggested_again(sample_project: Project) -> None:
    claims = mark_samples(sample_project)
    first = claims[5]
    (best, *_) = sample_project.matches.suggest(first.id)
    link = sample_project.matches.confirm(first.id, best.other_id)
    assert link.relation == "same"
    assert best.other_id not in [s.other_id for s in sample_project.matches.suggest(first.id)]
    assert [link.id] == [lk.id for lk in sample_project.links.list(first.id)]


def test_suggesting_for_one_claim_parses_it_alone_and_scores_as_if_all_were_parsed(
    sample_project: Project,
) -> None:
    """The window asks on the GUI thread: 10,000 new claims must not all be parsed then."""
    claims = mark_samples(sample_project)
    union = next(c for c in claims if c.quote.startswith("Once you factor in inflation, "))
    new = sample_project.quantities.stale()
    assert union.id in new and len(new) >= 8
    found = sample_project.matches.suggest(union.id)
    assert sample_project.quantities.stale() == [c for c in new if c != union.id]
    sample_project.quantities.sync()
    again = sample_project.matches.suggest(union.id)
    assert [(s.other_id, s.score, s.reasons) for s in found] == [
        (s.other_id, s.score, s.reasons) for s in again
    ]
    assert any("figures agree" in reason for s in found for reason in s.reasons)
