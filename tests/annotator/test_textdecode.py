"""Bytes become canonical text by decoding, never by assumption."""

from __future__ import annotations

import pytest

from annotator.errors import ImportFailure
from annotator.text.decode import decode

WESTERN = "Un dîner naïf: crème brûlée à £4.50, déjà vu — café au lait.\n"


def test_utf8_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfHello \xc2\xa3", "a.txt") == "Hello £"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_short_western_text_in_a_legacy_code_page(encoding: str) -> None:
    text = "naïve crème brûlée for £5\n"
    assert decode(text.encode(encoding), "menu.txt") == text


def test_longer_cp1252_text_with_smart_quotes() -> None:
    text = "“Déjà vu,” she said – it cost £12 and a naïve café owner’s smile.\n"
    assert decode(text.encode("cp1252"), "quote.txt") == text


def test_non_western_legacy_text_is_detected() -> None:
    text = "Привет, как дела? Это длинный русский текст для проверки кодировки. " * 4
    assert decode(text.encode("cp1251"), "ru.txt") == text


def test_utf8_with_a_stray_byte_is_refused_with_its_offset() -> None:
    data = "Pay fell – by a fifth".encode() + b"\xff tail"
    with pytest.raises(ImportFailure) as info:
        decode(data, "broken.txt")
    assert info.value.source == "broken.txt"
    assert f"offset {len(data) - 6}" in info.value.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"text\x00with nul", "NUL"),
        (bytes(range(0, 32)) * 20, "binary"),
    ],
)
def test_hostile_bytes_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailure, match=reason):
        decode(data, "bad.txt")


def test_newlines_are_normalised_and_nothing_else_changes() -> None:
    text = "a\u00a0b\r\ncafe\u0301 😀\rend"
    assert decode(text.encode("utf-8"), "x.txt") == "a\u00a0b\ncafe\u0301 😀\nend"


def test_utf16_with_bom() -> None:
    assert decode("£ and é".encode("utf-16"), "w.txt") == "£ and é"


def test_western_sample_sentence() -> None:
    assert decode(WESTERN.encode("cp1252"), "w.txt") == WESTERN
