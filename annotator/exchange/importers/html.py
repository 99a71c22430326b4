"""Saved web pages: the article's main content, and what the page says about itself.

trafilatura finds the main content and leaves out navigation, cookie banners,
comments and related links; it also reads title, author, site name and
canonical URL from `og:` tags, JSON-LD and the usual meta tags. We parse the
page ourselves (html_tree: one parse, guarded against depth truncation) and
hand trafilatura the tree, never a URL, so it has nothing to fetch. The body
comes back as trafilatura's small XML vocabulary, which we turn into blocks
separated by a blank line so headings and paragraphs survive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from annotator.errors import ImportFailure
from annotator.exchange.importers.html_large import (
    MAX_EXTRACT_ELEMENTS,
    element_count,
    page_metadata,
    whole_page_text,
)
from annotator.exchange.importers.html_meta import stated_metadata
from annotator.exchange.importers.html_tree import declared_charset, parse_page
from annotator.models import ImportedArticle
from annotator.text.dates import to_iso
from annotator.text.decode import decode_markup
from annotator.text.titles import title_from_text

MEGABYTE = 1024 * 1024
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
MAX_HTML_BYTES = 20 * MEGABYTE
# Whitespace runs HTML collapses to one space (not \s: a non-breaking space is
# text). A lone space is not matched, so already-clean text costs no rewrite.
_SPACES = re.compile(r" [ \t\n\r\f\v]+|[\t\n\r\f\v][ \t\n\r\f\v]*")

# Characters Python's str.split() takes for whitespace but HTML keeps as text
# (a non-breaking space, the narrow one in "100 000", ideographic spaces).
# trafilatura collapses whitespace with str.split(), so these are swapped for
# Unicode noncharacters (never found in real text) while it runs, then back.
_KEPT_SPACES = (
    "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
_STAND_INS = "".join(chr(0xFDD0 + i) for i in range(len(_KEPT_SPACES)))
_HAS_KEPT_SPACE = re.compile(f"[{_KEPT_SPACES}]")
_HAS_STAND_IN = re.compile(f"[{_STAND_INS}]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _to_stand_in(match: re.Match[str]) -> str:
    return chr(0xFDD0 + _KEPT_SPACES.index(match.group()))


def _from_stand_in(match: re.Match[str]) -> str:
    return _KEPT_SPACES[ord(match.group()) - 0xFDD0]


def _restore(text: str) -> str:
    # re.sub, not str.translate: a scan that finds nothing costs next to nothing.
    return _HAS_STAND_IN.sub(_from_stand_in, text)


def read(data: bytes, source: str) -> ImportedArticle:
    if len(data) > MAX_HTML_BYTES:
        raise ImportFailure(
            source,
            f"is {len(data) / MEGABYTE:.1f} MB, over the "
            f"{MAX_HTML_BYTES / MEGABYTE:g} MB limit for web pages",
        )
    decoded = decode_markup(data, source, declared=declared_charset(data))
    markup = decoded.text
    # C0 control characters are parse errors in HTML and illegal in the XML
    # tree lxml builds; left in, the first text edit raises ValueError.
    markup = _XML_ILLEGAL.sub("", markup)
    tree = parse_page(markup, source)
    stated = stated_metadata(tree)
    if element_count(tree) > MAX_EXTRACT_ELEMENTS:
        return _with_notes(_read_large(tree, stated, source), decoded.notes)
    if not _HAS_STAND_IN.search(markup):
        _protect_spaces(tree)
    try:
        document = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            # dates from the page's markup only: the extensive search also takes
            # any year in the body text ("since 2008") for a publication date
            date_extraction_params=_DATE_SEARCH,
        )
    except (RecursionError, etree.LxmlError) as exc:
        raise ImportFailure(
            source, f"could not be read as a web page ({type(exc).__name__})"
        ) from exc
    # bare_extraction gives a Document unless asked for a dict; None: nothing found
    body = document.body if isinstance(document, Document) else None
    text = _restore(body_text(body)) if body is not None else ""
    if not isinstance(document, Document) or not text.strip():
        raise ImportFailure(
            source, "holds no readable article text (only scripts, styles or page furniture)"
        )
    title = _clean(document.title) or title_from_text(text)
    # What the page states about itself first (with its time and zone), then
    # htmldate's reading of the page's date markup (a "posted" line, <abbr>).
    published = stated.get("published") or to_iso(document.date)
    article = ImportedArticle(
        text=text,
        title=title,
        source_format="html",
        source_name=source,
        outlet=_clean(document.sitename),
        author=_clean(document.author),
        published=published,
        url=_clean(document.url),
        language=stated.get("language"),
        metadata={
            key: value
            for key, value in {
                "description": _clean(document.description),
                "hostname": _clean(document.hostname),
                "modified": stated.get("modified"),
                "categories": list(document.categories or []),
                "tags": list(document.tags or []),
            }.items()
            if value
        },
    )
    return _with_notes(article, decoded.notes)


def _with_notes(article: ImportedArticle, notes: list[str]) -> ImportedArticle:
    if notes:
        article.metadata["import_notes"] = list(notes)
    return article


def _protect_spaces(tree: etree._Element) -> None:
    # One C-level pass over all the text first: most pages need no walk at all.
    if not _HAS_KEPT_SPACE.search(etree.tostring(tree, method="text", encoding="unicode")):
        return
    for element in tree.iter():
        if element.text and _HAS_KEPT_SPACE.search(element.text):
            element.text = _HAS_KEPT_SPACE.sub(_to_stand_in, element.text)
        if element.tail and _HAS_KEPT_SPACE.search(element.tail):
            element.tail = _HAS_KEPT_SPACE.sub(_to_stand_in, element.tail)


def _read_large(tree: etree._Element, stated: dict[str, str], source: str) -> ImportedArticle:
    """A page too large for article extraction: its whole text, minus the furniture."""
    text = whole_page_text(tree)
    if not text.strip():
        raise ImportFailure(source, "holds no readable text")
    meta = page_metadata(tree)
    return ImportedArticle(
        text=text,
        title=meta["title"] or title_from_text(text),
        source_format="html",
        source_name=source,
        outlet=meta["outlet"],
        author=meta["author"],
        published=stated.get("published") or meta["published"],
        url=meta["url"],
        language=stated.get("language"),
        metadata={"extraction": "whole page (too large for article extraction)"},
    )


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = _SPACES.sub(" ", _restore(str(value))).strip()
    return text or None


# -- body --------------------------------------------------------------------


def body_text(body: etree._Element) -> str:
    """trafilatura's body XML as canonical text: one blank line between blocks."""
    blocks = [block for element in body for block in _blocks(element)]
    return "\n\n".join(block for block in blocks if block)


def _blocks(element: etree._Element) -> Iterator[str]:
    yield from _own_blocks(element)
    # Text after a block with no element of its own ("<head>What the union
    # says</head>The union says pay has fallen…") is a paragraph of the story.
    if element.tail and element.tail.strip():
        yield _SPACES.sub(" ", element.tail.replace("\n", " ")).strip()


def _own_blocks(element: etree._Element) -> Iterator[str]:
    tag = element.tag
    if tag == "list":
        yield "\n".join(_list_lines(element))
    elif tag == "table":
        rows = (
            "\t".join(_inline(cell) for cell in row.findall("cell"))
            for row in element.findall("row")
        )
        yield "\n".join(row for row in rows if row.strip())
    elif tag in ("quote", "div") and any(
        child.tag in ("p", "list", "head", "table") for child in element
    ):
        for child in element:
            yield from _blocks(child)
    elif tag == "graphic":
        return
    else:
        yield _inline(element)


def _list_lines(element: etree._Element) -> Iterator[str]:
    for item in element.findall("item"):
        own = _inline(item, skip=("list",))
        if own:
            yield own
        for nested in item.findall("list"):
            yield from _list_lines(nested)


def _inline(element: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """The text of one block: whitespace collapsed as HTML does, <lb/> kept as a line break."""
    parts: list[str] = []
    _collect(element, parts, skip)
    joined = "".join(parts)
    if "\n" not in joined:
        return _SPACES.sub(" ", joined).strip()
    lines = (_SPACES.sub(" ", line).strip() for line in joined.split("\n"))
    return "\n".join(line for line in lines if line)


def _collect(element: etree._Element, parts: list[str], skip: tuple[str, ...]) -> None:
    if element.text:
        parts.append(element.text.replace("\n", " "))
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in skip and child.tag != "graphic":
            _collect(child, parts, skip)
        if child.tail:
            parts.append(child.tail.replace("\n", " "))
