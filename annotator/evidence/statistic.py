"""A statistic as a checker writes it down, taken apart into its fields (pure).

"resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA" becomes
measure, period, value, unit and source, so exports and comparisons can use
the figure; whatever does not fit the pattern stays in the measure, nothing
is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOURCE = re.compile(r",?\s*\bsource\s*[:\-]?\s+", re.IGNORECASE)
_FIGURE = re.compile(
    r"^(?P<value>[+\-−–]?\s*[£$€¥]?\s*\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^,;]*?)\s*(?:[,;]\s*(?P<rest>.*))?$"
)
_PERIOD = re.compile(
    r"(?:\b(?:in|from|since|between)\s+)?\b(?:1[89]|20)\d\d(?:[/\-]\d\d)?"
    r"(?:\s*(?:to|-|–|—|and)\s*(?:1[89]|20)\d\d(?:[/\-]\d\d)?)?\b"
)


@dataclass(frozen=True)
class StatisticParts:
    measure: str
    value: str = ""
    unit: str = ""
    period: str = ""
    source: str = ""


def parse_statistic(text: str) -> StatisticParts:
    text = " ".join(text.split())
    head, source = text, ""
    split = _SOURCE.split(text, maxsplit=1)
    if len(split) == 2:
        head, source = split[0].strip(), split[1].strip()
    measure, value, unit = head, "", ""
    if ":" in head:
        before, after = head.rsplit(":", 1)
        figure = _FIGURE.match(after.strip())
        if figure:
            measure = before.strip()
            value = figure["value"].replace(" ", "")
            unit = figure["unit"].strip()
            if figure["rest"] and not source:
                source = figure["rest"].strip()
    period = ""
    found = list(_PERIOD.finditer(measure))
    if found and value:
        last = found[-1]
        period = re.sub(r"^(?:in|from|since|between)\s+", "", last.group(0).strip())
        measure = (measure[: last.start()] + measure[last.end() :]).strip(" ,;")
        measure = re.sub(r"\s*,\s*,", ",", measure)
    return StatisticParts(
        measure=measure or head, value=value, unit=unit, period=period, source=source
    )
