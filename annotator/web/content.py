"""A response body as the page's bytes: content encodings undone within a cap, the charset.

Decompression is bounded by the same limit as a saved page, counted on the
output: a small gzip or brotli body that would grow past it (a decompression
bomb) is refused after producing no more than the limit plus one chunk.
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Sequence
from email.message import Message

import brotli

from annotator.errors import ImportFailure

# What a web page may be served as; anything else is "not a web page".
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Output produced per decompression step, so a bomb is stopped near the limit.
STEP_BYTES = 256 * 1024
_SNIFF = (b"<!doctype html", b"<html", b"<head", b"<body")


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """The media type (lower case) and charset parameter of a Content-Type header."""
    if not content_type:
        return "", None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return message.get_content_type().lower(), (str(charset) if charset else None)


def looks_like_html(body: bytes) -> bool:
    """For a page served without a Content-Type: does it start like HTML?"""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_SNIFF)


def encodings(header: str | None) -> list[str]:
    """Content-Encoding values in the order they were applied ("identity" left out)."""
    if not header:
        return []
    names = [part.strip().lower() for part in header.split(",")]
    return [name for name in names if name and name != "identity"]


def decode_body(body: bytes, applied: Sequence[str], limit: int, source: str) -> bytes:
    """Undo the content encodings (last applied first), never producing more than `limit`."""
    for name in reversed(applied):
        if name in ("gzip", "x-gzip"):
            body = _inflate(body, 16 + zlib.MAX_WBITS, limit, source, name)
        elif name == "deflate":
            try:
                body = _inflate(body, zlib.MAX_WBITS, limit, source, name)
            except ImportFailure:  # some servers send raw deflate without the zlib header
                body = _inflate(body, -zlib.MAX_WBITS, limit, source, name)
        elif name == "br":
            body = _unbrotli(body, limit, source)
        else:
            raise ImportFailure(source, f"is served in an encoding we cannot read ({name})")
    return body


def _too_large(source: str, limit: int) -> ImportFailure:
    return ImportFailure(
        source,
        f"is too large: it decompresses to over {limit // (1024 * 1024)} MB "
        "(refused as a decompression bomb)",
    )


def _inflate(data: bytes, wbits: int, limit: int, source: str, name: str) -> bytes:
    out = bytearray()
    pending = data
    decompressor = zlib.decompressobj(wbits)
    try:
        while pending:
            out += decompressor.decompress(pending, STEP_BYTES)
            if len(out) > limit:
                raise _too_large(source, limit)
            pending = decompressor.unconsumed_tail
            if decompressor.eof:
                # Another gzip member may follow (concatenated members are valid
                # gzip); trailing junk after the stream is ignored, as browsers do.
                rest = decompressor.unused_data
                if wbits > zlib.MAX_WBITS and rest.startswith(b"\x1f\x8b"):
                    pending = rest
                    decompressor = zlib.decompressobj(wbits)
                else:
                    break
        out += decompressor.flush()
    except zlib.error as exc:
        raise ImportFailure(source, f"has a damaged {name} body ({exc})") from exc
    if len(out) > limit:
        raise _too_large(source, limit)
    return bytes(out)


def _unbrotli(data: bytes, limit: int, source: str) -> bytes:
    out = bytearray()
    decompressor = brotli.Decompressor()
    try:
        out += decompressor.process(data, output_buffer_limit=STEP_BYTES)
        while not decompressor.can_accept_more_data():
            if len(out) > limit:
                raise _too_large(source, limit)
            out += decompressor.process(b"", output_buffer_limit=STEP_BYTES)
        if not decompressor.is_finished():
            raise ImportFailure(source, "has a truncated br body")
    except brotli.error as exc:
        raise ImportFailure(source, f"has a damaged br body ({exc})") from exc
    if len(out) > limit:
        raise _too_large(source, limit)
    return bytes(out)


def recode_to_utf8(page: bytes, charset: str | None) -> bytes:
    """The page re-encoded as UTF-8 when the HTTP header names a charset that reads it.

    The header outranks the page's own <meta charset> (as in browsers), and
    the HTML importer tries UTF-8 first, so handing it UTF-8 makes the header
    win. A byte-order mark outranks both; an unknown or wrong charset leaves
    the page to the importer's own detection.
    """
    if not charset or page.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return page
    name = charset.strip().strip("\"'").lower()
    name = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}.get(name, name)
    try:
        if codecs.lookup(name).name == "utf-8":
            return page
        return page.decode(name).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return page
