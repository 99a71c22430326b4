"""Editing an article's details from the library (title, date, address): one
undoable step; a blank title or a date that is not one is refused; Cancel
changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ui.library.details import ArticleDetailsDialog
from ui.shell.main_window import MainWindow


def _select_first(qtbot: QtBot, window: MainWindow) -> int:
    article_id = window.session.project.articles.list()[0].id
    window.library.select_article(article_id)
    qtbot.waitUntil(lambda: window.reader.article_id == article_id)
    return article_id


def test_article_details_edit_is_one_undoable_step(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    article_id = _select_first(qtbot, window)
    project = window.session.project
    original = project.articles.summary(article_id)

    def fill(dialog: ArticleDetailsDialog) -> int:
        dialog.edits["title"].setText("Doctors reject the pay offer")
        dialog.edits["published"].setText("2025-07-09T06:30:00+01:00")
        dialog.edits["url"].setText("https://news.example/offer")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ArticleDetailsDialog, "exec", fill)
    window.actions["article_details"].trigger()
    edited = project.articles.summary(article_id)
    assert (edited.title, edited.published, edited.url) == (
        "Doctors reject the pay offer",
        "2025-07-09T06:30:00+01:00",
        "https://news.example/offer",
    )
    assert edited.outlet == original.outlet
    assert "Doctors reject the pay offer" in window.library.visible_titles()
    assert "Doctors reject the pay offer" in window.reader.header.text()

    window.session.undo_stack.undo()
    undone = project.articles.summary(article_id)
    assert (undone.title, undone.published, undone.url) == (
        original.title,
        original.published,
        original.url,
    )
    assert original.title in window.library.visible_titles()

    window.session.undo_stack.redo()
    assert project.articles.summary(article_id).title == "Doctors reject the pay offer"
    assert window.session.undo_stack.count() == 1


def test_details_dialog_refuses_a_blank_title_and_a_non_date(window: MainWindow) -> None:
    summary = window.session.project.articles.list()[0]
    dialog = ArticleDetailsDialog(summary, window)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.edits["title"].setText("  ")
    assert not ok.isEnabled() and "needs a title" in dialog.problem.text()
    dialog.edits["title"].setText("A title")
    dialog.edits["published"].setText("next Tuesday-ish")
    assert not ok.isEnabled() and "not a date" in dialog.problem.text()
    dialog.edits["published"].setText("9 July 2025")
    assert ok.isEnabled()
    before, after = dialog.changed_values()
    assert after["published"] == "2025-07-09" and after["title"] == "A title"
    assert set(before) == set(after)


def test_cancelled_details_dialog_changes_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    _select_first(qtbot, window)

    def fill_then_cancel(dialog: ArticleDetailsDialog) -> int:
        dialog.edits["title"].setText("Never saved")
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ArticleDetailsDialog, "exec", fill_then_cancel)
    window.actions["article_details"].trigger()
    assert window.session.undo_stack.count() == 0
    assert "Never saved" not in window.library.visible_titles()
