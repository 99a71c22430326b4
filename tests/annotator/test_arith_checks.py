"""Arithmetic checks: each trap a checker would otherwise work out by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.figures.arithmetic import check_claim, check_figures, restoring_rise, same_subject
from annotator.figures.parser import parse
from annotator.models import Quantity


def figures(text: str, claim_id: int = 1, first_id: int = 1) -> list[Quantity]:
    return [replace(q, id=first_id + i, claim_id=claim_id) for i, q in enumerate(parse(text))]


@pytest.mark.parametrize(
    ("fall", "rise"), [(26, 35.1), (20, 25), (21, 26.6), (50, 100), (10, 11.1)]
)
def test_restoring_rise(fall: float, rise: float) -> None:
    assert restoring_rise(fall) == pytest.approx(rise, abs=0.05)


@pytest.mark.parametrize("bad", [0, 100, -5, 150])
def test_restoring_rise_refuses_impossible_falls(bad: float) -> None:
    with pytest.raises(ValueError):
        restoring_rise(bad)


def test_a_rise_equal_to_the_fall_is_flagged() -> None:
    found = check_claim(
        figures(
            "Pay has been cut by 26% since 2008, so we need a rise of 26% since 2008 to restore it."
        )
    )
    (warning,) = [f for f in found if f.severity == "warning"]
    assert (
        warning.kind == "restoration"
        and "35.1%" in warning.message
        and "not 26%" in warning.message
    )


def test_the_bma_sum_is_consistent() -> None:
    text = ("resident doctors earn around 21% less than their counterparts did in 2008 – and it "
            "would take a rise of about 26% to win back the lost ground")  # fmt: skip
    found = check_claim(figures(text))
    assert [(f.kind, f.severity) for f in found] == [("restoration", "note")]
    assert found[0].message.startswith("Consistent")


def test_a_lone_fall_gets_the_restoring_rise() -> None:
    (note,) = check_claim(figures("pay is a fifth lower than in 2008"))
    assert note.kind == "restoration" and "25%" in note.message


def test_percent_confused_with_points() -> None:
    found = check_claim(figures("Inflation rose from 2% to 4%, a rise of 2%."))
    assert [f.kind for f in found if f.severity == "warning"] == ["percent-points"]
    assert "2 percentage points" in found[0].message and "100%" in found[0].message
    right = check_claim(figures("Inflation rose from 2% to 4%, a rise of 2 percentage points."))
    assert not [f for f in right if f.severity == "warning"]


def test_real_terms_without_base_or_measure() -> None:
    found = check_claim(figures("Pay has fallen 20% in real terms."))
    (warning,) = [f for f in found if f.severity == "warning"]
    assert warning.kind == "real-without-base"
    assert "base year" in warning.message and "inflation measure" in warning.message
    assert not [
        f
        for f in check_claim(figures("Pay has fallen 20% in real terms since 2008 (RPI)."))
        if f.kind == "real-without-base"
    ]


def test_same_basis_opposite_directions_cannot_both_hold() -> None:
    union = figures("Nurses' pay fell 5% since 2010 in cash terms.", claim_id=1)
    government = figures("Nurses' pay rose 3% since 2010 in cash terms.", claim_id=2, first_id=10)
    (warning,) = check_figures(union + government)
    assert warning.kind == "incompatible" and set(warning.claim_ids) == {1, 2}


def test_different_baselines_are_explained_not_flagged() -> None:
    union = figures(
        "Once RPI inflation is taken into account, resident doctors' pay is a fifth lower than in 2008.",
        claim_id=1,
    )
    government = figures(
        "Resident doctors' pay has gone up by almost 29% in three years.", claim_id=2, first_id=10
    )
    found = check_figures(union + government)
    assert [(f.kind, f.severity) for f in found] == [("different-basis", "note")]
    assert "2008" in found[0].message and "in three years" in found[0].message


def test_qualifiers_let_figures_agree() -> None:
    a = figures("Salaries have risen by more than 10 per cent since 2023.", claim_id=1)
    b = figures("Salaries have risen by 12 per cent since 2023.", claim_id=2, first_id=10)
    assert check_figures(a + b) == []


def test_restoration_across_claims_on_the_same_base_year() -> None:
    fall = figures("Pay is 26% lower than in 2008.", claim_id=1)
    rise = figures("Pay must rise 26% to get back to 2008 levels.", claim_id=2, first_id=10)
    found = check_figures(fall + rise)
    assert any(f.kind == "restoration" and f.severity == "warning" for f in found)


def test_subjects() -> None:
    assert same_subject("pay", "resident doctors' pay")
    assert not same_subject("pay", "training posts")
    assert not same_subject(None, "pay")
