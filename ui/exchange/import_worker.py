"""Batch import off the GUI thread, with its own Project connection.

SQLite connections belong to the thread that made them, so the worker opens
the project file again (WAL lets the window keep reading while it writes).
Each file is its own transaction: a cancel or a crash keeps every file
imported so far and never leaves half an article behind. A large batch is
read by worker processes while this thread stores (ArticleManager.import_files);
Cancel ends them at once.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from annotator.exchange.importers import collect_files
from annotator.models import ImportOutcome
from annotator.project import Project, ProjectFileError


class ImportWorker(QObject):
    """Imports a list of paths into the project file; lives on its own QThread."""

    progress = Signal(int, int, str)  # files done, files in all, the file being read
    finished = Signal(object, bool)  # list[ImportOutcome], cancelled

    def __init__(self, project_path: Path, paths: list[Path]) -> None:
        super().__init__()
        self.project_path = project_path
        self.paths = paths
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop before the next article is stored (thread-safe); readers end at once."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        outcomes: list[ImportOutcome] = []
        try:
            files, outcomes = collect_files(self.paths)
            project = Project.open(self.project_path, create=False)
        except (ProjectFileError, OSError) as exc:
            outcomes.append(ImportOutcome(str(self.project_path), "failed", reason=str(exc)))
            self.finished.emit(outcomes, False)
            return
        try:
            outcomes += project.articles.import_files(
                files, progress=self.progress.emit, stop=self._cancel.is_set
            )
        finally:
            project.close()
        self.finished.emit(outcomes, self._cancel.is_set())


class ImportJob(QObject):
    """A worker and the thread it runs on, wired so both are cleaned up at the end."""

    progress = Signal(int, int, str)
    finished = Signal(object, bool)

    def __init__(
        self, project_path: Path, paths: list[Path], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.thread = QThread()
        self.thread.setObjectName("import")
        self.worker = ImportWorker(project_path, paths)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        # The worker ends its own thread's event loop, so waiting for the thread
        # never needs the GUI's event loop (closing the window mid-import).
        self.worker.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.finished.connect(self._on_finished)
        self.outcomes: list[ImportOutcome] = []
        self.done = False

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def wait(self, milliseconds: int = 60_000) -> bool:
        """Block until the thread ends (used when the window closes mid-import)."""
        return self.thread.wait(milliseconds)

    def _on_finished(self, outcomes: list[ImportOutcome], cancelled: bool) -> None:
        self.thread.wait()
        self.outcomes = outcomes
        self.done = True
        self.finished.emit(outcomes, cancelled)
