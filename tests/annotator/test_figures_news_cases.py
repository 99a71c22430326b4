"""The parser on the news wordings issue 17 lists: one table per kind of wording.

Each row is a sentence and the figures a checker must see in it, in reading
order; a field not named in a row is not checked there. Rows that must find
nothing are there because a wrong figure crowds the figures view.
"""

from __future__ import annotations

from typing import Any

import pytest

from annotator.figures.parser import parse

F = dict[str, Any]
Row = tuple[str, list[F]]


def _check(text: str, expected: list[F]) -> None:
    found = [q.as_json() for q in parse(text)]
    assert len(found) == len(expected), (text, found)
    for got, want in zip(found, expected, strict=True):
        for key, value in want.items():
            if isinstance(value, float):
                assert got[key] == pytest.approx(value, abs=0.001), (text, key, got)
            else:
                assert got[key] == value, (text, key, got)
        assert text[got["start"] : got["end"]] == got["words"]


def _table(rows: list[Row]) -> Any:
    return pytest.mark.parametrize(("text", "expected"), rows, ids=[r[0][:60] for r in rows])


DECIMALS_BELOW_ONE: list[Row] = [
    ("Mortgage rates are now 0.25 percentage points higher than in spring.",
     [{"value": 0.25, "unit": "pp", "direction": "rise"}]),
    ("The Bank of England cut rates by 0.25% to 4%.",
     [{"value": 0.25, "unit": "%", "direction": "fall"}, {"value": 4, "unit": "%", "direction": None}]),
    ("The economy shrank by 0.1% in October.", [{"value": 0.1, "unit": "%", "direction": "fall"}]),
    ("Prices rose 0.05 per cent on the month.", [{"value": 0.05, "unit": "%", "direction": "rise"}]),
    ("a levy of 0.5p on each bag", [{"value": 0.005, "unit": "GBP"}]),
]  # fmt: skip

NUMBER_WORDS: list[Row] = [
    ("Five hundred jobs will go at the plant.", [{"value": 500, "unit": "count"}]),
    ("The trust wants one thousand more nurses.", [{"value": 1000, "unit": "count", "direction": "rise"}]),
    ("Two hundred and fifty staff joined the picket.", [{"value": 250, "unit": "count"}]),
    ("A hundred doctors signed the letter.", [{"value": 100, "unit": "count"}]),
    ("Three million people are on the list.", [{"value": 3_000_000, "unit": "count"}]),
    ("a million workers", [{"value": 1_000_000, "unit": "count"}]),
    ("Twenty-five nurses resigned.", [{"value": 25, "unit": "count"}]),
    ("a 22bn hole in the public finances", [{"value": 22_000_000_000}]),
    ("Brussels set aside €10B for the scheme.", [{"value": 10_000_000_000, "unit": "EUR"}]),
    ("US federal spending reached $2.174T.", [{"value": 2_174_000_000_000, "unit": "USD"}]),
    ("a £1.2tn debt", [{"value": 1_200_000_000_000, "unit": "GBP"}]),
    ("It is a rise on last year.", []),
]  # fmt: skip

GROUPED_AND_SIGNED: list[Row] = [
    ("Strikers numbered 10 000 in Paris.", [{"value": 10_000}]),
    ("Some 10\u00a0000 people marched.", [{"value": 10_000, "unit": "count", "qualifier": "some"}]),
    ("Some 10\u2009000 people marched.", [{"value": 10_000, "unit": "count"}]),
    ("The grant is €1\u202f250\u202f000.", [{"value": 1_250_000, "unit": "EUR"}]),
    ("In 2024 100 nurses left.", [{"value": 100, "unit": "count"}]),
    ("The fund's return was -15€ a share.", [{"value": -15, "unit": "EUR"}]),
    ("The refund shows as $-99.99 on the bill.", [{"value": -99.99, "unit": "USD"}]),
    ("Net result (£99.99) for the quarter.", [{"value": -99.99, "unit": "GBP"}]),
    ("GDP growth was -0.3% in the quarter.", [{"value": -0.3, "unit": "%"}]),
    ("a rise of 3-4% next year", [{"value": 3, "unit": "%"}, {"value": 4, "unit": "%"}]),
    ("Covid-19 cases fell.", []),
]  # fmt: skip

SHARES_AND_NOTATION: list[Row] = [
    ("Only 1/40 of the budget goes on training.", [{"value": 2.5, "unit": "%", "qualifier": "only"}]),
    ("About 1/3 of staff are agency workers.", [{"value": 33.3333, "unit": "%", "qualifier": "about"}]),
    ("One in ten nurses is from abroad.", [{"value": 10, "unit": "%"}]),
    ("one in every five workers", [{"value": 20, "unit": "%"}]),
    ("Nine out of ten members voted yes.", [{"value": 90, "unit": "%"}]),
    ("Open 24/7 since 9/11.", []),
    ("The payment date is 12/05/2025.", []),
    ("Debt of 1.2e6 dollars", [{"value": 1_200_000, "unit": "USD"}]),
    ("an estimated 3.5 × 10^6 people", [{"value": 3_500_000, "unit": "count", "qualifier": "an estimated"}]),
    ("some 2×10⁵ workers", [{"value": 200_000, "unit": "count"}]),
]  # fmt: skip

DASHES_AND_CLAUSES: list[Row] = [
    ("Posts will rise to 2,000 — half of which are new.",
     [{"value": 2000, "qualifier": None}, {"value": 50, "unit": "%", "qualifier": None}]),
    ("It doubled to 40 - half of them in London.",
     [{"value": 40, "qualifier": None}, {"value": 50, "qualifier": None}]),
    ("Pay has risen by about 30% in three years but is still 20% lower than 2008.",
     [{"value": 30, "unit": "%", "direction": "rise", "base_year": None, "period": "in three years"},
      {"value": 20, "unit": "%", "direction": "fall", "base_year": 2008, "period": None}]),
    ("Rents rose 9% while wages are 5% below 2008 levels.",
     [{"value": 9, "base_year": None, "direction": "rise"},
      {"value": 5, "base_year": 2008, "direction": "fall"}]),
    ("Prices are up 12% since 2021, whereas pay rose 8%.",
     [{"value": 12, "base_year": 2021}, {"value": 8, "base_year": None, "period": None}]),
    ("Fares went up 5% in 2023, and wages are 3% lower than 2010.",
     [{"value": 5, "base_year": None}, {"value": 3, "base_year": 2010}]),
]  # fmt: skip

QUALIFIERS: list[Row] = [
    ("The union wants a minimum 5% rise.", [{"value": 5, "qualifier": "minimum", "direction": "rise"}]),
    ("a minimum of £12 an hour", [{"value": 12, "unit": "GBP", "qualifier": "minimum"}]),
    ("Staff will get rises of at least 4%.", [{"value": 4, "qualifier": "at least", "direction": "rise"}]),
    ("The NHS gets a further £2bn.", [{"value": 2_000_000_000, "qualifier": "a further", "direction": "rise"}]),
    ("Fares rise by a further 3% in March.", [{"value": 3, "qualifier": "a further", "direction": "rise"}]),
    ("Inflation was 3.8%, up from 3.6% in June.",
     [{"value": 3.8, "direction": None, "qualifier": None},
      {"value": 3.6, "direction": None, "qualifier": "up from"}]),
    ("Unemployment is 4.7%, down from 5.1%.",
     [{"value": 4.7, "direction": None}, {"value": 5.1, "direction": None, "qualifier": "down from"}]),
    ("a maximum of 20,000 places", [{"value": 20_000, "qualifier": "maximum"}]),
]  # fmt: skip

LEVELS_AND_CUES: list[Row] = [
    ("The Treasury faces a deficit of around £55 billion after years of cuts.",
     [{"value": 55_000_000_000, "unit": "GBP", "direction": None, "qualifier": "around",
       "words": "around £55 billion"}]),
    ("Diesel is currently 165p a litre, up from 125p.",
     [{"value": 1.65, "unit": "GBP", "direction": None}, {"value": 1.25, "direction": None}]),
    ("The council set a budget of £1.2bn despite the cuts.", [{"value": 1_200_000_000, "direction": None}]),
    ("Annual growth in regular pay excluding bonuses for public sector workers was 5.6%.",
     [{"value": 5.6, "unit": "%", "direction": "rise"}]),
    ("The annual fall in output across the manufacturing sector was 2.1%.",
     [{"value": 2.1, "direction": "fall"}]),
    ("Sales were 10,000, up 5% on last year.",
     [{"value": 10_000, "direction": None}, {"value": 5, "direction": "rise"}]),
    ("Inflation rose to 3.8% in July.", [{"value": 3.8, "direction": None}]),
]  # fmt: skip

DURATIONS: list[Row] = [
    ("Doctors begin a five-day strike on Friday.", [{"value": 5, "unit": "day"}]),
    ("A 48-hour walkout is planned.", [{"value": 48, "unit": "hour"}]),
    ("after a 24 hour stoppage", [{"value": 24, "unit": "hour"}]),
    ("a three-week strike by bus drivers", [{"value": 3, "unit": "week"}]),
]  # fmt: skip


@_table(DECIMALS_BELOW_ONE)
def test_decimals_below_one_keep_their_value(text: str, expected: list[F]) -> None:
    _check(text, expected)


@_table(NUMBER_WORDS)
def test_number_words_and_scale_words(text: str, expected: list[F]) -> None:
    _check(text, expected)


@_table(GROUPED_AND_SIGNED)
def test_grouped_digits_and_negatives(text: str, expected: list[F]) -> None:
    _check(text, expected)


@_table(SHARES_AND_NOTATION)
def test_shares_and_scientific_notation(text: str, expected: list[F]) -> None:
    _check(text, expected)


@_table(DASHES_AND_CLAUSES)
def test_dashes_and_clauses_bound_ranges_and_base_years(text: str, expected: list[F]) -> None:
    _check(text, expected)


@_table(QUALIFIERS)
def test_qualifiers_minimum_further_up_from(text: str, expected: list[F]) -> None:
    _check(text, expected)


@_table(LEVELS_AND_CUES)
def test_levels_are_levels_and_cues_reach_their_figure(text: str, expected: list[F]) -> None:
    _check(text, expected)


@_table(DURATIONS)
def test_durations_are_typed_as_durations(text: str, expected: list[F]) -> None:
    _check(text, expected)
