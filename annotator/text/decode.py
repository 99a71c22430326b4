"""Turning the bytes of a file into canonical text, never by assumption.

Canonical text is decoded Unicode with newlines normalised to LF and nothing
else rewritten: no Unicode normalisation, non-breaking spaces and combining
accents stay, so offsets into it hold forever.
"""

from __future__ import annotations

import codecs
import re

from annotator.errors import ImportFailure

MAX_TEXT_BYTES = 50 * 1024 * 1024
# Share of control characters above which "text" is really a binary file.
MAX_CONTROL_SHARE = 0.01

_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
MAX_ACCENTED_SHARE = 0.4
_ACCENTED_RUN = re.compile(r"[À-ÿ]{4,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters a Western European text plausibly holds above ASCII. When every
# non-ASCII character of a cp1252 reading is one of these, cp1252 is taken over
# a detector's Baltic or Central European guess, which short texts fool.
_WESTERN = set(
    "£€¥©®°±§¶·«»¿¡ªº¼½¾×÷"
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß"
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
    "\u00a0\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    "\u2039\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2122"
)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode file bytes to canonical text or raise ImportFailure naming the file.

    `declared` is the encoding the file names for itself (an HTML page's meta
    charset); it is tried, strictly, when the bytes are not valid UTF-8.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFailure(
            source,
            f"is {len(data) // (1024 * 1024)} MB, over the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit",
        )
    if not data.strip():
        raise ImportFailure(source, "is empty")
    text = _decode_unicode(data, source, declared)
    text = normalise_newlines(text)
    if "\x00" in text:
        raise ImportFailure(source, "contains NUL bytes (a binary file?)")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, MAX_CONTROL_SHARE * len(text)):
        raise ImportFailure(source, "looks like a binary file, not text")
    if not text.strip():
        raise ImportFailure(source, "holds no text")
    return text


def _decode_unicode(data: bytes, source: str, declared: str | None = None) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict_utf8(data[len(codecs.BOM_UTF8) :], source, len(codecs.BOM_UTF8))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFailure(source, f"is not valid UTF-16 (byte {exc.start})") from exc
    if b"\x00" in data:
        raise ImportFailure(source, "contains NUL bytes (a binary file?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        stated = _decode_declared(data, declared)
        if stated is not None:
            return stated
        if _VALID_UTF8_MULTIBYTE.search(data):
            raise ImportFailure(
                source,
                f"is UTF-8 with invalid bytes (first bad byte at offset {exc.start}); "
                "the file looks corrupt",
            ) from exc
    return _decode_legacy(data, source)


# What browsers really mean by the Latin-1 labels (WHATWG Encoding Standard).
_DECLARED_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "l1": "cp1252",
}


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    name = _DECLARED_ALIASES.get(declared.strip().lower(), declared.strip().lower())
    try:
        codecs.lookup(name)
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def _strict_utf8(data: bytes, source: str, offset: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFailure(
            source,
            f"is UTF-8 with invalid bytes (first bad byte at offset {exc.start + offset}); "
            "the file looks corrupt",
        ) from exc


def _decode_legacy(data: bytes, source: str) -> str:
    western = _western_reading(data)
    if western is not None:
        return western
    import charset_normalizer  # slow to import and rarely needed: loaded on first use

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ImportFailure(source, "is in no text encoding that could be recognised")
    return str(best)


def _western_reading(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = {ch for ch in text if ord(ch) > 127}
    if not high or not high <= _WESTERN:
        return None
    # Cyrillic or Greek bytes read as cp1252 also give accented Latin letters,
    # but as whole words of them; Western text has a few accents among ASCII.
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 127)
    if accented > MAX_ACCENTED_SHARE * len(letters) or _ACCENTED_RUN.search(text):
        return None
    return text
