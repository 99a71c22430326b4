"""Markdown with optional YAML front matter.

The front matter gives title, author, date, url (named url, link or
canonical_url) and outlet; the body becomes plain text with one blank line
between blocks, so the reader shows paragraphs. YAML is parsed safely and any
alias is refused outright: aliases are how "billion laughs" bombs explode.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotator.errors import ImportFailure
from annotator.models import ImportedArticle
from annotator.text.dates import to_iso
from annotator.text.decode import decode
from annotator.text.titles import title_from_text

MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_EVENTS = 10_000
URL_KEYS = ("url", "link", "canonical_url", "canonical")
OUTLET_KEYS = ("outlet", "site", "site_name", "publisher", "source")

_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# The first line of a YAML mapping: what tells front matter from a thematic break.
_YAML_KEY_LINE = re.compile(r"[ \t]*(?:#.*|[\w\"'][^:\n]{0,200}:(?:[ \t].*)?)$", re.MULTILINE)
_BLOCK_TEXT_TAGS = {"paragraph_open", "heading_open"}


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML whose impossible dates ("2025-02-30") stay text instead of raising."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return _NotADate(str(node.value))


class _NotADate(str):
    """A scalar YAML typed as a timestamp that is no date."""


_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp
)


def has_front_matter(text: str) -> bool:
    """Whether text opens with a YAML front matter block (closed or not)."""
    opening = _OPENING.match(text)
    return opening is not None and _YAML_KEY_LINE.match(text, opening.end()) is not None


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """The front matter's mapping and the body after it.

    The closing line is looked for in the first 64 KB only, so a file that
    opens with "---" and never closes costs no more than that.
    """
    opening = _OPENING.match(text)
    if opening is None:
        return {}, text
    window = text[: opening.end() + MAX_FRONT_MATTER_CHARS + 8]
    closing = _CLOSING.search(window, opening.end())
    if closing is None:
        if not has_front_matter(text):
            return {}, text  # a thematic break, not front matter
        if len(text) > len(window):
            raise ImportFailure(source, "front matter is larger than 64 KB (no closing '---')")
        raise ImportFailure(source, "front matter has no closing '---' line")
    block = text[opening.end() : closing.start()]
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise ImportFailure(source, "front matter is larger than 64 KB")
    body = text[closing.end() :]
    return _safe_yaml(block, source), body[1:] if body.startswith("\n") else body


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
        data = yaml.load(block, Loader=_FrontMatterLoader)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ImportFailure(source, f"front matter is not valid YAML ({problem})") from exc
    except (ValueError, TypeError, OverflowError) as exc:  # a constructor's own complaint
        raise ImportFailure(source, f"front matter is not valid YAML ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportFailure(source, "front matter is not a mapping of keys to values")
    return {str(k).lower(): v for k, v in data.items() if isinstance(k, (str, int, float))}


def _scalar(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int, dt.date)) and not isinstance(value, _NotADate)


def _plain(value: Any) -> str | None:
    if value is None or not (_scalar(value) or isinstance(value, list)):
        return None
    if isinstance(value, list):
        parts = [str(v).strip() for v in value if _scalar(v) and str(v).strip()]
        return ", ".join(parts) or None
    text = str(value).strip()
    return text or None


class _Fields:
    """Front matter fields read for the article; what had to be dropped, and why."""

    def __init__(self, front: dict[str, Any]) -> None:
        self.front = front
        self.dropped: list[str] = []

    def text(self, *keys: str) -> str | None:
        for key in keys:
            if key not in self.front or self.front[key] is None:
                continue
            value = _plain(self.front[key])
            if value is not None:
                return value
            self.dropped.append(f"{key} ({_kind(self.front[key])}, not text)")
        return None

    def date(self, *keys: str) -> str | None:
        for key in keys:
            value = self.front.get(key)
            if value is None or value == "":
                continue
            iso = to_iso(value) if _scalar(value) else None
            if iso is not None:
                return iso
            shown = str(value)[:40] if _scalar(value) or isinstance(value, str) else _kind(value)
            self.dropped.append(f"{key} ({shown!s} is not a date)")
        return None

    def notes(self) -> list[str]:
        if not self.dropped:
            return []
        return ["front matter fields dropped: " + "; ".join(self.dropped)]


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", bytes: "binary data", set: "a set", bool: "a flag"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"


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
    return read_text(decode(data, source), source)


def read_text(raw: str, source: str, source_format: str = "md") -> ImportedArticle:
    """Markdown already decoded (a .txt file that holds Markdown comes here too)."""
    front, body = split_front_matter(raw, source)
    text = markdown_to_text(body)
    if not text.strip():
        raise ImportFailure(source, "holds no article text after the front matter")
    fields = _Fields(front)
    title = fields.text("title") or title_from_text(text)
    url = fields.text(*URL_KEYS)
    outlet = fields.text(*OUTLET_KEYS)
    author = fields.text("author", "authors")
    language = fields.text("lang", "language")
    published = fields.date("date", "published")
    extra = {k: _plain(v) for k, v in front.items() if _plain(v) is not None}
    metadata: dict[str, Any] = {"front_matter": extra}
    if fields.notes():
        metadata["import_notes"] = fields.notes()
    return ImportedArticle(
        text=text,
        title=title,
        source_format=source_format,
        source_name=source,
        outlet=outlet,
        author=author,
        published=published,
        url=url,
        language=language,
        metadata=metadata,
    )
