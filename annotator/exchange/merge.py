"""Merging a colleague's claim set into the open project (project.merge).

One merge is one transaction: codebook values, speakers, articles, documents,
evidence, claims and links are matched first (by uid, by name, by text hash
or URL) and only what is missing is added, so merging the same file twice adds
nothing. Claims are anchored by their quote and its context
(annotator.anchoring.quotes): the occurrence whose prefix and suffix agree,
the stated position only breaking ties, else approximately (`fuzzy`), else an
orphan on its article; never on words whose context disagrees.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.exchange.mergers import Incoming, MergeRefused, read_path
from annotator.exchange.mergers.apply import Merge
from annotator.exchange.mergers.report import UNDO_ORDER, MergeReport, Progress, no_progress
from db import datasets as dataset_q
from db import exchange as q

if TYPE_CHECKING:
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase

__all__ = ["MergeError", "MergeManager", "MergeReport"]


class MergeError(MergeRefused):
    """The file was refused; the message names it and says why."""


class MergeManager:
    def __init__(self, db: ProjectDatabase, speakers: SpeakerManager) -> None:
        self._db = db
        self._speakers = speakers
        self._progress: Progress = no_progress

    @contextmanager
    def reporting(self, progress: Progress) -> Iterator[None]:
        """Merges made inside tell `progress` how far they are; it may raise Cancelled.

        The recorded step (history's merge_file) reaches apply() through the
        history's one `do`, which passes only the payload; a background job
        wraps that call in this, on its own connection's manager.
        """
        before, self._progress = self._progress, progress
        try:
            yield
        finally:
            self._progress = before

    def read(self, path: Path) -> Incoming:
        """Parse and check a file without touching the project (raises MergeError)."""
        try:
            return read_path(Path(path))
        except MergeRefused as exc:
            raise MergeError(f"{path}: {exc}") from exc

    def merge_file(self, path: Path) -> MergeReport:
        return self.apply(self.read(path), str(path))

    def apply(
        self, incoming: Incoming, source: str, progress: Progress | None = None
    ) -> MergeReport:
        """Merge what was read, in one transaction; Cancelled from progress rolls it all back."""
        report = MergeReport(source=source, format=incoming.format)
        for ref, reason in incoming.left_out:
            report.left_out.append({"id": ref, "reason": reason})
        try:
            with self._db.atomic():
                Merge(self._db, self._speakers, incoming, report, progress or self._progress).run()
        except sqlite3.Error as exc:  # a row the schema refuses: the whole merge is rolled back
            raise MergeError(f"{source}: could not be merged ({exc}); nothing was merged") from exc
        return report

    def undo(self, report: MergeReport) -> None:
        """Remove exactly what a merge added (the undo of File > Merge)."""
        with self._db.atomic():
            for table in UNDO_ORDER:
                ids = list(reversed(report.added_ids.get(table, [])))
                if table == "datasets":
                    for dataset_id in ids:
                        dataset_q.drop_table(self._db, dataset_q.table_name(dataset_id))
                q.delete_rows(self._db, table, ids)
