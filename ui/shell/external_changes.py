"""Rows another program wrote appear in the window without a restart.

The CLI importing into the open project, or a colleague's merge, commits
through its own connection. SQLite's `PRAGMA data_version` (behind
project.external_change_token) changes exactly then, and never for our own
commits, so polling it costs microseconds and refreshes only when needed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.models import Changes
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
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        session.project_replaced.connect(self._reset)

    def _reset(self) -> None:
        self._token = self._session.project.external_change_token()

    def poll(self) -> bool:
        """Check once; True (and a full refresh) when someone else committed."""
        project = self._session.project
        if project.closed:
            return False
        token = project.external_change_token()
        if token == self._token:
            return False
        self._token = token
        self._session.notify(Changes(everything=True))
        self.external_change.emit()
        return True
