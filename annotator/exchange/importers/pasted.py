"""Text pasted from the clipboard: already Unicode, so only checked and normalised.

The same rules as a file: newlines become LF and nothing else is rewritten;
NUL bytes and control-character noise (a binary copied by mistake) are refused.
"""

from __future__ import annotations

import re

from annotator.errors import ImportFailure
from annotator.models import ImportedArticle
from annotator.text.decode import MAX_CONTROL_SHARE, MAX_TEXT_BYTES, normalise_newlines
from annotator.text.titles import title_from_text

SOURCE_NAME = "clipboard"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def from_text(text: str, title: str = "", source: str = SOURCE_NAME) -> ImportedArticle:
    """An article from pasted text; the title defaults to the first non-blank line."""
    if len(text) > MAX_TEXT_BYTES:
        raise ImportFailure(source, f"is over the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit")
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if not text.strip():
        raise ImportFailure(source, "holds no text")
    if "\x00" in text:
        raise ImportFailure(source, "contains NUL characters (binary data?)")
    if len(_CONTROL.findall(text)) > max(2, MAX_CONTROL_SHARE * len(text)):
        raise ImportFailure(source, "looks like binary data, not text")
    return ImportedArticle(
        text=text,
        title=title.strip() or title_from_text(text),
        source_format="paste",
        source_name=source,
    )
