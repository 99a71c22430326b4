"""Turning the bytes of a file into canonical text, never by assumption.

Canonical text is decoded Unicode with newlines normalised to LF and nothing
else rewritten: no Unicode normalisation, non-breaking spaces and combining
accents stay, so offsets into it hold forever.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from annotator.errors import ImportFailure
from annotator.text.visible import holds_visible_text

MAX_TEXT_BYTES = 50 * 1024 * 1024
# Share of control characters above which "text" is really a binary file.
MAX_CONTROL_SHARE = 0.01

_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# UTF-16 surrogates written as three-byte UTF-8 (CESU-8, Java's "modified UTF-8"):
# not UTF-8, and read as a legacy code page they become CJK mojibake.
_ENCODED_SURROGATE = re.compile(rb"\xed[\xa0-\xaf][\x80-\xbf]\xed[\xb0-\xbf][\x80-\xbf]")
# A web page that is UTF-8 but for this many stray bytes (one Latin-1 "ü" in
# an attribute, a script comment) is read with those bytes as Windows-1252.
MAX_STRAY_BYTES = 64
MAX_STRAY_SHARE = 0.001
# NUL bytes a page's markup may hold before it is taken for a binary file.
MAX_MARKUP_NUL_SHARE = 0.01
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")
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
    if "\r" not in text:  # a scan at memchr speed: most files need no rewrite
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class Decoded:
    """Text as decoded, the encoding used, and what a person should be told about it."""

    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode file bytes to canonical text or raise ImportFailure naming the file.

    `declared` is the encoding the file names for itself (an HTML page's meta
    charset); it is tried, strictly, when the bytes are not valid UTF-8.
    """
    return decode_text(data, source, declared).text


def decode_markup(data: bytes, source: str, declared: str | None = None) -> Decoded:
    """A web page's bytes: as `decode`, but a few stray bytes or NULs are forgiven.

    Browsers show such a page; refusing it would lose an article over one
    byte in an attribute. The stray bytes are read as Windows-1252 and said so
    in the notes; NULs (never text in HTML) are dropped.
    """
    return decode_text(data, source, declared, markup=True)


def decode_text(
    data: bytes,
    source: str,
    declared: str | None = None,
    *,
    markup: bool = False,
    keep_newlines: bool = False,
) -> Decoded:
    """Decode, returning the encoding used and any notes (see `decode`).

    `keep_newlines` leaves CR and CRLF as they are: a table's reader splits
    lines itself, and a CR inside a quoted cell is part of the cell's value.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFailure(
            source,
            f"is {len(data) // (1024 * 1024)} MB, over the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit",
        )
    if not data.strip():
        raise ImportFailure(source, "is empty")
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if markup and b"\x00" in data and not utf16:
        controls = len(_CONTROL_BYTES.findall(data))
        if max(data.count(b"\x00"), controls) > max(16, MAX_MARKUP_NUL_SHARE * len(data)):
            raise ImportFailure(source, "contains NUL bytes (a binary file?)")
        data = data.replace(b"\x00", b"")
    decoded = _decode_unicode(data, source, declared, markup)
    decoded.text = text = decoded.text if keep_newlines else normalise_newlines(decoded.text)
    if "\x00" in text:
        raise ImportFailure(source, "contains NUL bytes (a binary file?)")
    controls = _count_controls(text, None if utf16 else data)
    if controls > max(2, MAX_CONTROL_SHARE * len(text)):
        raise ImportFailure(source, "looks like a binary file, not text")
    if not text.strip():
        raise ImportFailure(source, "holds no text")
    if not holds_visible_text(text):
        raise ImportFailure(
            source,
            "holds no text (only invisible characters: zero-width spaces, "
            "byte-order marks or soft hyphens)",
        )
    return decoded


_CONTROL_BYTE_VALUES = bytes([*range(0, 9), 0x0B, *range(0x0E, 0x20), 0x7F])


def _count_controls(text: str, data: bytes | None) -> int:
    """Control characters in the text (those _CONTROL matches).

    For bytes in an ASCII-compatible encoding they are the same bytes, and
    bytes.translate counts them ten times faster than a regex over the text;
    a CR-LF pair is a newline in both.
    """
    if data is not None:
        return len(data) - len(data.translate(None, _CONTROL_BYTE_VALUES))
    return len(_CONTROL.findall(text))


def _decode_unicode(data: bytes, source: str, declared: str | None, markup: bool) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        _refuse_cesu(body, source, len(codecs.BOM_UTF8))
        if markup:
            return _lenient_utf8(body, source, len(codecs.BOM_UTF8))
        return Decoded(_strict_utf8(body, source, len(codecs.BOM_UTF8)), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFailure(source, f"is not valid UTF-16 (byte {exc.start})") from exc
    if b"\x00" in data:
        raise ImportFailure(source, "contains NUL bytes (a binary file?)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        stated = _decode_declared(data, declared)
        if stated is not None:
            return stated
        _refuse_cesu(data, source, 0)
        if _VALID_UTF8_MULTIBYTE.search(data):
            if markup:
                return _lenient_utf8(data, source, 0)
            raise ImportFailure(
                source,
                f"is UTF-8 with invalid bytes (first bad byte at offset {exc.start}); "
                "the file looks corrupt",
            ) from exc
    return _decode_legacy(data, source)


def _refuse_cesu(data: bytes, source: str, offset: int) -> None:
    """Refuse UTF-8 whose only fault is surrogate pairs written as two three-byte forms.

    Those bytes also occur in GBK or Big5 text, so the whole file must be
    UTF-8 once surrogates are allowed before it is taken for CESU-8.
    """
    match = _ENCODED_SURROGATE.search(data)
    if match is None:
        return
    try:
        data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return
    if match is not None:
        raise ImportFailure(
            source,
            "is not valid UTF-8: it holds UTF-16 surrogates written as UTF-8 (CESU-8) "
            f"at offset {match.start() + offset}",
        )


def _lenient_utf8(data: bytes, source: str, offset: int) -> Decoded:
    """UTF-8 with a few stray bytes read as Windows-1252, or a refusal when they are many."""
    limit = max(MAX_STRAY_BYTES, int(MAX_STRAY_SHARE * len(data)))
    parts: list[str] = []
    stray: list[int] = []
    position = 0
    while True:
        try:
            parts.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            bad_at = position + exc.start
            parts.append(data[position:bad_at].decode("utf-8"))
            stray.append(bad_at)
            if len(stray) > limit:
                raise ImportFailure(
                    source,
                    f"is UTF-8 with more than {limit} invalid bytes (first at offset "
                    f"{stray[0] + offset}); the file looks corrupt",
                ) from exc
            parts.append(data[bad_at : bad_at + 1].decode("cp1252", errors="replace"))
            position = bad_at + 1
    if not stray:
        return Decoded(parts[0], "utf-8")
    count = len(stray)
    note = (
        f"{count} byte{'s' if count != 1 else ''} that {'are' if count != 1 else 'is'} "
        f"not UTF-8 read as Windows-1252 (first at offset {stray[0] + offset})"
    )
    return Decoded("".join(parts), "utf-8", [note])


# What browsers really mean by the Latin-1 labels (WHATWG Encoding Standard).
_DECLARED_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "l1": "cp1252",
}


def _decode_declared(data: bytes, declared: str | None) -> Decoded | None:
    if not declared:
        return None
    name = _DECLARED_ALIASES.get(declared.strip().lower(), declared.strip().lower())
    try:
        return Decoded(data.decode(name), codecs.lookup(name).name)
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


def _decode_legacy(data: bytes, source: str) -> Decoded:
    western = _western_reading(data)
    if western is not None:
        return Decoded(western, "cp1252")
    cyrillic = _cyrillic_reading(data)
    if cyrillic is not None:
        return Decoded(cyrillic, "cp1251")
    import charset_normalizer  # slow to import and rarely needed: loaded on first use

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ImportFailure(source, "is in no text encoding that could be recognised")
    return Decoded(str(best), best.encoding)


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


def _cyrillic_reading(data: bytes) -> str | None:
    """Windows-1251 when its reading is Russian-, Ukrainian- or Bulgarian-looking text.

    A detector guesses wildly on a few dozen bytes (a short CSV comes back as
    CJK); Cyrillic text read as cp1251 has Cyrillic letters only above ASCII,
    mostly lower case (KOI8-R read as cp1251 comes out mostly capitals).
    """
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    letters = [ch for ch in high if ch.isalpha()]
    if not letters or len(letters) < 0.8 * len(high):
        return None
    if any(not "\u0400" <= ch <= "\u045f" for ch in letters):
        return None
    if sum(1 for ch in letters if ch.isupper()) > 0.5 * len(letters):
        return None
    return text
