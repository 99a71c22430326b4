"""The main window driven as a user drives it: filter the library, pick, read."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from ui.shell import settings
from ui.shell.main_window import MainWindow


def test_library_lists_the_samples_with_counts(window: MainWindow) -> None:
    titles = window.library.visible_titles()
    assert len(titles) == 3
    model = window.library.model
    assert model.columnCount() == 4
    assert all(model.data(model.index(r, 1)) for r in range(3))  # outlets


def test_filter_then_pick_shows_the_article_in_paragraphs(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.library.filter_box, "FightBack")
    titles = window.library.visible_titles()
    assert len(titles) == 1
    table = window.library.table
    table.setFocus()
    index = window.library.model.index(0, 0)
    table.setCurrentIndex(index)
    qtbot.waitUntil(lambda: window.reader.article_id is not None)
    article = window.session.project.articles.get(window.reader.article_id)
    assert article.summary.outlet == "NHS FightBack"
    shown = window.reader.view.toPlainText()
    assert shown.count("\n") > 10
    assert "£" in shown
    assert escape(article.title) in window.reader.header.text()


def test_scrape_is_shown_in_paragraphs_without_changing_the_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    scrape = next(a for a in project.articles.list() if "scrape" in (a.source_name or ""))
    window.library.select_article(scrape.id)
    qtbot.waitUntil(lambda: window.reader.article_id == scrape.id)
    assert window.reader.view.document().blockCount() >= 5
    assert "\n" not in project.articles.get(scrape.id).text


def test_selection_is_reported_in_code_points(qtbot: QtBot, window: MainWindow) -> None:
    article = window.session.project.articles.list()[2]
    window.library.select_article(article.id)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    text = window.session.project.articles.get(article.id).text
    start = text.index("£")
    window.reader.view.select_span(start, start + 12)
    assert window.reader.view.selected_span() == (start, start + 12)
    assert window.reader.view.textCursor().selectedText().startswith("£")


def test_open_project_that_is_not_a_project(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    bogus = tmp_path / "essay.sqlite"
    bogus.write_text("not a database")
    messages: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    before = window.session.project
    window.actions["open_project"].trigger()
    assert len(messages) == 1 and str(bogus) in messages[0] and "not a project" in messages[0]
    assert window.session.project is before
    assert bogus.read_text() == "not a database"


def test_new_then_recent_project(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions["new_project"].trigger()
    assert window.session.project.path == target
    assert window.library.visible_titles() == []
    assert target.resolve() in settings.recent_projects()
    assert target.name in window.windowTitle()


def test_menus_have_shortcuts(window: MainWindow) -> None:
    for key in ("new_project", "open_project", "quit", "undo", "redo", "focus_filter"):
        assert not window.actions[key].shortcut().isEmpty(), key


def test_window_layout_is_remembered(
    qtbot: QtBot, sample_project: Project, window: MainWindow
) -> None:
    window.actions["toggle_library"].trigger()
    assert window.library_dock.isHidden()
    window.close()
    from ui.shell.session import ProjectSession

    again = MainWindow(ProjectSession(sample_project))
    qtbot.addWidget(again)
    again.show()
    assert again.library_dock.isHidden()


def test_focus_filter_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.actions["focus_filter"].trigger()
    assert window.library.filter_box.hasFocus() or window.library.filter_box.isVisible()
    qtbot.keyClicks(window.library.filter_box, "zzzz-no-match")
    assert window.library.visible_titles() == []
    window.library.filter_box.clear()
    assert len(window.library.visible_titles()) == 3
    qtbot.keyClicks(window.library.filter_box, "fightBACK")  # any case
    assert len(window.library.visible_titles()) == 1
