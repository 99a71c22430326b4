"""Anchoring a merged annotation by its quote and context (pure functions on strings).

A Hypothesis or W3C position counts the whole web page (menus, headers), so
it is only a hint. The words must be found again in our canonical text:

1. every occurrence of the quote, white space and typography folded (browsers
   copy line breaks, indents and NBSP from the page source), each mapped back
   to exact code-point offsets of the canonical text;
2. among them, the one whose prefix and suffix agree wins; the position only
   breaks ties between occurrences whose context agrees equally;
3. when none agrees and the quote occurs more than once, there is no answer
   (the claim becomes an orphan to review): a guess that lands on the wrong
   "29%" is worse than no anchor;
4. a quote found nowhere is tried approximately (the re-anchoring of
   revisions, which demands agreeing context for short quotes): `fuzzy`.

A QuoteFinder serves one article: each quote's occurrences are found once,
however many claims quote it, and contexts are looked up in an index, so a
quote occurring 12,000 times costs no more per claim than one occurring twice.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from annotator.anchoring import reanchor
from annotator.anchoring.reanchor import EXACT, FUZZY, FoldedText, fold
from annotator.anchoring.selectors import trim_span

# The last (first) characters of the stored prefix (suffix) that, found exactly
# next to an occurrence, make its context agree whatever the rest says: the
# page's context runs into menus and bylines our text no longer has.
ADJACENT_CHARS = 12
# Otherwise a side of the context agrees when this similar (0..1) to the text there.
AGREEING_CONTEXT = 0.75
# Occurrences scored one by one when no context agrees exactly: beyond this
# the quote is too common to tell apart without exact context.
MAX_SCORED = 2000
# Stored context beyond this many characters says nothing more (and costs more).
MAX_CONTEXT_CHARS = 64
# Scores this close are a tie, broken by nearness to the stated position.
TIE = 1e-9


@dataclass(frozen=True)
class Located:
    start: int
    end: int
    kind: str = EXACT  # or FUZZY (approximately: the user should review it)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein  # loaded when a context must be scored

    return float(Levenshtein.normalized_similarity(a, b))


class QuoteFinder:
    """Finds quotes in one canonical text, remembering each quote's occurrences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded = FoldedText(text)
        self._starts: dict[str, list[int]] = {}  # folded quote -> folded starts
        # (folded quote, "before"/"after", length) -> adjacent context -> folded starts
        self._index: dict[tuple[str, str, int], dict[str, list[int]]] = {}
        # (folded quote, prefix, suffix) -> best-placed folded starts: claims alike share it
        self._best: dict[tuple[str, str, str], list[int]] = {}

    # -- the folded text ------------------------------------------------------------
    def _occurrences(self, folded_quote: str) -> list[int]:
        found = self._starts.get(folded_quote)
        if found is None:
            haystack = self._folded.text
            found = []
            at = haystack.find(folded_quote)
            while at >= 0:
                found.append(at)
                at = haystack.find(folded_quote, at + 1)
            self._starts[folded_quote] = found
        return found

    def _before(self, at: int, length: int) -> str:
        """The folded text just before at, the space at the junction left out."""
        haystack = self._folded.text
        if at > 0 and haystack[at - 1] == " ":
            at -= 1
        return haystack[max(0, at - length) : at]

    def _after(self, at: int, length: int) -> str:
        haystack = self._folded.text
        if at < len(haystack) and haystack[at] == " ":
            at += 1
        return haystack[at : at + length]

    def _adjacent(
        self, quote: str, side: str, context: str, starts: list[int], length: int
    ) -> list[int]:
        """Occurrences whose adjacent `length` characters of context equal the stored ones."""
        if not context:
            return []
        length = min(length, len(context))
        key = (quote, side, length)
        index = self._index.get(key)
        if index is None:
            index = {}
            for at in starts:
                near = (
                    self._before(at, length)
                    if side == "before"
                    else self._after(at + len(quote), length)
                )
                index.setdefault(near, []).append(at)
            self._index[key] = index
        wanted = context[-length:] if side == "before" else context[:length]
        return index.get(wanted, [])

    def _span(self, at: int, folded_quote: str) -> tuple[int, int]:
        """Exact code-point offsets in the canonical text of a folded occurrence."""
        original = self._folded.original
        start = original(at)
        end = original(at + len(folded_quote) - 1) + 1
        return trim_span(self.text, start, end) or (start, end)

    # -- choosing an occurrence -----------------------------------------------------------
    def locate(
        self, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None
    ) -> Located | None:
        """Where the quote is, by context first and position second; None: an orphan."""
        folded_quote = fold(quote).strip()
        if not folded_quote:
            return None
        before = fold(prefix).rstrip()[-MAX_CONTEXT_CHARS:]
        after = fold(suffix).lstrip()[:MAX_CONTEXT_CHARS]
        starts = self._occurrences(folded_quote)
        if not starts:
            return self._approximate(
                folded_quote, fold(prefix)[-MAX_CONTEXT_CHARS:], fold(suffix)[:MAX_CONTEXT_CHARS]
            )
        key = (folded_quote, before, after)
        best = self._best.get(key)
        if best is None:
            best = self._best[key] = self._best_placed(folded_quote, before, after, starts)
        if not best:
            if len(starts) == 1:  # the only place these words are: the quote is its evidence
                return Located(*self._span(starts[0], folded_quote))
            return None
        return self._nearest(best, folded_quote, hint)

    def _best_placed(
        self, folded_quote: str, before: str, after: str, starts: list[int]
    ) -> list[int]:
        """The occurrences whose context agrees best (ties all kept), in text order."""
        if not before and not after:
            return starts  # no context to agree or disagree: every occurrence ties
        near_before = self._adjacent(folded_quote, "before", before, starts, ADJACENT_CHARS)
        near_after = self._adjacent(folded_quote, "after", after, starts, ADJACENT_CHARS)
        if len(near_before) + len(near_after) > MAX_SCORED:
            # A common phrase around a common quote: the whole stored context tells them apart.
            whole_before = self._adjacent(folded_quote, "before", before, starts, len(before))
            whole_after = self._adjacent(folded_quote, "after", after, starts, len(after))
            if whole_before or whole_after:
                near_before, near_after = whole_before, whole_after
        prefixed, suffixed = set(near_before), set(near_after)
        # Agreeing on every side the file gives context for.
        both = prefixed & suffixed if before and after else prefixed | suffixed
        adjacent = both or prefixed | suffixed
        if len(adjacent) > MAX_SCORED:
            # Too many to score one by one: those agreeing exactly on both sides tie.
            return sorted(both) if both else []
        candidates = sorted(adjacent) if adjacent else starts
        if len(candidates) > MAX_SCORED:
            return []
        scored: list[tuple[float, int]] = []
        for at in candidates:
            p = _similarity(before, self._before(at, len(before))) if before else 0.0
            end = at + len(folded_quote)
            s = _similarity(after, self._after(end, len(after))) if after else 0.0
            if at in adjacent or max(p, s) >= AGREEING_CONTEXT:
                scored.append((p + s, at))
        if not scored:
            return []
        top = max(score for score, _ in scored)
        return [at for score, at in scored if score >= top - TIE]

    def _nearest(self, best: list[int], folded_quote: str, hint: int | None) -> Located | None:
        """The one occurrence, or the one nearest the hint; a tie without a hint is no answer."""
        if len(best) == 1:
            return Located(*self._span(best[0], folded_quote))
        if hint is None:
            return None
        original = self._folded.original
        i = bisect_left(best, hint, key=original)
        near = [at for at in best[max(0, i - 1) : i + 1]]
        near.sort(key=lambda at: abs(original(at) - hint))
        if len(near) > 1 and abs(original(near[0]) - hint) == abs(original(near[1]) - hint):
            return None
        return Located(*self._span(near[0], folded_quote))

    def _approximate(self, folded_quote: str, before: str, after: str) -> Located | None:
        """The re-anchoring's approximate stage, run on the folded text and mapped back."""
        haystack = self._folded.text
        # The page's position counts menus and headers: no hint for the approximate search.
        found = reanchor.locate(haystack, folded_quote, before, after, None)
        if found.kind != FUZZY or found.start is None or found.end is None:
            return None
        start, end = self._span(found.start, haystack[found.start : found.end])
        return Located(start, end, FUZZY)


def locate(
    text: str, quote: str, start: int | None, prefix: str = "", suffix: str = ""
) -> Located | None:
    """One quote in one text (a QuoteFinder for one claim)."""
    return QuoteFinder(text).locate(quote, prefix, suffix, start)
