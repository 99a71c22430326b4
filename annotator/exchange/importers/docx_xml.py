"""WordprocessingML read as a stream: paragraphs, tables, text boxes and note marks.

python-docx builds the whole document tree and sees only the body's direct
paragraphs and tables: text boxes, nested tables, footnotes and Strict Open
XML files are invisible to it, and a 195 MB document costs gigabytes. Here
the XML is read with lxml's `iterparse`, one element at a time, each element
freed once read, under a budget of paragraphs and characters: a document
past it is refused at once with the reason, never read for minutes.

What is read: every paragraph's runs (text, tabs, line breaks, soft and
non-breaking hyphens), wherever the paragraph sits: in the body, a table
cell (nested tables included), a text box or a content control. What is
left out: deleted and moved-away revisions, field instructions, and a text
box's fallback copy (`mc:Fallback` repeats the `mc:Choice` for old readers).
Comments live in their own part, which is never read. Entities are never
resolved and nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from annotator.errors import ImportFailure

NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  # transitional
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict
)
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# One article's worth: more than this is a data dump or a bomb, not something to annotate.
MAX_PARAGRAPHS = 200_000
MAX_TEXT_CHARS = 20_000_000

_NAMES = (
    "p",
    "t",
    "tab",
    "br",
    "cr",
    "noBreakHyphen",
    "softHyphen",
    "tbl",
    "tr",
    "tc",
    "del",
    "moveFrom",
    "pStyle",
    "footnoteReference",
    "endnoteReference",
    "footnote",
    "endnote",
)
_LOCAL = {f"{{{ns}}}{name}": name for ns in NAMESPACES for name in _NAMES}
_VAL = tuple(f"{{{ns}}}val" for ns in NAMESPACES)
_ID = tuple(f"{{{ns}}}id" for ns in NAMESPACES)
_TYPE = tuple(f"{{{ns}}}type" for ns in NAMESPACES)
_RUN_TEXT = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-", "softHyphen": "\u00ad"}
_SKIPPED = {"del", "moveFrom"}


@dataclass
class Block:
    """One paragraph, or one table (a line per row, cells tab-separated).

    In a notes part, "note-start" and "note-end" blocks (no text) bound each note.
    """

    text: str
    style: str | None = None
    # (kind, id) of the footnote and endnote marks in it, in order
    marks: list[tuple[str, str]] = field(default_factory=list)
    kind: str = "block"


@dataclass
class _Paragraph:
    parts: list[str] = field(default_factory=list)
    style: str | None = None
    marks: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Table:
    depth: int  # paragraphs open around the table: its cells' paragraphs are one deeper
    rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    cell: list[str] | None = None
    marks: list[tuple[str, str]] = field(default_factory=list)

    def holds(self, paragraphs_open: int) -> bool:
        """Whether a block ending with this many paragraphs open is in the open cell."""
        return self.cell is not None and paragraphs_open == self.depth


class Budget:
    """Paragraphs and characters left for one document; past them it is refused."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.paragraphs = 0
        self.chars = 0

    def paragraph(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise ImportFailure(
                self.source,
                f"holds more than {MAX_PARAGRAPHS:,} paragraphs, over the limit for one article",
            )

    def text(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > MAX_TEXT_CHARS:
            raise ImportFailure(
                self.source,
                f"holds more than {MAX_TEXT_CHARS // 1_000_000} million characters of text, "
                "over the limit for one article",
            )


def _attr(element: etree._Element, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = element.get(name)
        if value is not None:
            return value
    return None


def _events(stream: IO[bytes]) -> Iterator[tuple[str, etree._Element]]:
    return etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )


def blocks(stream: IO[bytes], budget: Budget) -> Iterator[Block]:
    """The top-level blocks of a document part (document.xml), in order."""
    return _walk(_events(stream), budget)


def notes(stream: IO[bytes], budget: Budget) -> Iterator[tuple[str, str, str]]:
    """(kind, id, text) of each footnote or endnote in a notes part (separators left out)."""
    current: tuple[str, str] | None = None
    texts: list[str] = []
    for block in _walk(_events(stream), budget):
        if block.kind == "note-start":
            current, texts = block.marks[0], []
        elif block.kind == "note-end":
            if current is not None and texts:
                yield current[0], current[1], " ".join(texts)
            current = None
        elif current is not None and block.text:
            texts.append(block.text)


def _walk(events: Iterator[tuple[str, etree._Element]], budget: Budget) -> Iterator[Block]:
    paragraphs: list[_Paragraph] = []
    tables: list[_Table] = []
    skipped = 0  # depth inside deleted text or a fallback copy
    for event, element in events:
        name = _LOCAL.get(element.tag) if isinstance(element.tag, str) else None
        if event == "start":
            if element.tag == MC_FALLBACK or name in _SKIPPED:
                skipped += 1
            elif skipped or name is None:
                pass
            elif name == "p":
                paragraphs.append(_Paragraph())
            elif name == "tbl":
                tables.append(_Table(depth=len(paragraphs)))
            elif name == "tr" and tables:
                tables[-1].row = []
            elif name == "tc" and tables:
                tables[-1].cell = []
            elif name in ("footnote", "endnote") and _attr(element, _TYPE) in (None, "normal"):
                yield Block("", None, [(name, _attr(element, _ID) or "")], "note-start")
            continue
        if element.tag == MC_FALLBACK or name in _SKIPPED:
            skipped -= 1
        elif skipped or name is None:
            pass
        elif name == "t":
            if paragraphs and element.text:
                budget.text(element.text)
                paragraphs[-1].parts.append(element.text)
        elif name in _RUN_TEXT:
            if paragraphs:
                paragraphs[-1].parts.append(_RUN_TEXT[name])
        elif name == "pStyle":
            if paragraphs:
                paragraphs[-1].style = _attr(element, _VAL)
        elif name in ("footnoteReference", "endnoteReference"):
            if paragraphs:
                paragraphs[-1].marks.append((name[: -len("Reference")], _attr(element, _ID) or ""))
        elif name == "p" and paragraphs:
            budget.paragraph()
            paragraph = paragraphs.pop()
            text = _paragraph_text(paragraph.parts)
            if tables and tables[-1].holds(len(paragraphs)):
                if text:
                    tables[-1].cell.append(text)  # type: ignore[union-attr]
                tables[-1].marks.extend(paragraph.marks)
            else:
                yield Block(text, paragraph.style, paragraph.marks)
        elif name == "tc" and tables:
            table = tables[-1]
            if table.row is not None and table.cell is not None:
                table.row.append(" / ".join(table.cell))
            table.cell = None
        elif name == "tr" and tables:
            if tables[-1].row is not None:
                tables[-1].rows.append(tables[-1].row)
            tables[-1].row = None
        elif name == "tbl" and tables:
            table = tables.pop()
            text = "\n".join("\t".join(row) for row in table.rows if any(c.strip() for c in row))
            if tables and tables[-1].holds(len(paragraphs)):
                # a nested table: its text belongs to the cell holding it
                if text:
                    tables[-1].cell.append(" / ".join(text.replace("\t", "\n").split("\n")))  # type: ignore[union-attr]
                tables[-1].marks.extend(table.marks)
            else:
                yield Block(text, None, table.marks)
        elif name in ("footnote", "endnote"):
            yield Block("", None, [], "note-end")
        # Read: free it, and the siblings before it, so memory stays flat.
        element.clear()
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]


def _paragraph_text(parts: list[str]) -> str:
    text = "".join(parts)
    if "\n" in text:
        return "\n".join(line.strip() for line in text.strip().split("\n"))
    return text.strip()
