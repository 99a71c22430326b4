"""Claims painted into the reader's text, fast enough for 10,000 in a megabyte.

Claims are indexed by start in code points (sorted starts + bisect over the
running maximum of their ends); a painted block converts its own range once
and each claim it meets to display units (UTF-16, with the reader's inserted
paragraph breaks) once, through ui/reader/offsets.py.

Painting is lazy: only the blocks on screen are highlighted, and blocks are
highlighted as they scroll into view. QSyntaxHighlighter.rehighlight() would
walk all 4,000 paragraphs of a megabyte in Python before the first paint;
walking the twenty on screen keeps opening a heavily marked article close to
opening the bare text. An edit repaints only the blocks its spans touch, and
edits made together (`batched()`: a new claim, then made current) repaint a
block they share once.

Overlapping claims are blended (each layer tints what lies under it); a claim
nested in another is also underlined in its own colour, so it never vanishes
inside a claim of the same colour. Untagged claims get a dotted underline.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from ui.reader.offsets import TextMap

# (id, start, end, side_id, stance_id, verdict_id): what project.claims.spans() returns.
Span = tuple[int, int, int, int | None, int | None, int | None]
# (id, display start, display end, colour): a claim as the painter needs it.
Item = tuple[int, int, int, str]
# The block numbers on screen, first and last, as the view reports them.
VisibleBlocks = Callable[[], tuple[int, int]]

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


class SpanIndex:
    """Claims of one article, found by position.

    Kept as the brief's "sorted starts + bisect": spans sorted by start, and
    the running maximum of their ends, so the claims touching [a, b) are the
    slice from the first whose running maximum end passes a to the last that
    starts before b. Building it is two list passes (no Python loop per
    claim), so 10,000 claims index in a few milliseconds; display positions
    and colours are worked out only for claims a painted block meets.
    """

    def __init__(
        self,
        text_map: TextMap | None = None,
        palette: Palette | None = None,
        spans: Iterable[Span] = (),
    ) -> None:
        self._map = text_map or TextMap("")
        self._palette = palette or Palette()
        self._spans: list[Span] = sorted(spans, key=itemgetter(1))
        self._starts = [s[1] for s in self._spans]
        self._by_id = {s[0]: s for s in self._spans}
        self._items: dict[int, Item] = {}
        self._reach()

    def _reach(self) -> None:
        self._max_ends = list(itertools.accumulate(map(itemgetter(2), self._spans), max))

    def _reach_after_insert(self, position: int) -> None:
        """Running maximum after one span went in at position (no pass over 10,000 claims).

        Later maxima change only while they are below the new end; they never
        decrease, so the walk stops at the first one that already passes it.
        """
        ends = self._max_ends
        end = self._spans[position][2]
        before = ends[position - 1] if position else end
        ends.insert(position, max(before, end))
        for i in range(position + 1, len(ends)):
            if ends[i] >= end:
                break
            ends[i] = end

    def _reach_after_delete(self, position: int) -> None:
        """Running maximum after the span at position left: recompute until it agrees again."""
        ends = self._max_ends
        del ends[position]
        running = ends[position - 1] if position else None
        for i in range(position, len(ends)):
            span_end = self._spans[i][2]
            value = span_end if running is None else max(running, span_end)
            if ends[i] == value:
                break
            ends[i] = running = value

    def __len__(self) -> int:
        return len(self._spans)

    def get(self, claim_id: int) -> Span | None:
        return self._by_id.get(claim_id)

    def item(self, claim_id: int) -> Item | None:
        """The claim in display units with its colour (worked out once, when first needed)."""
        item = self._items.get(claim_id)
        if item is None:
            span = self._by_id.get(claim_id)
            if span is None:
                return None
            start, end = self._map.span_to_display(span[1], span[2])
            item = self._items[claim_id] = (claim_id, start, end, self._palette.colour_of(span))
        return item

    def spans(self) -> list[Span]:
        return list(self._spans)

    def add(self, span: Span) -> Item:
        self.remove(span[0])
        position = bisect_right(self._starts, span[1])
        self._spans.insert(position, span)
        self._starts.insert(position, span[1])
        self._by_id[span[0]] = span
        self._reach_after_insert(position)
        item = self.item(span[0])
        assert item is not None
        return item

    def remove(self, claim_id: int) -> Item | None:
        span = self._by_id.get(claim_id)
        if span is None:
            return None
        item = self.item(claim_id)
        position = bisect_left(self._starts, span[1])
        while self._spans[position][0] != claim_id:
            position += 1
        del self._spans[position], self._starts[position]
        del self._by_id[claim_id]
        self._items.pop(claim_id, None)
        self._reach_after_delete(position)
        return item

    def _near(self, start: int, end: int) -> list[Span]:
        """Claims sharing a code point with [start, end)."""
        first = bisect_right(self._max_ends, start)
        last = bisect_left(self._starts, end)
        return [s for s in self._spans[first:last] if s[2] > start]

    def overlapping(self, start: int, end: int) -> list[Item]:
        """Claims sharing at least one display unit with [start, end)."""
        from_display = self._map.from_display
        # One code point of slack either side; the display test below is exact.
        near = self._near(from_display(start) - 1, from_display(end) + 1)
        items = (self.item(s[0]) for s in near)
        return [i for i in items if i is not None and i[1] < end and i[2] > start]

    def at(self, position: int) -> list[Item]:
        """Claims covering the display unit at `position`, innermost (shortest) first."""
        hits = [i for i in self.overlapping(position, position + 1) if i[1] <= position < i[2]]
        return sorted(hits, key=lambda i: (i[2] - i[1], i[0]))


def _blend(colours: Iterable[tuple[str, float]]) -> QColor:
    base = QColor(BASE_COLOUR)
    red, green, blue = base.red(), base.green(), base.blue()
    for name, alpha in colours:
        c = QColor(name)
        red = round(red * (1 - alpha) + c.red() * alpha)
        green = round(green * (1 - alpha) + c.green() * alpha)
        blue = round(blue * (1 - alpha) + c.blue() * alpha)
    return QColor(red, green, blue)


class ClaimHighlighter(QSyntaxHighlighter):
    """Paints one reader's claims; the reader owns it, a controller feeds it spans."""

    def __init__(self, document: QTextDocument, visible: VisibleBlocks | None = None) -> None:
        super().__init__(document)
        self._document = document
        self._visible = visible
        self._map = TextMap("")
        self._index = SpanIndex()
        self._painted: set[int] = set()  # block numbers highlighted with the current index
        self._stale: set[int] = set()  # painted blocks to highlight again when the batch ends
        self._batches = 0
        self.palette = Palette()
        self.current: int | None = None
        self._formats: dict[tuple[tuple[str, ...], int], QTextCharFormat] = {}

    # -- feeding -------------------------------------------------------------
    @property
    def index(self) -> SpanIndex:
        return self._index

    def clear(self) -> None:
        """Forget the claims (before the text is replaced, so the new text starts bare)."""
        self._index = SpanIndex()
        self._painted.clear()
        self._stale.clear()

    def show_spans(self, text_map: TextMap, spans: Iterable[Span]) -> None:
        """Paint these claims over the text the map describes (the blocks on screen now)."""
        self._map = text_map
        self._reindex(spans)

    def _reindex(self, spans: Iterable[Span]) -> None:
        self._index = SpanIndex(self._map, self.palette, spans)
        # Blocks off screen keep stale formats until they scroll into view,
        # where paint_visible() redoes them; nobody sees them meanwhile.
        self._painted.clear()
        self.paint_visible()

    def set_palette(self, palette: Palette) -> None:
        if palette != self.palette:
            self.palette = palette
            self._formats.clear()
            self._reindex(self._index.spans())

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

    # -- which blocks to paint -----------------------------------------------------
    def paint_visible(self) -> None:
        """Highlight the blocks on screen that are not yet (call after scrolling)."""
        if self._visible is None:
            self.paint_all()
            return
        first, last = self._visible()
        block = self._document.findBlockByNumber(first)
        while block.isValid() and block.blockNumber() <= last:
            if block.blockNumber() not in self._painted:
                self._paint(block)
            block = block.next()

    def paint_all(self) -> None:
        """Highlight every block now (exports, tests; the reader paints lazily)."""
        block = self._document.begin()
        while block.isValid():
            if block.blockNumber() not in self._painted:
                self._paint(block)
            block = block.next()

    def _paint(self, block: QTextBlock) -> None:
        self._painted.add(block.blockNumber())
        self.rehighlightBlock(block)

    @contextmanager
    def batched(self) -> Iterator[None]:
        """Edits inside highlight each block they touch once, when the outermost ends."""
        self._batches += 1
        try:
            yield
        finally:
            self._batches -= 1
            if not self._batches:
                self._flush()

    def _repaint(self, start: int, end: int) -> None:
        """Rehighlight the painted blocks between two display positions; forget the rest."""
        block = self._document.findBlock(start)
        last = self._document.findBlock(max(start, end - 1))
        while block.isValid():
            if block.blockNumber() in self._painted:
                self._stale.add(block.blockNumber())
            if block == last:
                break
            block = block.next()
        if not self._batches:
            self._flush()

    def _flush(self) -> None:
        stale, self._stale = sorted(self._stale), set()
        for number in stale:
            block = self._document.findBlockByNumber(number)
            if block.isValid() and number in self._painted:
                self.rehighlightBlock(block)
        self.paint_visible()

    def is_painted(self, block: QTextBlock) -> bool:
        return block.blockNumber() in self._painted

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
