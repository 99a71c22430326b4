"""Where sentences and clauses begin and end, for selecting them with one key.

A claim is usually a sentence or a clause of one; the reader selects the one
at the cursor and grows a selection by the next one. News text is the input:
"Dr.", "Mr." and "e.g." do not end a sentence, nor does the point in "2.5" or
"£1.2bn"; closing quotes and brackets after a full stop belong to the
sentence; a line break always ends one. Offsets are code points, spans are
[start, end) with the surrounding spaces left out.
"""

from __future__ import annotations

import itertools
import re

# A sentence ends at . ! ? … (runs of them), with any closing quotes or
# brackets, before white space or the end of the text; or at a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n")
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[–—-]\s|[()]")
_CLAUSE_TAIL = frozenset(",;:–—-( \t")
# Words after which a full stop is an abbreviation's, not a sentence's end.
_ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e"),
        *("approx", "fig", "cf", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep"),
        *("sept", "oct", "nov", "dec", "inc", "ltd", "co", "gov", "govt", "dept", "rt", "hon"),
    )
)
# How far either side of the cursor a sentence is looked for.
REACH = 4000
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial ("J. Smith")."""
    if text[dot] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if match is None:
        return False
    word = match.group(1).casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def _ends(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Offsets just after each boundary (the first character not in the ending)."""
    ends = []
    for match in pattern.finditer(text):
        sentence_stop = pattern is _SENTENCE_END and match.group() != "\n"
        if sentence_stop and _is_abbreviation(text, match.start()):
            continue
        ends.append(match.end())
    return ends


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unit_at(text: str, position: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    """The unit whose stretch holds `position`; the white space after a unit
    belongs to the next one, and an empty stretch (blank lines) gives the next."""
    position = max(0, min(position, len(text)))
    bounds = [0, *_ends(text, pattern), len(text)]
    spans = [_trim(text, a, b) for a, b in itertools.pairwise(bounds)]
    spans = [span for span in spans if span[0] < span[1]]
    if not spans:
        return position, position
    for span in spans:
        if position < span[1]:
            return span
    return spans[-1]


def _line_window(text: str, position: int) -> tuple[int, int]:
    """The line around `position`, at most REACH either side: a sentence never
    crosses a line break, and a megabyte is not scanned for one key press."""
    left = max(text.rfind("\n", 0, position) + 1, position - REACH, 0)
    right = text.find("\n", position)
    right = len(text) if right < 0 else right
    return left, min(right, position + REACH)


def sentence_at(text: str, position: int) -> tuple[int, int]:
    """The sentence holding `position` (in the gap after one: the next)."""
    position = max(0, min(position, len(text)))
    while position < len(text) and text[position].isspace():
        position += 1  # between paragraphs: the next sentence
    left, right = _line_window(text, position)
    start, end = _unit_at(text[left:right], position - left, _SENTENCE_END)
    return left + start, left + end


def clause_at(text: str, position: int) -> tuple[int, int]:
    """The clause holding `position`: a sentence cut at commas, semicolons, colons, dashes."""
    left, right = sentence_at(text, position)
    inner = text[left:right]
    start, end = _unit_at(inner, position - left, _CLAUSE_END)
    while end > start and inner[end - 1] in _CLAUSE_TAIL:
        end -= 1  # "since 2008," is claimed as "since 2008"
    return left + start, left + end


def extend(text: str, start: int, end: int, by: str) -> tuple[int, int]:
    """The span grown to the end of the next sentence or clause (by: "sentence"/"clause").

    The start moves back to the beginning of the unit it is in, so a
    selection made by hand mid-word becomes whole units.
    """
    unit_at = sentence_at if by == "sentence" else clause_at
    first = unit_at(text, start)
    new_start = min(start, first[0])
    if end < first[1]:
        return new_start, first[1]
    following = end
    while following < len(text) and (text[following].isspace() or text[following] in ",;:–—-()"):
        following += 1
    if following >= len(text):
        return new_start, end
    return new_start, max(end, unit_at(text, following)[1])
