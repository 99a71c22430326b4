"""The figures view fills in off the GUI thread: the job reads and checks the figures,
the model puts each read in over several inserts, and the table ends as a read on
the GUI thread would have left it.

Reading and checking the figures at each refresh, and hashing every claim's text
to find the stale ones, ran on the GUI thread and froze the window for up to
~80 ms on 10,000 claims (bench/freezes.py: figures_view_longest_stall).
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from pytestqt.qtbot import QtBot

import annotator.figures.service as figures_service
import ui.figures.model as figures_model
import ui.figures.parsing as parsing
import ui.figures.reading as reading
import ui.figures.view as figures_view
from annotator.models import Changes, Quantity
from tests.figures_support import many_claims
from ui.figures.model import FiguresModel
from ui.figures.reading import Asked, read_figures
from ui.shell.main_window import MainWindow

CLAIMS = 1_500


def rows(ids: list[int]) -> list[tuple[Quantity, dict[str, Any]]]:
    info = {"side": None, "speaker": None, "statement": "", "quote": "", "article_title": ""}
    return [
        (Quantity(value=float(i), unit="%", id=i, claim_id=i, words=f"{i}%"), dict(info))
        for i in ids
    ]


def inserts(model: FiguresModel) -> list[int]:
    """How many rows each insert brought in."""
    seen: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: seen.append(last - first + 1))
    return seen


def test_a_big_read_goes_in_over_several_inserts_and_turns(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures_model, "FILL_SLICE_S", 0.0)  # one step of rows a turn
    model = FiguresModel()
    seen = inserts(model)
    target = rows(list(range(1, 1_001)))
    model.fill(target, {}, {})
    assert model.filling and 0 < len(model.rows) < len(target)  # the rest on later turns
    qtbot.waitUntil(lambda: not model.filling)
    assert model.rows == target and len(seen) > 1 and max(seen) <= figures_model.STEP


def test_a_fill_keeps_the_rows_shown_and_ends_in_the_reads_order(qtbot: QtBot) -> None:
    model = FiguresModel()
    model.set_rows(rows([2, 4, 6, 8]), {}, {})
    kept = QPersistentModelIndex(model.index(2, 0))  # figure 6, say selected
    seen = inserts(model)
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    target = rows([1, 2, 3, 6, 7, 8, 9])  # 4 gone, the rest around the others
    model.fill(target, {}, {})
    qtbot.waitUntil(lambda: not model.filling)
    assert [q.id for q, _ in model.rows] == [1, 2, 3, 6, 7, 8, 9]
    assert model.rows == target  # each kept figure's row as read now
    assert kept.isValid() and model.rows[kept.row()][0].id == 6
    assert seen == [1, 1, 1, 1] and removed == [(2, 2)]  # new runs in, one row out


def test_a_fill_overtaken_by_a_newer_read_ends_as_the_newer(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures_model, "FILL_SLICE_S", 0.0)
    model = FiguresModel()
    model.fill(rows(list(range(1, 600, 2))), {}, {})
    assert model.filling
    newer = rows(list(range(1, 700)))
    model.fill(newer, {}, {})
    qtbot.waitUntil(lambda: not model.filling)
    assert model.rows == newer
    model.fill(rows([5, 3]), {}, {})  # the other way round: one goes out and in again
    qtbot.waitUntil(lambda: not model.filling)
    assert [q.id for q, _ in model.rows] == [5, 3] and model.rowCount(QModelIndex()) == 2


def test_the_job_reads_the_view_and_the_table_ends_as_a_read_here_would(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_gui: list[str] = []  # work the GUI thread did while figures were still to come

    def spied(name: str, real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                on_gui.append(name)
            return real(*args, **kwargs)

        return call

    project = window.session.project
    many_claims(project, CLAIMS)
    window.session.notify(Changes(everything=True))
    monkeypatch.setattr(figures_view, "read_figures", spied("read", figures_view.read_figures))
    real_stale = figures_service.QuantityManager.stale
    monkeypatch.setattr(figures_service.QuantityManager, "stale", spied("stale", real_stale))
    window.actions["figures_view"].trigger()
    view = window.compare.figures
    seen = inserts(view.model)
    qtbot.waitUntil(lambda: view.parsing.reading, timeout=10_000)
    qtbot.waitUntil(lambda: not view.filling, timeout=60_000)
    assert on_gui == []  # neither found the stale claims nor read a figure here
    assert len(seen) > 1  # the rows came in as the job read them, not in one reset
    here = read_figures(project, Asked(view.subject.currentText(), view.subject.count()))
    assert here.chosen == view.subject.currentText()
    assert [(q, info) for q, info in view.model.rows] == here.rows
    assert view.model.findings == here.per_quantity


def test_parsing_lets_go_of_the_lock_and_a_hold_never_let_go_is_waited_for_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(parsing.time, "sleep", slept.append)
    monkeypatch.setattr(parsing, "PAUSE_LIMIT_S", 0.01)
    go = threading.Event()
    go.set()
    pause = parsing._Pause(go)
    for _ in range(3 * parsing.YIELD_EVERY):
        pause()
    assert slept == [parsing.YIELD_S] * 3
    go.clear()  # a GUI thread that holds the job and never lets go
    waited = []
    real_wait = go.wait
    monkeypatch.setattr(go, "wait", lambda t: waited.append(t) or real_wait(t))
    for _ in range(5):
        pause()
    assert waited == [0.01]  # once, then it goes on
    go.set()
    pause()
    go.clear()
    pause()  # a new hold is waited for again
    assert waited == [0.01, 0.01]


def test_the_subject_is_picked_without_the_checks_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening the view on no figures picks '(all subjects)' without importing the checks."""
    assert reading.pick_subject([], Asked()) == reading.ALL_SUBJECTS
    subjects = [("pay", 3), ("resident doctors' pay", 2), ("exam fees", 4)]
    assert reading.pick_subject(subjects, Asked()) == "resident doctors' pay"  # pay joins it
    picked = Asked("exam fees", 4, following=True, picked=True)
    assert reading.pick_subject(subjects, picked) == "exam fees"
