"""Where the reader shows a paragraph break that the text itself lost.

A scrape often arrives as one line with its paragraphs glued ("over.Doctors
took"). The canonical text must never change, so the breaks are positions the
reader displays as blank lines; offsets stay those of the canonical text.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right

# A line longer than this with no newline is treated as a run-together scrape.
RUN_TOGETHER_LINE_CHARS = 600
# In such a line, also break after a sentence once a paragraph grows this long.
SOFT_PARAGRAPH_CHARS = 700
# Never cut a paragraph shorter than this (a caption, "Dr.Sharma").
MIN_PARAGRAPH_CHARS = 40

# Each pattern begins with the sentence-ending mark it consumes, so the regex
# engine skips ahead to the next . ! or ? instead of trying a look-behind at
# every one of a megabyte's positions (ten times faster on a 1 MB scrape).
# Sentence end glued to the next sentence: "over.Doctors", "now?Why" (the break
# is the match's end) and, in a second pass, after a closing quote: "said.\"The".
_GLUED_AFTER_MARK = re.compile(r"[.!?](?<=[a-z0-9\)\]][.!?])(?=[A-Z\"“‘])")
_GLUED_AFTER_QUOTE = re.compile(r"[.!?][\"”’](?=[A-Z])")
# Sentence end followed by a space and a capital: a candidate soft break.
_SENTENCE_END = re.compile(r"[.!?](?<=[a-z0-9\)][.!?]) (?=[A-Z\"“])")


def display_breaks(text: str) -> list[int]:
    """Code-point positions before which the reader inserts a paragraph break."""
    breaks: list[int] = []
    line_start = 0
    for line in text.split("\n"):
        if len(line) > RUN_TOGETHER_LINE_CHARS:
            breaks.extend(line_start + p for p in _breaks_in_line(line))
        line_start += len(line) + 1
    return breaks


def _breaks_in_line(line: str) -> list[int]:
    """Glued sentence ends first (they are lost paragraph breaks), then soft
    breaks at sentence ends where a paragraph would still run too long."""
    hard: list[int] = []
    # Two passes, because a quote-glued end can overlap a mark-glued one ('a."B').
    glued = sorted(
        {m.end() for m in _GLUED_AFTER_MARK.finditer(line)}
        | {m.end() for m in _GLUED_AFTER_QUOTE.finditer(line)}
    )
    for position in glued:
        if position - (hard[-1] if hard else 0) >= MIN_PARAGRAPH_CHARS:
            hard.append(position)
    soft = [m.end() for m in _SENTENCE_END.finditer(line)]
    result: list[int] = []
    bounds = [0, *hard, len(line)]
    for left, right in itertools.pairwise(bounds):
        last = left
        # Only the soft candidates inside this paragraph: a scrape glued every
        # few hundred characters has thousands of both, and pairs add up.
        for position in soft[bisect_right(soft, left) : bisect_left(soft, right)]:
            if position - last >= SOFT_PARAGRAPH_CHARS and right - position >= MIN_PARAGRAPH_CHARS:
                result.append(position)
                last = position
        if right != len(line):
            result.append(right)
    return sorted(set(result))
