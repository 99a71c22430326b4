"""Importers: one module per format, each turns a file's bytes into an ImportedArticle.

`read_file` picks the importer by extension and applies the shared limits, so
every format refuses hostile input the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.errors import ImportFailure
from annotator.importers import markdown, plaintext
from annotator.models import ImportedArticle

# bytes, source name -> article
Reader = Callable[[bytes, str], ImportedArticle]

READERS: dict[str, Reader] = {
    ".txt": plaintext.read,
    ".text": plaintext.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
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
            source, f"unsupported file type '{path.suffix or '(none)'}' "
            f"(supported: {', '.join(supported_suffixes())})"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailure(
                source, f"is {size // (1024 * 1024)} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(source, f"cannot be read ({exc.strerror or exc})") from exc
    return reader(data, source)


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given, folders walked in name order for supported files."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READERS:
                    yield child
        else:
            yield path
