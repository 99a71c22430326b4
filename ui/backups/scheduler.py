"""Scheduled backups while the window is open, made off the GUI thread.

A timer checks once a minute whether a backup is due (the project's interval
has passed and the file changed since the newest backup); the copy itself
runs on the thread pool through its own SQLite connection, so a large project
never freezes the window while it is copied.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from annotator.backups import service as backups
from ui.shell.session import ProjectSession

CHECK_MS = 60_000


class _Signals(QObject):
    done = Signal(object)  # backups.Backup
    failed = Signal(str)


class _BackupJob(QRunnable):
    def __init__(self, path: Path, keep: int, signals: _Signals) -> None:
        super().__init__()
        self._path, self._keep, self._signals = path, keep, signals

    def run(self) -> None:
        try:
            made = backups.back_up_file(self._path, backups.SCHEDULED)
            backups.prune(self._path, self._keep)
        except backups.BackupError as exc:
            self._signals.failed.emit(str(exc))
            return
        self._signals.done.emit(made)


class BackupScheduler(QObject):
    """Makes the open project's scheduled backups; reports each one."""

    backed_up = Signal(object)  # backups.Backup
    failed = Signal(str)

    def __init__(
        self, session: ProjectSession, check_ms: int = CHECK_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._running = False
        self._signals = _Signals(self)
        self._signals.done.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Start a backup when one is due; True when one was started."""
        project = self._session.project
        if self._running or project.closed or project.path is None:
            return False
        if not project.backups.due():
            return False
        self._running = True
        job = _BackupJob(project.path, project.backups.schedule().keep, self._signals)
        QThreadPool.globalInstance().start(job)
        return True

    def _finished(self, made: backups.Backup) -> None:
        self._running = False
        self.backed_up.emit(made)

    def _failed(self, message: str) -> None:
        self._running = False
        self.failed.emit(message)
