"""Figures parsed out of a claim's statement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Quantity:
    """A figure in a claim: 26% fall since 2008 (RPI, real), with the words it came from.

    start/end are code points in the text that was parsed (a claim's statement);
    corrected means a checker edited it, so re-parsing the statement keeps it.
    """

    value: float
    unit: str | None
    direction: str | None = None  # "rise" | "fall" | None
    period: str | None = None
    base_year: int | None = None
    measure: str | None = None  # "RPI", "CPI", "CPIH", ...
    basis: str | None = None  # "cash" | "real" | None
    qualifier: str | None = None  # "nearly", "more than", "between", ...
    subject: str | None = None  # "resident doctors' pay"
    start: int = 0
    end: int = 0
    words: str = ""
    id: int | None = None
    claim_id: int | None = None
    corrected: bool = False

    def as_json(self) -> dict[str, Any]:
        value: float | int = self.value
        if float(value).is_integer() and abs(value) < 2**53:
            value = int(value)
        return {
            "value": value,
            "unit": self.unit,
            "direction": self.direction,
            "period": self.period,
            "base_year": self.base_year,
            "measure": self.measure,
            "basis": self.basis,
            "qualifier": self.qualifier,
            "subject": self.subject,
            "start": self.start,
            "end": self.end,
            "words": self.words,
        }
