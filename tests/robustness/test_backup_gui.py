"""Backups from the window: back up now, the schedule, restore, and rows another program wrote."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.backups import service as backups
from annotator.models import Changes, ImportedArticle
from annotator.project import Project
from tests.ui.job_support import Gate
from ui.backups.dialog import BackupDialog
from ui.shell.main_window import MainWindow


def _library_titles(window: MainWindow) -> list[str]:
    return window.library.visible_titles()


def test_file_menu_backs_up_now(window: MainWindow) -> None:
    action = window.actions["back_up_now"]
    assert action in window.file_menu.actions()
    assert not action.shortcut().isEmpty()
    action.trigger()
    made = window.session.project.backups.list()
    assert [b.kind for b in made] == ["manual"]
    assert made[0].path.name in window.statusBar().currentMessage()


def test_restore_from_backup_brings_the_old_state_into_the_window(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.session.project
    backup = project.backups.create()
    before = _library_titles(window)
    project.articles.add(
        ImportedArticle(text="Added after the backup.", title="Later", source_format="txt")
    )
    window.session.notify(Changes(everything=True))
    assert len(_library_titles(window)) == len(before) + 1

    window.actions["restore_backup"].trigger()
    dialog = window.findChild(BackupDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.selected() == backup
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    assert not dialog.isVisible()
    assert _library_titles(window) == before
    assert window.session.project is not project and not window.session.project.closed
    assert window.session.undo_stack.count() == 0
    kinds = sorted(b.kind for b in window.session.project.backups.list())
    assert kinds == ["before-restore", "manual"]
    # The safety copy holds the state the restore replaced.
    safety = next(b for b in window.session.project.backups.list() if b.kind == "before-restore")
    with Project.open(safety.path, create=False) as previous:
        assert "Later" in [a.title for a in previous.articles.list()]


def test_restore_refused_when_the_user_says_no(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.session.project
    backup = project.backups.create()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert window.backup_actions.confirm_and_restore(backup.path) is False
    assert window.session.project is project and not project.closed


def test_restore_of_a_bad_file_keeps_the_project_open(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(window.host, "show_error", lambda title, message: errors.append(message))
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a database")
    project = window.session.project
    assert window.backup_actions.restore(bogus) is False
    assert window.session.project is project and not project.closed
    assert errors and str(bogus) in errors[0]


def test_schedule_is_set_in_the_dialog_and_undoable(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.backup_actions.open_dialog()
    qtbot.addWidget(dialog)
    assert dialog.interval.value() == backups.DEFAULT_INTERVAL_MINUTES
    dialog.interval.setValue(5)
    dialog.keep.setValue(3)
    dialog.apply_button.click()
    manager = window.session.project.backups
    assert manager.schedule() == backups.Schedule(5, 3)
    window.session.undo_stack.undo()
    assert manager.schedule() == backups.Schedule()
    window.session.undo_stack.redo()
    assert manager.schedule() == backups.Schedule(5, 3)


def test_back_up_now_in_the_dialog_lists_the_new_backup(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.backup_actions.open_dialog()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.back_up_button.click()
    assert dialog.model.rowCount() == 1
    assert dialog.restore_button.isEnabled()
    assert dialog.model.data(dialog.model.index(0, 1)) == "made by hand"


def test_scheduled_backup_runs_off_the_gui_thread(qtbot: QtBot, window: MainWindow) -> None:
    scheduler = window.backup_actions.scheduler
    with qtbot.waitSignal(scheduler.backed_up, timeout=10_000) as blocker:
        assert scheduler.check()  # never backed up: due at once
    made = blocker.args[0]
    assert made.kind == "scheduled" and made.path.exists()
    assert not scheduler.check(), "not due again straight away"


def test_rows_another_program_commits_appear_in_the_window(
    window: MainWindow, project_path: Path
) -> None:
    watcher = window.watcher
    before = _library_titles(window)
    assert watcher.poll() is False
    # Our own commit does not count as an outside change.
    window.session.project.articles.add(
        ImportedArticle(text="Our own article.", title="Ours", source_format="txt")
    )
    assert watcher.poll() is False
    with Project.open(project_path, create=False) as cli:  # as `annotator import` would
        cli.articles.add(
            ImportedArticle(text="Written by the CLI.", title="From the CLI", source_format="txt")
        )
    assert watcher.poll() is True
    titles = _library_titles(window)
    assert "From the CLI" in titles and "Ours" in titles and len(titles) == len(before) + 2
    assert watcher.poll() is False


@pytest.fixture
def held_backup(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Gate:
    """A scheduled backup started and waiting inside its job until the test opens the gate."""
    gate = Gate(hold=0)
    copy = backups.BackupManager.create

    def held(self: backups.BackupManager, kind: str = backups.MANUAL) -> backups.Backup:
        gate.passing(kind)
        return copy(self, kind)

    monkeypatch.setattr(backups.BackupManager, "create", held)
    assert window.backup_actions.scheduler.check()
    assert gate.reached.wait(5)
    return gate


def test_an_outside_commit_during_a_scheduled_backup_still_reaches_the_window(
    qtbot: QtBot, window: MainWindow, project_path: Path, held_backup: Gate
) -> None:
    """A backup only reads the file: a commit seen while it runs is news from outside."""
    scheduler = window.backup_actions.scheduler
    with Project.open(project_path, create=False) as cli:
        cli.articles.add(
            ImportedArticle(text="Written mid-backup.", title="Mid-backup", source_format="txt")
        )
    assert window.watcher.poll() is True
    assert "Mid-backup" in _library_titles(window)
    with qtbot.waitSignal(scheduler.backed_up, timeout=10_000):
        held_backup.open()


def test_closing_the_window_waits_for_a_scheduled_backup_under_way(
    window: MainWindow, held_backup: Gate
) -> None:
    scheduler = window.backup_actions.scheduler
    job = scheduler.job
    assert job is not None and job.running
    threading.Timer(0.2, held_backup.open).start()  # the copy ends while the window is closing
    window.close()
    assert not job.running, "the backup thread outlived the window"
    assert not scheduler.timer.isActive()
    assert [b.kind for b in window.session.project.backups.list()] == ["scheduled"]
