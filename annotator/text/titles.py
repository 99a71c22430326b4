"""Titles for text that states none: its first line, or its first sentence when long."""

from __future__ import annotations

import re

MAX_TITLE_CHARS = 200
# A run-together scrape has its headline glued to the date and byline
# ("...what comes next?30 July 2025ShareSave..."): the headline ends at the
# first sentence mark within this many characters.
_HEADLINE_END = re.compile(r"[?!.](?=\S|\s)")


def title_from_text(text: str) -> str:
    """The first non-blank line; for an overlong line, its first sentence."""
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) <= MAX_TITLE_CHARS:
            return stripped
        match = _HEADLINE_END.search(stripped, 10, MAX_TITLE_CHARS)
        if match:
            return stripped[: match.end()]
        return stripped[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return ""
