"""The figures view reads new claims' figures on a background job: it fills in as
batches commit, the window answers throughout, Cancel keeps what was read.

The parser is wrapped to note which thread calls it and to hold the job inside
one claim (tests/ui/job_support.Gate), so what the view shows mid-job is tested
without timing races: with 3,000 claims and batches of 250, holding claim 1,100
leaves four batches committed and the fifth in progress.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import annotator.figures.service as figures_service
import ui.figures.parsing as parsing
from annotator.figures.service import SYNC_BATCH
from annotator.models import Changes
from annotator.project import Project
from tests.figures_support import many_claims
from tests.ui.job_support import Gate
from ui.figures.view import FiguresView
from ui.shell.main_window import MainWindow

CLAIMS = 3_000
HOLD = 1_100  # inside the fifth batch: four (1,000 claims) committed
COMMITTED = HOLD // SYNC_BATCH * SYNC_BATCH


class Parser:
    """The real parser, noting the threads it ran on; holds at claim `gate.hold`."""

    def __init__(self, gate: Gate, fail_at: int | None = None) -> None:
        self.gate = gate
        self.fail_at = fail_at
        self.threads: set[bool] = set()  # True: called on the main (GUI) thread
        self.view_is_reading: Callable[[], bool] = lambda: False
        self.while_the_view_read = 0  # parses that overlapped the view's own read
        self._real = figures_service.parse

    def __call__(self, text: str) -> Any:
        self.threads.add(threading.current_thread() is threading.main_thread())
        self.while_the_view_read += self.view_is_reading()
        if self.fail_at is not None and len(self.gate.seen) == self.fail_at:
            raise RuntimeError("parser broke")
        self.gate.passing(text)
        return self._real(text)


@pytest.fixture
def gate() -> Iterator[Gate]:
    held = Gate(HOLD)
    yield held
    held.open()  # never leave a job waiting on a failed test


@pytest.fixture
def parser(monkeypatch: pytest.MonkeyPatch, gate: Gate) -> Parser:
    wrapped = Parser(gate)
    monkeypatch.setattr(figures_service, "parse", wrapped)
    return wrapped


def open_view(qtbot: QtBot, window: MainWindow, claims: bool = True) -> FiguresView:
    if claims:
        add_claims(window)
    window.actions["figures_view"].trigger()
    view = window.compare.figures
    qtbot.waitUntil(view.isVisible)
    # The stale claims are looked for on a job of their own, then read on another.
    qtbot.waitUntil(lambda: view.parsing.reading or not view.parsing.running)
    return view


def add_claims(window: MainWindow) -> None:
    many_claims(window.session.project, CLAIMS)
    window.session.notify(Changes(everything=True))


def stale(window: MainWindow) -> int:
    return len(window.session.project.quantities.stale())


def test_the_view_fills_in_while_the_gui_thread_answers(
    qtbot: QtBot, window: MainWindow, gate: Gate, parser: Parser
) -> None:
    gaps = [0.0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps[0] = max(gaps[0], now - last[0])
        last[0] = now

    from PySide6.QtCore import QTimer

    add_claims(window)
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    last[0] = time.perf_counter()
    timer.start()
    view = open_view(qtbot, window, claims=False)
    parser.view_is_reading = lambda: view.parsing.view_is_reading
    reads = [0]
    real_reading = view.parsing.view_reading

    @contextmanager
    def counted_reading() -> Iterator[None]:
        reads[0] += 1
        with real_reading():
            yield

    view.parsing.view_reading = counted_reading  # type: ignore[method-assign]
    assert view.parsing.running  # looking for the stale claims, on a job of its own
    qtbot.waitUntil(view.parsing.isVisible)  # found them: reading
    assert gate.reached.wait(20)
    # Held inside the fifth batch: the first four are in the table, the rest not yet.
    qtbot.waitUntil(lambda: f"{COMMITTED:,} of {CLAIMS:,}" in view.parsing.label.text())
    qtbot.waitUntil(lambda: len({int(q.claim_id or 0) for q, _ in view.model.rows}) > 0)
    shown = {int(q.claim_id or 0) for q, _ in view.model.rows}
    assert len(shown) <= COMMITTED < CLAIMS
    assert stale(window) == CLAIMS - COMMITTED
    gate.open()
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    timer.stop()
    assert stale(window) == 0 and not view.parsing.isVisible()
    assert len({int(q.claim_id or 0) for q, _ in view.model.rows}) > len(shown)
    assert view.subject.currentText() in {"resident doctors' pay", "waiting lists",
                                          "nurse numbers", "exam fees", "rota gaps"}  # fmt: skip
    assert parser.threads == {False}  # never parsed on the GUI thread
    # The job waits before its next claim while the view reads: at most the claim
    # already under way when a read began runs beside it.
    assert parser.while_the_view_read <= reads[0]
    # The loop never waits seconds (parsing and checking them inline froze it for
    # minutes); generous, since a loaded CI machine stretches every gap: the check
    # that parsing stays off the GUI thread is `parser.threads` above.
    assert gaps[0] < 3.0


def test_cancel_stops_and_keeps_what_was_read(
    qtbot: QtBot, window: MainWindow, gate: Gate, parser: Parser
) -> None:
    view = open_view(qtbot, window)
    assert gate.reached.wait(20)
    view.parsing.button.click()  # Cancel, while the fifth batch is in progress
    gate.open()
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    kept = COMMITTED + SYNC_BATCH  # the batch in progress ends; none after it starts
    assert stale(window) == CLAIMS - kept
    assert view.parsing.label.text() == f"Figures of {CLAIMS - kept:,} claims not read yet."
    assert view.parsing.button.text() == "Read them" and view.parsing.isVisible()
    window.session.notify(Changes(everything=True))  # an edit elsewhere: no restart
    assert not view.parsing.running and stale(window) == CLAIMS - kept
    view.parsing.button.click()  # Read them
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    assert stale(window) == 0 and not view.parsing.isVisible()


def test_a_second_reload_while_reading_starts_no_second_job(
    qtbot: QtBot,
    window: MainWindow,
    gate: Gate,
    parser: Parser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[int] = []
    real = parsing.parse_stale

    def counted(*args: Any) -> int:
        started.append(1)
        return real(*args)

    monkeypatch.setattr(parsing, "parse_stale", counted)
    messages: list[str] = []
    window.session.message.connect(messages.append)
    view = open_view(qtbot, window)
    assert gate.reached.wait(20)
    job = view.parsing.runner.job
    view.reload()
    window.session.notify(Changes(everything=True))
    assert view.parsing.runner.job is job and len(started) == 1
    assert not any("still being read" in m for m in messages)
    gate.open()
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    assert len(started) == 1 and stale(window) == 0


def test_closing_the_window_mid_job_stops_and_waits_for_it(
    qtbot: QtBot, window: MainWindow, gate: Gate, parser: Parser
) -> None:
    view = open_view(qtbot, window)
    assert gate.reached.wait(20)
    job = view.parsing.runner.job
    assert job is not None
    threading.Timer(0.2, gate.open).start()  # the held claim ends while close waits
    window.close()
    assert not job.running and view.parsing.runner.job is None
    assert stale(window) == CLAIMS - COMMITTED - SYNC_BATCH


def test_a_parser_error_is_shown_once_and_not_retried_at_once(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    boxes: list[tuple[str, str]],
) -> None:
    broken = Parser(Gate(CLAIMS + 1), fail_at=600)
    monkeypatch.setattr(figures_service, "parse", broken)
    view = open_view(qtbot, window)
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    assert len(boxes) == 1 and boxes[0][0] == "Reading figures failed"
    assert "parser broke" in boxes[0][1]
    assert stale(window) == CLAIMS - 500  # the two committed batches stay
    window.session.notify(Changes(everything=True))
    assert not view.parsing.running and len(boxes) == 1
    assert view.parsing.button.text() == "Read them"


def split(n: int) -> str:
    """The first thousand claims are on exam fees, the two thousand after on waiting lists."""
    return "exam fees" if n < 1_000 else "waiting lists"  # the subject read: "waiting list"


def test_the_main_subject_is_followed_as_figures_come_in_until_one_is_picked(
    qtbot: QtBot, window: MainWindow, gate: Gate, parser: Parser
) -> None:
    many_claims(window.session.project, CLAIMS, split)
    view = open_view(qtbot, window, claims=False)
    assert gate.reached.wait(20)
    qtbot.waitUntil(lambda: view.subject.currentText() == "exam fees")  # all there is so far
    gate.open()
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    assert view.subject.currentText() == "waiting list"  # the main subject once all are read


def test_a_subject_picked_while_reading_stays(
    qtbot: QtBot, window: MainWindow, gate: Gate, parser: Parser
) -> None:
    many_claims(window.session.project, CLAIMS, split)
    view = open_view(qtbot, window, claims=False)
    assert gate.reached.wait(20)
    qtbot.waitUntil(lambda: view.subject.currentText() == "exam fees")
    view.set_subject("exam fees")  # the user's choice
    gate.open()
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    assert view.subject.currentText() == "exam fees"


def test_another_project_opened_mid_job_gets_its_own_figures_read(
    qtbot: QtBot, window: MainWindow, gate: Gate, parser: Parser, tmp_path: Path
) -> None:
    first = window.session.project.path
    assert first is not None
    view = open_view(qtbot, window)
    assert gate.reached.wait(20)
    other = Project.open(tmp_path / "other.sqlite")
    many_claims(other, 40)
    window.session.replace(other)  # the old job is cancelled, its result dropped
    gate.open()
    qtbot.waitUntil(lambda: not view.parsing.running, timeout=30_000)
    assert stale(window) == 0 and len(view.model.rows) > 0  # the new project's, read after
    with Project.open(first, create=False) as old:
        assert 0 < len(old.quantities.stale()) < CLAIMS  # the old one stopped where it was
