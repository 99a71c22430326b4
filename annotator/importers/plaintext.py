"""Plain text: decoded by detection; the title is the first non-blank line."""

from __future__ import annotations

from annotator.models import ImportedArticle
from annotator.textdecode import decode

MAX_TITLE_CHARS = 200


def title_from_text(text: str) -> str:
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            if len(stripped) <= MAX_TITLE_CHARS:
                return stripped
            cut = stripped[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
            return cut + "…"
    return ""


def read(data: bytes, source: str) -> ImportedArticle:
    text = decode(data, source)
    return ImportedArticle(
        text=text, title=title_from_text(text), source_format="txt", source_name=source
    )
