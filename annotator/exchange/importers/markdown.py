"""Markdown with optional YAML front matter.

The front matter gives title, author, date, url (named url, link or
canonical_url) and outlet; the body becomes plain text with one blank line
between blocks, so the reader shows paragraphs. YAML is parsed safely and any
alias is refused outright: aliases are how "billion laughs" bombs explode.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotator.errors import ImportFailure
from annotator.exchange.importers.plaintext import title_from_text
from annotator.models import ImportedArticle
from annotator.text.dates import to_iso
from annotator.text.decode import decode

MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_EVENTS = 10_000
URL_KEYS = ("url", "link", "canonical_url", "canonical")
OUTLET_KEYS = ("outlet", "site", "site_name", "publisher", "source")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_BLOCK_TEXT_TAGS = {"paragraph_open", "heading_open"}


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    block = match.group(1)
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise ImportFailure(source, "front matter is larger than 64 KB")
    return _safe_yaml(block, source), text[match.end() :]


def _safe_yaml(block: str, source: str) -> dict[str, Any]:
    try:
        for events, event in enumerate(yaml.parse(block, Loader=yaml.SafeLoader), start=1):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ImportFailure(
                    source,
                    "front matter uses YAML anchors or aliases (refused: a possible alias bomb)",
                )
            if events > MAX_FRONT_MATTER_EVENTS:
                raise ImportFailure(source, "front matter is too complex")
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ImportFailure(source, f"front matter is not valid YAML ({problem})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportFailure(source, "front matter is not a mapping of keys to values")
    return {str(k).lower(): v for k, v in data.items()}


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        parts = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return ", ".join(parts) or None
    text = str(value).strip()
    return text or None


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def markdown_to_text(body: str) -> str:
    """Blocks of text in document order, one blank line between them."""
    tokens = MarkdownIt("commonmark").parse(body)
    blocks: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "inline" and index > 0 and tokens[index - 1].type in _BLOCK_TEXT_TAGS:
            text = _inline_text(token).strip()
            if text:
                blocks.append(text)
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            if text.strip():
                blocks.append(text)
    return "\n\n".join(blocks)


def read(data: bytes, source: str) -> ImportedArticle:
    raw = decode(data, source)
    front, body = split_front_matter(raw, source)
    text = markdown_to_text(body)
    if not text.strip():
        raise ImportFailure(source, "holds no article text after the front matter")
    title = _plain(front.get("title")) or title_from_text(text)
    url = next((_plain(front[k]) for k in URL_KEYS if _plain(front.get(k))), None)
    outlet = next((_plain(front[k]) for k in OUTLET_KEYS if _plain(front.get(k))), None)
    published = to_iso(front.get("date") or front.get("published"))
    extra = {k: _plain(v) for k, v in front.items() if isinstance(v, (str, int, float, list))}
    return ImportedArticle(
        text=text,
        title=title,
        source_format="md",
        source_name=source,
        outlet=outlet,
        author=_plain(front.get("author") or front.get("authors")),
        published=published,
        url=url,
        language=_plain(front.get("lang") or front.get("language")),
        metadata={"front_matter": extra},
    )
