"""Background work on the project file: one thread, its own connection, progress and Cancel.

SQLite connections belong to the thread that made them, so a job opens the
project file again on its thread (WAL lets the window keep reading while the
job writes). The work is a plain function of (project, report, stopped): the
domain stays free of Qt, and the same function runs in the CLI. A project
without a file (in memory) runs the work on the GUI thread instead, since no
second connection could see it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from annotator.errors import AnnotatorError
from annotator.project import Project, ProjectFileError

# done, in all, the item being worked on ("" at the end)
Report = Callable[[int, int, str], None]
Stopped = Callable[[], bool]
Work = Callable[[Project, Report, Stopped], Any]


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object, bool, str)  # result, cancelled, error ("" when none)

    def __init__(self, project_path: Path, work: Work, stop: threading.Event) -> None:
        super().__init__()
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
            result = self.work(project, self.progress.emit, self.stop.is_set)
        except (AnnotatorError, OSError) as exc:
            self.finished.emit(None, self.stop.is_set(), str(exc))
            return
        finally:
            project.close()
        self.finished.emit(result, self.stop.is_set(), "")


class ProjectJob(QObject):
    """One piece of work on its own thread; `finished(result, cancelled, error)` on the GUI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object, bool, str)

    def __init__(
        self, name: str, project_path: Path, work: Work, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.project_path = project_path
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.worker = _Worker(project_path, work, self._stop)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        # The worker ends its own thread's event loop, so waiting for the thread
        # never needs the GUI's event loop (closing the window mid-job).
        self.worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.finished.connect(self._on_finished)
        self.done = False

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (thread-safe)."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def wait(self, milliseconds: int = 60_000) -> bool:
        return self._thread.wait(milliseconds)

    def _on_finished(self, result: object, cancelled: bool, error: str) -> None:
        self._thread.wait()
        self.done = True
        self.finished.emit(result, cancelled, error)


def run_here(project: Project, work: Work) -> tuple[Any, str]:
    """Run the work on this thread (a project with no file); (result, error)."""
    try:
        return work(project, lambda _d, _t, _c: None, lambda: False), ""
    except (AnnotatorError, OSError) as exc:
        return None, str(exc)
