"""Scheduled backups while the window is open, made off the GUI thread.

A timer checks once a minute whether a backup is due (the project's interval
has passed and the file changed since the newest backup); the copy itself is
a ProjectJob like every other background work in the window: its own thread
and its own connection to the file, so a large project never freezes the
window while it is copied, an error comes back as one line, and closing the
window waits for a copy under way instead of leaving a thread behind. It
shows no progress window (a scheduled backup is not something the user asked
for just now) and reports in the status bar only. The copy only reads the
file, so a commit another program makes meanwhile is still news from outside.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.backups import service as backups
from annotator.project import Project
from ui.shell.jobs import ProjectJob, Report, Stopped
from ui.shell.session import ProjectSession

CHECK_MS = 60_000


def _back_up(project: Project, _report: Report, _stopped: Stopped) -> backups.Backup:
    """The copy, on the job's own connection (create() also prunes to the schedule's keep)."""
    return project.backups.create(backups.SCHEDULED)


class BackupScheduler(QObject):
    """Makes the open project's scheduled backups; reports each one."""

    backed_up = Signal(object)  # backups.Backup
    failed = Signal(str)

    def __init__(
        self, session: ProjectSession, check_ms: int = CHECK_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.job: ProjectJob | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Start a backup when one is due; True when one was started."""
        project = self._session.project
        if self.job is not None or project.closed or project.path is None:
            return False
        if not project.backups.due():
            return False
        job = ProjectJob("Scheduled backup", project.path, _back_up, self, writes=False)
        job.finished.connect(self._finished)
        self.job = job
        job.start()
        return True

    def _finished(self, made: object, _cancelled: bool, error: str) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
        if error:
            self.failed.emit(error)
        elif made is not None:
            self.backed_up.emit(made)

    def shutdown(self) -> None:
        """Stop checking and wait for a copy under way (its thread must not outlive the window)."""
        self.timer.stop()
        job, self.job = self.job, None
        if job is not None:
            job.finished.disconnect()
            job.wait()
