"""Searching off the GUI thread, the latest query winning.

A common word over 100,000 claims ranks every match: a third of a second in
which the window would not answer if the query ran on the GUI thread. The
query runs on a thread of its own with its own connection to the project file
(SQLite's WAL lets it read while the window writes); each request carries a
number, a request overtaken by a newer one before it starts is skipped, and a
result that arrives after a newer request was made is dropped, so typing
fast never shows the hits of a word already deleted.

The thread is a plain daemon thread waiting on a queue, started on the first
search: it holds no Qt object, so a window closed (or a program quitting)
while it waits or works cannot take Qt down with it. A project without a file
(in memory) has no second connection to give: its searches run in place.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from annotator.errors import AnnotatorError
from annotator.project import Project
from annotator.search.service import ClaimFilter, SearchResult

SearchRequest = tuple[str, ClaimFilter, tuple[str, ...], int, int]
_STOP = None


class _Mailbox(QObject):
    """Carries a result from the search thread to the GUI thread (a queued signal)."""

    arrived = Signal(int, object)


def _serve(path: Path, requests: queue.Queue[tuple[int, SearchRequest] | None],
           latest: list[int], mailbox: _Mailbox) -> None:  # fmt: skip
    project: Project | None = None
    try:
        while (item := requests.get()) is not _STOP:
            number, request = item
            if number != latest[0]:
                continue  # overtaken: a newer query is queued behind this one
            try:
                if project is None:
                    project = Project.open(path, create=False)
                outcome: SearchResult | str = project.search.search(*request)
            except AnnotatorError as exc:
                outcome = str(exc)
            except Exception as exc:  # sqlite3 errors (a locked or vanished file): said, not raised
                outcome = f"search failed ({exc})"
            try:
                mailbox.arrived.emit(number, outcome)
            except RuntimeError:
                return  # the window is gone
    finally:
        if project is not None:
            project.close()


class SearchClient(QObject):
    """Sends searches to the thread and hands back only the newest one's result."""

    result = Signal(object)  # SearchResult
    failed = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        # One number shared with the thread: it reads it to skip overtaken requests.
        self._latest = [0]
        self._waiting = False
        self._requests: queue.Queue[tuple[int, SearchRequest] | None] | None = None
        self._mailbox = _Mailbox(self)
        self._mailbox.arrived.connect(self._arrived)

    @property
    def pending(self) -> bool:
        """Whether a search was asked for and its result has not arrived yet."""
        return self._waiting

    def search(self, request: SearchRequest) -> None:
        self._latest[0] += 1
        number = self._latest[0]
        self._waiting = True
        path = self._project.path
        if path is None:
            try:
                outcome: SearchResult | str = self._project.search.search(*request)
            except AnnotatorError as exc:
                outcome = str(exc)
            self._arrived(number, outcome)
            return
        if self._requests is None:
            self._requests = queue.Queue()
            threading.Thread(
                target=_serve,
                args=(path, self._requests, self._latest, self._mailbox),
                name="search",
                daemon=True,
            ).start()
        self._requests.put((number, request))

    def forget(self) -> None:
        """Drop whatever is in flight (the box was emptied)."""
        self._latest[0] += 1
        self._waiting = False

    @Slot(int, object)
    def _arrived(self, number: int, outcome: object) -> None:
        if number != self._latest[0]:
            return  # overtaken: the user has typed on
        self._waiting = False
        if isinstance(outcome, SearchResult):
            self.result.emit(outcome)
        else:
            self.failed.emit(str(outcome))

    def replace(self, project: Project) -> None:
        """Another project file is open: the old thread ends, the next search starts one."""
        self.stop()
        self._project = project

    def stop(self) -> None:
        self.forget()
        if self._requests is not None:
            self._requests.put(_STOP)
            self._requests = None
