"""Suggested matches for every claim run as a job on the window's one runner.

The view keeps its own bar and Cancel (no progress window over the docks);
Cancel keeps what was found so far; asking again while a search runs cancels
it and the latest request is the one shown. A gate holds the job's thread
between two claims so each click lands while it is under way.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.compare.matches import MatchManager
from annotator.models import Changes
from tests import sample_marks
from ui.compare.matches import MatchSuggestions
from ui.shell.main_window import MainWindow


@pytest.fixture
def view(qtbot: QtBot, window: MainWindow) -> MatchSuggestions:
    sample_marks.mark_samples(window.session.project)
    window.session.notify(Changes(everything=True))
    window.actions["match_view"].trigger()
    found = window.compare.matches
    qtbot.waitUntil(found.isVisible)
    return found


def hold_second_claim(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The first search of the test waits, after its first claim, for the returned gate."""
    gate, real, calls = threading.Event(), MatchManager._against, [0]

    def against(self: MatchManager, *args: Any) -> Any:
        calls[0] += 1
        if calls[0] == 2:
            assert gate.wait(20), "the test never opened the gate"
        return real(self, *args)

    monkeypatch.setattr(MatchManager, "_against", against)
    return gate


def every_claim(view: MatchSuggestions) -> None:
    view.mode.setCurrentIndex(view.mode.findData("all"))
    view.find_button.click()


def test_cancel_keeps_the_matches_found_so_far_in_the_views_own_bar(
    qtbot: QtBot, view: MatchSuggestions, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = hold_second_claim(monkeypatch)
    every_claim(view)
    assert view.busy() and view.runner.progress is None  # no progress window
    assert view.progress.isVisible() and view.cancel_button.isVisible()
    with qtbot.waitSignal(view.runner.ended, timeout=20_000):
        view.cancel_button.click()
        gate.set()
    assert view.status.text() == "Cancelled: the matches found so far."
    assert not view.busy() and not view.progress.isVisible()
    assert not view.cancel_button.isVisible()


def test_asking_again_while_it_runs_cancels_it_and_the_latest_is_shown(
    qtbot: QtBot, view: MatchSuggestions, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = hold_second_claim(monkeypatch)
    ends: list[bool] = []
    view.runner.ended.connect(lambda: ends.append(True))
    every_claim(view)
    first = view.runner.job
    view.find_button.click()  # again, before the first has finished
    assert first is not None and first.cancelled
    gate.set()
    qtbot.waitUntil(lambda: len(ends) == 2 and not view.busy(), timeout=60_000)
    assert "Cancelled" not in view.status.text() and len(view.suggestions) >= 8
    assert not view.progress.isVisible()
