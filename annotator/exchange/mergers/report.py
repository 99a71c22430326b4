"""What a merge did, for the CLI, the GUI and its undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.models import Changes

NOUNS = (
    "codebook",
    "speakers",
    "articles",
    "documents",
    "datasets",
    "evidence",
    "claims",
    "links",
)
# Tables a merge adds rows to, in the order an undo removes them.
UNDO_ORDER = (
    "claim_links",
    "claim_evidence",
    "claims",
    "evidence",
    "documents",
    "datasets",
    "speakers",
    "articles",
    "vocab",
    "publisher",  # its one row (id 1), when the merge set it
)


# Told (done, total) of the file's articles and claims as a merge goes; it may raise
# annotator.errors.Cancelled, which rolls the whole merge back (a background job's Cancel).
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 50  # items between reports: a Cancel is seen well within a second


def no_progress(_done: int, _total: int) -> None:
    return None


class Ticker:
    """Counts the items a merge has been through, telling `progress` every PROGRESS_EVERY."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total = total
        self.done = 0
        self.progress = progress
        progress(0, total)

    def __call__(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0 or self.done == self.total:
            self.progress(self.done, self.total)


@dataclass
class MergeReport:
    """What a merge did: counts added and already there, orphans, and what was left out."""

    source: str
    format: str
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NOUNS, 0))
    existing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NOUNS, 0))
    orphans: list[dict[str, Any]] = field(default_factory=list)
    fuzzy: list[dict[str, Any]] = field(default_factory=list)  # found approximately: to review
    by_quote: list[dict[str, Any]] = field(default_factory=list)  # no URL: article found by quote
    left_out: list[dict[str, str]] = field(default_factory=list)
    added_ids: dict[str, list[int]] = field(default_factory=lambda: {t: [] for t in UNDO_ORDER})

    def record_added(self, noun: str, table: str, row_id: int) -> None:
        """A row the merge added: counted, and remembered for the undo."""
        self.added[noun] += 1
        self.added_ids[table].append(row_id)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "format": self.format,
            "added": dict(self.added),
            "existing": dict(self.existing),
            "orphans": list(self.orphans),
            "fuzzy": list(self.fuzzy),
            "matched_by_quote": list(self.by_quote),
            "left_out": list(self.left_out),
        }

    @property
    def changes(self) -> Changes:
        return Changes(everything=True, speakers=True, codebook=True, evidence=True)
