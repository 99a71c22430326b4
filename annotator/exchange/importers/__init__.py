"""Importers: one module per format, each turns a file's bytes into an ImportedArticle.

`read_file` picks the importer by extension and applies the shared limits, so
every format refuses hostile input the same way. Format modules load on first
use: trafilatura, pypdf and python-docx cost start-up time nobody needs until
a file of that kind arrives.
"""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.errors import ImportFailure
from annotator.models import ImportedArticle, ImportOutcome

# bytes, source name -> article
Reader = Callable[[bytes, str], ImportedArticle]


def _on_first_use(module: str) -> Reader:
    def read(data: bytes, source: str) -> ImportedArticle:
        reader: Reader = importlib.import_module(module).read
        return reader(data, source)

    read.__qualname__ = f"{module}.read"
    return read


READERS: dict[str, Reader] = {
    ".txt": _on_first_use("annotator.exchange.importers.plaintext"),
    ".text": _on_first_use("annotator.exchange.importers.plaintext"),
    ".md": _on_first_use("annotator.exchange.importers.markdown"),
    ".markdown": _on_first_use("annotator.exchange.importers.markdown"),
    ".html": _on_first_use("annotator.exchange.importers.html"),
    ".htm": _on_first_use("annotator.exchange.importers.html"),
    ".xhtml": _on_first_use("annotator.exchange.importers.html"),
    ".pdf": _on_first_use("annotator.exchange.importers.pdf"),
    ".docx": _on_first_use("annotator.exchange.importers.docx"),
}
NO_FILES_REASON = "folder holds no .txt, .md, .html, .pdf or .docx files"

MAX_FILE_BYTES = 50 * 1024 * 1024


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def source_name(path: Path) -> str:
    """The path as text SQLite can store: bytes of the name that are not UTF-8
    (kept by Python as lone surrogates) are written as `\\xe9` escapes."""
    name = str(path)
    if name.isascii():
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def read_file(path: Path) -> ImportedArticle:
    """Read one file into an article, or raise ImportFailure naming it."""
    source = source_name(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFailure(
            source,
            f"unsupported file type '{path.suffix or '(none)'}' "
            f"(supported: {', '.join(supported_suffixes())})",
        )
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # a device or pipe (/dev/zero) has no size and would be read forever
            raise ImportFailure(source, "is not a regular file")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailure(
                source,
                f"is {size // (1024 * 1024)} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit",
            )
        with path.open("rb") as stream:  # capped: a file may grow while it is read
            data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ImportFailure(
                source, f"grew past the {MAX_FILE_BYTES // (1024 * 1024)} MB limit while being read"
            )
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


OUTSIDE_LINK_REASON = (
    "is a symbolic link to {target}, outside the folder: skipped "
    "(import it by name, or pass --follow-symlinks)"
)
NOT_REGULAR_REASON = "is not a regular file (a pipe, socket or device): skipped"
BROKEN_LINK_REASON = "is a symbolic link to nothing: skipped"

OUTSIDE_FOLDER_LINK_REASON = (
    "is a symbolic link to the folder {target}, outside the folder: not walked "
    "(import that folder by name)"
)


def _outside(child: Path, root: Path) -> Path | None:
    """Where a symbolic link inside `root` points, when that is outside `root`."""
    if not child.is_symlink():
        return None
    target = child.resolve()
    base = root.resolve()
    return None if target == base or base in target.parents else target


def expand_paths(
    paths: list[Path],
    follow_symlinks: bool = False,
    skipped: list[ImportOutcome] | None = None,
) -> Iterator[Path]:
    """Files as given, folders walked in name order for supported files.

    Hidden files and folders (".git", ".DS_Store") and Office lock files
    ("~$report.docx") inside a folder are skipped: they are never articles.
    A symbolic link inside a folder that points outside it (to a home
    folder's files, to /etc) is not followed unless asked: it is skipped and
    reported in `skipped`. A file named on its own is read wherever it is.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(part.startswith((".", "~$")) for part in relative):
                    continue
                if child.suffix.lower() not in READERS and not child.is_dir():
                    continue
                linked_folder = child.is_dir()  # rglob never walks into a linked folder
                target = None if follow_symlinks and not linked_folder else _outside(child, path)
                if target is not None:
                    if skipped is not None:
                        template = (
                            OUTSIDE_FOLDER_LINK_REASON if linked_folder else OUTSIDE_LINK_REASON
                        )
                        reason = template.format(target=source_name(target))
                        skipped.append(ImportOutcome(source_name(child), "failed", reason=reason))
                    continue
                if child.is_file():
                    yield child
                elif not linked_folder and skipped is not None:
                    # a pipe would wait for a writer, a device never ends
                    reason = NOT_REGULAR_REASON if child.exists() else BROKEN_LINK_REASON
                    skipped.append(ImportOutcome(source_name(child), "failed", reason=reason))
        else:
            yield path


def collect_files(
    paths: list[Path], follow_symlinks: bool = False
) -> tuple[list[Path], list[ImportOutcome]]:
    """The files to import (folders expanded) and a failure for each folder with none
    and each symbolic link out of a folder that was not followed."""
    files: list[Path] = []
    failures: list[ImportOutcome] = []
    for path in paths:
        if path.is_dir():
            skipped: list[ImportOutcome] = []
            found = list(expand_paths([path], follow_symlinks, skipped))
            if not found and not skipped:
                failures.append(ImportOutcome(str(path), "failed", reason=NO_FILES_REASON))
            failures.extend(skipped)
            files.extend(found)
        else:
            files.append(path)
    return files, failures
