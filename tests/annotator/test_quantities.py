"""The quantity parser on real news wording: one row per phrasing.

Each row gives the text and, per figure found (in reading order), the fields
that must hold; fields not named are not checked for that row, so a row says
exactly what a checker would look at in that sentence.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.figures.parser import parse

F = dict[str, Any]
CASES: list[tuple[str, list[F]]] = [
    # -- pay, percentages with direction, qualifiers and periods ----------------
    ("Resident doctors' pay has gone up by almost 29% in three years.",
     [{"value": 29, "unit": "%", "direction": "rise", "qualifier": "almost",
       "period": "in three years", "subject": "resident doctors' pay"}]),
    ("resident doctors have already had increases of nearly 30% over three years",
     [{"value": 30, "unit": "%", "direction": "rise", "qualifier": "nearly", "period": "over three years"}]),
    ("an average 5.4% rise for 2025-26",
     [{"value": 5.4, "unit": "%", "direction": "rise", "period": "2025-26"}]),
    ("pay rises of close to 29 percent over the last three years",
     [{"value": 29, "unit": "%", "qualifier": "close to", "direction": "rise",
       "period": "over the last three years"}]),
    ("resident doctors earn around 21% less than their counterparts did in 2008",
     [{"value": 21, "unit": "%", "direction": "fall", "base_year": 2008, "qualifier": "around"}]),
    ("it would take a rise of about 26% to win back the lost ground",
     [{"value": 26, "unit": "%", "direction": "rise", "qualifier": "about"}]),
    ("to get back to 2008 levels, pay would need to rise by around 26 percent",
     [{"value": 26, "unit": "%", "direction": "rise", "base_year": 2008, "subject": "pay"}]),
    ("measured against RPI, a resident doctor's pay is worth roughly 21 percent less today than it was in 2008",
     [{"value": 21, "unit": "%", "direction": "fall", "measure": "RPI", "basis": "real",
       "base_year": 2008, "qualifier": "roughly"}]),
    ("consultants remain about 26 percent behind on the same measure",
     [{"value": 26, "unit": "%", "direction": "fall", "subject": "consultants"}]),
    ("Nurses' pay has fallen 6% in real terms since 2010, the RCN says.",
     [{"value": 6, "unit": "%", "direction": "fall", "basis": "real", "base_year": 2010,
       "period": "since 2010", "subject": "nurses' pay"}]),
    ("Public sector pay rose 5.5% in cash terms last year.",
     [{"value": 5.5, "unit": "%", "direction": "rise", "basis": "cash", "period": "last year"}]),
    ("Wages grew by 4.8% in the three months to June, the ONS said.",
     [{"value": 4.8, "unit": "%", "direction": "rise"}]),
    ("Teachers were offered a 6.5 per cent pay award.",
     [{"value": 6.5, "unit": "%", "subject": "pay"}]),
    ("Average earnings are still 2.1 per cent below their 2008 peak after inflation.",
     [{"value": 2.1, "unit": "%", "basis": "real", "base_year": 2008}]),
    ("The union wants a 35 per cent pay rise to restore earnings to 2008 levels.",
     [{"value": 35, "unit": "%", "direction": "rise", "base_year": 2008}]),
    ("Ministers say the deal is worth a 22.3% uplift over two years.",
     [{"value": 22.3, "unit": "%", "direction": "rise", "period": "over two years"}]),
    ("Take-home pay was cut by 26% in real terms between 2008 and 2022.",
     [{"value": 26, "unit": "%", "direction": "fall", "basis": "real", "base_year": 2008,
       "period": "2008 to 2022"}]),
    ("Salaries have risen by more than 10 per cent since 2023.",
     [{"value": 10, "unit": "%", "qualifier": "more than", "direction": "rise", "period": "since 2023"}]),
    ("the BMA rejected the offer by 83 percent in an online ballot",
     [{"value": 83, "unit": "%", "direction": None}]),
    ("Resident doctors make up almost half of the medical workforce.",
     [{"value": 50, "unit": "%", "qualifier": "almost"}]),
    # -- fractions and ratios in words -------------------------------------------
    ("Once you factor in inflation, a resident doctor today earns about a fifth less than in 2008.",
     [{"value": 20, "unit": "%", "direction": "fall", "basis": "real", "base_year": 2008,
       "qualifier": "about", "subject": "resident doctors' pay"}]),
    ("Against RPI you get a fall of roughly a fifth.",
     [{"value": 20, "unit": "%", "direction": "fall", "measure": "RPI", "qualifier": "roughly"}]),
    ("a gap that the union itself puts at a fifth of a doctor's pay",
     [{"value": 20, "unit": "%"}]),
    ("Pay for nurses is a third lower than a decade ago.",
     [{"value": 33.3333, "unit": "%", "direction": "fall"}]),
    ("A quarter of trusts missed the target.", [{"value": 25, "unit": "%"}]),
    ("Two thirds of doctors said they would consider leaving.", [{"value": 66.6667, "unit": "%"}]),
    ("Three quarters of respondents backed strike action.", [{"value": 75, "unit": "%"}]),
    ("One in five doctors is considering leaving the NHS.", [{"value": 20, "unit": "%"}]),
    ("a tenth of posts are vacant", [{"value": 10, "unit": "%"}]),
    ("Half of all trainees have worked unpaid overtime.", [{"value": 50, "unit": "%"}]),
    ("It would be the third strike this year.", []),
    ("the fifth day of the walkout", []),
    # -- percentage points against percent ---------------------------------------
    ("Unemployment fell 0.3 percentage points to 4.1 per cent.",
     [{"value": 0.3, "unit": "pp", "direction": "fall"}, {"value": 4.1, "unit": "%", "direction": None}]),
    ("The vacancy rate rose by 2 percentage points.", [{"value": 2, "unit": "pp", "direction": "rise"}]),
    ("Turnout was up 3pp on the last ballot.", [{"value": 3, "unit": "pp", "direction": "rise"}]),
    ("a 1.5 per cent point gap", [{"value": 1.5, "unit": "pp"}]),
    ("Inflation rose from 2% to 4%, a rise of 2%.",
     [{"value": 2, "unit": "%", "direction": None}, {"value": 4, "unit": "%", "direction": None},
      {"value": 2, "unit": "%", "direction": "rise"}]),
    ("CPI inflation fell to 3.8% in July", [{"value": 3.8, "unit": "%", "measure": "CPI"}]),
    ("Growth was 0.6pc in the second quarter.", [{"value": 0.6, "unit": "%"}]),
    # -- ranges ---------------------------------------------------------------------
    ("Use CPI and the real-terms decline since 2008 is more like 5 to 10%.",
     [{"value": 5, "unit": "%", "qualifier": "between", "measure": "CPI", "basis": "real",
       "base_year": 2008, "direction": "fall"},
      {"value": 10, "unit": "%", "qualifier": "between", "direction": "fall"}]),
    ("If you measure with CPI, the real-terms drop since 2008 is nearer 5 to 10, she said.",
     [{"value": 5, "unit": None, "measure": "CPI", "direction": "fall"}, {"value": 10, "unit": None}]),
    ("between 5 and 10 per cent", [{"value": 5, "unit": "%"}, {"value": 10, "unit": "%"}]),
    ("a rise of 3-4% next year", [{"value": 3, "unit": "%"}, {"value": 4, "unit": "%"}]),
    ("The scheme will cost between £2bn and £3bn.",
     [{"value": 2_000_000_000, "unit": "GBP"}, {"value": 3_000_000_000, "unit": "GBP"}]),
    ("20,000 to 30,000 people could be affected",
     [{"value": 20_000, "unit": "count"}, {"value": 30_000, "unit": "count"}]),
    # -- money --------------------------------------------------------------------------
    ("it has found £2.5 billion to send patients to private providers",
     [{"value": 2_500_000_000, "unit": "GBP"}]),
    ("almost £200 billion in PFI and PF2 liabilities",
     [{"value": 200_000_000_000, "unit": "GBP", "qualifier": "almost"}]),
    ("A single exam can cost a trainee more than £1,000.",
     [{"value": 1000, "unit": "GBP", "qualifier": "more than", "subject": "exam fees"}]),
    ("student debt of up to £100,000", [{"value": 100_000, "unit": "GBP", "qualifier": "up to"}]),
    ("The trust will spend £35m on new scanners.", [{"value": 35_000_000, "unit": "GBP"}]),
    ("a £1.2bn package for the NHS", [{"value": 1_200_000_000, "unit": "GBP"}]),
    ("The US pledged $4.5 billion.", [{"value": 4_500_000_000, "unit": "USD"}]),
    ("EU funding of €750m", [{"value": 750_000_000, "unit": "EUR"}]),
    ("Doctors earn £36,616 in their first year.", [{"value": 36_616, "unit": "GBP"}]),
    ("the minimum wage rises to £12.21 an hour", [{"value": 12.21, "unit": "GBP", "direction": None}]),
    ("a 50p rise in prescription charges", [{"value": 0.5, "unit": "GBP", "direction": "rise"}]),
    ("a deal worth 2.5 billion pounds", [{"value": 2_500_000_000, "unit": "GBP"}]),
    ("Fees mount up to thousands of pounds across a training career.", []),
    # -- counts ---------------------------------------------------------------------------
    ("More than 30,000 people applied for roughly 10,000 specialty jobs this year.",
     [{"value": 30_000, "unit": "count", "qualifier": "more than", "subject": "applications"},
      {"value": 10_000, "unit": "count", "qualifier": "roughly", "subject": "training posts"}]),
    ("The ten-year plan promised 1,000 additional specialty training places by 2028.",
     [{"value": 10, "unit": "year"}, {"value": 1000, "unit": "count", "direction": "rise"}]),
    ("the waiting list stands at 7.4 million",
     [{"value": 7_400_000, "unit": "count", "subject": "waiting list"}]),
    ("upwards of 1,700 patients every day spend more than 12 hours in A&E",
     [{"value": 1700, "unit": "count", "qualifier": "upwards of"},
      {"value": 12, "unit": "hour", "qualifier": "more than"}]),
    ("Only a handful of official picket sites were approved across some 700 hospitals.",
     [{"value": 700, "unit": "count", "qualifier": "some"}]),
    ("applications for specialty training grew by 174 percent, while the number of training posts rose by just 6.4 percent",
     [{"value": 174, "unit": "%", "direction": "rise"},
      {"value": 6.4, "unit": "%", "direction": "rise", "qualifier": "just"}]),
    ("Tens of thousands of doctors walked out.", []),
    ("About 1.5m people are waiting for a diagnostic test.",
     [{"value": 1_500_000, "unit": "count", "qualifier": "about"}]),
    ("NHS England said 54,000 appointments had to be rearranged.",
     [{"value": 54_000, "unit": "count"}]),
    # -- time units, and the numbers that are not figures ------------------------------------
    ("A five-day walkout is due to start on 14 November.", [{"value": 5, "unit": "day"}]),
    ("after five days on strike", [{"value": 5, "unit": "day"}]),
    ("doctors with around ten years' experience", [{"value": 10, "unit": "year", "qualifier": "around"}]),
    ("voting on whether to extend their strike mandate for another six months",
     [{"value": 6, "unit": "month"}]),
    ("Resident doctors went back to work at 0700 on Wednesday.", []),
    ("this was the 12th stoppage since the dispute started in March 2023", []),
    ("Covid-19 cover at 9am on 30 July 2025, 24/7.", []),
    ("There are two roads from here. One leads to more strikes.", []),
    ("Two doctors and three nurses were injured.", [{"value": 2, "unit": "count"}, {"value": 3, "unit": "count"}]),
    ("It doubles that to 2,000, with the first 1,000 arriving next year.",
     [{"value": 2000, "unit": None}, {"value": 1000}]),
    ("The union says getting there would still take another 25 increase.",
     [{"value": 25, "unit": None, "direction": "rise"}]),
]  # fmt: skip


def _check(found: dict[str, Any], expected: F, text: str) -> None:
    for key, value in expected.items():
        if isinstance(value, float):
            assert found[key] == pytest.approx(value, abs=0.001), (text, key, found)
        else:
            assert found[key] == value, (text, key, found)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_parses_news_wording(text: str, expected: list[F]) -> None:
    found = [q.as_json() for q in parse(text)]
    assert len(found) == len(expected), (text, found)
    for got, want in zip(found, expected, strict=True):
        _check(got, want, text)
        assert text[got["start"] : got["end"]] == got["words"]
        assert got["words"].strip() == got["words"] and got["words"]


def test_table_is_big_enough_to_mean_something() -> None:
    assert len(CASES) >= 60


def test_json_values_are_plain_numbers() -> None:
    (fifth,) = parse("a fifth")
    assert fifth.as_json()["value"] == 20 and isinstance(fifth.as_json()["value"], int)
    (money,) = parse("£2.5 billion")
    assert money.as_json()["value"] == 2_500_000_000


def test_offsets_are_code_points_past_emoji() -> None:
    text = "😀😀 pay fell by 26% 🎉"
    (q,) = parse(text)
    assert text[q.start : q.end] == "26%" and q.start == 15


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_never_raises_on_odd_text(text: str) -> None:
    for q in parse(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.words
        assert q.value == q.value  # not NaN


NEWSY = st.lists(
    st.sampled_from(
        ["£", "$", "%", " per cent", "percentage points", "a fifth", "since", "2008", "RPI",
         "1,000", "2.5", "bn", "m", " to ", "-", "nearly", "more than", " ", ",", ".", "rise",
         "fell", "0700", "13th", "2025-26", "half", "one in", "five", "years", "'", "\n"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@given(NEWSY)
@settings(max_examples=400, deadline=None)
def test_never_raises_on_news_shaped_noise(text: str) -> None:
    for q in parse(text):
        assert text[q.start : q.end] == q.words
        assert q.unit is None or isinstance(q.unit, str)
