"""Column types of a table: which columns hold integers, floats or text, and the cells converted.

Split from reading the file (annotator/datasets/tabular.py): type detection is
the hot loop of a dataset import, judged a batch of rows at a time with one
regex pass over a column's joined cells where it can, on top of sqlite-utils'
ValueTracker rules made strict (no leading zeros, integers that fit SQLite).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlite_utils.utils import ValueTracker

_STRICT_INT = re.compile(r"^[+-]?\d+$")
_STRICT_FLOAT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_LEADING_ZERO = re.compile(r"^[+-]?0\d")
MAX_SQLITE_INT = 2**63 - 1
# test_integer and test_float as single patterns (white space around allowed,
# a leading zero never): what evaluate() runs on every cell.
_FAST_INT = re.compile(r"\s*(?![+-]?0\d)[+-]?\d+\s*")
# The same for a column's cells joined by line breaks (blank cells allowed;
# white space only as spaces and tabs; integers short enough to fit SQLite).
_LINE_SPACE = r"[ \t\r\f\v]*"
_INT_CELL = rf"(?:{_LINE_SPACE}(?![+-]?0\d)[+-]?\d{{1,18}}{_LINE_SPACE})?"
_FLOAT_CELL = (
    rf"(?:{_LINE_SPACE}(?![+-]?0\d)[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?{_LINE_SPACE})?"
)
_LEADING_ZERO_LINE = re.compile(r"(?:^|\n)0\d")
_INT_LINES = re.compile(rf"{_INT_CELL}(?:\n{_INT_CELL})*")
_FLOAT_LINES = re.compile(rf"{_FLOAT_CELL}(?:\n{_FLOAT_CELL})*")
# A cell a float column must look at closely: 19 digits in a row, or an exponent of 3.
_LONG_NUMBER = re.compile(r"\d{19}|[eE][+-]?\d{3}")
_FAST_FLOAT = re.compile(r"\s*(?![+-]?0\d)[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*")


class StrictValueTracker(ValueTracker):
    """sqlite-utils' type guesser with stricter tests: Python's int() and float()
    accept "1_000", "nan", "inf" and integers too big for SQLite, and a code with
    a leading zero ("007", an ONS area code) must stay text, not become 7."""

    def test_integer(self, value: object) -> bool:
        text = str(value).strip()
        return (
            bool(_STRICT_INT.match(text))
            and not _LEADING_ZERO.match(text)
            and len(text.lstrip("+-")) <= 19  # int() of 5,000 digits is refused by Python
            and abs(int(text)) <= MAX_SQLITE_INT
        )

    def test_float(self, value: object) -> bool:
        text = str(value).strip()
        return (
            bool(_STRICT_FLOAT.match(text))
            and not _LEADING_ZERO.match(text)
            and _kept_as_float(text)
        )

    def evaluate(self, value: object) -> None:
        """The same verdicts as the tests above, one regex per cell: an integer is
        also a float, so a cell that is an integer rules nothing out."""
        couldbe = self.couldbe
        if not value or not couldbe:
            return
        text = value if isinstance(value, str) else str(value)
        if "integer" in couldbe:
            if _FAST_INT.fullmatch(text) and (len(text) < 19 or self.test_integer(text)):
                return
            del couldbe["integer"]
        if "float" in couldbe and not (_FAST_FLOAT.fullmatch(text) and _kept_as_float(text)):
            del couldbe["float"]
        for name in [n for n in couldbe if n not in ("integer", "float")]:
            if not couldbe[name](value):
                del couldbe[name]

    def evaluate_column(self, values: list[str]) -> None:
        """evaluate() for a batch of one column's cells, mostly in one regex pass.

        The joined cells are matched line by line at C speed; only a batch
        that does not pass whole (a text cell, a long number, a cell holding
        a line break) is judged cell by cell, with the exact verdicts.
        """
        couldbe = self.couldbe
        if not couldbe or not values:
            return
        joined = "\n".join(values)
        if joined.count("\n") == len(values) - 1:
            if "integer" in couldbe and _plain_integers(joined, values):
                return
            if "integer" in couldbe and _INT_LINES.fullmatch(joined):
                return
            if (
                "float" in couldbe
                and not _LONG_NUMBER.search(joined)
                and _FLOAT_LINES.fullmatch(joined)
            ):
                # every cell is a number; one written with a point or an
                # exponent is no integer (the commonest float column's first batch)
                if "integer" in couldbe and ("." in joined or "e" in joined or "E" in joined):
                    del couldbe["integer"]
                if "integer" not in couldbe:
                    return
        for value in values:
            if value:
                self.evaluate(value)
                if not self.couldbe:
                    return


def _kept_as_float(text: str) -> bool:
    """A number a float column stores without losing it: not infinite (1e999, a
    400-digit number) and not an integer past SQLite's 64 bits, whose digits a
    float would round away; such a cell makes its column text, kept exactly."""
    text = text.strip()
    if len(text) < 19 and "e" not in text and "E" not in text:
        return True
    if _STRICT_INT.match(text):
        return False  # 19 digits or more: past 64 bits, or at the edge; exact only as text
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _plain_integers(joined: str, values: list[str]) -> bool:
    """Cells that are all unsigned ASCII integers without a leading zero, short
    enough for SQLite: the commonest numeric column, checked with str methods."""
    digits = joined.replace("\n", "")
    return (
        digits.isascii()
        and (digits.isdigit() or not digits)
        and max(map(len, values)) < 19
        and not _LEADING_ZERO_LINE.search(joined)
    )


def evaluate_batch(trackers: list[StrictValueTracker], rows: list[list[str]]) -> None:
    """Each column's tracker judges its cells of these rows."""
    for position, tracker in enumerate(trackers):
        if tracker.couldbe:
            tracker.evaluate_column([row[position] for row in rows])


def convert(value: str, kind: str) -> Any:
    """A cell as it is stored: blank is NULL, numbers as numbers (types were checked)."""
    return converter(kind)(value)


def _text(value: str) -> str | None:
    return value if value.strip() else None


def _integer(value: str) -> int | None:
    return int(value) if value.strip() else None


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def converter(kind: str) -> Callable[[str], Any]:
    """The function that stores a cell of a column of this type."""
    return {"integer": _integer, "float": _float}.get(kind, _text)


def typed_batches(
    rows: Iterable[list[str]], types: list[str], size: int
) -> Iterator[list[tuple[Any, ...]]]:
    """Rows as stored, (row number, *cells) in batches: each converted as `converter`
    does, a column at a time (int() and float() over a whole column where it has
    no blank cell)."""
    batch: list[list[str]] = []
    first = 1
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield _typed(batch, types, first)
            first += len(batch)
            batch = []
    if batch:
        yield _typed(batch, types, first)


def _typed(batch: list[list[str]], types: list[str], first: int) -> list[tuple[Any, ...]]:
    cells = zip(*batch, strict=True)
    columns = [_typed_column(column, kind) for column, kind in zip(cells, types, strict=True)]
    return list(zip(range(first, first + len(batch)), *columns, strict=True))


def _typed_column(cells: tuple[str, ...], kind: str) -> list[Any]:
    if kind in ("integer", "float"):
        number: Callable[[str], Any] = int if kind == "integer" else float
        try:
            return list(map(number, cells))
        except ValueError:  # a blank cell: NULL
            return list(map(converter(kind), cells))
    return [cell if cell.strip() else None for cell in cells]
