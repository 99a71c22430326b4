"""File > Merge…: bring a colleague's claim set (our JSON, W3C, Hypothesis) into the project.

The merge runs as a background job on the window's one JobRunner: the file
is read and checked, then merged and recorded as one history step in one
transaction on the job's own connection, with progress and Cancel. A bad
file is refused with one "Cannot merge" message and nothing changes; Cancel
rolls the transaction back, so nothing is merged and nothing is recorded.
Back on the GUI thread the done step goes onto the undo stack (which
repaints the views) and the summary box says what came in: undo removes
exactly what it added, redo merges the same file again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.errors import Cancelled
from annotator.history import steps
from annotator.project import Project
from ui.shell.job_runner import JobRunner, JobSpec
from ui.shell.jobs import Report, Stopped
from ui.shell.undo import push_done

if TYPE_CHECKING:
    # The mergers (and the exporters they use) load on the first merge: the
    # window's first paint does not need them (bench/startup.py).
    from annotator.exchange.mergers.report import MergeReport
    from ui.shell.host import Host

MERGE_JOB = JobSpec(
    "Merge claim set",
    "Merging",
    "articles and claims",
    busy="A merge is already running; wait for it or cancel it.",
    failed="Cannot merge",
)
MERGE_FILTER = "Claim sets (*.json *.jsonld);;All files (*)"
MAX_LISTED = 12  # left-out annotations named in the summary box


def summary(report: MergeReport) -> str:
    added = ", ".join(f"{n} {k}" for k, n in report.added.items() if n) or "nothing new"
    existing = ", ".join(f"{n} {k}" for k, n in report.existing.items() if n) or "none"
    lines = [f"Added: {added}.", f"Already in the project: {existing}."]
    if report.orphans:
        lines.append(
            f"{len(report.orphans)} claim(s) came in as orphans (quote not found in the text)."
        )
    if report.left_out:
        lines.append(f"{len(report.left_out)} annotation(s) left out:")
        lines.extend(f"  • {i['id']}: {i['reason']}" for i in report.left_out[:MAX_LISTED])
        if len(report.left_out) > MAX_LISTED:
            lines.append(f"  … and {len(report.left_out) - MAX_LISTED} more")
    return "\n".join(lines)


class MergeActions(QObject):
    """File > Merge… in a main window."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        self.runner = JobRunner(host, self)
        self.report: MergeReport | None = None  # what the last merge brought in
        host.add_action("file/exchange", "merge", "&Merge claim set…", self.choose, "Ctrl+Alt+M")
        host.on_close(self.runner.shutdown)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Merge a claim set", str(Path.home()), MERGE_FILTER
        )
        if name:
            self.merge(Path(name))

    def merge(self, path: Path) -> bool:
        """Merge one file as an undoable step, in the background; False when one is running."""
        payload = {"path": str(path)}

        def work(project: Project, report: Report, stopped: Stopped) -> steps.Done:
            def progress(done: int, total: int) -> None:
                if stopped():
                    raise Cancelled("merge cancelled")
                report(done, total, "")

            if stopped():  # cancelled before it began: the file is not even read
                raise Cancelled("merge cancelled")
            with project.merge.reporting(progress):
                return steps.do(project, "merge_file", payload)

        self.report = None
        return self.runner.run(MERGE_JOB, work, lambda *end: self._finish(path, *end))

    def _finish(self, path: Path, result: object, cancelled: bool, error: str) -> None:
        if not isinstance(result, steps.Done):
            if cancelled:  # rolled back: nothing merged, nothing in the history
                self.host.status(f"Merge of {path.name} cancelled; nothing was merged.", 6000)
            return  # a refused file: the runner showed "Cannot merge" with the reason
        # Committed, also when Cancel came too late: it is in the history, so it goes on
        # the stack, whose push repaints what the merge changed.
        push_done(self.host.session, result)
        report: MergeReport = result.result
        self.report = report
        box = QMessageBox.information if not report.left_out else QMessageBox.warning
        box(self.window, f"Merged {path.name}", summary(report))
