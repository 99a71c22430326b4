"""Finding a claim's words again in a new revision (pure: text in, span out).

The stored position is only a hint the quote must confirm, as in the
Hypothesis client. Stages, each tried only when the one before fails:

1. the hint: the quote sits exactly where the position map puts it, with its
   context around it;
2. the exact quote elsewhere, candidates ranked by prefix, suffix and nearness;
3. the same words typeset differently (curly vs straight quotes, dashes,
   spaces and line breaks): still `exact`, with the new characters as quote;
4. approximate: the best substring within a quarter of the quote's length in
   edits (rapidfuzz), near the hint or next to the old context: `fuzzy`,
   which the user is asked to review;
5. nothing good enough: `orphan`. Landing on the wrong words is worse than
   landing nowhere, so every stage demands agreeing context for short quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from annotator.anchoring.selectors import CONTEXT_CHARS, trim_span

EXACT, FUZZY, ORPHAN = "exact", "fuzzy", "orphan"

# Scoring weights: the words on either side travel with the quote when a
# paragraph moves, while the position shifts with every edit above it, so
# context outweighs nearness; nearness only breaks ties between repeats.
PREFIX_WEIGHT = 2.0
SUFFIX_WEIGHT = 2.0
POSITION_WEIGHT = 1.0
# Both sides of the context this similar (0..1) confirm the hinted place at once.
CONFIRMED_CONTEXT = 0.9
# A shorter quote ("pay", "29%") recurs by chance, so it is trusted only when
# its context agrees at least this much on average; a longer one is its own
# evidence.
SELF_EVIDENT_QUOTE_CHARS = 24
MIN_CONTEXT = 0.5
# At most this share of the quote's length in edits, for a fuzzy match.
MAX_EDIT_FRACTION = 0.25
# An approximate match needs agreeing context too (a similar sentence about
# another figure is not the claim), unless it is this close to the quote.
CLOSE_EDIT_FRACTION = 0.1
# Stop ranking after this many exact occurrences (a one-word quote in 1 MB).
MAX_CANDIDATES = 2000
# Fuzzy search looks this far around each hint, not through all of a long text;
# texts up to WHOLE_TEXT_CHARS are searched whole when the windows fail.
FUZZY_WINDOW_CHARS = 3000
WHOLE_TEXT_CHARS = 200_000
MAX_CONTEXT_HINTS = 5


@dataclass(frozen=True)
class Located:
    """Where a quote was found: kind is exact, fuzzy or orphan (start/end None)."""

    start: int | None
    end: int | None
    score: float
    kind: str


ORPHANED = Located(None, None, 0.0, ORPHAN)

# Typography that changes between revisions without changing the words;
# every white space character becomes a plain space (one for one, so only
# runs of spaces change the length and need mapping back).
_FOLD = {
    **{c: " " for c in range(0x3001) if chr(c).isspace()},
    **{ord(c): "'" for c in "‘’‚‛′`´"},
    **{ord(c): '"' for c in "“”„‟″«»"},
    **{ord(c): "-" for c in "‐‑‒–—―−"},
}
_SPACE_RUN = re.compile(r"  +")


class FoldedText:
    """A text with typography folded and white space runs collapsed to one space,
    remembering where each folded character came from."""

    def __init__(self, text: str) -> None:
        self._source = text
        self._text: str | None = None  # built on first use: most claims never need it
        self._folded_at: list[int] = [0]  # segment starts, folded offsets
        self._original_at: list[int] = [0]  # the same segment starts, original offsets

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._build()
        return self._text

    def _build(self) -> str:
        translated = self._source.translate(_FOLD)
        parts: list[str] = []
        position = folded = 0
        for match in _SPACE_RUN.finditer(translated):
            parts.append(translated[position : match.start()] + " ")
            folded += match.start() - position + 1
            position = match.end()
            self._folded_at.append(folded)
            self._original_at.append(position)
        parts.append(translated[position:])
        return "".join(parts)

    def original(self, offset: int) -> int:
        """The original offset of a folded one (text must have been read first)."""
        index = bisect_right(self._folded_at, offset) - 1
        return self._original_at[index] + (offset - self._folded_at[index])


def fold(text: str) -> str:
    return _SPACE_RUN.sub(" ", text.translate(_FOLD))


def _similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein  # loaded when an anchor must be matched

    return float(Levenshtein.normalized_similarity(a, b))


def context_scores(
    text: str, start: int, end: int, prefix: str, suffix: str
) -> tuple[float, float]:
    """How alike the text around [start, end) is to the stored prefix and suffix (0..1)."""
    before = (
        text[max(0, start - len(prefix)) : start] if prefix else text[max(0, start - 1) : start]
    )
    after = text[end : end + len(suffix)] if suffix else text[end : end + 1]
    # An empty stored context means the quote touched the text's edge; it
    # agrees only with an edge again.
    return _similarity(prefix, before), _similarity(suffix, after)


def _score(
    prefix_sim: float, suffix_sim: float, start: int, hint: int | None, length: int
) -> float:
    nearness = 0.5 if hint is None else 1.0 - min(1.0, abs(start - hint) / max(1, length))
    total = PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    return (
        PREFIX_WEIGHT * prefix_sim + SUFFIX_WEIGHT * suffix_sim + POSITION_WEIGHT * nearness
    ) / total


def _trusted(quote_len: int, prefix_sim: float, suffix_sim: float) -> bool:
    return quote_len >= SELF_EVIDENT_QUOTE_CHARS or (prefix_sim + suffix_sim) / 2 >= MIN_CONTEXT


def _best_exact(
    text: str, prefix: str, suffix: str, hint: int | None, spans: list[tuple[int, int]]
) -> tuple[float, int, int, float, float] | None:
    """(score, start, end, prefix similarity, suffix similarity) of the best-placed span."""
    best: tuple[float, int, int, float, float] | None = None
    for start, end in spans:
        p, s = context_scores(text, start, end, prefix, suffix)
        score = _score(p, s, start, hint, len(text))
        if best is None or score > best[0]:
            best = (score, start, end, p, s)
    return best


def _occurrences(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    position = haystack.find(needle)
    while position >= 0 and len(found) < MAX_CANDIDATES:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def locate(
    text: str,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
    folded: FoldedText | None = None,
) -> Located:
    """Find quote (marked with prefix/suffix around it, near hint) in text."""
    if not quote:
        return ORPHANED
    n = len(quote)
    # 1. Where the position map says, confirmed by the quote and its context.
    if hint is not None and text.startswith(quote, hint):
        p, s = context_scores(text, hint, hint + n, prefix, suffix)
        if min(p, s) >= CONFIRMED_CONTEXT:
            return Located(hint, hint + n, 1.0, EXACT)
    # 2. The exact quote anywhere, ranked.
    spans = [(i, i + n) for i in _occurrences(text, quote)]
    best = _best_exact(text, prefix, suffix, hint, spans)
    if best is not None and _trusted(n, best[3], best[4]):
        return Located(best[1], best[2], best[0], EXACT)
    # 3. The same words, typeset differently.
    folded = folded or FoldedText(text)
    folded_quote = fold(quote).strip()
    if folded_quote:
        spans = []
        for i in _occurrences(folded.text, folded_quote):
            start = folded.original(i)
            end = folded.original(i + len(folded_quote) - 1) + 1
            span = trim_span(text, start, end)
            if span is not None:
                spans.append(span)
        best = _best_exact(text, prefix, suffix, hint, spans)
        if best is not None and _trusted(n, best[3], best[4]):
            return Located(best[1], best[2], best[0], EXACT)
    # 4. Approximately, near the hint or beside the old context.
    found = _fuzzy(text, quote, prefix, suffix, hint)
    return found or ORPHANED


def _windows(
    text: str, quote: str, prefix: str, suffix: str, hint: int | None
) -> list[tuple[int, int]]:
    reach = max(FUZZY_WINDOW_CHARS, 4 * len(quote))
    centres: list[int] = [] if hint is None else [hint]
    # Reworded words between unchanged context: the context marks the place.
    if len(prefix) >= CONTEXT_CHARS // 2:
        centres += [i + len(prefix) for i in _occurrences(text, prefix)[:MAX_CONTEXT_HINTS]]
    if len(suffix) >= CONTEXT_CHARS // 2:
        centres += [max(0, i - len(quote)) for i in _occurrences(text, suffix)[:MAX_CONTEXT_HINTS]]
    windows = sorted({(max(0, c - reach), min(len(text), c + len(quote) + reach)) for c in centres})
    if len(text) <= WHOLE_TEXT_CHARS:
        windows.append((0, len(text)))
    return windows


def _fuzzy(text: str, quote: str, prefix: str, suffix: str, hint: int | None) -> Located | None:
    from rapidfuzz import fuzz  # rapidfuzz loads on the first fuzzy match, not at start-up
    from rapidfuzz.distance import Levenshtein

    n = len(quote)
    max_edits = int(n * MAX_EDIT_FRACTION)
    if max_edits == 0:
        return None  # a quote of three characters or fewer has no room for an edit
    cutoff = 100.0 * (1.0 - 2.0 * MAX_EDIT_FRACTION)
    best: Located | None = None
    seen: set[tuple[int, int]] = set()
    for low, high in _windows(text, quote, prefix, suffix, hint):
        alignment = fuzz.partial_ratio_alignment(quote, text[low:high], score_cutoff=cutoff)
        if alignment is None:
            continue
        span = _refine(text, quote, low + alignment.dest_start, low + alignment.dest_end, max_edits)
        if span is None or span in seen:
            continue
        seen.add(span)
        start, end = span
        edits = Levenshtein.distance(quote, text[start:end], score_cutoff=max_edits)
        if edits > max_edits:
            continue
        p, s = context_scores(text, start, end, prefix, suffix)
        close = n >= SELF_EVIDENT_QUOTE_CHARS and edits <= n * CLOSE_EDIT_FRACTION
        if not close and (p + s) / 2 < MIN_CONTEXT:
            continue
        score = (1.0 - edits / n) * _score(p, s, start, hint, len(text))
        if best is None or score > best.score:
            best = Located(start, end, score, FUZZY)
    return best


def _refine(text: str, quote: str, start: int, end: int, reach: int) -> tuple[int, int] | None:
    """Move each end of an approximate span to where the edit distance is least."""
    from rapidfuzz.distance import Levenshtein

    def cut_word(position: int) -> bool:
        return (
            0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum()
        )

    def cost(s: int, e: int) -> tuple[int, bool, int]:
        # Fewest edits; among equals, a span that does not cut a word in two,
        # then the length closest to the quote's.
        return (
            Levenshtein.distance(quote, text[s:e]),
            cut_word(s) or cut_word(e),
            abs((e - s) - len(quote)),
        )

    end = min(
        range(max(start + 1, end - reach), min(len(text), end + reach) + 1),
        key=lambda e: cost(start, e),
    )
    start = min(
        range(max(0, start - reach), min(end, start + reach + 1)), key=lambda s: cost(s, end)
    )
    return trim_span(text, start, end)
