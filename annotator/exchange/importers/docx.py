"""Word documents (.docx): the body's paragraphs and tables in order, then the notes.

The package's XML is read with lxml (docx_xml), not python-docx, which sees
neither text boxes, nested tables, footnotes nor Strict Open XML. Footnotes
and endnotes come after the body as a "Notes" section, one paragraph each,
numbered in the order their marks appear and naming the paragraph that holds
the mark ("1. (paragraph 4) …"). Headers, footers and comments are page
furniture and stay out. A .docx is a ZIP archive, so its declared unpacked
size is checked before anything is inflated (a zip bomb is refused, not
expanded), and the XML is parsed as a stream under a paragraph and
character budget, without resolving entities.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import IO, Any

from lxml import etree

from annotator.errors import ImportFailure
from annotator.exchange.importers.docx_xml import NAMESPACES, Block, Budget, blocks, notes
from annotator.models import ImportedArticle
from annotator.text.titles import title_from_text

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
BLOCK_SEPARATOR = "\n\n"
_ZIP_MAGIC = b"PK\x03\x04"


NOTES_HEADING = "Notes"
# A styles or properties part larger than this is not read (they are small).
MAX_SMALL_PART_BYTES = 8 * 1024 * 1024
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "subject": "{http://purl.org/dc/elements/1.1/}subject",
    "language": "{http://purl.org/dc/elements/1.1/}language",
    "keywords": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
    "created": "{http://purl.org/dc/terms/}created",
    "modified": "{http://purl.org/dc/terms/}modified",
}


def read(data: bytes, source: str) -> ImportedArticle:
    if not data.strip():
        raise ImportFailure(source, "is empty")
    if not data.startswith(_ZIP_MAGIC):
        raise ImportFailure(
            source,
            "is not a Word .docx document (not a ZIP package; an old .doc? save it as .docx)",
        )
    _check_package(data, source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = _Parts(package, source)
            budget = Budget(source)
            with parts.open("document") as stream:
                body = [block for block in blocks(stream, budget) if block.text.strip()]
            found: dict[tuple[str, str], str] = {}
            for kind in ("footnotes", "endnotes"):
                if parts.has(kind):
                    with parts.open(kind) as stream:
                        for note_kind, note_id, text in notes(stream, budget):
                            found[(note_kind, note_id)] = text
            styles = parts.style_names()
            core = parts.core()
    except ImportFailure:
        raise
    except (zipfile.BadZipFile, KeyError, EOFError) as exc:
        raise ImportFailure(source, "is a damaged Word document (parts are missing)") from exc
    except etree.LxmlError as exc:
        raise ImportFailure(source, "is a damaged Word document (its XML is broken)") from exc
    texts = [block.text for block in body]
    note_lines, note_records = _notes_section(body, found)
    if note_lines:
        texts += [NOTES_HEADING, *note_lines]
    text = BLOCK_SEPARATOR.join(texts)
    if not text.strip():
        raise ImportFailure(source, "holds no text")
    title = core.get("title") or _first_heading(body, styles) or title_from_text(text)
    metadata: dict[str, Any] = {
        k: v for k, v in core.items() if k in ("subject", "keywords", "modified") and v
    }
    if note_records:
        metadata["notes"] = note_records
    return ImportedArticle(
        text=text,
        title=title,
        source_format="docx",
        source_name=source,
        author=core.get("author"),
        published=core.get("created"),
        language=core.get("language"),
        metadata=metadata,
    )


def _notes_section(
    body: list[Block], found: dict[tuple[str, str], str]
) -> tuple[list[str], list[dict[str, Any]]]:
    """One line per note, in the order of their marks, each naming its mark's paragraph."""
    lines: list[str] = []
    records: list[dict[str, Any]] = []
    placed: set[tuple[str, str]] = set()
    for number, block in enumerate(body, start=1):
        for mark in block.marks:
            if mark in found and mark not in placed:
                placed.add(mark)
                lines.append(f"{len(lines) + 1}. (paragraph {number}) {found[mark]}")
                records.append({"number": len(lines), "kind": mark[0], "paragraph": number})
    for mark, text in found.items():  # notes whose mark was not found still hold text
        if mark not in placed:
            lines.append(f"{len(lines) + 1}. {text}")
            records.append({"number": len(lines), "kind": mark[0], "paragraph": None})
    return lines, records


class _Parts:
    """The package's parts by role, found through its relationships (Strict or transitional)."""

    def __init__(self, package: zipfile.ZipFile, source: str) -> None:
        self.package = package
        self.source = source
        self.names = set(package.namelist())
        root = self._relations("_rels/.rels", "")
        document = root.get("officeDocument")
        if document is None:
            document = "word/document.xml" if "word/document.xml" in self.names else None
        if document is None or document not in self.names:
            raise ImportFailure(source, "is a damaged Word document (parts are missing)")
        self.paths = {"document": document, "core": root.get("core-properties")}
        folder = posixpath.dirname(document)
        rels = posixpath.join(folder, "_rels", posixpath.basename(document) + ".rels")
        for role, path in self._relations(rels, folder).items():
            self.paths.setdefault(role, path)

    def _relations(self, part: str, folder: str) -> dict[str, str]:
        if part not in self.names:
            return {}
        found: dict[str, str] = {}
        root = _small_xml(self.package, part)
        for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            role = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            found.setdefault(role, path)
        return found

    def has(self, role: str) -> bool:
        return self.paths.get(role) in self.names

    def open(self, role: str) -> IO[bytes]:
        return self.package.open(self.paths[role] or "")

    def style_names(self) -> dict[str, str]:
        if not self.has("styles"):
            return {}
        names: dict[str, str] = {}
        root = _small_xml(self.package, self.paths["styles"] or "")
        for ns in NAMESPACES:
            for style in root.iter(f"{{{ns}}}style"):
                name = style.find(f"{{{ns}}}name")
                style_id = style.get(f"{{{ns}}}styleId")
                if style_id and name is not None:
                    names[style_id] = name.get(f"{{{ns}}}val") or style_id
        return names

    def core(self) -> dict[str, Any]:
        if not self.has("core"):
            return {}
        root = _small_xml(self.package, self.paths["core"] or "")
        core: dict[str, Any] = {}
        for key, tag in _CORE.items():
            element = root.find(tag)
            value = (element.text or "").strip() if element is not None else ""
            if value:
                core[key] = _iso(value) if key in ("created", "modified") else value
        return core


def _small_xml(package: zipfile.ZipFile, part: str) -> etree._Element:
    if package.getinfo(part).file_size > MAX_SMALL_PART_BYTES:
        return etree.Element("empty")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(package.read(part), parser)


def _iso(value: str) -> str:
    """W3CDTF as python-docx gave it: "2025-07-10T09:15:00Z" -> "2025-07-10T09:15:00+00:00"."""
    import datetime as dt

    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.isoformat()


def _check_package(data: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFailure(source, "is a damaged Word document (a broken ZIP package)") from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportFailure(source, f"holds {len(entries):,} parts, far more than a document has")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFailure(
            source,
            f"would unpack to {unpacked // (1024 * 1024):,} MB, over the "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB limit (a zip bomb?)",
        )


def _first_heading(body: list[Block], styles: dict[str, str]) -> str | None:
    for block in body:
        name = styles.get(block.style or "", block.style or "").lower()
        if (name == "title" or name.startswith("heading")) and block.text.strip():
            return block.text.strip()
    return None
