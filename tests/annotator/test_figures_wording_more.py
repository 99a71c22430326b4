"""Wordings the larger labelled set turned up: each row is one rule the parser follows.

A period belongs to the figure nearest it, a comparative does not reach past the
next figure, "by X to Y" is a change and a level, durations carry no period.
"""

from __future__ import annotations

from typing import Any

import pytest

from annotator.figures.parser import parse

ROWS: list[tuple[str, list[dict[str, Any]]]] = [
    ("Spanish public sector pay will rise 0.5% this year and 2% in 2026.",
     [{"value": 0.5, "period": "this year"}, {"value": 2, "period": None}]),
    ("The minimum wage rises by 6.7% to £12.21 an hour.",
     [{"value": 6.7, "period": None}, {"value": 12.21, "period": "an hour"}]),
    ("Diesel is 152.4p a litre, up from 148.9p last month.",
     [{"value": 1.524, "period": "a litre"}, {"value": 1.489, "period": "last month"}]),
    ("The government borrowed £20.2bn in October, £3.5bn more than forecast.",
     [{"value": 20.2e9, "direction": None}, {"value": 3.5e9, "direction": "rise"}]),
    ("The NHS waiting list fell by 18,000 to 7.4 million.",
     [{"value": 18000, "direction": "fall", "qualifier": None},
      {"value": 7.4e6, "direction": None, "qualifier": None}]),
    ("Unemployment in Spain dropped below 11%.", [{"value": 11, "direction": None, "qualifier": "below"}]),
    ("Junior doctors got a 6% rise plus a one-off payment of £1,250.",
     [{"value": 6, "direction": "rise"}, {"value": 1250, "direction": None}]),
    ("Belgian rail staff held a 24-hour strike, the third this month.",
     [{"value": 24, "unit": "hour", "period": None}]),
    ("Japan approved a record ¥115.5 trillion budget.", [{"value": 115.5e12, "unit": "JPY"}]),
    ("The retailer reported an operating result of (£12.5m).", [{"value": -12.5e6, "unit": "GBP"}]),
    ("House prices climbed 1.9% over the last year to £268,000.",
     [{"value": 1.9, "period": "over the last year"}, {"value": 268000, "period": None}]),
    ("Water bills will go up by an average of £123 a year.",
     [{"value": 123, "direction": "rise", "period": "a year"}]),
    ("A budget of £2bn was agreed.", [{"value": 2e9, "direction": None}]),
    ("Between 5 and 10 staff left.", [{"value": 5, "qualifier": "between"}, {"value": 10}]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:50] for r in ROWS])
def test_wording(text: str, expected: list[dict[str, Any]]) -> None:
    found = [q.as_json() for q in parse(text)]
    assert len(found) == len(expected), (text, found)
    for got, want in zip(found, expected, strict=True):
        for key, value in want.items():
            if isinstance(value, float):
                assert got[key] == pytest.approx(value, rel=1e-6), (key, got)
            else:
                assert got[key] == value, (key, got)
