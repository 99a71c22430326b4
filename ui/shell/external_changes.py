"""Rows another program wrote appear in the window without a restart.

The CLI importing into the open project, or a colleague's merge, commits
through its own connection. SQLite's `PRAGMA data_version` (behind
project.external_change_token) changes exactly then, and never for our own
commits, so polling it costs microseconds and refreshes only when needed.
The window's own background jobs (import, fetch, merge) write through a
connection of their own too: their commits are recognised (ui/shell/jobs.py
counts them) and absorbed, as the job's result already told the views.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.models import Changes
from ui.shell.jobs import own_work
from ui.shell.session import ProjectSession

POLL_MS = 1500


class ExternalChangeWatcher(QObject):
    """Polls the open project; on another connection's commit, every view reloads."""

    external_change = Signal()

    def __init__(
        self, session: ProjectSession, interval_ms: int = POLL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._token = session.project.external_change_token()
        self._own = own_work(session.project.path)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        session.project_replaced.connect(self._reset)

    def _reset(self) -> None:
        self._token = self._session.project.external_change_token()
        self._own = own_work(self._session.project.path)

    def poll(self) -> bool:
        """Check once; True (and a full refresh) when someone else committed."""
        project = self._session.project
        if project.closed:
            return False
        token = project.external_change_token()
        own = own_work(project.path)
        if token == self._token:
            self._own = own
            return False
        self._token = token
        if own != self._own or own[1]:
            # The window's own job wrote it (and told the views what it changed):
            # refreshing everything would throw the reader back to the top.
            self._own = own
            return False
        self._session.notify(Changes(everything=True))
        self.external_change.emit()
        return True
