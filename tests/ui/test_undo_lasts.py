"""Undo that lasts: after reopening, Ctrl+Z undoes the last edit made whatever its kind,
says in the status bar what it did, and a step that no longer applies changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from annotator.models import Changes
from annotator.project import Project
from tests.ui.marking_support import HOSTILE, mark, open_hostile, press
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession


def add_url_evidence(window: MainWindow) -> None:
    """Evidence > Add web link…, filled in and accepted as a user does."""
    dialog = window.evidence.panel.url_dialog()
    dialog.set_text("url", "https://www.gov.uk/ddrb-report")
    dialog.set_text("title", "DDRB report 2025")
    dialog.set_relation("refutes")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def reopened(qtbot: QtBot, path: Path) -> tuple[Project, MainWindow]:
    project = Project.open(path, create=False)
    again = MainWindow(ProjectSession(project))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(again.isActiveWindow)
    return project, again


def ctrl(qtbot: QtBot, window: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window.reader.view, key, modifiers)


def test_ctrl_z_after_reopening_undoes_the_evidence_then_the_verdict(
    qtbot: QtBot, project_path: Path, sample_project: Project, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    press(qtbot, window.reader.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    verdict = sample_project.claims.get(claim_id).verdict
    assert verdict is not None
    add_url_evidence(window)
    assert [e.evidence.title for e in sample_project.evidence.list(claim_id)] == [
        "DDRB report 2025"
    ]
    window.close()
    sample_project.close()

    project, again = reopened(qtbot, project_path)
    try:
        assert "Add evidence" in again.actions["undo"].text()
        ctrl(qtbot, again, Qt.Key.Key_Z)
        assert project.evidence.list(claim_id) == []  # the last edit, not an older verdict
        assert project.claims.get(claim_id).verdict == verdict
        assert again.statusBar().currentMessage() == "Undid: Add evidence DDRB report 2025"

        ctrl(qtbot, again, Qt.Key.Key_Z)
        assert project.claims.get(claim_id).verdict is None
        message = again.statusBar().currentMessage()
        assert message == f"Undid: Verdict {verdict} on claim {claim_id}"

        ctrl(qtbot, again, Qt.Key.Key_Z, shift=True)
        assert project.claims.get(claim_id).verdict == verdict
        assert again.statusBar().currentMessage().startswith("Redid: Verdict")
        ctrl(qtbot, again, Qt.Key.Key_Z, shift=True)
        assert [e.evidence.title for e in project.evidence.list(claim_id)] == ["DDRB report 2025"]
        assert again.evidence.panel.model.rowCount() == 1 or again.session.current_claim is None
    finally:
        again.session.undo_stack.clear()
        again.close()
        project.close()


def test_an_undo_whose_row_went_elsewhere_says_so_and_changes_nothing(
    qtbot: QtBot, project_path: Path, sample_project: Project, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    add_url_evidence(window)
    window.close()
    sample_project.close()

    project, again = reopened(qtbot, project_path)
    try:
        (item,) = project.evidence.items()
        # Another program deletes the claim the evidence hangs on, then the item.
        with sqlite3.connect(project_path) as other:
            other.execute("PRAGMA foreign_keys = ON")
            other.execute("DELETE FROM claim_evidence WHERE evidence_id = ?", [item.id])
            other.execute("DELETE FROM evidence WHERE id = ?", [item.id])
        stack = again.session.undo_stack
        where = (stack.count(), stack.index())
        claims_before = project.claims.count()
        ctrl(qtbot, again, Qt.Key.Key_Z)
        assert again.statusBar().currentMessage().startswith("Cannot undo “Add evidence")
        assert (stack.count(), stack.index()) == where
        assert project.claims.count() == claims_before and project.claims.get(claim_id)
        assert [e.done for e in project.history.entries()] == [True, True]
        assert "Add evidence" in again.actions["undo"].text()
    finally:
        again.session.undo_stack.clear()
        again.close()
        project.close()


def test_undo_from_the_command_line_moves_the_windows_stack(
    qtbot: QtBot, window: MainWindow
) -> None:
    from annotator.history import steps

    open_hostile(window, qtbot)
    mark(window, qtbot, 0, 8)
    project = window.session.project
    with Project.open(project.path or "", create=False) as other:
        steps.undo(other)  # `annotator undo` while the window is open
    window.session.notify(Changes(everything=True))  # what the outside-change watcher sends
    qtbot.waitUntil(lambda: not window.actions["undo"].isEnabled(), timeout=3000)
    assert window.actions["redo"].isEnabled() and "Mark claim" in window.actions["redo"].text()


def test_an_import_is_one_step_that_undoes_after_reopening(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    project_path: Path,
    sample_project: Project,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(12):
        (folder / f"piece{n:02}.txt").write_text(f"Piece {n}: rents rose {n}% this year.\n")
    files = sorted(str(p) for p in folder.iterdir())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    before = sample_project.articles.count()
    window.actions["import_files"].trigger()
    qtbot.waitUntil(lambda: window.importing.job is None and window.importing.summary is not None,
                    timeout=20_000)  # fmt: skip
    assert sample_project.articles.count() == before + 12
    assert window.actions["undo"].text() == "&Undo Import of 12 articles"
    window.importing.summary.close()  # type: ignore[union-attr]
    window.close()
    sample_project.close()

    project, again = reopened(qtbot, project_path)
    try:
        ctrl(qtbot, again, Qt.Key.Key_Z)
        assert project.articles.count() == before
        assert again.statusBar().currentMessage() == "Undid: Import of 12 articles"
        assert len(again.library.visible_titles()) == before
        ctrl(qtbot, again, Qt.Key.Key_Z, shift=True)
        assert project.articles.count() == before + 12
        assert len(again.library.visible_titles()) == before + 12
    finally:
        again.session.undo_stack.clear()
        again.close()
        project.close()


def test_details_and_backup_schedule_undo_after_reopening_newest_first(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    project_path: Path,
    sample_project: Project,
    window: MainWindow,
) -> None:
    from annotator.backups.service import Schedule
    from ui.library.details import ArticleDetailsDialog

    article_id = sample_project.articles.list()[0].id
    window.library.select_article(article_id)
    qtbot.waitUntil(lambda: window.reader.article_id == article_id)
    title = sample_project.articles.summary(article_id).title

    def fill(dialog: ArticleDetailsDialog) -> int:
        dialog.edits["title"].setText("Doctors reject the pay offer")
        return ArticleDetailsDialog.DialogCode.Accepted

    monkeypatch.setattr(ArticleDetailsDialog, "exec", fill)
    window.actions["article_details"].trigger()
    dialog = window.backup_actions.open_dialog()
    qtbot.addWidget(dialog)
    dialog.interval.setValue(5)
    dialog.keep.setValue(3)
    dialog.apply_button.click()
    dialog.close()
    window.close()
    sample_project.close()

    project, again = reopened(qtbot, project_path)
    try:
        ctrl(qtbot, again, Qt.Key.Key_Z)
        assert project.backups.schedule() == Schedule()
        assert again.statusBar().currentMessage() == "Undid: Change backup schedule"
        assert project.articles.summary(article_id).title == "Doctors reject the pay offer"
        ctrl(qtbot, again, Qt.Key.Key_Z)
        assert project.articles.summary(article_id).title == title
        assert title in again.library.visible_titles()
        assert again.statusBar().currentMessage().startswith("Undid: Edit details of")
    finally:
        again.session.undo_stack.clear()
        again.close()
        project.close()
