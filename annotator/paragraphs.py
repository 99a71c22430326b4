"""Where the reader shows a paragraph break that the text itself lost.

A scrape often arrives as one line with its paragraphs glued ("over.Doctors
took"). The canonical text must never change, so the breaks are positions the
reader displays as blank lines; offsets stay those of the canonical text.
"""

from __future__ import annotations

import itertools
import re

# A line longer than this with no newline is treated as a run-together scrape.
RUN_TOGETHER_LINE_CHARS = 600
# In such a line, also break after a sentence once a paragraph grows this long.
SOFT_PARAGRAPH_CHARS = 700
# Never cut a paragraph shorter than this (a caption, "Dr.Sharma").
MIN_PARAGRAPH_CHARS = 40

# Sentence end glued to the next sentence: "over.Doctors", "said.\"The", "now?Why".
_GLUED = re.compile(r"(?<=[a-z0-9\)\]][.!?])(?=[A-Z\"“‘])|(?<=[.!?][\"”’])(?=[A-Z])")
# Sentence end followed by a space and a capital: a candidate soft break.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)][.!?]) (?=[A-Z\"“])")


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
    for m in _GLUED.finditer(line):
        if m.start() - (hard[-1] if hard else 0) >= MIN_PARAGRAPH_CHARS:
            hard.append(m.start())
    soft = [m.end() for m in _SENTENCE_END.finditer(line)]
    result: list[int] = []
    bounds = [0, *hard, len(line)]
    for left, right in itertools.pairwise(bounds):
        last = left
        for position in soft:
            if (
                left < position < right
                and position - last >= SOFT_PARAGRAPH_CHARS
                and right - position >= MIN_PARAGRAPH_CHARS
            ):
                result.append(position)
                last = position
        if right != len(line):
            result.append(right)
    return sorted(set(result))
