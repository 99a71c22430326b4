"""Publication dates from whatever a page or front matter states, as ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

from dateutil import parser as date_parser

_ISO_SHAPED = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HAS_TIME = re.compile(r"\d:\d\d|\dT\d")
_HOUR = 3600
# Zone names pages write after a time, with their offsets. dateutil knows only
# UTC and the machine's own zone by name; any other name it drops with a
# warning on stderr (and the time becomes local time of nowhere). Names with
# two meanings (IST, CST in China) take the one English-language news means.
ZONES: dict[str, int] = {
    "UTC": 0,
    "UT": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "WEST": _HOUR,
    "BST": _HOUR,
    "IST": 5 * _HOUR + 1800,
    "CET": _HOUR,
    "CEST": 2 * _HOUR,
    "MEZ": _HOUR,
    "MESZ": 2 * _HOUR,
    "EET": 2 * _HOUR,
    "EEST": 3 * _HOUR,
    "MSK": 3 * _HOUR,
    "EST": -5 * _HOUR,
    "EDT": -4 * _HOUR,
    "CST": -6 * _HOUR,
    "CDT": -5 * _HOUR,
    "MST": -7 * _HOUR,
    "MDT": -6 * _HOUR,
    "PST": -8 * _HOUR,
    "PDT": -7 * _HOUR,
    "AKST": -9 * _HOUR,
    "AKDT": -8 * _HOUR,
    "HST": -10 * _HOUR,
    "JST": 9 * _HOUR,
    "KST": 9 * _HOUR,
    "HKT": 8 * _HOUR,
    "SGT": 8 * _HOUR,
    "AEST": 10 * _HOUR,
    "AEDT": 11 * _HOUR,
    "ACST": 9 * _HOUR + 1800,
    "AWST": 8 * _HOUR,
    "NZST": 12 * _HOUR,
    "NZDT": 13 * _HOUR,
}


def to_iso(value: Any) -> str | None:
    """An ISO 8601 date or date-time, or None when the value is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text or len(text) > 64:
        return None
    iso = _from_iso(text)
    if iso is not None:
        return iso or None
    # ISO-ordered text with more after it ("2025-07-09 06:30 BST") is year first.
    year_first = bool(_ISO_SHAPED.match(text))
    try:
        with warnings.catch_warnings():
            # an unknown zone name: the time is kept without an offset, silently
            warnings.simplefilter("ignore")
            parsed = date_parser.parse(
                text,
                dayfirst=not year_first,
                yearfirst=year_first,
                default=dt.datetime(1, 1, 1),
                tzinfos=_zone,
            )
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1800:
        return None
    # The time as the page states it, offset included: never converted, so a
    # story stamped 23:11 on 31 December stays a 31 December story.
    if _HAS_TIME.search(text):
        return parsed.isoformat()
    return parsed.date().isoformat()


def _zone(name: str | None, offset: int | None) -> int | None:
    """dateutil's tzinfos hook: an offset in seconds for a zone name (None: unknown)."""
    if name is None:
        return offset
    known = ZONES.get(name.upper())
    return known if known is not None else offset


def _from_iso(text: str) -> str | None:
    """ISO 8601 as written, before dateutil: with dayfirst it reads 2025-07-09 as 7 September.

    Returns the ISO text, "" for an ISO-shaped non-date, None when not ISO at all.
    """
    parsed: dt.date
    try:
        parsed = dt.date.fromisoformat(text)
    except ValueError:
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            if not _ISO_SHAPED.match(text):
                return None
            try:
                dt.date.fromisoformat(text[:10])
            except ValueError:
                return ""  # "2025-02-30" is ISO-shaped but no date; dateutil would make one up
            return None  # a real date with a time dateutil reads ("06:30 BST")
    return parsed.isoformat() if parsed.year >= 1800 else ""
