"""Running a feature's background work: one job at a time, its progress window, its end.

Every long piece of work in the window (import, fetching, export, merge,
dataset import, figures parsing) goes through a JobRunner, so they all behave
alike: a non-modal progress window with Cancel, "already running" refused
with a status message, errors shown once in a warning titled after the job,
and the job's own end handler called on the GUI thread with what it returned
(also when cancelled: what was done before stopping is kept and reported).
A job started for one project whose window meanwhile opened another drops
its result instead of applying it to the wrong project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.shell.job_progress import JobProgressDialog
from ui.shell.jobs import ProjectJob, Work, run_here
from ui.shell.session import ProjectSession

# result, cancelled, error ("" when none): called on the GUI thread when a job ends
Done = Callable[[object, bool, str], None]
BUSY_MESSAGE_MS = 5000


class JobWindow(Protocol):
    """What a runner needs of the window (the shell's Host): the session, a parent
    for the progress window, the status bar, a warning box."""

    session: ProjectSession

    @property
    def window(self) -> QWidget: ...

    def status(self, text: str, ms: int = ...) -> None: ...

    def show_error(self, title: str, message: str) -> None: ...


class PanelJobs:
    """A JobWindow for a view that holds only the session (the datasets dock, the
    figures view): status through the session's message, warnings over the view's
    window. Errors still come from the runner, once."""

    def __init__(self, session: ProjectSession, widget: QWidget) -> None:
        self.session = session
        self._widget = widget

    @property
    def window(self) -> QWidget:
        return self._widget.window()

    def status(self, text: str, ms: int = BUSY_MESSAGE_MS) -> None:
        self.session.report(text)

    def show_error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, title, message)


@dataclass(frozen=True)
class JobSpec:
    """How a job presents itself: "Import files", "Reading", "files"."""

    title: str
    verb: str = "Working on"
    unit: str = "items"
    counted: bool = True  # "(3 of 40)" in the label; False for a fraction of bytes or rows
    busy: str = ""  # the status message when a second job is refused
    # The warning's title when the job fails; "<title> failed" when empty. A merge
    # says "Cannot merge": the file was refused, nothing went wrong with the window.
    failed: str = ""


class JobRunner(QObject):
    """Runs one ProjectJob at a time for a feature, with a JobProgressDialog.

    `ended` fires once per job after its end handler, also when the result was
    dropped (another project opened meanwhile): views re-enable their buttons on it.
    """

    ended = Signal()

    def __init__(self, host: JobWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.job: ProjectJob | None = None
        self.progress: JobProgressDialog | None = None
        self.show_progress = True  # False for work that shows its progress in its own view

    @property
    def running(self) -> bool:
        return self.job is not None

    def run(self, spec: JobSpec, work: Work, done: Done) -> bool:
        """Start the work on its own thread; False (and a status message) when one is running."""
        if self.job is not None:
            message = spec.busy or f"{spec.title} is already running; wait for it or cancel it."
            self.host.status(message, BUSY_MESSAGE_MS)
            return False
        session = self.host.session
        path = session.project.path
        if path is None:  # a project with no file: no second connection could see it
            result, error = run_here(session.project, work, spec.title)
            self._report(spec, error)
            done(result, False, error)
            self.ended.emit()
            return True
        job = ProjectJob(spec.title, path, work, self)
        self.job = job
        if self.show_progress:
            parent = self.host.window
            self.progress = JobProgressDialog(
                spec.title, spec.verb, spec.unit, parent, counted=spec.counted
            )
            job.progress.connect(self.progress.set_progress)
            self.progress.cancel_requested.connect(job.cancel)
            self.progress.show()
        job.finished.connect(
            lambda result, cancelled, error: self._end(spec, job, done, result, cancelled, error)
        )
        job.start()
        return True

    def _end(
        self,
        spec: JobSpec,
        job: ProjectJob,
        done: Done,
        result: object,
        cancelled: bool,
        error: str,
    ) -> None:
        if self.job is job:
            self.job = None
        self._close_progress()
        job.deleteLater()
        if job.project_path == self.host.session.project.path:
            self._report(spec, error)
            done(result, cancelled, error)
        # else the window moved on to another project: nothing here to update
        self.ended.emit()

    def _report(self, spec: JobSpec, error: str) -> None:
        if error:
            self.host.show_error(spec.failed or f"{spec.title} failed", error)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def shutdown(self) -> None:
        """Stop a running job and wait for it (its thread must not outlive the window)."""
        job, self.job = self.job, None
        if job is not None:
            job.finished.disconnect()
            job.cancel()
            job.wait()
        self._close_progress()
