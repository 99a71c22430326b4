"""A PDF page's printed lines back into paragraphs.

A PDF knows lines, not paragraphs: text extraction gives one line per printed
line, so a sentence wrapped by the typesetter comes back cut in two, and a
claim spanning the cut could not be marked as it reads. The lines of one
paragraph are joined with a space here, and paragraphs are a blank line apart.

Where a paragraph ends is read, in order of trust, from:
  1. the page: a vertical gap wider than the page's usual line spacing, a
     change of font size (a heading), or a first line indented from the left
     margin, using the positions pypdf reports;
  2. the words: a line much shorter than the page's full lines ends its
     paragraph (or is a heading); a line starting with a bullet starts an item.
A word hyphenated across lines ("inter-" / "national") is joined without its
hyphen only when the next line starts in lower case; before a capital or a
digit ("Anglo-" / "Saxon", "COVID-" / "19") the hyphen is kept. Given a word
list (annotator.text.lexicon), a lower-case join keeps its hyphen when the
joined word is no word but both halves are ("long-" / "term" stays
"long-term"). Pure: text in, text out.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A gap between baselines this much wider than the usual one starts a paragraph.
GAP_FACTOR = 1.35
# Font sizes further apart than this (points) are different kinds of text.
SIZE_TOLERANCE = 0.6
# A line shorter than this share of the page's full lines ends its paragraph.
SHORT_LINE_SHARE = 0.72
# Which line length counts as "full": this quantile of the page's line lengths.
FULL_LINE_QUANTILE = 0.8
# Fewer lines than this on a page say nothing about its full line length.
MIN_LINES_FOR_LENGTHS = 3
# A first-line indent, in font sizes (ems) right of the left margin: more than
# the first, less than the second (further right is another column, or centred).
INDENT_EMS = (0.8, 6.0)
# Positions closer than this (points) are the same margin.
MARGIN_TOLERANCE = 2.0

PARAGRAPH = "\n\n"
LINE = "\n"
SOFT_HYPHEN = "\u00ad"
HYPHENS = ("-", "\u2010")  # hyphen-minus, hyphen (not dashes: "pay –" is punctuation)
_BULLET = re.compile(r"^(?:[•◦▪▫‣⁃●○■□–—\-*]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Line:
    """One printed line: its text, where it starts (x, baseline y) and font size when known."""

    text: str
    x: float | None = None
    y: float | None = None
    size: float | None = None


Piece = tuple[str, float | None, float | None, float | None]  # text, x, baseline y, font size


def lines_from_pieces(pieces: Sequence[Piece]) -> list[Line]:
    """Lines of text from pypdf's pieces, each line placed where its first piece was.

    A piece may end a line ("...\\n") or hold several; lines after the first
    inside one piece get no position (the words then decide for them). A
    line's size is the one most of its characters have: a word in another
    font (code, a footnote mark) does not make it a heading.
    """
    lines: list[Line] = []
    current: list[str] = []
    start: tuple[float | None, float | None] | None = None
    sizes: Counter[float | None] = Counter()

    def close() -> None:
        x, y = start or (None, None)
        size = sizes.most_common(1)[0][0] if sizes and x is not None else None
        lines.append(Line("".join(current), x, y, size))

    for text, x, y, size in pieces:
        for number, part in enumerate(text.split("\n")):
            if number > 0:
                close()
                current, start = [], None
                sizes.clear()
            if part.strip():
                if start is None:
                    # Only the piece's first line starts where the piece does.
                    start = (x, y) if number == 0 else (None, None)
                sizes[size] += len(part.strip())
            current.append(part)
    if "".join(current):
        close()
    return lines


WordTest = Callable[[str], bool]
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+")


def page_text(lines: Sequence[Line], is_word: WordTest | None = None) -> str:
    """The page as paragraphs a blank line apart; list items one per line.

    `is_word` tells a hyphenated compound from a word cut at the line end.
    """
    lines = [Line(line.text.strip(), line.x, line.y, line.size) for line in lines]
    spacing = _usual_spacing(lines)
    full = _full_length(lines)
    margin = _left_margin(lines)
    out: list[str] = []
    previous: Line | None = None
    gap_before = False  # an empty line since the previous one
    for line in lines:
        if not line.text:
            gap_before = previous is not None
            continue
        if previous is None:
            out.append(line.text)
        elif gap_before or (
            (_set_apart(previous, line, spacing) or _indented(previous, line, margin))
            and not _continues(previous, line)
        ):
            out += [PARAGRAPH, line.text]
        elif _BULLET.match(line.text):
            out += [LINE, line.text]
        elif _short_before(previous, line, full):
            out += [PARAGRAPH, line.text]
        else:
            out += _joined(out.pop(), line.text, is_word)
        previous, gap_before = line, False
    return "".join(out)


def _set_apart(line: Line, following: Line, spacing: float | None) -> bool:
    """Another font size, or a gap wider than the page's line spacing."""
    if (
        line.size is not None
        and following.size is not None
        and abs(line.size - following.size) > SIZE_TOLERANCE
    ):
        return True
    if spacing is None or line.y is None or following.y is None:
        return False
    return line.y - following.y > spacing * GAP_FACTOR


def _continues(line: Line, following: Line) -> bool:
    """A sentence running on: no sentence mark at the end, a lower-case word next,
    in the same type (a wider gap or an indent alone does not end it)."""
    if _ENDS_SENTENCE.search(line.text) or not following.text[:1].islower():
        return False
    if not line.text[-1:].isalpha() and line.text[-1:] not in ",":
        return False
    return (
        line.size is None
        or following.size is None
        or abs(line.size - following.size) <= SIZE_TOLERANCE
    )


def _short_before(line: Line, following: Line, full: int | None) -> bool:
    """A short line ends its paragraph (its last line) or stands alone (a heading),
    unless what follows plainly continues it (a lower-case word)."""
    if full is None or len(line.text) >= full * SHORT_LINE_SHARE:
        return False
    return bool(_ENDS_SENTENCE.search(line.text)) or not following.text[:1].islower()


def _indented(line: Line, following: Line, margin: float | None) -> bool:
    """A paragraph's first line indented under a line at the margin (not an item's
    hanging continuation, nor a jump to the next column)."""
    if margin is None or line.x is None or following.x is None or following.size is None:
        return False
    if abs(line.x - margin) > MARGIN_TOLERANCE or _BULLET.match(line.text):
        return False
    low, high = INDENT_EMS
    return margin + low * following.size < following.x < margin + high * following.size


def _joined(before: str, after: str, is_word: WordTest | None = None) -> list[str]:
    """Two lines of one paragraph: a space between, or a hyphenated word made whole."""
    if before.endswith(SOFT_HYPHEN):
        return [before[:-1], after]
    if before.endswith(HYPHENS) and len(before) > 1 and before[-2].isalnum():
        first = after[:1]
        if first.islower() and before[-2].isalpha():
            if is_word is not None and _compound(before[:-1], after, is_word):
                return [before, after]  # "long-" + "term"
            return [before[:-1], after]  # "inter-" + "national"
        if first.isalnum():
            return [before, after]  # "Anglo-" + "Saxon", "COVID-" + "19"
    return [before, " ", after]


def _compound(before: str, after: str, is_word: WordTest) -> bool:
    """Whether a hyphen at a line end belongs to the words: the joined word is
    none, and both halves are words ("long-term"; not "inter-national")."""
    stem = _LAST_WORD.search(before)
    tail = _FIRST_WORD.match(after)
    if stem is None or tail is None:
        return False
    joined = stem.group() + tail.group()
    return not is_word(joined) and is_word(stem.group()) and is_word(tail.group())


def _usual_spacing(lines: Sequence[Line]) -> float | None:
    """The page's usual distance between baselines of consecutive lines of the same size."""
    gaps = [
        a.y - b.y
        for a, b in itertools.pairwise(lines)
        if a.text
        and b.text
        and a.y is not None
        and b.y is not None
        and a.y > b.y
        and (a.size is None or b.size is None or abs(a.size - b.size) <= SIZE_TOLERANCE)
    ]
    return statistics.median(gaps) if gaps else None


def _full_length(lines: Sequence[Line]) -> int | None:
    lengths = sorted(len(line.text) for line in lines if line.text)
    if len(lengths) < MIN_LINES_FOR_LENGTHS:
        return None
    return lengths[min(len(lengths) - 1, int(len(lengths) * FULL_LINE_QUANTILE))]


def _left_margin(lines: Sequence[Line]) -> float | None:
    """Where most lines start: the text block's left edge."""
    starts = [round(line.x) for line in lines if line.text and line.x is not None]
    if len(starts) < MIN_LINES_FOR_LENGTHS:
        return None
    return float(statistics.mode(starts))
