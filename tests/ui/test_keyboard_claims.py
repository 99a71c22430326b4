"""From the text to a tagged claim with few keys: '.' selects the sentence at the
cursor, ',' the clause, each again grows the selection; M marks, P gives the
previous claim's speaker (and side), a digit the stance. Keys are counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from annotator.text.sentences import clause_at, sentence_at
from ui.shell.main_window import MainWindow


class Keyboard:
    """Presses keys on a widget as a user does, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, widget: QWidget, key: Qt.Key) -> None:
        self.qtbot.keyClick(widget, key)
        self.count += 1


def _open(qtbot: QtBot, window: MainWindow) -> str:
    project = window.session.project
    article = next(a for a in project.articles.list() if a.outlet == "NHS FightBack")
    window.open_article(article.id)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    return project.articles.get(article.id).text


def _click_at(qtbot: QtBot, window: MainWindow, position: int) -> None:
    """A mouse click on the character at canonical `position`."""
    view = window.reader.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.text_map.to_display(position))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view.setFocus()


def _selected(window: MainWindow, text: str) -> str:
    span = window.reader.view.selected_span()
    assert span is not None
    return text[span[0] : span[1]]


def test_one_key_selects_the_sentence_and_more_keys_grow_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    text = _open(qtbot, window)
    view = window.reader.view
    where = text.index("83 percent")
    _click_at(qtbot, window, where)
    keys = Keyboard(qtbot)
    keys.press(view, Qt.Key.Key_Period)
    sentence = text[slice(*sentence_at(text, where))]
    assert _selected(window, text) == sentence and "83 percent" in sentence
    assert keys.count == 1  # a sentence in one key (the issue allows three)
    keys.press(view, Qt.Key.Key_Period)
    grown = _selected(window, text)
    assert grown.startswith(sentence) and len(grown) > len(sentence)

    _click_at(qtbot, window, where)  # a click drops the selection
    assert view.selected_span() is None
    keys.press(view, Qt.Key.Key_Comma)
    clause = text[slice(*clause_at(text, where))]
    assert _selected(window, text) == clause and "83 percent" in clause
    keys.press(view, Qt.Key.Key_Comma)
    assert len(_selected(window, text)) > len(clause)


def test_selection_to_a_claim_with_speaker_side_and_stance_in_three_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    text = _open(qtbot, window)
    view = window.reader.view
    union = project.codebook.find("side", "union")
    assert union is not None
    speaker = project.speakers.create("Jack Fletcher", side_id=union.id)
    first = sentence_at(text, text.index("83 percent"))
    earlier = project.claims.mark(window.reader.article_id or 0, *first)
    project.claims.update(earlier.id, speaker_id=speaker.id)

    later = sentence_at(text, first[1] + 1)
    _click_at(qtbot, window, later[0] + 1)
    keys = Keyboard(qtbot)
    keys.press(view, Qt.Key.Key_Period)  # the sentence
    selecting = keys.count
    keys.press(view, Qt.Key.Key_M)  # a claim
    keys.press(view, Qt.Key.Key_P)  # the previous claim's speaker, with its side
    keys.press(view, Qt.Key.Key_1)  # the first stance
    tagging = keys.count - selecting
    claim_id = window.session.current_claim
    assert claim_id is not None and claim_id != earlier.id
    claim = project.claims.get(claim_id)
    assert (claim.start, claim.end) == later
    assert claim.speaker == "Jack Fletcher"
    assert claim.side == "union"
    assert claim.stance == project.codebook.entries("stance")[0].name
    assert window.claims.editor.speaker.text() == "Jack Fletcher"
    assert tagging == 3  # the issue allows four
    print(f"keys: sentence {selecting}, claim tagged with speaker, side, stance {tagging}")
    window.actions["undo"].trigger()  # the stance
    window.actions["undo"].trigger()  # the speaker and side, in one step
    claim = project.claims.get(claim_id)
    assert claim.speaker is None and claim.side is None


def test_p_without_a_previous_speaker_says_so(qtbot: QtBot, window: MainWindow) -> None:
    text = _open(qtbot, window)
    view = window.reader.view
    _click_at(qtbot, window, text.index("83 percent"))
    keys = Keyboard(qtbot)
    keys.press(view, Qt.Key.Key_Period)
    keys.press(view, Qt.Key.Key_M)
    keys.press(view, Qt.Key.Key_P)
    assert "No claim before this one has a speaker" in window.statusBar().currentMessage()
    claim_id = window.session.current_claim
    assert claim_id is not None
    assert window.session.project.claims.get(claim_id).speaker is None
