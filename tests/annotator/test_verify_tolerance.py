"""What the claim's words allow: nearly, about, a fifth, at least, a plain figure's rounding."""

from __future__ import annotations

import pytest

from annotator.figures.parser import parse
from annotator.figures.verify import Point, check


def _agrees(text: str, computed: float) -> bool | None:
    quantity = parse(text)[0]
    points = {2020: Point(2020, 1, 100.0), 2025: Point(2025, 2, 100.0 + computed)}
    return check(quantity, points, deflated=False, start=2020, end=2025).agrees


@pytest.mark.parametrize(
    ("text", "computed", "agrees"),
    [
        ("pay rose nearly 30%", 28.6, True),
        ("pay rose nearly 30%", 28.4, False),  # more than 1.5 points under
        ("pay rose nearly 30%", 30.2, False),  # nearly is under
        ("pay rose about 30%", 31.4, True),
        ("pay rose about 30%", 28.6, True),
        ("pay rose about 30%", 31.6, False),
        ("pay fell by a fifth", -18.5, True),
        ("pay fell by a fifth", -22.5, False),
        ("pay rose 33%", 33.4, True),
        ("pay rose 33%", 33.6, False),
        ("pay rose 3.6%", 3.64, True),
        ("pay rose 3.6%", 3.7, False),
        ("pay rose more than 10%", 12.0, True),
        ("pay rose more than 10%", 9.0, False),
        ("pay rose 10%", -10.0, False),  # the other way
    ],
)
def test_words_allow(text: str, computed: float, agrees: bool) -> None:
    assert _agrees(text, computed) is agrees
