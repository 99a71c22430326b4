"""The highlighter's index and its lazy painting, without the main window."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from ui.reader.highlighter import NEUTRAL_COLOUR, Palette, SpanIndex
from ui.reader.offsets import TextMap
from ui.reader.view import ReaderView

CHUNK = 2048  # how far apart the generated claims spread
spans_strategy = st.lists(
    st.tuples(st.integers(0, 3 * CHUNK), st.integers(1, CHUNK + 50)).map(
        lambda t: (t[0], t[0] + t[1])
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(spans_strategy, st.integers(0, 3 * CHUNK), st.integers(0, 400))
def test_index_finds_exactly_the_overlapping_claims(
    pairs: list[tuple[int, int]], start: int, length: int
) -> None:
    text = "x" * (4 * CHUNK + 100)
    spans = [(n + 1, a, b, None, None, None) for n, (a, b) in enumerate(pairs)]
    index = SpanIndex(TextMap(text), Palette(), spans)
    end = start + length
    found = sorted(i[0] for i in index.overlapping(start, end))
    expected = sorted(s[0] for s in spans if s[1] < end and s[2] > start)
    assert found == expected
    at = [i[0] for i in index.at(start)]
    assert sorted(at) == sorted(s[0] for s in spans if s[1] <= start < s[2])


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab \n😀ש\u0301"), min_size=1, max_size=60),
    st.lists(st.integers(1, 59), max_size=4),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=12),
    st.data(),
)
def test_display_queries_agree_with_converting_every_claim(
    text: str, breaks: list[int], pairs: list[tuple[int, int]], data: st.DataObject
) -> None:
    tmap = TextMap(text, breaks)
    spans = [
        (n + 1, a, min(a + w, len(text)), None, None, None)
        for n, (a, w) in enumerate(pairs)
        if a < min(a + w, len(text))
    ]
    index = SpanIndex(tmap, Palette(), spans[: len(spans) // 2])
    for span in spans[len(spans) // 2 :]:
        index.add(span)
    for span in spans[::3]:
        index.remove(span[0])
    kept = [s for s in spans if s not in spans[::3]]
    shown = {s[0]: tmap.span_to_display(s[1], s[2]) for s in kept}
    total = len(tmap.display_text().encode("utf-16-le")) // 2
    start = data.draw(st.integers(0, total))
    end = data.draw(st.integers(start, total + 1))
    found = sorted(i[0] for i in index.overlapping(start, end))
    assert found == sorted(c for c, (a, b) in shown.items() if a < end and b > start)
    assert sorted(i[0] for i in index.at(start)) == sorted(
        c for c, (a, b) in shown.items() if a <= start < b
    )


@settings(max_examples=80, deadline=None)
@given(spans_strategy, spans_strategy, st.data())
def test_adding_and_removing_claims_one_by_one_finds_the_same_as_a_fresh_index(
    first: list[tuple[int, int]], added: list[tuple[int, int]], data: st.DataObject
) -> None:
    """Marks and undos update the index in place; it must answer like one built anew."""
    text = "x" * (4 * CHUNK + 100)
    spans = {n + 1: (n + 1, a, b, None, None, None) for n, (a, b) in enumerate(first)}
    index = SpanIndex(TextMap(text), Palette(), spans.values())
    for n, (a, b) in enumerate(added):
        span = (1000 + n, a, b, None, None, None)
        index.add(span)
        spans[span[0]] = span
    removed = data.draw(st.lists(st.sampled_from(sorted(spans)), unique=True)) if spans else []
    for claim_id in removed:
        index.remove(claim_id)
        del spans[claim_id]
    fresh = SpanIndex(TextMap(text), Palette(), spans.values())
    for start in range(0, 4 * CHUNK, 97):
        found = sorted(i[0] for i in index.overlapping(start, start + 50))
        assert found == sorted(i[0] for i in fresh.overlapping(start, start + 50))


def test_moving_and_removing_a_claim_updates_the_index() -> None:
    index = SpanIndex(TextMap("y" * 10_000), Palette(), [(1, 10, 20, None, None, None)])
    index.add((1, 5000, 5100, None, None, None))
    assert index.overlapping(0, 100) == []
    assert [i[0] for i in index.overlapping(5050, 5051)] == [1]
    assert index.remove(1) is not None
    assert index.overlapping(0, 10_000) == [] and len(index) == 0


def test_palette_colours_by_the_chosen_tag() -> None:
    palette = Palette("verdict", {7: "#112233"})
    assert palette.colour_of((1, 0, 1, 3, 4, 7)) == "#112233"
    assert palette.colour_of((1, 0, 1, 3, 4, None)) == NEUTRAL_COLOUR
    assert Palette("side", {3: "#abcdef"}).colour_of((1, 0, 1, 3, 4, 7)) == "#abcdef"


def _painted(view: ReaderView, block_number: int) -> list[tuple[int, int]]:
    block = view.document().findBlockByNumber(block_number)
    return [(f.start, f.length) for f in block.layout().formats()]


def test_only_blocks_on_screen_are_painted_until_scrolled_to(qtbot: QtBot) -> None:
    paragraph = "Ministers say pay rose by 22 percent over two years. " * 3
    text = "\n".join(paragraph for _ in range(400))
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.set_text(text)
    step = len(paragraph) + 1
    spans = [(n + 1, n * step, n * step + 8, None, None, None) for n in range(400)]
    view.highlighter.show_spans(view.text_map, spans)
    assert _painted(view, 0) == [(0, 8)]
    last = view.document().blockCount() - 1
    assert _painted(view, last) == []  # far below the fold: not yet
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert _painted(view, last) == [(0, 8)]


def test_a_change_off_screen_is_painted_when_it_comes_into_view(qtbot: QtBot) -> None:
    text = "\n".join(f"Line {n} says the figure was {n} percent." for n in range(600))
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    view.set_text(text)
    view.highlighter.show_spans(view.text_map, [])
    start = text.index("Line 590")
    view.highlighter.update_span(1, (1, start, start + 8, None, None, None))
    block = view.document().findBlock(view.text_map.to_display(start))
    assert not view.highlighter.is_painted(block)
    view.scroll_to(start)
    formats = block.layout().formats()
    assert [(f.start, f.length) for f in formats] == [(0, 8)]
    assert QTextCharFormat(formats[0].format).background().color().name() != "#ffffff"


def test_the_blocks_painted_follow_the_window_as_it_grows_and_shrinks(qtbot: QtBot) -> None:
    """The view knows its text area's height from resize events, not by asking Qt."""
    text = "\n".join(f"Line {n} says the figure was {n} percent." for n in range(600))
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(500, 200)
    view.show()
    view.set_text(text)
    spans = [(n + 1, text.index(f"Line {n} "), text.index(f"Line {n} ") + 4, None, None, None)
             for n in range(600)]  # fmt: skip
    view.highlighter.show_spans(view.text_map, spans)
    for height in (200, 700, 300):
        view.resize(500, height)
        qtbot.waitUntil(lambda h=height: view.viewport().height() <= h)
        _first, last = view.visible_blocks()
        below = view.document().findBlockByNumber(last + 1)
        top = view.blockBoundingGeometry(below).translated(view.contentOffset()).top()
        assert top > view.viewport().height()  # the next block is off screen...
        assert _painted(view, last) == [(0, 4)]  # ...and every block on it is painted
    assert view.visible_blocks()[1] > 0
