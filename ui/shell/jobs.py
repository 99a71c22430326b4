"""Background work on the project file: one thread, its own connection, progress and Cancel.

SQLite connections belong to the thread that made them, so a job opens the
project file again on its thread (WAL lets the window keep reading while the
job writes). The work is a plain function of (project, report, stopped): the
domain stays free of Qt, and the same function runs in the CLI. A project
without a file (in memory) runs the work on the GUI thread instead, since no
second connection could see it.

Errors come back as one line in `finished`, never as a dead thread: a domain
error (AnnotatorError, OSError) as its message, anything else as the job's
name with the exception's type, so a bug still reaches the user's screen.
Cancel sets a flag the work checks between items (`stopped()`); work that
checks it at least every half second stops within a second of Cancel. Work
that stops by raising `Cancelled` (its transaction rolled back, so the project
is as it was) ends as cancelled with no result and no error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from annotator.errors import AnnotatorError, Cancelled
from annotator.project import Project, ProjectFileError

# done, in all, the item being worked on ("" at the end)
Report = Callable[[int, int, str], None]
Stopped = Callable[[], bool]
Work = Callable[[Project, Report, Stopped], Any]


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object, bool, str)  # result, cancelled, error ("" when none)

    def __init__(self, name: str, project_path: Path, work: Work, stop: threading.Event) -> None:
        super().__init__()
        self.name = name
        self.project_path = project_path
        self.work = work
        self.stop = stop

    @Slot()
    def run(self) -> None:
        try:
            project = Project.open(self.project_path, create=False)
        except (ProjectFileError, OSError) as exc:
            self.finished.emit(None, False, str(exc))
            return
        try:
            result, error = _attempt(
                self.name, project, self.work, self.progress.emit, self.stop.is_set
            )
        finally:
            project.close()
        self.finished.emit(result, self.stop.is_set(), error)


# Per project file: how many of the window's own jobs have started or ended.
# The watcher for outside changes reads it: a commit seen while (or just
# after) our own job wrote is the window's own work, not news from outside.
_own_writes: dict[Path, int] = {}
_running: dict[Path, int] = {}


def own_work(project_path: Path | None) -> tuple[int, bool]:
    """(a number that changes whenever a job on this file starts or ends, one is running)."""
    if project_path is None:
        return 0, False
    key = project_path.resolve()
    return _own_writes.get(key, 0), _running.get(key, 0) > 0


def _count(project_path: Path, running: int) -> None:
    key = project_path.resolve()
    _own_writes[key] = _own_writes.get(key, 0) + 1
    _running[key] = _running.get(key, 0) + running


class ProjectJob(QObject):
    """One piece of work on its own thread; `finished(result, cancelled, error)` on the GUI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object, bool, str)

    def __init__(
        self,
        name: str,
        project_path: Path,
        work: Work,
        parent: QObject | None = None,
        *,
        writes: bool = True,
    ) -> None:
        """`writes=False` for work that only reads the file (a backup copy): a commit
        seen while it runs is then still news from outside."""
        super().__init__(parent)
        self.name = name
        self.project_path = project_path
        self.writes = writes
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.worker = _Worker(name, project_path, work, self._stop)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        # The worker ends its own thread's event loop, so waiting for the thread
        # never needs the GUI's event loop (closing the window mid-job).
        self.worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.finished.connect(self._on_finished)
        self.done = False

    def start(self) -> None:
        if self.writes:
            _count(self.project_path, +1)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (thread-safe)."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 60_000) -> bool:
        return self._thread.wait(milliseconds)

    def _on_finished(self, result: object, cancelled: bool, error: str) -> None:
        self._thread.wait()
        self.done = True
        if self.writes:
            _count(self.project_path, -1)
        self.finished.emit(result, cancelled, error)


def run_here(project: Project, work: Work, name: str = "") -> tuple[Any, str]:
    """Run the work on this thread (a project with no file); (result, error)."""
    return _attempt(name, project, work, lambda _d, _t, _c: None, lambda: False)


def _attempt(
    name: str, project: Project, work: Work, report: Report, stopped: Stopped
) -> tuple[Any, str]:
    """(result, "") or (None, one line saying what went wrong)."""
    try:
        return work(project, report, stopped), ""
    except Cancelled:
        return None, ""
    except (AnnotatorError, OSError) as exc:
        return None, str(exc)
    except Exception as exc:  # a bug: reported like any failure, never a silent dead thread
        return (
            None,
            f"{name or 'the job'} stopped on an unexpected error ({type(exc).__name__}: {exc})",
        )
