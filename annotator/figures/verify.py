"""A claimed figure against a data series: the sum a checker would do by hand (pure).

"Pay has risen by nearly 30% since 2022" is checked by taking the series in the
base year and the claim's year, dividing (by a price index too, for real
terms), and saying whether the words allow the result: "nearly" allows a
little under, "about" a little either side, a plain figure its own rounding.
Each step is kept as a sentence the checker can paste into a write-up.
No database here: annotator.figures.checking reads the rows and calls check().
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import AnnotatorError
from annotator.figures.arithmetic import fmt, restoring_rise
from annotator.models import Quantity

# "nearly X" is a little under X: up to this many points, or this share of X, below it.
NEARLY_POINTS, NEARLY_SHARE = 1.5, 0.05
# "about X" is within this share of X or this many points of it, either side.
ABOUT_POINTS, ABOUT_SHARE = 1.0, 0.05
# "a fifth" is 18-22%: a fraction in words allows a tenth of itself either side.
FRACTION_SHARE = 0.10
NEARLY = frozenset({"nearly", "almost", "close to", "just under", "closer to", "nearer"})
ABOUT = frozenset({"about", "around", "roughly", "approximately", "some", "c.", "~",
                   "somewhere around", "an estimated", "estimated"})  # fmt: skip
AT_LEAST = frozenset({"more than", "over", "at least", "upwards of", "in excess of", "above",
                      "minimum", "just over", "well over", "greater than", "higher than"})  # fmt: skip
AT_MOST = frozenset({"less than", "up to", "under", "below", "at most", "fewer than", "maximum",
                     "well under", "lower than", "as much as", "as many as"})  # fmt: skip
FRACTION_WORDS = re.compile(r"\b(?:half|halves|thirds?|quarters?|fifths?|sixths?|tenths?|in)\b")
LENGTH = re.compile(
    r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+(years?|decades?)\b"
)
LENGTH_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20}  # fmt: skip


class VerifyError(AnnotatorError):
    """The claim cannot be checked against this data (a missing year, a zero to divide by...)."""


@dataclass(frozen=True)
class Point:
    """One year of the series: its row number in the dataset, the value, the index."""

    year: int
    row: int
    value: float
    index: float | None = None
    index_row: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"year": self.year, "row": self.row, "value": self.value}
        if self.index is not None:
            out.update(index=self.index, index_row=self.index_row)
        return out


@dataclass(frozen=True)
class Verification:
    claimed: dict[str, Any]
    computed: dict[str, Any]
    agrees: bool | None
    reason: str | None
    steps: tuple[str, ...]
    points: tuple[Point, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {"claimed": self.claimed, "computed": self.computed, "agrees": self.agrees,
                "reason": self.reason, "steps": list(self.steps)}  # fmt: skip


def kind_of(q: Quantity) -> str:
    """'points', 'percent' or 'change' (a change) or 'level' (a value in a year)."""
    if q.unit == "pp":
        return "points"
    if q.direction is None and q.base_year is None and not (q.period and LENGTH.search(q.period)):
        return "level"
    return "percent" if q.unit == "%" else "change"


def period_of(
    q: Quantity, years: list[int], article_year: int | None, start: int | None, end: int | None
) -> tuple[int | None, int]:
    """(from, to) years: --from/--to, else the base year or "over three years" ending at
    the article's year, else the series' last year."""
    if not years:
        raise VerifyError("the series has no years with a number")
    to = end if end is not None else (article_year if article_year is not None else years[-1])
    if start is not None:
        return start, to
    if q.base_year is not None:
        return q.base_year, to
    length = LENGTH.search((q.period or "").lower())
    if length is not None:
        count = int(length.group(1)) if length.group(1).isdigit() else LENGTH_WORDS[length.group(1)]
        return to - count * (10 if length.group(2).startswith("decade") else 1), to
    return None, to


def _decimals(q: Quantity) -> int:
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", q.words or "")
    if digits is not None:
        return len(digits.group(1) or "")
    text = f"{q.value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def allowed(q: Quantity, value: float) -> tuple[float, float, str]:
    """The range of magnitudes the claim's words allow, and why, for a claimed value."""
    x = abs(value)
    qualifier = (q.qualifier or "").lower()
    if qualifier in NEARLY:
        return x - max(NEARLY_POINTS, NEARLY_SHARE * x), x, f"“{qualifier}” allows a little under"
    if qualifier in ABOUT:
        slack = max(ABOUT_POINTS, ABOUT_SHARE * x)
        return x - slack, x + slack, f"“{qualifier}” allows {fmt(slack)} either side"
    if qualifier in AT_LEAST:
        return x, float("inf"), f"“{qualifier}” allows anything from {fmt(x)}"
    if qualifier in AT_MOST:
        return 0.0, x, f"“{qualifier}” allows anything up to {fmt(x)}"
    if q.unit == "%" and FRACTION_WORDS.search((q.words or "").lower()):
        slack = FRACTION_SHARE * x
        return x - slack, x + slack, f"“{q.words}” allows {fmt(x - slack)} to {fmt(x + slack)}"
    half = 0.5 * 10 ** -_decimals(q)
    return x - half, x + half, f"{fmt(x)} as written allows its own rounding"


def _pct(change: float) -> str:
    return f"{'+' if change >= 0 else '−'}{fmt(abs(change))}%"


def check(
    q: Quantity,
    points: Mapping[int, Point],
    deflated: bool,
    article_year: int | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Verification:
    """Compute what the claim states from the series `points` (year -> Point) and compare."""
    years = sorted(points)
    kind = kind_of(q)
    claimed_basis = "real" if q.basis == "real" or (deflated and q.basis is None) else "cash"
    first, last = period_of(q, years, article_year, start, end)
    basis = "real" if deflated else "cash"
    claimed = {"value": q.value, "unit": q.unit, "direction": q.direction, "period": q.period,
               "base_year": q.base_year, "basis": claimed_basis, "qualifier": q.qualifier,
               "words": q.words, "from": first, "to": last}  # fmt: skip
    missing = [y for y in (first, last) if y is not None and y not in points]
    if missing:
        span = f"{years[0]} to {years[-1]}"
        raise VerifyError(f"no value for {missing[0]}: the series covers {span}")
    steps: list[str] = []
    computed: dict[str, Any] = {"from": first, "to": last, "basis": basis}
    if kind == "level" or first is None:
        if kind != "level":
            raise VerifyError("the claim is a change but names no base year or period: give --from")
        point = points[last]
        value = point.value / point.index * 100 if deflated and point.index else point.value
        steps.append(f"{last}: {fmt(point.value)}" + (
            f" / index {fmt(point.index or 0)} × 100 = {fmt(value)}, real" if deflated else f", {basis}"
        ))  # fmt: skip
        computed.update(value=round(value, 6), rows=[point.as_json()])
        return _finish(q, claimed, computed, value, claimed_basis, basis, steps, (point,))
    if first >= last:
        raise VerifyError(f"the period {first} to {last} is empty: the first year must come first")
    a, b = points[first], points[last]
    computed["rows"] = [a.as_json(), b.as_json()]
    va, vb = a.value, b.value
    if deflated:
        if not a.index or not b.index:
            raise VerifyError(f"the price index is zero in {first if not a.index else last}")
        rebased = va * b.index / a.index
        steps.append(
            f"{first}: {fmt(va)} (index {fmt(a.index)}); {last}: {fmt(vb)} (index {fmt(b.index)}); "
            f"{first} in {last} prices: {fmt(va)} × {fmt(b.index)} / {fmt(a.index)} = {fmt(rebased)}"
        )
        va = rebased
    if kind == "points":
        result = vb - va
        steps.append(f"{first}: {fmt(va)}; {last}: {fmt(vb)}; {fmt(vb)} − {fmt(va)} = "
                     f"{'+' if result >= 0 else '−'}{fmt(abs(result))} points, {basis}")  # fmt: skip
        computed["change_points"] = round(result, 6)
    elif kind == "change":
        result = vb - va
        steps.append(f"{first}: {fmt(va)}; {last}: {fmt(vb)}; {fmt(vb)} − {fmt(va)} = "
                     f"{'+' if result >= 0 else '−'}{fmt(abs(result))}, {basis}")  # fmt: skip
        computed["change"] = round(result, 6)
    else:
        if va == 0:
            raise VerifyError(f"the value in {first} is zero: a change from zero has no percentage")
        result = 100 * (vb / va - 1)
        prefix = "" if deflated else f"{first}: {fmt(va)}; {last}: {fmt(vb)}; "
        steps.append(f"{prefix}{fmt(vb)} / {fmt(va)} − 1 = {_pct(result)}, {basis}")
        computed["change_pct"] = round(result, 6)
        if result < 0 and 0 < -result < 100:
            need = restoring_rise(-result)
            steps.append(f"A {fmt(-result)}% fall needs a {fmt(need)}% rise to make it good.")
    return _finish(q, claimed, computed, result, claimed_basis, basis, steps, (a, b))


def _finish(
    q: Quantity,
    claimed: dict[str, Any],
    computed: dict[str, Any],
    result: float,
    claimed_basis: str,
    basis: str,
    steps: list[str],
    points: tuple[Point, ...],
) -> Verification:
    if claimed_basis != basis:
        reason = (f"the claim is in {claimed_basis} terms and the computation in {basis} terms"
                  + (": give --deflator" if claimed_basis == "real" else ": drop --deflator"))  # fmt: skip
        steps.append(f"Not compared: {reason}.")
        return Verification(claimed, computed, None, reason, tuple(steps), points)
    if q.direction is not None and result != 0 and (result > 0) != (q.direction == "rise"):
        way = "risen" if result > 0 else "fallen"
        reason = f"the claim says a {q.direction} but the series has {way}"
        steps.append(f"Disagrees: {reason}.")
        return Verification(claimed, computed, False, reason, tuple(steps), points)
    low, high, why = allowed(q, q.value)
    magnitude = abs(result) if q.direction is not None else result
    agrees = low <= magnitude <= high
    shown = fmt(magnitude)
    bound = f"{fmt(low)} to {fmt(high)}" if high != float("inf") else f"{fmt(low)} or more"
    verdict = "Agrees" if agrees else "Disagrees"
    steps.append(f"{verdict}: {shown} against {q.words or fmt(q.value)} ({why}: {bound}).")
    return Verification(claimed, computed, agrees, None, tuple(steps), points)
