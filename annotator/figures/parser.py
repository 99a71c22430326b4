"""Figures out of text: "nearly 30% over three years", "a fifth less than in 2008".

A pure function on str (no database, no Qt) so it can be table-tested on real
news wording. It finds each number with its unit and qualifier here; what the
words around it say (direction, period, base year, measure, cash or real,
subject) comes from annotator.figures.context. Anything it cannot read as a
figure (years, dates, times, ordinals, identifiers such as "PF2") it leaves
out rather than guess, and it never raises on odd text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from annotator.figures.context import describe, period_spans
from annotator.figures.numbers import (
    MULTIPLIERS,
    NUMBER_RE,
    decimal,
    fraction,
    glued_to_word,
    is_date_or_time,
    is_year,
    sign_start,
    slash_fraction,
    word_value,
)
from annotator.models import Quantity

CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "¥": "JPY"}
# "-15€", "15 €": continental prices put the sign after the number.
TRAILING_CURRENCY_RE = re.compile(r"\s?([€£])")
# Only after a currency sign: "€10B", "$2.174T" (alone, "5t" may be tonnes).
MONEY_MULTIPLIER_RE = re.compile(r"([bBtT])(?![\w])")
MONEY_MULTIPLIERS = {"b": 10**9, "t": 10**12}
CURRENCY_WORDS = {
    "pound": "GBP", "pounds": "GBP", "quid": "GBP", "dollar": "USD", "dollars": "USD",
    "euro": "EUR", "euros": "EUR",
}  # fmt: skip
TIME_UNITS = {
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year",
    "years": "year", "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
}  # fmt: skip
# Nouns counted in the news that are not plain plurals ending in -s.
COUNT_NOUNS = frozenset({
    "people", "person", "staff", "children", "police", "personnel", "workforce", "doctor",
    "nurse", "patient", "applicant", "job", "post", "place", "bed", "worker", "member",
    "consultant", "trainee", "graduate", "student", "hospital",
})  # fmt: skip
# Words that end a search for a counted noun: "29 over three years" counts nothing.
COUNT_STOPS = frozenset({
    "to", "in", "of", "over", "for", "and", "or", "by", "a", "an", "the", "from", "with", "on",
    "at", "than", "since", "per", "each", "is", "are", "was", "were", "has", "have", "had",
    "does", "do", "did", "this", "that", "these", "those", "it", "its", "as", "into", "across",
    "towards", "until", "while", "whereas", "but", "more", "less", "rather", "among", "against",
    "between", "under", "within", "without", "about", "still", "already", "also", "plus",
    "minus",
})  # fmt: skip
# "another 25 increase": a scrape lost the % sign; the number is a change, not a count.
CHANGE_NOUNS = frozenset({
    "increase", "increases", "rise", "rises", "uplift", "uplifts", "cut", "cuts", "fall",
    "falls", "drop", "drops", "decline", "declines", "raise", "hike", "award", "rate", "fewer",
    "more", "less", "lower", "higher",
})  # fmt: skip
QUALIFIERS = (
    "more than", "less than", "fewer than", "greater than", "higher than", "lower than",
    "upwards of", "up to", "at least", "at most", "as much as", "as many as", "as little as",
    "as few as", "close to", "closer to", "nearer to", "in excess of", "just over", "just under",
    "well over", "well under", "somewhere around", "around", "about", "roughly", "nearly",
    "almost", "approximately", "some", "nearer", "over", "under", "below", "above", "only",
    "just", "barely", "between", "an estimated", "estimated", "an average", "average", "c.", "~",
    "a minimum of", "minimum of", "a minimum", "at a minimum", "minimum", "a maximum of",
    "maximum of", "a maximum", "maximum", "a further", "further", "up from", "down from",
)  # fmt: skip
LEVEL_QUALIFIERS = frozenset({"up from", "down from"})
# "dropped below 11%", "rose above 5%": the bound is where the level now is.
BOUND_QUALIFIERS = frozenset({"below", "above"})
# One name for the ways of saying the same bound.
QUALIFIER_NAMES = {
    "a minimum of": "minimum", "minimum of": "minimum", "a minimum": "minimum",
    "at a minimum": "minimum", "a maximum of": "maximum", "maximum of": "maximum",
    "a maximum": "maximum", "further": "a further",
}  # fmt: skip
QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[^\w]))(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s*$", re.IGNORECASE
)
PERCENT_RE = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pc\b|pct\b)", re.IGNORECASE)
POINTS_RE = re.compile(
    r"\s?(?:(?:%|per\s?cent|percent)\s?points?\b|percentage[\s-]points?\b|pp\b|ppts?\b)",
    re.IGNORECASE,
)
MULTIPLIER_RE = re.compile(r"\s?(k|thousand|mn|m|million|bn|billion|tn|trillion)\b", re.IGNORECASE)
CURRENCY_WORD_RE = re.compile(r"\s+(pounds?(?: sterling)?|quid|dollars?|euros?)\b", re.IGNORECASE)
TIME_RE = re.compile(
    r"[\s-](hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?)\b(?:['’])?", re.I
)
TIMES_RE = re.compile(r"\s(times)\b", re.IGNORECASE)
WORD_RE = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
# "5 to 10%", "3-4%", "£2bn–£3bn"; a spaced dash ("to 2,000 — half of which") opens an
# aside, not a range.
RANGE_JOIN_RE = re.compile(r"\s*(?:to|and)\s*|[-–—]|\s–\s", re.IGNORECASE)


@dataclass
class _Figure:
    """A number found in the text, before context is read."""

    start: int  # where the figure's words begin (qualifier included)
    number_start: int
    number_end: int  # the number itself, without unit or counted noun
    end: int
    value: Decimal
    unit: str | None
    qualifier: str | None
    has_unit: bool  # a unit was written (not inherited or guessed)
    scale: int = 1
    joins_next: bool = False  # "5 to" in "5 to 10%"
    range_end: bool = False  # "10%" in "5 to 10%": shares the first number's direction


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    window = text[max(0, start - 24) : start]
    match = QUALIFIER_RE.search(window)
    if match is None:
        return None, start
    name = " ".join(match.group(1).lower().split())
    return QUALIFIER_NAMES.get(name, name), start - (len(window) - match.start(1))


def _count_noun(text: str, end: int, strict: bool) -> int | None:
    """End of the counted noun after a number ('30,000 people', '10,000 specialty posts').

    Strict (after number words) takes only known nouns: "one leads to" is no count.
    """
    position = end
    for _ in range(4):
        match = WORD_RE.match(text, position)
        if match is None:
            return None
        word = match.group(1).lower().strip("'’")
        if word in COUNT_STOPS or word in CHANGE_NOUNS:
            return None
        singular = word[:-1] if word.endswith("s") else word
        plural = (
            not strict
            and len(word) > 3
            and word.endswith("s")
            and not word.endswith(("ss", "us", "is"))
        )
        if word in COUNT_NOUNS or singular in COUNT_NOUNS or plural:
            return match.end()
        position = match.end()
    return None


def _unit_after(
    text: str, end: int, is_word: bool, money: bool = False
) -> tuple[str | None, int, int, bool]:
    """(unit, end, scale, written) for what follows the number at `end`."""
    if match := POINTS_RE.match(text, end):
        return "pp", match.end(), 1, True
    if match := PERCENT_RE.match(text, end):
        return "%", match.end(), 1, True
    scale = 1
    if match := MULTIPLIER_RE.match(text, end):
        word = match.group(1).lower()
        if not (word == "m" and is_word):
            scale, end = MULTIPLIERS[word], match.end()
    elif money and (match := MONEY_MULTIPLIER_RE.match(text, end)):
        scale, end = MONEY_MULTIPLIERS[match.group(1).lower()], match.end()
    if money:
        return None, end, scale, False  # "£55 billion after years": the sign is the unit
    if not is_word and (match := TRAILING_CURRENCY_RE.match(text, end)):
        return CURRENCY_SYMBOLS[match.group(1)], match.end(), scale, True
    if match := CURRENCY_WORD_RE.match(text, end):
        return CURRENCY_WORDS[match.group(1).split()[0].lower()], match.end(), scale, True
    if scale == 1 and not is_word and (match := re.match(r"p\b", text[end : end + 2])):
        return "GBP-pence", end + 1, 1, True
    if scale == 1 and (match := TIME_RE.match(text, end)):
        return TIME_UNITS[match.group(1).lower()], match.end(), 1, True
    if scale == 1 and (match := TIMES_RE.match(text, end)):
        return "times", match.end(), 1, True
    noun_end = _count_noun(text, end, strict=is_word)
    if noun_end is not None:
        return "count", noun_end, scale, True
    if scale > 1:
        return "count", end, scale, True
    return None, end, scale, False


def _figures(text: str) -> list[_Figure]:
    blocked = period_spans(text)
    figures: list[_Figure] = []
    for match in NUMBER_RE.finditer(text):
        start, end = match.start(), match.end()
        if any(s <= start < e for s, e in blocked):
            continue
        if match.group("frac"):
            value = fraction(match, text)
            if value is None:
                continue
            qualifier, q_start = _qualifier(text, start)
            figures.append(_Figure(q_start, start, end, end, value, "%", qualifier, True))
            continue
        if match.group("slash"):
            value = slash_fraction(match, text)
            if value is None:
                continue
            qualifier, q_start = _qualifier(text, start)
            figures.append(_Figure(q_start, start, end, end, value, "%", qualifier, True))
            continue
        if match.group("ratio"):
            a, b = match.group("ra"), match.group("rb")
            top = decimal(a) if a[0].isdigit() else word_value(a)
            bottom = decimal(b) if b[0].isdigit() else word_value(b)
            if not top or not bottom:
                continue
            qualifier, q_start = _qualifier(text, start)
            value = top * 100 / bottom
            figures.append(_Figure(q_start, start, end, end, value, "%", qualifier, True))
            continue
        is_word = match.group("words") is not None
        currency = None
        if is_word:
            value = word_value(match.group("words"))
            number_start = start
        else:
            digits = match.group("num")
            number_start = match.start("num")
            parsed = decimal(digits)
            sign_at = sign_start(match, text)
            lead = sign_at if sign_at is not None else match.start("cur")
            if match.group("cur") is None and sign_at is None:
                lead = number_start
            if parsed is None or glued_to_word(text, lead):
                continue
            if is_date_or_time(text, number_start, end, digits):
                continue
            value = -parsed if sign_at is not None else parsed
            if match.group("cur"):
                currency = CURRENCY_SYMBOLS[match.group("cur")]
            start = lead
        unit, unit_end, scale, written = _unit_after(text, end, is_word, currency is not None)
        if match.group("paren") and text.startswith(")", unit_end) and currency is not None:
            value = -value  # "(£99.99)": accounts print a loss in brackets
        if currency is not None:
            if unit in ("%", "pp", "times", "GBP-pence") or unit in TIME_UNITS.values():
                unit_end, scale = end, 1  # "£15 an hour": the unit is the currency
            unit, written = currency, True
        elif unit == "GBP-pence":
            unit, value = "GBP", value / 100
        if is_word and not written:
            continue  # "one leads to more strikes": a word number needs a unit
        if not is_word and currency is None and is_year(match.group("num"), unit, scale):
            continue
        qualifier, q_start = _qualifier(text, start)
        joins = bool(RANGE_JOIN_RE.match(text, unit_end)) and not written
        figures.append(
            _Figure(q_start, start, end, unit_end, value, unit, qualifier, written, scale, joins)
        )  # fmt: skip
    return _merge_ranges(text, figures)


def _merge_ranges(text: str, figures: list[_Figure]) -> list[_Figure]:
    """'5 to 10%', 'between £2bn and £3bn': the first number takes the second's unit."""
    for first, second in itertools.pairwise(figures):
        if not first.joins_next or second.number_start < first.end:
            continue
        gap = text[first.end : second.start]
        if not RANGE_JOIN_RE.fullmatch(gap):
            continue
        lead = text[max(0, first.start - 9) : first.start].lower()
        if re.search(r"\bby\s*$", lead):
            continue  # "fell by 18,000 to 7.4 million": a change, then the level it reached
        first.unit, first.scale = second.unit, second.scale if first.scale == 1 else first.scale
        if "from" not in lead:
            first.qualifier = second.qualifier = first.qualifier or "between"
            second.range_end = True
    return figures


def _number(value: Decimal) -> float:
    return round(float(value), 4) if value != value.to_integral_value() else float(value)


def parse(text: str) -> list[Quantity]:
    """Every figure in text, in reading order, with what the words around it say."""
    if not isinstance(text, str) or not text:
        return []
    quantities: list[Quantity] = []
    for figure in _figures(text):
        context = describe(text, figure.number_start, figure.number_end, figure.start)
        if figure.range_end and quantities:
            context["direction"] = quantities[-1].direction
        if figure.unit in TIME_UNITS.values():
            context["period"] = None  # "a 24-hour strike, the third this month": a duration
        if figure.qualifier in LEVEL_QUALIFIERS or figure.qualifier in BOUND_QUALIFIERS:
            context["direction"] = None  # "up from 125p": the earlier level, not a change
        elif figure.qualifier == "a further" and context["direction"] is None:
            context["direction"] = "rise"  # "a further £2bn" is more on top
        value = figure.value * figure.scale
        base = Quantity(
            value=_number(value),
            unit=figure.unit,
            qualifier=figure.qualifier,
            start=figure.start,
            end=figure.end,
            words=text[figure.start : figure.end],
        )
        quantities.append(replace(base, **context))
    return quantities
