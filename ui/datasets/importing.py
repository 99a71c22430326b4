"""Importing a dataset off the GUI thread: its own Project connection, a
progress bar and Cancel. The import is one transaction in the worker, so a
cancel or a bad row deep in the file leaves the project as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.errors import AnnotatorError, ProjectFileError
from annotator.project import Project

PROGRESS_STEPS = 1000
SHOW_AFTER_MS = 300


class ImportWorker(QThread):
    progressed = Signal(int)  # 0..PROGRESS_STEPS
    succeeded = Signal(str)  # dataset name
    failed = Signal(str)  # one line: file and reason

    def __init__(
        self, project_path: Path, file: Path, name: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.file = file
        self.name = name
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(min(PROGRESS_STEPS, int(PROGRESS_STEPS * done / max(1, total))))

    def run(self) -> None:
        try:
            with Project.open(self.project_path, create=False) as project:
                dataset = project.datasets.import_file(
                    self.file, self.name, progress=self._progress, cancel=lambda: self._cancelled
                )
            self.succeeded.emit(dataset.name)
        except (AnnotatorError, ProjectFileError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the thread must report, never die silently
            self.failed.emit(f"{self.file}: could not be imported ({type(exc).__name__}: {exc})")


class ImportJob(QObject):
    """One import with its progress dialog; `done` carries (name or None, error or None)."""

    done = Signal(object, object)

    def __init__(
        self, project_path: Path, file: Path, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = ImportWorker(project_path, file, name, self)
        self.dialog = QProgressDialog(
            f"Importing {file.name}…", "Cancel", 0, PROGRESS_STEPS, parent
        )
        self.dialog.setWindowTitle("Import dataset")
        self.dialog.setAccessibleName("Dataset import progress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.worker.cancel)
        self.worker.progressed.connect(self.dialog.setValue)
        self.worker.succeeded.connect(lambda name: self._finish(name, None))
        self.worker.failed.connect(lambda error: self._finish(None, error))

    def start(self) -> None:
        self.dialog.setValue(0)
        self.worker.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def _finish(self, name: str | None, error: str | None) -> None:
        self.worker.wait()
        self.dialog.close()
        self.done.emit(name, error)
