"""File > Merge…: bring a colleague's claim set (our JSON, W3C, Hypothesis) into the project.

The file is read and checked first (a bad file is refused with a message and
nothing changes); the merge itself is one undoable command: undo removes
exactly what it added, redo merges the same file again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.errors import AnnotatorError
from annotator.history import steps
from ui.shell.undo import push_done

if TYPE_CHECKING:
    # The mergers (and the exporters they use) load on the first merge: the
    # window's first paint does not need them (bench/startup.py).
    from annotator.exchange.mergers.report import MergeReport
    from ui.shell.host import Host

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
        host.add_action("file/exchange", "merge", "&Merge claim set…", self.choose, "Ctrl+Alt+M")

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Merge a claim set", str(Path.home()), MERGE_FILTER
        )
        if name:
            self.merge(Path(name))

    def merge(self, path: Path) -> MergeReport | None:
        """Merge one file as an undoable step; a refused file changes nothing."""
        session = self.host.session
        try:
            done = steps.do(session.project, "merge_file", {"path": str(path)})
        except AnnotatorError as exc:
            QMessageBox.warning(self.window, "Cannot merge", str(exc))
            return None
        push_done(session, done)
        report: MergeReport = done.result
        box = QMessageBox.information if not report.left_out else QMessageBox.warning
        box(self.window, f"Merged {path.name}", summary(report))
        return report
