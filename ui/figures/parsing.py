"""Reading claims' figures on a background job while the figures view stays usable.

Parsing 10,000 freshly imported or merged claims takes seconds; done while
the view reloads, it froze the window for as long. Here a short job of its
own looks for the stale claims (their text hashed against the hash kept when
last parsed: ~25 ms of the GUI thread on 10,000 claims, when it asked) and,
when there are some, parsing runs on the window's one kind of background job
(JobRunner: its own thread and connection, errors shown once). The sync commits a few hundred claims at a time, so the view shows
what is committed as it comes in. The job itself reads what the view shows
(ui.figures.reading) after a batch, at most every REFRESH_S (sooner when the
view asks again) and after the last one, on its own thread and connection,
and hands it over through a Feed: the view only puts the rows in. Reading and
checking them on the GUI thread at each refresh froze the window for up to
~80 ms on 10,000 claims. `committed` fires when a new read is there, `ended`
once when the job stops. The progress is a
line in the view with its Cancel button, not a dialog: nothing to dismiss.
Cancel keeps what was parsed; the rest waits for "Read them", so a view the
user stopped does not start again on the next edit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from annotator.project import Project
from ui.figures.reading import Asked, Figures, read_figures
from ui.shell.job_runner import JobRunner, JobSpec, PanelJobs
from ui.shell.jobs import ProjectJob, Report, Stopped
from ui.shell.session import ProjectSession

REFRESH_S = 0.4
# The job stays held this long after the view has put a read in, so the table's
# paint (hundreds of calls into Python) does not take turns with it at the lock.
HOLD_AFTER_MS = 40
PAUSE_LIMIT_S = 2.0
YIELD_EVERY, YIELD_S = 10, 0.00005  # see _Pause
PARSE_JOB = JobSpec("Reading figures", "Reading figures of", "claims",
                    busy="The figures are still being read.")  # fmt: skip


class Feed:
    """The view's side of one parsing job, shared by the GUI thread and the job's.

    The GUI thread replaces `asked` (a frozen value: one assignment, no lock) and
    sets `wanted`; the job reads after a batch into `latest` (and `last` after
    the final batch), each a new Figures the GUI thread only reads.
    """

    def __init__(self, asked: Asked) -> None:
        self.asked = asked
        self.wanted = True  # the first batch is shown as soon as it is committed
        self.latest: Figures | None = None
        self.last: Figures | None = None  # read after the final batch
        self._read_at = 0.0

    def ask(self, asked: Asked) -> None:
        self.asked = asked
        self.wanted = True

    def after_batch(self, project: Project, done: int, total: int) -> None:
        """On the job's thread: read what the view shows when it is due."""
        final = done >= total
        if not (final or self.wanted or time.monotonic() - self._read_at >= REFRESH_S):
            return
        self.wanted = False  # before reading `asked`: a newer ask is read next time
        read = read_figures(project, self.asked)
        self._read_at = time.monotonic()
        self.latest = read
        if final:
            self.last = read


class _Pause:
    """Before each claim: wait while `go` is clear (at most PAUSE_LIMIT_S for one hold),
    and every YIELD_EVERY claims let go of the interpreter's lock for a moment.

    Parsing is pure Python: the GUI thread, needing the lock at each of its calls
    into Python, waited up to ~25 ms for it at times; a 50 µs sleep every ten
    claims (~2 ms of parsing) keeps it under ~10 ms for ~2% of the parse."""

    def __init__(self, go: threading.Event) -> None:
        self.go = go
        self.overran = False  # this hold outlasted PAUSE_LIMIT_S: not waited for again
        self.claims = 0

    def __call__(self) -> None:
        self.claims += 1
        if self.claims % YIELD_EVERY == 0:
            time.sleep(YIELD_S)
        if self.go.is_set():
            self.overran = False
        elif not self.overran:
            self.overran = not self.go.wait(PAUSE_LIMIT_S)


def parse_stale(
    project: Project,
    report: Report,
    stopped: Stopped,
    go: threading.Event,
    feed: Feed | None = None,
) -> int:
    """The job: parse every stale claim, batch by batch; how many were parsed. It waits
    before each claim while `go` is clear (the view reading what was committed), at
    most PAUSE_LIMIT_S, after which it goes on until the view lets go and holds it
    again: a GUI thread that never lets it go cannot stop it nor slow it to a crawl.
    After a batch it reads the view's figures into `feed` when due (not once stopped)."""

    def batch_done(done: int, total: int, item: str) -> None:
        if feed is not None and not stopped():
            feed.after_batch(project, done, total)
        report(done, total, item)

    return len(project.quantities.sync(report=batch_done, stopped=stopped, pause=_Pause(go)))


def look(project: Project, asked: Asked | None) -> tuple[int, Figures | None]:
    """The look's work: how many claims are stale, and what the view shows now if asked."""
    return len(project.quantities.stale()), None if asked is None else read_figures(project, asked)


class ParsingBar(QWidget):
    """'Reading figures… 3,000 of 10,000 claims [Cancel]', shown only while there is some."""

    started = Signal()  # stale claims were found: a job is about to read them
    looked = Signal(object)  # Figures: what the view showed when the look was asked
    committed = Signal()  # the job read newer figures: `latest` (at most every REFRESH_S)
    ended = Signal()  # the job stopped (finished, cancelled, failed or dropped)

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        asking: Callable[[], Asked] = Asked,
    ) -> None:
        """`asking`: what the view shows now, for the job's first read."""
        super().__init__(parent)
        self.session = session
        self.asking = asking
        self.feed: Feed | None = None  # the running job's (none once another project opened)
        self._handed: Figures | None = None
        self._looking: ProjectJob | None = None  # finding the stale claims
        self._look_again = False  # asked again while looking
        self._again_asked: Asked | None = None  # ... to read the view's figures too
        self._dropped: set[ProjectJob] = set()  # looks at another project, still running
        self.runner = JobRunner(PanelJobs(session, self), self)
        self.runner.show_progress = False  # this bar is its progress
        self.runner.ended.connect(self._ended)
        self.held = False  # cancelled or failed: wait to be asked again
        self._go = threading.Event()  # clear while the view reads: the job waits
        self._go.set()
        self._hold: ExitStack | None = None  # the view putting a read in: the job waits
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(HOLD_AFTER_MS)
        self._release.timeout.connect(self.release)
        self.label = QLabel(self)
        self.label.setAccessibleName("Figures still to read")
        self.button = QPushButton("Cancel", self)
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    @property
    def running(self) -> bool:
        """Looking for stale claims or reading their figures."""
        return self.runner.running or self._looking is not None

    @property
    def looking(self) -> bool:
        """A job is looking for stale claims."""
        return self._looking is not None

    @property
    def reading(self) -> bool:
        """A job is reading stale claims' figures."""
        return self.runner.running

    def start_if_needed(self, asked: Asked | None = None) -> bool:
        """Look for stale claims, then read their figures on a job, unless looking,
        reading or held; True when the look began (with no file: the job, at once).

        The look is a job of its own: hashing 10,000 claims' texts held the GUI
        thread ~25 ms at every reload. `started` fires if it finds some. Given
        `asked`, it reads the view's figures too and hands them over in `looked`."""
        if self._looking is not None:
            self._look_again = True  # claims may have changed since that look began
            self._again_asked = asked or self._again_asked
            return False
        if self.runner.running or self.held:
            return False
        path = self.session.project.path
        if path is None:  # no second connection could see it: look here
            return self._start(len(self.session.project.quantities.stale()))
        job = ProjectJob("Finding figures to read", path, lambda p, _r, _s: look(p, asked), self,
                         writes=False)  # fmt: skip
        self._looking = job
        job.finished.connect(lambda found, _c, error: self._looked(job, found, error))
        job.start()
        return True

    def _looked(self, job: ProjectJob, found: object, error: str) -> None:
        job.deleteLater()
        if job is not self._looking:
            self._dropped.discard(job)
            return  # dropped: another project opened meanwhile
        self._looking = None
        total, figures = found if isinstance(found, tuple) and not error else (0, None)
        if self._look_again:  # what it found may be out of date: look (and read) again
            again, self._look_again, self._again_asked = self._again_asked, False, None
            self.start_if_needed(again)
            return
        if figures is not None:
            self.looked.emit(figures)
        self._start(total)

    def _start(self, total: int) -> bool:
        if self.runner.running or self.held:
            return False
        if not total:
            self.hide()
            return False
        self.started.emit()  # before the job: with no file it runs (and ends) in run()
        self._show_progress(0, total)
        self.button.setText("Cancel")
        self.button.setEnabled(True)
        self.show()
        go, feed = self._go, Feed(self.asking())
        self.feed, self._handed = feed, None
        started = self.runner.run(
            PARSE_JOB,
            lambda p, report, stopped: parse_stale(p, report, stopped, go, feed),
            self._done,
        )
        job = self.runner.job
        if job is not None:
            job.progress.connect(lambda done, all_, _item: self._progressed(job, done, all_))
        return started

    def ask(self, asked: Asked) -> bool:
        """The view's state changed while the job runs: it reads again after its next
        batch. False when there is no job to ask (none, or another project's)."""
        if not self.reading or self.feed is None:
            return False
        self.feed.ask(asked)
        return True

    @property
    def latest(self) -> Figures | None:
        """The running (or last) job's newest read of the view's figures."""
        return None if self.feed is None else self.feed.latest

    def final(self) -> Figures | None:
        """The read after the last batch of a job that read every stale claim and was
        asked nothing since (else None: the view reads for itself)."""
        feed = self.feed
        if feed is None or self.held or feed.last is None or feed.last.asked is not feed.asked:
            return None
        return feed.last

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

    def hold(self) -> None:
        """Keep the job between two claims until release(): the view is putting a read
        in. Each of the table's calls into Python waited for the job's thread to let go
        of the interpreter's lock; a paint makes hundreds (~50 ms a fill, held ~10 ms)."""
        self._release.stop()
        if self._hold is None and self.reading:
            self._hold = ExitStack()
            self._hold.enter_context(self.view_reading())

    def release_soon(self) -> None:
        """Let the job go on once the rows just put in are painted."""
        if self._hold is not None:
            self._release.start()

    def release(self) -> None:
        self._release.stop()
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.close()

    def _show_progress(self, done: int, total: int) -> None:
        self.label.setText(f"Reading figures… {done:,} of {total:,} claims")

    def _progressed(self, job: ProjectJob, done: int, total: int) -> None:
        if job is not self.runner.job or self.feed is None:
            return  # a job dropped for another project
        self._show_progress(done, total)
        latest = self.feed.latest
        if latest is not None and latest is not self._handed:
            self._handed = latest
            self.committed.emit()

    def _done(self, _result: object, cancelled: bool, error: str) -> None:
        if cancelled or error:
            self.held = True  # an error would only come back if started again at once

    def _ended(self) -> None:
        self.release()
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
        if self._looking is not None:
            self._dropped.add(self._looking)
        self.feed = self._looking = self._again_asked = None
        self._look_again = False
        self.release()
        self.runner.cancel()

    def shutdown(self) -> None:
        """Stop and wait for the jobs (their threads must not outlive the window)."""
        self.release()
        looks = {self._looking, *self._dropped} - {None}
        self._looking, self._dropped = None, set()
        for look in looks:
            if look is not None:
                look.finished.disconnect()
                look.wait()
        self.runner.shutdown()
