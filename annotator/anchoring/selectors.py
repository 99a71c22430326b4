"""Anchors: where a claim sits in its article's canonical text (pure functions).

A claim is anchored as W3C Web Annotation does: a TextPositionSelector
(start, end in code points) confirmed by a TextQuoteSelector (exact quote with
32 characters of context either side).
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 32


@dataclass(frozen=True)
class TextAnchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without white space at its edges; None when nothing but white space."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def anchor_at(text: str, start: int, end: int) -> TextAnchor:
    return TextAnchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> int | None:
    """Start of the N-th (from 1) exact occurrence of quote, or None."""
    if not quote or occurrence < 1:
        return None
    position = -1
    for _ in range(occurrence):
        position = text.find(quote, position + 1)
        if position < 0:
            return None
    return position
