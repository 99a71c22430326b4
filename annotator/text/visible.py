"""The words a reader sees, with a map back to the canonical text.

Canonical text keeps every character an importer read: soft hyphens,
zero-width spaces and joiners, byte-order marks, accents written as a letter
plus a combining mark (u + U+0308) and typographic ligatures (ﬁ, ﬂ). None of
them shows as what it is, so a search for "geprüft" or a quote "misfits" typed
by a person would not match. `VisibleText` is a folded copy where invisible
characters are gone, combining sequences are composed (NFC) and ligatures
are spelt out, remembering for every folded character which canonical
characters it came from. Search and `mark --quote` match in the folded copy
and map the span back; the canonical text is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

# Characters with no visible form of their own: soft hyphen, Mongolian vowel
# separator, zero-width space/non-joiner/joiner, the direction marks, word
# joiner and invisible operators, byte-order mark (zero-width no-break space),
# combining grapheme joiner.
INVISIBLE = "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
_special: re.Pattern[str] | None = None
_combining: re.Pattern[str] | None = None
_triggers: frozenset[str] = frozenset()


def _char_class(codes: list[int]) -> str:
    """A regex character class for code points, as ranges."""
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(
            re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else "")
        )
        start = previous = code
    return "[" + "".join(parts) + "]"


def _special_pattern() -> re.Pattern[str]:
    """What folding changes: invisible runs, ligatures, characters NFC rewrites
    on their own (Å for Ångström, U+09DF), and a character with the combining
    marks after it. Built on first use from the Unicode database (50 ms).

    Every alternative starts with one character class, so the scan of a text
    with nothing to fold runs at C speed; a run of combining marks is widened
    to its base character by the caller.
    """
    global _special, _combining, _triggers
    if _special is None:
        combining = [c for c in range(0x300, 0x20000) if unicodedata.combining(chr(c))]
        singletons = [
            c
            for c in range(0xA0, 0x30000)
            if not unicodedata.combining(chr(c))
            and chr(c) not in _LIGATURES
            and unicodedata.normalize("NFC", chr(c)) != chr(c)
        ]
        _triggers = frozenset(
            [*INVISIBLE, *_LIGATURES, *map(chr, combining), *map(chr, singletons)]
        )
        _combining = re.compile(_char_class(combining))
        _special = re.compile(
            f"[{INVISIBLE}]+|[{''.join(_LIGATURES)}]|{_char_class(combining)}+"
            f"|{_char_class(singletons)}"
        )
    return _special


@lru_cache(maxsize=256)
def _pattern_for(present: frozenset[str]) -> re.Pattern[str]:
    """_special_pattern() cut down to the characters a text holds: a scan with a
    few-character class is ten times faster than one with two thousand."""
    assert _combining is not None
    kinds: dict[str, list[str]] = {"invisible": [], "ligature": [], "mark": [], "single": []}
    for ch in sorted(present):
        if ch in INVISIBLE:
            kinds["invisible"].append(ch)
        elif ch in _LIGATURES:
            kinds["ligature"].append(ch)
        elif _combining.match(ch):
            kinds["mark"].append(ch)
        else:
            kinds["single"].append(ch)
    alternatives = [
        f"[{re.escape(''.join(chars))}]" + ("+" if kind in ("invisible", "mark") else "")
        for kind, chars in kinds.items()
        if chars
    ]
    return re.compile("|".join(alternatives))


def _starts_with_mark(unit: str) -> bool:
    return _combining is not None and _combining.match(unit) is not None


_INVISIBLE_ONLY = re.compile(f"[{INVISIBLE}\\s]*")


def holds_visible_text(text: str) -> bool:
    """False for text of white space and invisible characters only."""
    return _INVISIBLE_ONLY.fullmatch(text) is None


def fold(text: str) -> str:
    """The visible form of a string (a query or a quote), without the map."""
    return VisibleText(text).text


def _replacement(unit: str) -> str:
    if unit[0] in INVISIBLE:
        return ""
    if unit in _LIGATURES:
        return _LIGATURES[unit]
    return unicodedata.normalize("NFC", unit)


class VisibleText:
    """The folded copy of one text and the map from its offsets to canonical ones.

    The map is a list of segments: a copied run maps one to one; a replaced
    unit (a ligature, a composed accent) maps each of its folded characters to
    the whole canonical unit. Text with nothing to fold costs one regex scan.
    """

    def __init__(self, canonical: str) -> None:
        self.canonical = canonical
        self._folded_at: list[int] = [0]
        self._canonical_at: list[int] = [0]
        self._unit_length: list[int] = [0]  # 0: a copied run
        parts: list[str] = []
        copied_from = 0
        folded = 0
        pattern = None
        if not canonical.isascii():
            _special_pattern()
            present = _triggers.intersection(canonical)  # a set scan in C
            if present:  # most texts have nothing to fold
                pattern = _pattern_for(frozenset(present))
        for match in pattern.finditer(canonical) if pattern is not None else ():
            start, end = match.span()
            if _starts_with_mark(match.group()):
                if start <= copied_from:
                    continue  # marks on a character already folded: nothing to compose
                start -= 1  # the base character the marks sit on
            unit = canonical[start:end]
            replacement = _replacement(unit)
            if replacement == unit:
                continue  # an accent NFC cannot compose: nothing to fold
            parts.append(canonical[copied_from:start])
            folded += start - copied_from
            if replacement:
                self._segment(folded, start, end - start)
                parts.append(replacement)
                folded += len(replacement)
            self._segment(folded, end, 0)
            copied_from = end
        if copied_from == 0:
            self.text = canonical
        else:
            parts.append(canonical[copied_from:])
            self.text = "".join(parts)

    def _segment(self, folded: int, canonical: int, unit: int) -> None:
        if self._folded_at[-1] == folded and self._unit_length[-1] == 0:
            # an empty copied run (two folds back to back): replace it
            self._folded_at.pop()
            self._canonical_at.pop()
            self._unit_length.pop()
        self._folded_at.append(folded)
        self._canonical_at.append(canonical)
        self._unit_length.append(unit)

    @property
    def changed(self) -> bool:
        return self.text is not self.canonical

    def _locate(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._folded_at, offset) - 1
        unit = self._unit_length[index]
        if unit:
            start = self._canonical_at[index]
            return start, start + unit
        start = self._canonical_at[index] + offset - self._folded_at[index]
        return start, start + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The canonical span [start, end) of the folded span [start, end)."""
        if not self.changed:
            return start, end
        if end <= start:
            at = self._locate(start)[0] if start < len(self.text) else len(self.canonical)
            return at, at
        return self._locate(start)[0], self._locate(end - 1)[1]

    def find_all(self, needle: str, limit: int | None = None) -> list[tuple[int, int]]:
        """Canonical spans of every visible occurrence of needle (itself folded)."""
        folded = fold(needle)
        if not folded:
            return []
        spans: list[tuple[int, int]] = []
        at = self.text.find(folded)
        while at >= 0 and (limit is None or len(spans) < limit):
            spans.append(self.span(at, at + len(folded)))
            at = self.text.find(folded, at + 1)
        return spans


def find_visible(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The canonical span of the N-th (from 1) occurrence of quote as it reads."""
    if occurrence < 1:
        return None
    spans = VisibleText(text).find_all(quote, limit=occurrence)
    return spans[occurrence - 1] if len(spans) >= occurrence else None
