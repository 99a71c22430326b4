"""A new speaker from the claim form: type the name, Enter, answer its side inline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow


@pytest.fixture
def claim_id(qtbot: QtBot, window: MainWindow) -> int:
    article = window.session.project.articles.list()[0]
    window.open_article(article.id)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    window.reader.view.select_span(0, 20)
    window.actions["mark_claim"].trigger()
    assert window.session.current_claim is not None
    return window.session.current_claim


def _type_name(qtbot: QtBot, window: MainWindow, name: str) -> None:
    field = window.claims.editor.speaker
    field.setFocus()
    qtbot.keyClicks(field, name)


def _popup(window: MainWindow) -> QAbstractItemView:
    popup = window.claims.editor.speaker.completer_.popup()
    assert popup is not None
    return popup


@pytest.mark.parametrize("arrow_first", [False, True], ids=["enter", "down-enter"])
def test_enter_creates_the_speaker_once_and_asks_its_side(
    qtbot: QtBot, window: MainWindow, claim_id: int, arrow_first: bool
) -> None:
    project, editor = window.session.project, window.claims.editor
    _type_name(qtbot, window, "Jane Roe")
    popup = editor.speaker.completer_.popup()
    assert popup is not None and popup.isVisible()
    if arrow_first:  # onto "Create speaker: Jane Roe", then Enter
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    made = project.speakers.find("Jane Roe")
    assert made is not None
    assert [s.name for s in project.speakers.list()].count("Jane Roe") == 1
    assert project.claims.get(claim_id).speaker == "Jane Roe"
    assert "already used" not in window.statusBar().currentMessage()
    assert "Cannot" not in window.statusBar().currentMessage()
    assert editor.speaker.text() == "Jane Roe"  # the name, never blank, never "➕ Create…"
    # Asked inline, the sides list focused: "g" picks government, Enter sets it.
    assert editor.side_prompt.isVisible()
    assert QApplication.focusWidget() is editor.side_prompt.sides
    qtbot.keyClick(editor.side_prompt.sides, Qt.Key.Key_G)
    qtbot.keyClick(editor.side_prompt.sides, Qt.Key.Key_Return)
    assert not editor.side_prompt.isVisible()
    assert project.speakers.get(made.id).side == "government"
    assert project.claims.get(claim_id).side == "government"
    assert editor.speaker.text() == "Jane Roe"
    assert editor.combos["side"].currentText() == "government"
    window.actions["undo"].trigger()  # the side, in one step
    assert project.speakers.get(made.id).side is None
    assert project.claims.get(claim_id).side is None
    window.actions["undo"].trigger()  # then the speaker
    assert project.speakers.find("Jane Roe") is None


def test_escape_skips_the_side(qtbot: QtBot, window: MainWindow, claim_id: int) -> None:
    project, editor = window.session.project, window.claims.editor
    _type_name(qtbot, window, "Sam Poe")
    qtbot.keyClick(_popup(window), Qt.Key.Key_Return)
    assert editor.side_prompt.isVisible()
    qtbot.keyClick(editor.side_prompt.sides, Qt.Key.Key_Escape)
    assert not editor.side_prompt.isVisible()
    assert project.claims.get(claim_id).speaker == "Sam Poe"
    assert project.claims.get(claim_id).side is None
    assert editor.speaker.text() == "Sam Poe"
    assert QApplication.focusWidget() is editor.speaker


def test_a_known_name_typed_in_full_is_picked_not_created_again(
    qtbot: QtBot, window: MainWindow, claim_id: int
) -> None:
    project, editor = window.session.project, window.claims.editor
    government = project.codebook.find("side", "government")
    assert government is not None
    project.speakers.create("Wes Streeting", side_id=government.id)
    before = len(project.speakers.list())
    _type_name(qtbot, window, "wes streeting")
    qtbot.keyClick(_popup(window), Qt.Key.Key_Return)
    assert len(project.speakers.list()) == before
    assert project.claims.get(claim_id).speaker == "Wes Streeting"
    assert project.claims.get(claim_id).side == "government"
    assert not editor.side_prompt.isVisible()
    assert editor.speaker.text() == "Wes Streeting"
