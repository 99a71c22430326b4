"""Exporters, one module per format: an ExportSet in, bytes out.

`export_to_path` writes through a temporary file beside the target and
renames it into place, so a failed or cancelled export never leaves a
half-written file where the user expects a whole one. It says what it wrote
and which claims the format could not carry, with the reason (outcome.py).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from annotator.backups.service import project_part
from annotator.exchange.exporters.collect import (
    ExportCancelled,
    ExportError,
    ExportSet,
    ExportSource,
    Progress,
    collect,
    no_progress,
)
from annotator.exchange.exporters.outcome import ExportResult, Skipped, split
from annotator.files import output_refusal
from annotator.search.service import ClaimFilter

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "ExportFormat",
    "ExportResult",
    "ExportSet",
    "ExportSource",
    "Skipped",
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


def _on_first_use(module: str) -> Writer:
    """A writer whose module (lxml, zip, templates) is imported when it first writes:
    the window lists the formats at start-up but should not pay for all of them."""

    def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
        writer: Writer = importlib.import_module(f"annotator.exchange.exporters.{module}").write
        writer(data, out, progress)

    write.__qualname__ = f"annotator.exchange.exporters.{module}.write"
    return write


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", "CSV spreadsheet", ".csv", _on_first_use("spreadsheet")),
        ExportFormat("json", "Annotator JSON (lossless)", ".json", _on_first_use("native")),
        ExportFormat(
            "w3c", "W3C Web Annotation (JSON-LD)", ".jsonld", _on_first_use("web_annotation")
        ),
        ExportFormat(
            "claimreview", "schema.org ClaimReview (JSON-LD)", ".json", _on_first_use("claimreview")
        ),
        ExportFormat("refi", "REFI-QDA project (.qdpx)", ".qdpx", _on_first_use("refi_qda")),
        ExportFormat("html", "HTML report", ".html", _on_first_use("html_report")),
        ExportFormat("md", "Markdown report", ".md", _on_first_use("markdown_report")),
    )
}


def export_to_path(
    project: ExportSource,
    format_name: str,
    path: Path,
    filters: ClaimFilter | None = None,
    progress: Progress = no_progress,
    draft: bool = False,
) -> ExportResult:
    """Write the claims the filters select to path: what was written, what was left out and why.

    `draft` (ClaimReview only) writes reviews that have no review URL yet.
    """
    if project.path is not None:
        refused = project_part(project.path, Path(path))
        if refused is not None:
            raise ExportError(f"{path}: {refused}; choose another file to export to")
    fmt = FORMATS.get(format_name)
    if fmt is None:
        raise ExportError(
            f"unknown export format {format_name!r} (use one of: {', '.join(FORMATS)})"
        )
    with cyclic_gc_paused():
        data, skipped = split(collect(project, filters, draft=draft), format_name)
        if format_name == "claimreview" and data.publisher is None and not draft:
            raise ExportError(
                f"{path}: a ClaimReview names its publisher: set it first "
                "(annotator publisher --name NAME --url URL, or Project > Publisher…), "
                "or export with --draft"
            )
        written = write_set(data, fmt, path, progress)
    return ExportResult(Path(path), format_name, written, skipped)


def ordinary_mode() -> int:
    """The mode a new file gets under the user's umask (0644 under the usual 022).

    A temporary file is made 0600; renamed into place as it is, a report meant
    for colleagues could not be read by them.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no /proc: read it by setting it, then put it back at once
    os.umask(mask)
    return 0o666 & ~mask


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
    refused = output_refusal(path)
    if refused is not None:
        raise ExportError(f"{path}: {refused}")
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
        os.chmod(temp, ordinary_mode())
        os.replace(temp, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return len(data.claims)
