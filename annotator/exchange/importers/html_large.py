"""Pages too large for article extraction: the whole page's text, minus its furniture.

trafilatura's extraction grows with the square of a page's size (a flat 4 MB
page of 40,000 paragraphs takes tens of seconds, 9 MB over a minute), so a page
with more than MAX_EXTRACT_ELEMENTS elements - a long report or debate
transcript, never a news story - is read here instead, in one linear pass:
scripts, styles, navigation, headers, footers, asides, forms and elements
named as cookie banners, comments or related links are left out, and every
block element becomes a paragraph. Metadata comes from the page's own tags.
"""

from __future__ import annotations

import re

from lxml import etree

from annotator.text.dates import to_iso

# Above this many elements a page skips trafilatura (about 5 s of extraction for
# a flat page on a 2-core machine; a long news page has 2,000-5,000).
MAX_EXTRACT_ELEMENTS = 20_000

_FURNITURE_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "button",
        "select",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "title",
        "head",
    ]
)
_FURNITURE_NAMES = re.compile(
    r"cookie|consent|comment|related|share|social|newsletter|subscribe|promo|advert|banner|"
    r"breadcrumb|sidebar|menu",
    re.I,
)
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SPACES = re.compile(r" [ \t\n\r\f\v]+|[\t\n\r\f\v][ \t\n\r\f\v]*")


def element_count(tree: etree._Element, limit: int = MAX_EXTRACT_ELEMENTS) -> int:
    """Elements in the tree (exact up to `limit`; past it, enough to decide).

    XPath's count() runs in libxml2: walking tree.iter() from Python built a
    proxy object for every element (a fifth of a millisecond a page).
    """
    counted = tree.xpath("count(descendant-or-self::node()[not(self::text())])")
    if isinstance(counted, float):
        return int(counted)
    count = 0
    for count, _element in enumerate(tree.iter(), start=1):
        if count > limit:
            break
    return count


def _is_furniture(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return True
    if element.tag in _FURNITURE_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
    return bool(names.strip()) and bool(_FURNITURE_NAMES.search(names))


def whole_page_text(tree: etree._Element) -> str:
    """Every block of the page's body a blank line apart, furniture left out."""
    body = tree.find("body")
    root = body if body is not None else tree
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(current).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
        current.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if element is not root and _is_furniture(element):
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                flush()
            elif tag == "br":
                current.append("\n")
            if element.text:
                current.append(element.text.replace("\n", " "))
        else:
            if tag in _BLOCK_TAGS:
                flush()
            if element.tail and element is not root:
                current.append(element.tail.replace("\n", " "))
    flush()
    return "\n\n".join(blocks)


def _first(tree: etree._Element, *paths: str) -> str | None:
    for path in paths:
        found = tree.xpath(path)
        # a path ending in a function (count(), boolean()) gives a scalar, not nodes
        for value in found if isinstance(found, list) else ():
            text = _SPACES.sub(" ", str(value)).strip()
            if text:
                return text
    return None


def page_metadata(tree: etree._Element) -> dict[str, str | None]:
    """Title, author, outlet and URL as the page states them in its head."""
    return {
        "title": _first(
            tree, '//meta[@property="og:title"]/@content', "//title/text()", "//h1//text()"
        ),
        "author": _first(tree, '//meta[@name="author"]/@content'),
        "outlet": _first(tree, '//meta[@property="og:site_name"]/@content'),
        "url": _first(
            tree, '//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'
        ),
        "published": to_iso(_first(tree, '//meta[@property="article:published_time"]/@content')),
    }
