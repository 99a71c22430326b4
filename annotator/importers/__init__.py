"""Importers: one module per format, each turns a file's bytes into an ImportedArticle.

`read_file` picks the importer by extension and applies the shared limits, so
every format refuses hostile input the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.errors import ImportFailure
from annotator.importers import docx, html, markdown, pdf, plaintext
from annotator.models import ImportedArticle

# bytes, source name -> article
Reader = Callable[[bytes, str], ImportedArticle]

READERS: dict[str, Reader] = {
    ".txt": plaintext.read,
    ".text": plaintext.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
    ".xhtml": html.read,
    ".pdf": pdf.read,
    ".docx": docx.read,
}

MAX_FILE_BYTES = 50 * 1024 * 1024


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def read_file(path: Path) -> ImportedArticle:
    """Read one file into an article, or raise ImportFailure naming it."""
    source = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFailure(
            source,
            f"unsupported file type '{path.suffix or '(none)'}' "
            f"(supported: {', '.join(supported_suffixes())})",
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailure(
                source,
                f"is {size // (1024 * 1024)} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(source, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        return reader(data, source)
    except ImportFailure:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ImportFailure(
            source, f"is too large or too complex to read ({type(exc).__name__})"
        ) from exc
    except Exception as exc:  # a parser bug must cost one file, never the rest of a batch
        raise ImportFailure(source, f"could not be read ({type(exc).__name__}: {exc})") from exc


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given, folders walked in name order for supported files.

    Hidden files and folders (".git", ".DS_Store") and Office lock files
    ("~$report.docx") inside a folder are skipped: they are never articles.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(part.startswith((".", "~$")) for part in relative):
                    continue
                if child.is_file() and child.suffix.lower() in READERS:
                    yield child
        else:
            yield path
