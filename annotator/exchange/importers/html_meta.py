"""What a web page states about itself: publication date, modification date, language.

Dates come from the page's metadata only, in order of trust: meta tags
(`article:published_time`, Dublin Core, `pubdate`…), JSON-LD
`datePublished`, an element marked `itemprop="datePublished"`, and a
`<time datetime>` in the article's header. Never from the body text: a story
that mentions "since 2008" was not published in 2008. Each date is kept as
the page writes it, offset included, so its calendar day is the page's own.
"""

from __future__ import annotations

import json
import re
from collections import deque
from typing import Any

from lxml import etree

from annotator.text.dates import to_iso

# JSON-LD blocks larger than this are not read for dates (they are never code,
# but a huge one would only cost time).
MAX_JSON_LD_CHARS = 512 * 1024
# Nodes visited in one JSON-LD block looking for datePublished.
MAX_JSON_LD_NODES = 5_000

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "date_published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "dcterms.modified", "datemodified")
_SPACES = re.compile(r"\s+")

# <time datetime> elements that date the article rather than a comment or a
# related story: marked as the publication time, or inside the article's header.
_HEADER_TIMES = (
    "//time[@pubdate][@datetime]",
    "//article//header//time[@datetime]",
    "//header//time[@datetime]",
    "//article//time[@datetime][not(ancestor::aside) and not(ancestor::footer)]",
)


def stated_metadata(tree: etree._Element) -> dict[str, str]:
    """Publication and modification time and language, where the page states them."""
    found: dict[str, str] = {}
    language = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if language and _SPACES.sub(" ", language).strip():
        found["language"] = _SPACES.sub(" ", language).strip()
    metas: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = content
    published = _first_date(metas.get(key) for key in PUBLISHED_META)
    modified = _first_date(metas.get(key) for key in MODIFIED_META)
    for block in _found(tree, '//script[@type="application/ld+json"]/text()'):
        dates = _json_ld_dates(str(block))
        published = published or dates.get("datePublished")
        modified = modified or dates.get("dateModified")
    if published is None:
        published = _first_date(
            element.get("content")
            or element.get("datetime")
            or "".join(map(str, element.itertext()))
            for element in _found(tree, '//*[@itemprop="datePublished"]')
            if isinstance(element, etree._Element)
        )
    if published is None:
        for path in _HEADER_TIMES:
            published = _first_date(str(value) for value in _found(tree, f"{path}/@datetime"))
            if published:
                break
    if published:
        found["published"] = published
    if modified:
        found["modified"] = modified
    return found


def _found(tree: etree._Element, path: str) -> list[Any]:
    result = tree.xpath(path)
    return result if isinstance(result, list) else []


def _first_date(values: Any) -> str | None:
    for value in values:
        if isinstance(value, str):
            iso = to_iso(value)
            if iso:
                return iso
    return None


def _json_ld_dates(block: str) -> dict[str, str]:
    if len(block) > MAX_JSON_LD_CHARS:
        return {}
    try:
        data = json.loads(block)
    except (ValueError, RecursionError):
        return {}
    dates: dict[str, str] = {}
    stack: deque[Any] = deque([data])
    visited = 0
    while stack and visited < MAX_JSON_LD_NODES:
        node = stack.popleft()  # breadth first: the page's own article before nested items
        visited += 1
        if isinstance(node, dict):
            for key in ("datePublished", "dateModified"):
                value = to_iso(node.get(key)) if isinstance(node.get(key), str) else None
                if value and key not in dates:
                    dates[key] = value
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    return dates
