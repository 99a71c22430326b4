"""Anchoring a merged annotation by its quote (a pure function on strings).

The stated position is a hint the quote must confirm: exact at the position,
else the exact occurrence nearest to it (or, with no position, the one whose
context matches best), else nothing and the claim becomes an orphan.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_OCCURRENCES = 10_000  # of one quote considered when choosing the nearest


@dataclass(frozen=True)
class Located:
    start: int
    end: int


def locate(
    text: str, quote: str, start: int | None, prefix: str = "", suffix: str = ""
) -> Located | None:
    """Where the quote is: exact at start, else the occurrence nearest start (or best in context)."""
    if not quote:
        return None
    if start is not None and start >= 0 and text[start : start + len(quote)] == quote:
        return Located(start, start + len(quote))
    found: list[int] = []
    at = text.find(quote)
    while at >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(at)
        at = text.find(quote, at + 1)
    if not found:
        return None

    def score(i: int) -> tuple[int, int]:
        context = int(bool(prefix) and text[max(0, i - len(prefix)) : i] == prefix)
        context += int(
            bool(suffix) and text[i + len(quote) : i + len(quote) + len(suffix)] == suffix
        )
        distance = abs(i - start) if start is not None else 0
        return (-context, distance) if start is None else (distance, -context)

    best = min(found, key=score)
    return Located(best, best + len(quote))
