"""Claims painted into the reader's text, fast enough for 10,000 in a megabyte.

A QSyntaxHighlighter asks for formats one block (paragraph) at a time, so the
claims are bucketed by fixed-size chunks of the canonical text: a block finds
the claims it touches with one dictionary lookup per chunk instead of a scan.
Overlapping claims are blended (each layer tints what lies under it), and a
claim nested in another is also underlined in its own colour, so it never
disappears inside a claim of the same colour. An edit repaints only the blocks
the old and the new span touch.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from ui.offsets import TextMap

# (id, start, end, side_id, stance_id, verdict_id): what project.claims.spans() returns.
Span = tuple[int, int, int, int | None, int | None, int | None]

# Code points per bucket: a paragraph usually falls in one or two buckets.
CHUNK = 2048
MODES = ("stance", "side", "verdict")
_MODE_FIELD = {"side": 3, "stance": 4, "verdict": 5}
# Untagged claims: a light grey (with a dotted underline) that clashes with no palette.
NEUTRAL_COLOUR = "#b4bac0"
UNTAGGED_LINE = "#4a4f55"
# How strongly one layer tints the text under it; the current claim stands out.
LAYER_ALPHA = 0.42
CURRENT_ALPHA = 0.8
BASE_COLOUR = "#ffffff"


@dataclass(frozen=True)
class Palette:
    """What colour a claim is painted: by which tag, and each tag value's colour."""

    mode: str = "stance"
    colours: dict[int, str] = field(default_factory=dict)  # codebook id -> "#rrggbb"

    def colour_of(self, span: Span) -> str:
        value = span[_MODE_FIELD[self.mode]]
        if value is None:
            return NEUTRAL_COLOUR
        return self.colours.get(value, NEUTRAL_COLOUR)


# (id, display start, display end, colour): a claim as the painter needs it.
Item = tuple[int, int, int, str]


class SpanIndex:
    """Claims of one article by display position (UTF-16 units of the shown text).

    Positions are converted once, when a claim enters the index, so painting
    a block needs no conversion at all: the block's own position is enough.
    """

    def __init__(self, text_map: TextMap | None = None, palette: Palette | None = None) -> None:
        self._map = text_map or TextMap("")
        self._palette = palette or Palette()
        self._spans: dict[int, Span] = {}
        self._items: dict[int, Item] = {}
        self._chunks: dict[int, list[Item]] = {}

    def __len__(self) -> int:
        return len(self._spans)

    def get(self, claim_id: int) -> Span | None:
        return self._spans.get(claim_id)

    def item(self, claim_id: int) -> Item | None:
        return self._items.get(claim_id)

    def spans(self) -> list[Span]:
        return list(self._spans.values())

    @staticmethod
    def _chunk_range(item: Item) -> range:
        return range(item[1] // CHUNK, (max(item[2], item[1] + 1) - 1) // CHUNK + 1)

    def add(self, span: Span) -> Item:
        self.remove(span[0])
        start, end = self._map.span_to_display(span[1], span[2])
        item = (span[0], start, end, self._palette.colour_of(span))
        self._spans[span[0]] = span
        self._items[span[0]] = item
        for chunk in self._chunk_range(item):
            self._chunks.setdefault(chunk, []).append(item)
        return item

    def remove(self, claim_id: int) -> Item | None:
        self._spans.pop(claim_id, None)
        item = self._items.pop(claim_id, None)
        if item is not None:
            for chunk in self._chunk_range(item):
                self._chunks[chunk] = [i for i in self._chunks[chunk] if i[0] != claim_id]
        return item

    def overlapping(self, start: int, end: int) -> list[Item]:
        """Claims sharing at least one display unit with [start, end)."""
        first, last = start // CHUNK, (max(end, start + 1) - 1) // CHUNK
        if first == last:
            return [i for i in self._chunks.get(first, ()) if i[1] < end and i[2] > start]
        found: dict[int, Item] = {}
        for chunk in range(first, last + 1):
            for i in self._chunks.get(chunk, ()):
                if i[1] < end and i[2] > start:
                    found[i[0]] = i
        return list(found.values())

    def at(self, position: int) -> list[Item]:
        """Claims covering the display unit at `position`, innermost (shortest) first."""
        hits = [i for i in self._chunks.get(position // CHUNK, ()) if i[1] <= position < i[2]]
        return sorted(hits, key=lambda i: (i[2] - i[1], i[0]))


def _blend(colours: Iterable[tuple[str, float]]) -> QColor:
    red, green, blue = QColor(BASE_COLOUR).getRgb()[:3]
    for name, alpha in colours:
        c = QColor(name)
        red = round(red * (1 - alpha) + c.red() * alpha)
        green = round(green * (1 - alpha) + c.green() * alpha)
        blue = round(blue * (1 - alpha) + c.blue() * alpha)
    return QColor(red, green, blue)


class ClaimHighlighter(QSyntaxHighlighter):
    """Paints one reader's claims; the reader owns it, a controller feeds it spans."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._document = document
        self._map = TextMap("")
        self._index = SpanIndex()
        self.palette = Palette()
        self.current: int | None = None
        self._formats: dict[tuple[tuple[str, ...], int], QTextCharFormat] = {}

    # -- feeding -------------------------------------------------------------
    @property
    def index(self) -> SpanIndex:
        return self._index

    def detach(self) -> None:
        """Forget the claims and stop painting (before the text is replaced)."""
        self._index = SpanIndex()
        if self.document() is not None:
            self.setDocument(None)  # type: ignore[arg-type]

    def show_spans(self, text_map: TextMap, spans: Iterable[Span]) -> None:
        """Paint these claims over the text the map describes, all blocks at once."""
        self._map = text_map
        self._reindex(spans)
        if self.document() is None:
            self.setDocument(self._document)
        self.rehighlight()

    def _reindex(self, spans: Iterable[Span]) -> None:
        index = SpanIndex(self._map, self.palette)
        for span in spans:
            index.add(span)
        self._index = index

    def set_palette(self, palette: Palette) -> None:
        if palette != self.palette:
            self.palette = palette
            self._formats.clear()
            self._reindex(self._index.spans())
            if len(self._index) and self.document() is not None:
                self.rehighlight()

    def update_span(self, claim_id: int, span: Span | None) -> None:
        """One claim added, moved, retagged (span) or removed (None): repaint its blocks."""
        old = self._index.remove(claim_id)
        new = self._index.add(span) if span is not None else None
        for item in (old, new):
            if item is not None:
                self._repaint(item[1], item[2])

    def set_current(self, claim_id: int | None) -> None:
        previous, self.current = self.current, claim_id
        for cid in (previous, claim_id):
            item = self._index.item(cid) if cid is not None else None
            if item is not None:
                self._repaint(item[1], item[2])

    def _repaint(self, start: int, end: int) -> None:
        """Rehighlight the blocks between two display positions."""
        if self.document() is None:
            return
        block = self._document.findBlock(start)
        last = self._document.findBlock(max(start, end - 1))
        while block.isValid():
            self.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    # -- painting ------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:
        if not len(self._index):
            return
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1
        items = self._index.overlapping(start, end)
        if not items:
            return
        items.sort(key=lambda i: (i[1], -i[2], i[0]))  # outer claims first
        if all(items[n][1] >= items[n - 1][2] for n in range(1, len(items))):
            # The usual case: claims side by side, none inside another.
            for item in items:
                a, b = max(item[1], start), min(item[2], end)
                self.setFormat(a - start, b - a, self._format_for((item,)))
            return
        points = sorted(
            {start, end, *(max(i[1], start) for i in items), *(min(i[2], end) for i in items)}
        )
        for left, right in itertools.pairwise(points):
            covering = tuple(i for i in items if i[1] <= left and i[2] >= right)
            if covering:
                self.setFormat(left - start, right - left, self._format_for(covering))

    def _format_for(self, covering: tuple[Item, ...]) -> QTextCharFormat:
        colours = tuple(i[3] for i in covering)
        current = -1
        if self.current is not None:
            current = next((n for n, i in enumerate(covering) if i[0] == self.current), -1)
        key = (colours, current)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(
                _blend(
                    (c, CURRENT_ALPHA if n == current else LAYER_ALPHA)
                    for n, c in enumerate(colours)
                )
            )
            if len(colours) > 1:
                # The inner claim's own colour, so nesting shows even in one colour.
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colours[-1]).darker(160))
            elif colours[0] == NEUTRAL_COLOUR:
                # Untagged: a dotted line says "to do" without relying on colour alone.
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(UNTAGGED_LINE))
            self._formats[key] = fmt
        return fmt
