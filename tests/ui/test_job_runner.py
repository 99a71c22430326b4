"""The one runner every background job goes through: progress, Cancel, one error box."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from annotator.errors import Cancelled
from annotator.project import Project
from ui.shell.job_runner import JobRunner, JobSpec, PanelJobs
from ui.shell.jobs import Report, Stopped
from ui.shell.main_window import MainWindow

SPEC = JobSpec("Count things", "Counting", "things")


def runner_for(window: MainWindow) -> JobRunner:
    return JobRunner(PanelJobs(window.session, window), window)


def test_cancel_raising_cancelled_ends_as_cancelled_with_no_error(
    qtbot: QtBot, window: MainWindow, boxes: list[tuple[str, str]]
) -> None:
    runner = runner_for(window)
    inside = threading.Event()
    ends: list[tuple[object, bool, str]] = []

    def work(project: Project, report: Report, stopped: Stopped) -> int:
        for n in range(10_000):
            report(n, 10_000, f"thing {n}")
            inside.set()
            if stopped():
                raise Cancelled("stopped")
            threading.Event().wait(0.01)
        return 10_000

    assert runner.run(SPEC, work, lambda *end: ends.append(end))
    progress = runner.progress
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: "Counting thing" in progress.label.text(), timeout=5000)
    with qtbot.waitSignal(runner.ended, timeout=2000):
        progress.cancel_button.click()
    assert ends == [(None, True, "")]
    assert boxes == [] and runner.progress is None and not runner.running


def test_an_unexpected_error_is_shown_once_under_the_jobs_title(
    qtbot: QtBot, window: MainWindow, boxes: list[tuple[str, str]]
) -> None:
    runner = runner_for(window)
    ends: list[tuple[object, bool, str]] = []

    def work(project: Project, report: Report, stopped: Stopped) -> int:
        raise KeyError("oops")

    with qtbot.waitSignal(runner.ended, timeout=5000):
        assert runner.run(SPEC, work, lambda *end: ends.append(end))
    assert len(boxes) == 1 and boxes[0][0] == "Count things failed"
    assert "KeyError" in boxes[0][1]
    assert ends[0][:2] == (None, False) and ends[0][2] == boxes[0][1]
