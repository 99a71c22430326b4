"""Word documents (.docx): paragraphs and tables in document order.

python-docx reads the body; headers, footers and comments are left out as
page furniture. A .docx is a ZIP archive, so its declared unpacked size is
checked before anything is inflated (a zip bomb is refused, not expanded),
and python-docx parses its XML without resolving entities.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from annotator.errors import ImportFailure
from annotator.models import ImportedArticle
from annotator.text.decode import normalise_newlines
from annotator.text.titles import title_from_text

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
BLOCK_SEPARATOR = "\n\n"
_ZIP_MAGIC = b"PK\x03\x04"


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
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
        core = _core(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise ImportFailure(source, "is a damaged Word document (parts are missing)") from exc
    except etree.LxmlError as exc:
        raise ImportFailure(source, "is a damaged Word document (its XML is broken)") from exc
    except Exception as exc:  # python-docx meets broken packages with many error types
        raise ImportFailure(source, f"is a damaged Word document ({type(exc).__name__})") from exc
    text = BLOCK_SEPARATOR.join(block for block in blocks if block.strip())
    if not text.strip():
        raise ImportFailure(source, "holds no text")
    title = core.get("title") or _first_heading(document) or title_from_text(text)
    return ImportedArticle(
        text=text,
        title=title,
        source_format="docx",
        source_name=source,
        author=core.get("author"),
        published=core.get("created"),
        language=core.get("language"),
        metadata={k: v for k, v in core.items() if k in ("subject", "keywords", "modified") and v},
    )


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


def _blocks(document: Document) -> Iterator[str]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _clean(item.text)
        elif isinstance(item, Table):
            yield _table_text(item)


def _table_text(table: Table) -> str:
    """One line per row, cells tab-separated; a merged cell is written once."""
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" / ".join(_clean(p.text) for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            lines.append("\t".join(cells))
    return "\n".join(lines)


def _clean(text: str) -> str:
    return normalise_newlines(text).strip()


def _first_heading(document: Document) -> str | None:
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if (style == "Title" or style.startswith("Heading")) and paragraph.text.strip():
            return _clean(paragraph.text)
    return None


def _core(document: Document) -> dict[str, Any]:
    props = document.core_properties
    core: dict[str, Any] = {}
    for key in ("title", "author", "subject", "keywords", "language"):
        value = getattr(props, key, None)
        if isinstance(value, str) and value.strip():
            core[key] = value.strip()
    for key in ("created", "modified"):
        value = getattr(props, key, None)
        if value is not None:
            core[key] = value.isoformat()
    return core
