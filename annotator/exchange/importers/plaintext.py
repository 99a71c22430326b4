"""Plain text: decoded by detection; the title is the first non-blank line.

A .txt file that opens with YAML front matter (a blog post saved from a
static site generator) is Markdown in all but name: it is read as Markdown,
title, author and date from the front matter. If the front matter cannot be
read the file stays plain text, as it was.
"""

from __future__ import annotations

from annotator.errors import ImportFailure
from annotator.models import ImportedArticle
from annotator.text.decode import decode
from annotator.text.titles import MAX_TITLE_CHARS, title_from_text

__all__ = ["MAX_TITLE_CHARS", "read", "title_from_text"]


def read(data: bytes, source: str) -> ImportedArticle:
    text = decode(data, source)
    if text.startswith("---"):
        from annotator.exchange.importers import markdown

        if markdown.has_front_matter(text):
            try:
                return markdown.read_text(text, source)
            except ImportFailure:
                pass
    return ImportedArticle(
        text=text, title=title_from_text(text), source_format="txt", source_name=source
    )
