"""The library with reader panes: a drag replaces the pane it is dropped on and no
other, and with a filter active M still marks and the form shows the new claim."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow


def _row_point(window: MainWindow, row: int) -> QPoint:
    table = window.library.table
    return table.visualRect(window.library.model.index(row, 0)).center()


def _two_panes(qtbot: QtBot, window: MainWindow) -> tuple[int, int]:
    model = window.library.model
    left, right = model.article_id(0), model.article_id(1)
    window.open_article(left)
    window.actions["new_pane"].trigger()
    window.open_article(right)
    qtbot.waitUntil(lambda: window.reader.article_id == right)
    return left, right


def test_dropping_a_row_on_a_pane_replaces_that_pane_only(qtbot: QtBot, window: MainWindow) -> None:
    left, right = _two_panes(qtbot, window)
    area, model, table = window.reader_area, window.library.model, window.library.table
    dragged = model.article_id(2)
    assert dragged not in (left, right)
    # The press that starts the drag makes the row current...
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 2))
    assert model.article_id(table.currentIndex().row()) == dragged
    assert [p.article_id for p in area.panes()] == [left, right]  # ...and opens nothing
    # ...the drop lands on the left pane (the drag swallows the release).
    mime = model.mimeData([model.index(2, 0)])
    target = area.frames[0]
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    target.dropEvent(drop)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton)  # released elsewhere, not the table
    assert [p.article_id for p in area.panes()] == [dragged, right]


def test_a_click_in_the_library_still_opens_in_the_active_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, _right = _two_panes(qtbot, window)
    model, table = window.library.model, window.library.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 2))
    assert [p.article_id for p in window.reader_area.panes()] == [left, model.article_id(2)]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up)  # the keyboard opens at once
    assert window.reader.article_id == model.article_id(1)


def test_with_a_filter_active_m_marks_and_the_form_shows_the_new_claim(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    library = window.library
    qtbot.keyClicks(library.filter_box, "FightBack")
    assert library.model.rowCount() == 1
    qtbot.mouseClick(library.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 0))
    article = next(a for a in project.articles.list() if a.outlet == "NHS FightBack")
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    text = project.articles.get(article.id).text
    start = text.index("83 percent")
    view = window.reader.view
    view.select_span(start, start + len("83 percent"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_M)
    claim_id = window.session.current_claim
    assert claim_id is not None
    assert project.claims.get(claim_id).quote == "83 percent"
    editor = window.claims.editor
    assert editor.claim is not None and editor.claim.id == claim_id
    assert f"Claim {claim_id}" in editor.title.text()
    assert editor.statement.isEnabled()
    assert library.filter_box.text() == "FightBack"  # the filter stays
    assert window.reader.article_id == article.id
