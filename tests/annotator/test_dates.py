"""Dates as users and pages state them, read without swapping day and month in ISO text."""

from __future__ import annotations

import pytest

from annotator.text.dates import to_iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-07-05", "2024-07-05"),
        ("2024-07-05T10:00:00Z", "2024-07-05T10:00:00+00:00"),
        ("5 July 2024", "2024-07-05"),
        ("05/07/2024", "2024-07-05"),  # British order for slashed dates
        ("not a date", None),
    ],
)
def test_iso_text_keeps_month_before_day(text: str, iso: str | None) -> None:
    assert to_iso(text) == iso
