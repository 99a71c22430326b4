"""The claim form: speaker type-ahead (names and aliases, create in place), tags, text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.models import Claim
from ui.shell.main_window import MainWindow


@pytest.fixture
def claim(qtbot: QtBot, window: MainWindow) -> Claim:
    project = window.session.project
    article = next(a for a in project.articles.list() if a.outlet == "NHS FightBack")
    window.open_article(article.id)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    text = project.articles.get(article.id).text
    start = text.index("by 83 percent")
    window.reader.view.select_span(start, start + len("by 83 percent"))
    window.actions["mark_claim"].trigger()
    assert window.session.current_claim is not None
    return project.claims.get(window.session.current_claim)


def test_type_ahead_finds_speakers_by_alias(qtbot: QtBot, window: MainWindow, claim: Claim) -> None:
    project = window.session.project
    government = project.codebook.find("side", "government")
    assert government is not None
    wes = project.speakers.create(
        "Wes Streeting", side_id=government.id, aliases=("the Health Secretary",)
    )
    field = window.claims.editor.speaker
    field.setFocus()
    qtbot.keyClicks(field, "the hea")
    assert "the Health Secretary → Wes Streeting" in field.suggestions()
    field.completer_.activated[str].emit("the Health Secretary → Wes Streeting")  # type: ignore[index]
    tagged = project.claims.get(claim.id)
    assert tagged.speaker == "Wes Streeting"
    assert tagged.side_id == government.id  # the speaker's side, as the claim had none
    assert wes.id == tagged.speaker_id
    window.actions["undo"].trigger()
    assert project.claims.get(claim.id).speaker is None
    assert project.claims.get(claim.id).side is None


def test_a_new_name_is_offered_and_created_in_place(
    qtbot: QtBot, window: MainWindow, claim: Claim
) -> None:
    project = window.session.project
    field = window.claims.editor.speaker
    field.setFocus()
    qtbot.keyClicks(field, "Dr ")
    # QTest types ASCII only: the rest arrives as an input method would send it.
    field.insert("Émile Zoë 👩‍⚕️")
    field.textEdited.emit(field.text())
    assert field.suggestions()[-1].endswith("Dr Émile Zoë 👩‍⚕️")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    made = project.speakers.find("dr émile zoë 👩‍⚕️")
    assert made is not None and made.name == "Dr Émile Zoë 👩‍⚕️"
    assert project.claims.get(claim.id).speaker_id == made.id
    assert "New speaker" in window.actions["undo"].text()
    window.actions["undo"].trigger()  # one step: the claim loses it, the speaker goes
    assert project.claims.get(claim.id).speaker_id is None
    assert project.speakers.find("Dr Émile Zoë 👩‍⚕️") is None
    window.actions["redo"].trigger()
    assert project.claims.get(claim.id).speaker == "Dr Émile Zoë 👩‍⚕️"


def test_combos_topics_status_and_note_are_undoable(
    qtbot: QtBot, window: MainWindow, claim: Claim
) -> None:
    project, editor = window.session.project, window.claims.editor
    verdict = editor.combos["verdict"]
    verdict.setCurrentIndex(verdict.findText("misleading"))
    verdict.activated.emit(verdict.currentIndex())
    assert project.claims.get(claim.id).verdict == "misleading"
    first_topic = editor.topics.item(0)
    first_topic.setCheckState(Qt.CheckState.Checked)
    assert project.claims.get(claim.id).topics == (first_topic.text(),)
    editor.status.setCurrentText("checked")
    editor.status.activated.emit(editor.status.currentIndex())
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "ONS series K3T9 <b>not</b> RPI")
    editor.note.insertPlainText(" — £")  # QTest types ASCII only
    qtbot.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    after = project.claims.get(claim.id)
    assert (after.status, after.note) == ("checked", "ONS series K3T9 <b>not</b> RPI — £")
    for _ in range(4):
        window.actions["undo"].trigger()
    before = project.claims.get(claim.id)
    assert (before.verdict, before.topics, before.status, before.note) == (None, (), "to check", "")
    assert editor.combos["verdict"].currentText() == "—"
    assert editor.topics.item(0).checkState() == Qt.CheckState.Unchecked


def test_statement_defaults_to_the_quote_and_commits_once(
    qtbot: QtBot, window: MainWindow, claim: Claim
) -> None:
    editor = window.claims.editor
    assert editor.statement.toPlainText() == claim.quote == "by 83 percent"
    count = window.session.undo_stack.count()
    editor.statement.setFocus()
    editor.statement.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.statement, " of members voted no")
    assert window.session.undo_stack.count() == count  # nothing per keystroke
    window.claims.panel.table.setFocus()  # leaving the field commits
    assert window.session.project.claims.get(claim.id).statement == (
        "by 83 percent of members voted no"
    )
    assert window.session.undo_stack.count() == count + 1


def test_no_claim_disables_the_form(window: MainWindow, claim: Claim) -> None:
    window.session.set_current_claim(None)
    editor = window.claims.editor
    assert not editor.statement.isEnabled() and not editor.speaker.isEnabled()
    assert "No claim selected" in editor.title.text()


def test_a_quick_key_does_not_wipe_a_note_being_typed(
    qtbot: QtBot, window: MainWindow, claim: Claim
) -> None:
    editor = window.claims.editor
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "half typed")
    window.actions["stance_2"].trigger()  # Alt+2 while typing
    project = window.session.project
    assert project.claims.get(claim.id).stance == project.codebook.entries("stance")[1].name
    assert editor.note.toPlainText() == "half typed"
    window.claims.panel.table.setFocus()
    assert project.claims.get(claim.id).note == "half typed"
