"""Publication dates from whatever a page or front matter states, as ISO 8601."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateutil import parser as date_parser


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
    # ISO text first: dayfirst parsing would read "2024-07-05" as 7 May.
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    if text[:4].isdigit() and text[4:5] == "-":
        try:
            return dt.datetime.fromisoformat(text).isoformat()
        except ValueError:
            pass
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
