"""Finding a marked claim again: clicking its highlight, picking its row, hovering,
filtering, right-clicking; the table and the text follow each other.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from tests.ui.marking_support import (
    HOSTILE,
    PIECES,
    mark,
    open_hostile,
)
from ui.shell.main_window import MainWindow


def test_clicking_a_highlight_selects_its_row(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    first = HOSTILE.index("Pay talks")
    second = HOSTILE.index("Unions insist")
    a = mark(window, qtbot, first, first + 9)
    b = mark(window, qtbot, second, second + 13)
    assert window.session.current_claim == b
    view = window.reader.view
    cursor = view.textCursor()
    cursor.setPosition(view.text_map.to_display(first + 3))
    view.setTextCursor(cursor)
    point = view.cursorRect(cursor).center()
    point.setX(point.x() + 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.current_claim == a
    panel = window.claims.panel
    assert panel.table.currentIndex().row() == 0
    assert window.claims.layers[window.reader].claims_at(point) == [a]


def test_picking_a_row_shows_the_claim_in_the_editor(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index(PIECES["rtl"])
    claim_id = mark(window, qtbot, start, start + len(PIECES["rtl"]))
    window.session.set_current_claim(None)
    panel = window.claims.panel
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    assert window.session.current_claim == claim_id
    assert window.claims.editor.statement.toPlainText() == PIECES["rtl"]


def test_filter_and_count(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    for piece in ("Pay talks", "Unions insist"):
        start = HOSTILE.index(piece)
        mark(window, qtbot, start, start + len(piece))
    panel = window.claims.panel
    assert panel.count_label.text() == "2 claims"
    qtbot.keyClicks(panel.filter_box, "unions")
    assert panel.visible_quotes() == ["Unions insist"]
    assert panel.count_label.text() == "1 of 2 claims"


def test_hover_shows_the_claim(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    window.session.project.claims.tag(claim_id, speaker="BMA <council>", stance="for")
    view = window.reader.view
    cursor = view.textCursor()
    cursor.setPosition(view.text_map.to_display(start + 4))
    point = view.cursorRect(cursor).center()
    point.setX(point.x() + 2)
    layer = window.claims.layers[window.reader]
    shown: list[str] = []
    monkey = pytest.MonkeyPatch()
    monkey.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    try:
        event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
        assert layer.eventFilter(view.viewport(), event)
    finally:
        monkey.undo()
    assert "“Unions insist”" in shown[0] and "BMA &lt;council&gt;" in shown[0]
    assert "<b>Stance:</b> for" in shown[0]


def test_picking_a_row_scrolls_the_text_to_the_claim(qtbot: QtBot, window: MainWindow) -> None:
    project = window.session.project
    article = next(a for a in project.articles.list() if a.outlet == "NHS FightBack")
    text = project.articles.get(article.id).text
    last_words = text.rstrip().split()[-3]
    claim = project.claims.mark_quote(article.id, last_words, occurrence=1)
    window.open_article(article.id)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    layer = window.claims.layers[window.reader]
    assert not layer.is_visible(claim.id)
    panel = window.claims.panel
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    assert window.session.current_claim == claim.id
    assert layer.is_visible(claim.id)


def test_right_click_on_a_claim_offers_the_claim_actions(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    window.session.set_current_claim(None)
    view = window.reader.view
    cursor = view.textCursor()
    cursor.setPosition(view.text_map.to_display(start + 3))
    point = view.cursorRect(cursor).center()
    point.setX(point.x() + 2)
    menu = window.claims.layers[window.reader].context_menu(point)
    offered = {a.text() for a in menu.actions()}
    assert window.session.current_claim == claim_id  # right-click picks the claim under it
    assert {"&Mark claim", "&Delete claim", "&Adjust span to selection"} <= offered
    menu.deleteLater()
