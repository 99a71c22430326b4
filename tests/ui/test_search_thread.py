"""The search dock works off the GUI thread: the window answers while a query runs.

The query is held on the search thread (the service waits on an event) so the
test can look at the window while a slow search is under way, the way a user
typing a common word over a large archive would see it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from annotator.search.service import SearchManager
from ui.library.view import LibraryPanel
from ui.search.panel import SearchPanel
from ui.shell.main_window import MainWindow

HELD = "strike"


class Gate:
    """Holds every search for HELD on the search thread until released."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.threads: set[str] = set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    original = SearchManager.search

    def search(self: SearchManager, query: str, *args: Any, **kwargs: Any) -> Any:
        held.threads.add(threading.current_thread().name)
        if query.strip() == HELD:
            held.entered.set()
            held.release.wait(10)
        return original(self, query, *args, **kwargs)

    monkeypatch.setattr(SearchManager, "search", search)
    yield held
    held.release.set()  # never leave the thread waiting


@pytest.fixture
def dock(window: MainWindow) -> SearchPanel:
    project = window.session.project
    article = next(a for a in project.articles.list() if a.source_name and "bma" in a.source_name)
    project.claims.mark_quote(
        article.id, "Resident doctors' pay has gone up by almost 29% in three years"
    )
    panel = window.findChild(SearchPanel)
    assert panel is not None
    return panel


def test_the_window_answers_while_a_search_runs(
    qtbot: QtBot, window: MainWindow, dock: SearchPanel, gate: Gate
) -> None:
    dock.box.setText(HELD)
    dock.run()
    assert gate.entered.wait(5), "the search never started"
    assert dock.pending
    # Meanwhile the event loop turns: timers fire and the library filters as typed.
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    library = window.findChild(LibraryPanel)
    assert library is not None
    everything = library.table.model().rowCount()
    qtbot.keyClicks(library.filter_box, "bma")
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    timer.stop()
    assert 0 < library.table.model().rowCount() < everything
    assert dock.pending and dock.model.rowCount() == 0  # still searching, nothing made up
    gate.release.set()
    qtbot.waitUntil(lambda: not dock.pending)
    assert dock.model.rowCount() > 0
    assert "MainThread" not in gate.threads  # the query never ran on the GUI thread


def test_a_slow_search_overtaken_by_a_newer_one_never_shows(
    qtbot: QtBot, dock: SearchPanel, gate: Gate
) -> None:
    shown: list[list[str]] = []
    dock.model.modelReset.connect(lambda: shown.append([h.snippet for h in dock.model.hits]))
    dock.box.setText(HELD)
    dock.run()
    assert gate.entered.wait(5)
    dock.box.setText("29%")  # typed on while the first search is still running
    dock.run()
    gate.release.set()  # the old result now arrives first, then the new one
    qtbot.waitUntil(lambda: not dock.pending)
    qtbot.wait(100)  # anything late would have arrived by now
    assert dock.model.hits and all("29%" in h.snippet for h in dock.model.hits)
    assert all(all("29%" in s for s in page) for page in shown if page)
