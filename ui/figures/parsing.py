"""Reading claims' figures on a background job while the figures view stays usable.

Parsing 10,000 freshly imported or merged claims takes seconds; done while
the view reloads, it froze the window for as long. Here the view asks
cheaply how many claims are stale (their text hashed against the hash kept
when last parsed) and, when some are, parsing runs on the window's one kind
of background job (JobRunner: its own thread and connection, errors shown
once). The sync commits a few hundred claims at a time, so the view reads
what is committed as it comes in: `committed` fires at most every
REFRESH_MS while the job runs, `ended` once when it stops. The progress is a
line in the view with its Cancel button, not a dialog: nothing to dismiss.
Cancel keeps what was parsed; the rest waits for "Read them", so a view the
user stopped does not start again on the next edit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from annotator.project import Project
from ui.shell.job_runner import JobRunner, JobSpec, PanelJobs
from ui.shell.jobs import Report, Stopped
from ui.shell.session import ProjectSession

REFRESH_MS = 400
PAUSE_LIMIT_S = 2.0
PARSE_JOB = JobSpec("Reading figures", "Reading figures of", "claims",
                    busy="The figures are still being read.")  # fmt: skip


def parse_stale(project: Project, report: Report, stopped: Stopped, go: threading.Event) -> int:
    """The job: parse every stale claim, batch by batch; how many were parsed. It waits
    before each claim while `go` is clear (the view reading what was committed), at
    most PAUSE_LIMIT_S each time so a view that never lets it go cannot stop it."""
    return len(
        project.quantities.sync(
            report=report, stopped=stopped, pause=lambda: go.wait(PAUSE_LIMIT_S)
        )
    )


class ParsingBar(QWidget):
    """'Reading figures… 3,000 of 10,000 claims [Cancel]', shown only while there is some."""

    committed = Signal()  # more figures are in the file: read them (throttled)
    ended = Signal()  # the job stopped (finished, cancelled, failed or dropped)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = JobRunner(PanelJobs(session, self), self)
        self.runner.show_progress = False  # this bar is its progress
        self.runner.ended.connect(self._ended)
        self.held = False  # cancelled or failed: wait to be asked again
        self._go = threading.Event()  # clear while the view reads: the job waits
        self._go.set()
        self.label = QLabel(self)
        self.label.setAccessibleName("Figures still to read")
        self.button = QPushButton("Cancel", self)
        self.button.clicked.connect(self._clicked)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.committed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    @property
    def running(self) -> bool:
        return self.runner.running

    def start_if_needed(self) -> bool:
        """Start reading the stale claims' figures unless reading, held or none are stale;
        True when a job was started."""
        if self.runner.running or self.held:
            return False
        total = len(self.session.project.quantities.stale())
        if not total:
            self.hide()
            return False
        self._show_progress(0, total)
        self.button.setText("Cancel")
        self.button.setEnabled(True)
        self.show()
        go = self._go
        started = self.runner.run(
            PARSE_JOB, lambda p, report, stopped: parse_stale(p, report, stopped, go), self._done
        )
        job = self.runner.job
        if job is not None:
            job.progress.connect(lambda done, all_, _item: self._progressed(done, all_))
        return started

    @property
    def view_is_reading(self) -> bool:
        return not self._go.is_set()

    @contextmanager
    def view_reading(self) -> Iterator[None]:
        """Hold the job (between two claims) while the view reads and checks the figures:
        two threads of Python share one lock, so the view's read took twice as long."""
        self._go.clear()
        try:
            yield
        finally:
            self._go.set()

    def _show_progress(self, done: int, total: int) -> None:
        self.label.setText(f"Reading figures… {done:,} of {total:,} claims")

    def _progressed(self, done: int, total: int) -> None:
        self._show_progress(done, total)
        if not self._refresh.isActive():
            self._refresh.start()  # the first batch since the last read is shown within REFRESH_MS

    def _done(self, _result: object, cancelled: bool, error: str) -> None:
        if cancelled or error:
            self.held = True  # an error would only come back if started again at once

    def _ended(self) -> None:
        self._refresh.stop()
        left = len(self.session.project.quantities.stale()) if self.held else 0
        if left:
            self.label.setText(f"Figures of {left:,} claims not read yet.")
            self.button.setText("Read them")
            self.button.setEnabled(True)
        else:
            self.held = False
            self.hide()
        self.ended.emit()

    def _clicked(self) -> None:
        if self.runner.running:
            self.runner.cancel()
            self.button.setEnabled(False)
            self.label.setText("Stopping; the figures read so far are kept…")
            return
        self.held = False
        self.start_if_needed()

    def reset(self) -> None:
        """Another project: stop reading the old one's figures (its result is dropped)."""
        self.held = False
        self.runner.cancel()

    def shutdown(self) -> None:
        """Stop and wait for the job (its thread must not outlive the window)."""
        self._refresh.stop()
        self.runner.shutdown()
