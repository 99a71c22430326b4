"""Exporters, one module per format: an ExportSet in, bytes out.

`export_to_path` writes through a temporary file beside the target and
renames it into place, so a failed or cancelled export never leaves a
half-written file where the user expects a whole one.
"""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from annotator.exporters import (
    claimreview,
    html_report,
    markdown_report,
    native,
    refi_qda,
    spreadsheet,
    web_annotation,
)
from annotator.exporters.collect import (
    ExportCancelled,
    ExportError,
    ExportSet,
    Progress,
    collect,
    no_progress,
)
from annotator.search import ClaimFilter

if TYPE_CHECKING:
    from annotator.project import Project

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "ExportFormat",
    "ExportSet",
    "collect",
    "export_to_path",
]

Writer = Callable[[ExportSet, IO[bytes], Progress], None]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    write: Writer


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", "CSV spreadsheet", ".csv", spreadsheet.write),
        ExportFormat("json", "Annotator JSON (lossless)", ".json", native.write),
        ExportFormat("w3c", "W3C Web Annotation (JSON-LD)", ".jsonld", web_annotation.write),
        ExportFormat("claimreview", "schema.org ClaimReview (JSON-LD)", ".json", claimreview.write),
        ExportFormat("refi", "REFI-QDA project (.qdpx)", ".qdpx", refi_qda.write),
        ExportFormat("html", "HTML report", ".html", html_report.write),
        ExportFormat("md", "Markdown report", ".md", markdown_report.write),
    )
}


def export_to_path(
    project: Project,
    format_name: str,
    path: Path,
    filters: ClaimFilter | None = None,
    progress: Progress = no_progress,
) -> int:
    """Write the claims the filters select to path; returns how many claims were written."""
    fmt = FORMATS.get(format_name)
    if fmt is None:
        raise ExportError(
            f"unknown export format {format_name!r} (use one of: {', '.join(FORMATS)})"
        )
    with cyclic_gc_paused():
        data = collect(project, filters)
        return write_set(data, fmt, path, progress)


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while an export builds millions of small objects.

    Exports make only acyclic values (tuples, dicts, lists, strings), freed by
    reference counting as ever; but every 700 allocations the collector
    wakes and, as the claims pile up, walks all of them again: a third to a
    half of an export's time on 100,000 claims. It is switched back on after
    (if it was on), whatever happens.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_set(
    data: ExportSet, fmt: ExportFormat, path: Path, progress: Progress = no_progress
) -> int:
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed into place
            dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
        )
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    temp = Path(handle.name)
    try:
        with handle:
            # The file itself, not the wrapper, whose __getattr__ costs on every write.
            fmt.write(data, handle.file, progress)
        os.replace(temp, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return len(data.claims)
