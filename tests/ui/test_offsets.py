"""UTF-16 display positions and code-point offsets, converted in one place."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.reader.offsets import TextMap

SAMPLES = {
    "emoji": "Pay 😀 fell 👩‍⚕️ by a fifth",
    "combining": "cafe\u0301 and nai\u0308ve",
    "nbsp": "£2.5\u00a0billion outsourced",
    "rtl": "He said שלום and مرحبا then left",
    "astral-math": "𝑥 rose 𝟐𝟗%",
}


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_round_trip_every_boundary(name: str) -> None:
    text = SAMPLES[name]
    tmap = TextMap(text)
    for cp in range(len(text) + 1):
        assert tmap.to_display(cp) == _utf16_len(text[:cp])
        assert tmap.from_display(tmap.to_display(cp)) == cp


@given(st.text(min_size=1, max_size=60), st.data())
def test_breaks_never_change_the_canonical_span(text: str, data: st.DataObject) -> None:
    breaks = data.draw(st.lists(st.integers(1, max(1, len(text) - 1)), max_size=4))
    tmap = TextMap(text, breaks)
    display = tmap.display_text()
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    d_start, d_end = tmap.span_to_display(start, end)
    inside = [b for b in tmap.breaks if start < b < end]
    pieces, last = [], start
    for b in inside:
        pieces.append(text[last:b])
        last = b
    pieces.append(text[last:end])
    shown = display.encode("utf-16-le")[2 * d_start : 2 * d_end].decode("utf-16-le", "replace")
    assert shown == "\n\n".join(pieces)
    assert tmap.span_from_display(d_start, d_end) == (start, end)


def _slow_from_display(tmap: TextMap, position: int) -> int:
    """The definition: the last code point whose end position is at or before `position`."""
    best = 0
    for cp in range(len(tmap.text) + 1):
        if tmap.to_display(cp, is_end=True) <= position:
            best = cp
    return best


@given(
    st.text(alphabet=st.sampled_from("ab \n😀\u0301\u00a0ש𝟐"), max_size=40),
    st.lists(st.integers(1, 40), max_size=5),
)
def test_fast_from_display_agrees_with_its_definition(text: str, breaks: list[int]) -> None:
    tmap = TextMap(text, breaks)
    total = len(tmap.display_text().encode("utf-16-le")) // 2
    for position in range(-1, total + 2):
        assert tmap.from_display(position) == _slow_from_display(tmap, position), position


@given(st.text(alphabet=st.sampled_from("ab \n😀ש𝟐"), max_size=30), st.data())
def test_many_spans_convert_as_one_by_one(text: str, data: st.DataObject) -> None:
    breaks = data.draw(st.lists(st.integers(1, 30), max_size=4))
    tmap = TextMap(text, breaks)
    spans = [
        tuple(sorted(data.draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))))))
        for _ in range(5)
    ]
    assert tmap.spans_to_display(spans) == [tmap.span_to_display(a, b) for a, b in spans]  # type: ignore[misc]
