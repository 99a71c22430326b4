"""The claims table's other columns give way to the quote, but not below their headings."""

from __future__ import annotations

from ui.claims.column_fit import fitted_widths

USUAL = [120, 80, 70, 85, 80, 55]


def test_columns_shrink_in_proportion_when_their_headings_allow() -> None:
    assert fitted_widths(USUAL, [20] * 6, 245) == [60, 40, 35, 42, 40, 27]


def test_no_column_goes_below_its_heading_and_the_others_make_up_for_it() -> None:
    least = [60, 45, 55, 55, 52, 56]
    widths = fitted_widths(USUAL, least, 330)
    assert all(width >= low for width, low in zip(widths, least, strict=True))
    assert sum(widths) <= 330
    # The widest column gave up the most to make room for the narrow headings.
    given = [round(u * 330 / sum(USUAL)) - w for u, w in zip(USUAL, widths, strict=True)]
    assert given[0] == max(given)


def test_headings_wider_than_the_room_keep_their_width() -> None:
    least = [70, 60, 60, 60, 60, 60]
    assert fitted_widths(USUAL, least, 200) == least
