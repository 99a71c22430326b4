"""What changed between two revisions of an article (pure functions on str).

Two levels, because difflib is quadratic in the worst case: first the texts
are cut into lines and sentences and those are matched (few, mostly unique,
so fast even for 1 MB); then each changed stretch, when small, is diffed word
by word so a typo fix shows as one word, not a whole paragraph. Offsets are
code points of each text, like every stored offset.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from difflib import SequenceMatcher

from annotator.models import DiffSpan

# Lines longer than this are cut at sentence ends, so a run-together scrape
# (one enormous line) still diffs sentence by sentence.
LONG_LINE_CHARS = 400
# A changed stretch is refined word by word only when both sides have at most
# this many tokens; beyond it the stretch stays one "replace" (and stays fast).
MAX_REFINE_TOKENS = 1500

_LINE = re.compile(r"[^\n]*\n+|[^\n]+$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# A word or a punctuation mark with the white space after it: fewer, rarer
# tokens than splitting white space off, so difflib stays quick.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")


def segments(text: str) -> list[str]:
    """Lines (with their trailing newlines), long ones cut after sentence ends."""
    pieces: list[str] = []
    for line in _LINE.findall(text):
        if len(line) <= LONG_LINE_CHARS:
            pieces.append(line)
            continue
        position = 0
        for match in _SENTENCE_END.finditer(line):
            pieces.append(line[position : match.end()])
            position = match.end()
        if position < len(line):
            pieces.append(line[position:])
    return pieces


def _offsets(pieces: list[str]) -> list[int]:
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    return starts


def _blocks(a: list[str], b: list[str], autojunk: bool) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, n) over two token lists, the final sentinel dropped.

    autojunk (difflib's: ignore items making up over 1% of a long list) bounds
    the time on pathological, repetitive texts; words are refined without it.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=autojunk)
    return [tuple(m) for m in matcher.get_matching_blocks() if m.size]  # type: ignore[misc]


def equal_runs(old: str, new: str) -> list[tuple[int, int, int]]:
    """(old_start, new_start, length) of every stretch the two texts share, in order."""
    if old == new:
        return [(0, 0, len(old))] if old else []
    # The common head and tail are found in linear time; most revisions
    # change a few places, so difflib only sees what lies between.
    head = _common_prefix(old, new)
    tail = _common_prefix(old[head:][::-1], new[head:][::-1])
    # Cut both back to line boundaries so the middle is whole lines, diffed as such.
    head = old.rfind("\n", 0, head) + 1
    tail_at = len(old) - tail
    if tail and tail_at > head and old[tail_at - 1] != "\n":
        line_end = old.find("\n", tail_at)
        tail = 0 if line_end < 0 else len(old) - (line_end + 1)
    old_mid, new_mid = old[head : len(old) - tail], new[head : len(new) - tail]
    a, b = segments(old_mid), segments(new_mid)
    a_at, b_at = _offsets(a), _offsets(b)
    runs: list[tuple[int, int, int]] = [(0, 0, head)] if head else []
    i = j = 0
    for bi, bj, n in [*_blocks(a, b, autojunk=True), (len(a), len(b), 0)]:
        # The stretch between the previous block and this one changed: refine it.
        runs.extend(
            _refine(old, new, head + a_at[i], head + a_at[bi], head + b_at[j], head + b_at[bj])
        )
        if n:
            runs.append((head + a_at[bi], head + b_at[bj], a_at[bi + n] - a_at[bi]))
        i, j = bi + n, bj + n
    if tail:
        runs.append((len(old) - tail, len(new) - tail, tail))
    return _merged(runs)


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start, by halving (str comparison runs in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _refine(
    old: str, new: str, old_start: int, old_end: int, new_start: int, new_end: int
) -> list[tuple[int, int, int]]:
    if old_start == old_end or new_start == new_end:
        return []
    a = _TOKEN.findall(old[old_start:old_end])
    b = _TOKEN.findall(new[new_start:new_end])
    if len(a) > MAX_REFINE_TOKENS or len(b) > MAX_REFINE_TOKENS:
        return []
    a_at, b_at = _offsets(a), _offsets(b)
    return [
        (old_start + a_at[i], new_start + b_at[j], a_at[i + n] - a_at[i])
        for i, j, n in _blocks(a, b, autojunk=False)
    ]


def _merged(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    merged: list[tuple[int, int, int]] = []
    for o, n, length in runs:
        if merged:
            po, pn, plen = merged[-1]
            if po + plen == o and pn + plen == n:
                merged[-1] = (po, pn, plen + length)
                continue
        merged.append((o, n, length))
    return merged


def diff(old: str, new: str) -> list[DiffSpan]:
    """The inserted, deleted and replaced spans between two texts, in reading order."""
    spans: list[DiffSpan] = []
    o = n = 0
    for run_o, run_n, length in [*equal_runs(old, new), (len(old), len(new), 0)]:
        if run_o > o or run_n > n:
            kind = "replace" if run_o > o and run_n > n else ("delete" if run_o > o else "insert")
            spans.append(DiffSpan(kind, o, run_o, n, run_n))
        o, n = run_o + length, run_n + length
    return spans


class PositionMap:
    """Where an offset of the old text most likely sits in the new text.

    Inside a shared stretch the answer is exact; inside a changed stretch it is
    the same distance into the new stretch (clipped), a hint the quote confirms.
    """

    def __init__(self, old: str, new: str) -> None:
        self._runs = equal_runs(old, new)
        self._old_starts = [r[0] for r in self._runs]
        self._new_len = len(new)

    def map(self, offset: int) -> int:
        index = bisect_right(self._old_starts, offset) - 1
        if index < 0:
            next_new = self._runs[0][1] if self._runs else self._new_len
            return min(offset, next_new)
        o, n, length = self._runs[index]
        if offset < o + length:
            return n + (offset - o)
        limit = self._runs[index + 1][1] if index + 1 < len(self._runs) else self._new_len
        return min(n + length + (offset - o - length), limit)

    def shared(self, start: int, end: int) -> bool:
        """True when old[start:end] lies inside one shared stretch (so it is unchanged)."""
        index = bisect_right(self._old_starts, start) - 1
        if index < 0:
            return False
        o, _, length = self._runs[index]
        return end <= o + length
