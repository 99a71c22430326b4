"""Parsing a saved web page into an lxml tree without ever losing its text silently.

libxml2, under lxml, stops building the tree at 256 nested elements and drops
everything after that point with only an entry in the parser's error log: a
page nested deeper would import as a stub. When that happens the page is
flattened (tags beyond FLATTEN_DEPTH removed, their text kept) by the
standard library's streaming tokenizer, which has no depth limit and no
recursion, and parsed again. Nothing is fetched: the parser never loads
external entities or DTDs, and scripts are only ever text to be dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser as TokenStream

import lxml.html
from lxml import etree

from annotator.errors import ImportFailure

# Nesting kept when a too-deep page is flattened: far deeper than any real
# layout, far below libxml2's limit of 256 and Python's recursion limit
# (trafilatura walks some trees recursively).
FLATTEN_DEPTH = 64
# The encoding a page names for itself is looked for in its first bytes only,
# as browsers do (the HTML standard's prescan reads 1024 bytes).
CHARSET_PRESCAN_BYTES = 4096

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Pictures inlined as data: URIs (pages saved with SingleFile and the like) run
# to megabytes in one attribute, past libxml2's limits; they are never text.
_INLINE_DATA = re.compile(r"data:[\w.+-]+/[\w.+-]+(?:;[\w.+=-]+)*;base64,[A-Za-z0-9+/=\s]{512,}")
# Elements whose boundaries separate text: when one is flattened away a <br>
# takes its place, so two paragraphs never run together ("year.Ministers").
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def declared_charset(data: bytes) -> str | None:
    """The charset named by a <meta> tag near the top of the page, if any."""
    match = _CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def _new_parser() -> lxml.html.HTMLParser:
    # One parser per page: parsers are not shared between threads, and the
    # error log read below must be this page's alone.
    # lxml-stubs lag lxml: default_doctype is a real HTMLParser option since lxml 2.3
    return lxml.html.HTMLParser(  # type: ignore[call-arg]
        collect_ids=False,
        default_doctype=False,
        remove_comments=True,
        remove_pis=True,
        no_network=True,
    )


def _parse(text: str, source: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The tree, and whether libxml2 hit a resource limit (and so dropped text)."""
    parser = _new_parser()
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ImportFailure(source, "holds no HTML that could be read") from exc
    truncated = any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)
    return tree, truncated


def parse_page(text: str, source: str) -> lxml.html.HtmlElement:
    """Parse a page; a page nested too deep for libxml2 is flattened first."""
    # lxml refuses str input that carries an XML encoding declaration (XHTML).
    text = _XML_DECLARATION.sub("", text, count=1)
    if "base64," in text:
        text = _INLINE_DATA.sub("data:,", text)
    tree, truncated = _parse(text, source)
    if not truncated:
        return tree
    tree, truncated = _parse(flatten(text, FLATTEN_DEPTH), source)
    if truncated:
        raise ImportFailure(source, "is too large or too deeply nested to read safely")
    return tree


class _Flattener(TokenStream):
    """Re-emits markup with every tag deeper than max_depth removed, text kept."""

    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=False)
        self.limit = limit
        self.out: list[str] = []
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()
        self.pending_break = False

    def _dropped(self, tag: str) -> None:
        if tag in _BLOCK:
            self.pending_break = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if len(self.stack) < self.limit:
                self.out.append(self.get_starttag_text() or "")
            return
        self.stack.append(tag)
        self.open[tag] += 1
        if len(self.stack) <= self.limit:
            self.out.append(self.get_starttag_text() or "")
        else:
            self._dropped(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) < self.limit:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.open[tag]:
            return  # a stray end tag: browsers ignore it too
        while self.stack:
            depth = len(self.stack)
            top = self.stack.pop()
            self.open[top] -= 1
            if depth <= self.limit:
                self.out.append(f"</{top}>")
            else:
                self._dropped(top)
            if top == tag:
                return

    def _text(self, raw: str, visible: bool) -> None:
        if self.pending_break and visible:
            self.out.append("<br>")
            self.pending_break = False
        self.out.append(raw)

    def handle_data(self, data: str) -> None:
        self._text(data, bool(data.strip()))

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};", True)

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};", True)

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def flatten(text: str, limit: int) -> str:
    """The page's markup with nesting cut at `limit`: no character of text is lost."""
    flattener = _Flattener(limit)
    flattener.feed(text)
    flattener.close()
    return "".join(flattener.out)
