"""Export and merge run as background jobs on the window's one runner, driven as a user does.

A progress window with Cancel while they run; Cancel leaves no file (export)
or the project exactly as it was, with nothing in the history (merge). A gate
holds the work at a known point so Cancel lands while it is under way.
"""

from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import ui.exchange.export_dialog as export_dialog
from annotator.exchange.exporters import export_to_path
from annotator.project import Project
from annotator.samples.articles import seed_samples
from ui.shell.main_window import MainWindow


def held(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> threading.Event:
    """Make owner.name wait for the returned gate before it runs (on the job's thread)."""
    gate = threading.Event()
    real = getattr(owner, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(20), "the test never opened the gate"
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, waiting)
    return gate


# -- export ------------------------------------------------------------------------------
def test_export_shows_the_job_progress_and_cancel_leaves_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.session.project
    article = project.articles.list()[0]
    project.claims.mark(article.id, 0, 20)
    gate = held(monkeypatch, export_dialog, "export_to_path")
    dialog = window.export.open()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.article.setCurrentIndex(0)
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.path.setText(str(folder / "report.html"))
    dialog.export_button.click()
    progress = dialog.runner.progress
    assert progress is not None and progress.isVisible()
    assert progress.windowTitle() == "Export" and not dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.runner.ended, timeout=20_000):
        progress.cancel_button.click()
        gate.set()
    assert list(folder.iterdir()) == []  # neither the file nor its temporary part
    assert dialog.message.text() == "Export cancelled; nothing was written."
    assert dialog.isVisible() and dialog.export_button.isEnabled() and dialog.written is None
    assert dialog.runner.progress is None
    dialog.export_button.click()  # again, left to finish
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert [p.name for p in folder.iterdir()] == ["report.html"]
    assert "1 claims written" in window.statusBar().currentMessage()


def test_the_export_dialogs_own_cancel_stops_the_job(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = held(monkeypatch, export_dialog, "export_to_path")
    dialog = window.export.open()
    dialog.path.setText(str(tmp_path / "claims.csv"))
    dialog.export_button.click()
    assert dialog.runner.running
    with qtbot.waitSignal(dialog.runner.ended, timeout=20_000):
        dialog.cancel_button.click()
        gate.set()
    assert dialog.isVisible() and list(tmp_path.glob("*claims.csv*")) == []
    dialog.cancel_button.click()  # nothing running: it closes
    assert not dialog.isVisible()


# -- merge -------------------------------------------------------------------------------
MANY = 3000


@pytest.fixture
def big_claim_set(tmp_path: Path) -> Path:
    """A colleague's lossless JSON with MANY claims on the sample articles the window has."""
    colleague = Project.open(tmp_path / "colleague.sqlite")
    seed_samples(colleague, claims=False)
    article = colleague.articles.list()[0]
    colleague.claims.mark(article.id, 0, 20)
    out = tmp_path / "big.json"
    export_to_path(colleague, "json", out)
    colleague.close()
    doc = json.loads(out.read_text("utf-8"))
    one = doc["claims"][0]
    doc["claims"] = [{**one, "uid": str(uuid.uuid4()), "note": f"n{n}"} for n in range(MANY)]
    out.write_text(json.dumps(doc), encoding="utf-8")
    return out


def counts(project: Project) -> tuple[int, int]:
    return len(project.claims.list()), len(project.history.entries())


def test_merge_shows_progress_and_cancel_leaves_the_project_as_it_was(
    qtbot: QtBot,
    window: MainWindow,
    big_claim_set: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: list[tuple[str, str]],
) -> None:
    from annotator.exchange.mergers.apply import Merge

    project = window.session.project
    before, stack = counts(project), window.session.undo_stack.count()
    gate, real, seen = threading.Event(), Merge.merge_claim, [0]

    def slow_claim(self: Merge, *args: Any) -> None:
        seen[0] += 1
        if seen[0] == 200:  # well under way: hold until Cancel is pressed
            assert gate.wait(20)
        real(self, *args)

    monkeypatch.setattr(Merge, "merge_claim", slow_claim)
    assert window.merge.merge(big_claim_set)
    progress = window.merge.runner.progress
    assert progress is not None and progress.isVisible()
    assert progress.windowTitle() == "Merge claim set"
    qtbot.waitUntil(lambda: progress.bar.value() >= 100, timeout=20_000)
    # the file's three articles, then its claims
    assert progress.label.text().endswith(f" of {MANY + 3} articles and claims done")
    with qtbot.waitSignal(window.merge.runner.ended, timeout=20_000):
        progress.cancel_button.click()
        gate.set()
    assert counts(project) == before  # nothing merged, nothing recorded
    assert window.session.undo_stack.count() == stack and window.merge.report is None
    assert boxes == [] and "cancelled" in window.statusBar().currentMessage()
    assert not window.watcher.poll()


def test_a_big_merge_is_one_step_undone_whole_and_not_news_from_outside(
    qtbot: QtBot, window: MainWindow, big_claim_set: Path, boxes: list[tuple[str, str]]
) -> None:
    project = window.session.project
    (claims, entries), stack = counts(project), window.session.undo_stack.count()
    window.watcher.poll()
    outside: list[bool] = []
    window.watcher.external_change.connect(lambda: outside.append(True))
    reported: list[tuple[int, int]] = []
    assert window.merge.merge(big_claim_set)
    job = window.merge.runner.job
    assert job is not None
    job.progress.connect(lambda done, total, _item: reported.append((done, total)))
    with qtbot.waitSignal(window.merge.runner.ended, timeout=60_000):
        pass
    assert reported and reported[-1][0] == reported[-1][1] >= MANY
    assert counts(project) == (claims + MANY, entries + 1)
    assert window.session.undo_stack.count() == stack + 1
    assert boxes[-1][0] == "Merged big.json" and f"Added: {MANY} claims" in boxes[-1][1]
    assert not window.watcher.poll() and outside == []  # the window's own merge
    window.actions["undo"].trigger()
    assert counts(project)[0] == claims  # exactly what it added
    window.actions["redo"].trigger()
    assert counts(project)[0] == claims + MANY


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00 not text at all", b"[" * 100_000, b'{"claims": "none"}'],
    ids=["binary", "deep", "wrong-shape"],
)
def test_a_hostile_merge_file_is_refused_once_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, content: bytes, boxes: list[tuple[str, str]]
) -> None:
    project = window.session.project
    before, stack = counts(project), window.session.undo_stack.count()
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    with qtbot.waitSignal(window.merge.runner.ended, timeout=20_000):
        assert window.merge.merge(path)
    assert len(boxes) == 1 and boxes[0][0] == "Cannot merge"
    assert boxes[0][1].startswith(str(path)) and "unexpected" not in boxes[0][1]
    assert counts(project) == before and window.session.undo_stack.count() == stack


def test_a_project_with_no_file_exports_and_merges_on_the_spot(
    qtbot: QtBot, tmp_path: Path, big_claim_set: Path, boxes: list[tuple[str, str]]
) -> None:
    """No second connection could see an in-memory project: the runner does the work here."""
    from ui.exchange.export_dialog import ExportDialog
    from ui.shell.session import ProjectSession

    project = Project.in_memory()
    seed_samples(project, claims=False)
    window = MainWindow(ProjectSession(project))
    qtbot.addWidget(window)
    assert window.merge.merge(big_claim_set)  # done by the time it returns
    assert not window.merge.runner.running and window.merge.runner.progress is None
    assert len(project.claims.list()) == MANY and boxes[-1][0] == "Merged big.json"
    window.session.undo_stack.undo()
    assert project.claims.list() == []
    window.session.undo_stack.redo()
    dialog = ExportDialog(window.session, None, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(tmp_path / "memory.csv"))
    dialog.export_button.click()
    assert dialog.written == MANY and (tmp_path / "memory.csv").exists()
