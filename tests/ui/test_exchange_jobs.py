"""Export and merge run as background jobs on the window's one runner, driven as a user does.

A progress window with Cancel while they run; Cancel leaves no file (export)
or the project exactly as it was, with nothing in the history (merge). A gate
holds the work at a known point so Cancel lands while it is under way.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import ui.exchange.export_dialog as export_dialog
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
