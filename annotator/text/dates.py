"""Publication dates from whatever a page or front matter states, as ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateutil import parser as date_parser

_ISO_SHAPED = re.compile(r"^\d{4}-\d{2}-\d{2}")


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
    try:
        parsed = date_parser.parse(text, dayfirst=True, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1800:
        return None
    has_time = any(ch.isdigit() for ch in text.split("T", 1)[-1]) and ("T" in text or ":" in text)
    if has_time:
        return parsed.isoformat()
    return parsed.date().isoformat()


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
            # "2025-02-30" is ISO-shaped but no date; dateutil would make one up.
            return "" if _ISO_SHAPED.match(text) else None
    return parsed.isoformat() if parsed.year >= 1800 else ""
