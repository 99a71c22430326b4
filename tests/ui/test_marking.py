"""Marking claims in the real reader: select, press M, see it painted, listed and stored.

Each test checks what a user would see (the highlight's range in the block's
layout, the claims table) and what is stored (text[start:end] == quote).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from annotator.models import Changes, ImportedArticle
from annotator.project import Project
from ui.main_window import MainWindow
from ui.session import ProjectSession

# Hostile text: astral emoji and a ZWJ sequence, combining accents, NBSP,
# right-to-left words, an astral maths letter; two paragraphs.
HOSTILE = (
    "Pay talks 😀 resumed on Monday. The café\u0301 owner said na\u0131\u0308ve claims "
    "about £2.5\u00a0billion were wrong.\n"
    "Dr 👩\u200d⚕️ Levi said שלום עליכם and مرحبا before noting 𝑥 rose 29%. "
    "Unions insist pay fell by a fifth since 2008."
)
PIECES = {
    "emoji": "😀 resumed on Monday",
    "combining": "café\u0301 owner said na\u0131\u0308ve claims",
    "nbsp": "£2.5\u00a0billion were wrong",
    "zwj-emoji": "Dr 👩\u200d⚕️ Levi",
    "rtl": "שלום עליכם and مرحبا",
    "astral-maths": "𝑥 rose 29%",
}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def open_hostile(window: MainWindow, qtbot: QtBot) -> int:
    project = window.session.project
    outcome = project.articles.add(
        ImportedArticle(text=HOSTILE, title="Hostile", source_format="txt")
    )
    assert outcome.article_id is not None
    window.session.notify(Changes(articles=frozenset({outcome.article_id})))
    window.open_article(outcome.article_id)
    qtbot.waitUntil(lambda: window.reader.article_id == outcome.article_id)
    return outcome.article_id


def press(qtbot: QtBot, widget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def mark(window: MainWindow, qtbot: QtBot, start: int, end: int) -> int:
    view = window.reader.view
    view.select_span(start, end)
    before = window.session.project.claims.count()
    press(qtbot, view, Qt.Key.Key_M)
    assert window.session.project.claims.count() == before + 1
    assert window.session.current_claim is not None
    return window.session.current_claim


def highlight_ranges(window: MainWindow) -> list[tuple[int, int]]:
    """(document start, length) of every painted run, merged where runs touch."""
    runs: list[tuple[int, int]] = []
    block = window.reader.view.document().begin()
    while block.isValid():
        formats: list[QTextLayout.FormatRange] = block.layout().formats()
        for f in sorted(formats, key=lambda f: f.start):
            start = block.position() + f.start
            if runs and runs[-1][0] + runs[-1][1] == start:
                runs[-1] = (runs[-1][0], runs[-1][1] + f.length)
            else:
                runs.append((start, f.length))
        block = block.next()
    return runs


def format_at(window: MainWindow, display_position: int):  # type: ignore[no-untyped-def]
    block = window.reader.view.document().findBlock(display_position)
    offset = display_position - block.position()
    formats = block.layout().formats()
    for f in formats:
        if f.start <= offset < f.start + f.length:
            return QTextCharFormat(f.format)  # a copy: the range dies with the list
    return None


@pytest.mark.parametrize("name", sorted(PIECES))
def test_marking_hostile_text_keeps_every_offset(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    article_id = open_hostile(window, qtbot)
    piece = PIECES[name]
    start = HOSTILE.index(piece)
    claim_id = mark(window, qtbot, start, start + len(piece))

    claim = window.session.project.claims.get(claim_id)
    assert (claim.article_id, claim.start, claim.end) == (article_id, start, start + len(piece))
    assert HOSTILE[claim.start : claim.end] == claim.quote == piece

    table = window.claims.panel
    assert table.visible_quotes() == [piece]

    display = window.reader.view.text_map.display_text()
    ((run_start, run_length),) = highlight_ranges(window)
    shown = display.encode("utf-16-le")[2 * run_start : 2 * (run_start + run_length)]
    assert shown.decode("utf-16-le") == piece
    assert run_start == utf16(display[: display.index(piece)])


def test_selection_across_a_paragraph_break_is_painted_in_both_blocks(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    start, end = HOSTILE.index("were wrong."), HOSTILE.index(" Levi")
    claim_id = mark(window, qtbot, start, end)
    claim = window.session.project.claims.get(claim_id)
    assert claim.quote == HOSTILE[start:end] and "\n" in claim.quote
    runs = highlight_ranges(window)
    assert len(runs) == 2  # the newline itself is not part of any block's text
    assert sum(length for _s, length in runs) == utf16(claim.quote) - 1


def test_blank_selection_makes_no_claim_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    view = window.reader.view
    space = HOSTILE.index(" resumed")
    view.select_span(space, space + 1)
    press(qtbot, view, Qt.Key.Key_M)
    assert window.session.project.claims.count() == 0
    assert "Select the words" in window.statusBar().currentMessage()
    view.select_span(0, 0)
    window.actions["mark_claim"].trigger()
    assert window.session.project.claims.count() == 0
    assert highlight_ranges(window) == []


def test_undo_and_redo_bring_back_the_same_claim(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    piece = PIECES["emoji"]
    start = HOSTILE.index(piece)
    claim_id = mark(window, qtbot, start, start + len(piece))
    project = window.session.project
    before = project.claims.get(claim_id)
    assert "Mark claim" in window.actions["undo"].text()

    window.actions["undo"].trigger()
    assert project.claims.count() == 0
    assert window.claims.panel.visible_quotes() == []
    assert highlight_ranges(window) == []

    window.actions["redo"].trigger()
    assert project.claims.get(claim_id) == before
    assert window.claims.panel.visible_quotes() == [piece]
    assert len(highlight_ranges(window)) == 1


def test_tag_with_the_keyboard_and_see_the_colour_change(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    piece = PIECES["astral-maths"]
    start = HOSTILE.index(piece)
    claim_id = mark(window, qtbot, start, start + len(piece))
    view = window.reader.view
    display_start = view.text_map.to_display(start)
    untagged = format_at(window, display_start).background().color().name()

    press(qtbot, view, Qt.Key.Key_2)  # second stance: against
    project = window.session.project
    stances = project.codebook.entries("stance")
    assert project.claims.get(claim_id).stance == stances[1].name
    tagged = format_at(window, display_start).background().color().name()
    assert tagged != untagged

    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # third verdict
    verdicts = project.codebook.entries("verdict")
    assert project.claims.get(claim_id).verdict == verdicts[2].name
    model = window.claims.panel.model
    assert model.data(model.index(0, 3)) == stances[1].name
    assert model.data(model.index(0, 4)) == verdicts[2].name

    window.actions["undo"].trigger()
    assert project.claims.get(claim_id).verdict is None
    press(qtbot, view, Qt.Key.Key_0)
    assert project.claims.get(claim_id).stance is None
    assert format_at(window, display_start).background().color().name() == untagged


def test_number_beyond_the_codebook_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions")
    claim_id = mark(window, qtbot, start, start + 6)
    press(qtbot, window.reader.view, Qt.Key.Key_9)  # only three stances
    assert window.session.project.claims.get(claim_id).stance is None
    assert "no stance number 9" in window.statusBar().currentMessage()


def test_delete_key_in_the_panel_is_undoable(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    project = window.session.project
    project.claims.update(claim_id, note="check the ONS series")
    table = window.claims.panel.table
    table.setCurrentIndex(window.claims.panel.proxy.index(0, 0))
    press(qtbot, table, Qt.Key.Key_Delete)
    assert project.claims.count() == 0
    assert highlight_ranges(window) == []
    window.actions["undo"].trigger()
    assert project.claims.get(claim_id).note == "check the ONS series"
    assert window.claims.panel.visible_quotes() == ["Unions insist"]


def test_adjust_span_to_selection(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 6)
    longer = "Unions insist pay fell by a fifth since 2008."
    window.reader.view.select_span(start, start + len(longer))
    window.actions["adjust_claim"].trigger()
    project = window.session.project
    assert project.claims.get(claim_id).quote == longer
    assert window.claims.panel.visible_quotes() == [longer]
    window.actions["undo"].trigger()
    assert project.claims.get(claim_id).quote == "Unions"


def test_nested_claim_stays_visible(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    outer = "Unions insist pay fell by a fifth since 2008."
    inner = "a fifth"
    o_start, i_start = HOSTILE.index(outer), HOSTILE.index(inner)
    mark(window, qtbot, o_start, o_start + len(outer))
    mark(window, qtbot, i_start, i_start + len(inner))
    window.session.set_current_claim(None)
    tmap = window.reader.view.text_map
    outside = format_at(window, tmap.to_display(o_start))
    inside = format_at(window, tmap.to_display(i_start))
    assert inside.background().color() != outside.background().color()
    assert inside.fontUnderline() and not outside.fontUnderline()
    assert window.claims.panel.visible_quotes() == [outer, inner]


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


def test_undo_after_reopening_the_project(
    qtbot: QtBot, project_path: Path, sample_project: Project, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    press(qtbot, window.reader.view, Qt.Key.Key_1)
    window.close()
    sample_project.close()

    with Project.open(project_path, create=False) as project:
        again = MainWindow(ProjectSession(project))
        qtbot.addWidget(again)
        assert again.actions["undo"].isEnabled()
        again.actions["undo"].trigger()  # the stance
        assert project.claims.get(claim_id).stance is None
        again.actions["undo"].trigger()  # the mark
        assert project.claims.count() == 0
        again.close()

    with Project.open(project_path, create=False) as project:
        third = MainWindow(ProjectSession(project))
        qtbot.addWidget(third)
        assert not third.actions["undo"].isEnabled() or "Mark" not in third.actions["undo"].text()
        third.actions["redo"].trigger()
        assert project.claims.get(claim_id).quote == "Unions insist"
        third.actions["redo"].trigger()
        assert project.claims.get(claim_id).stance == "for"
        third.close()


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


def test_colour_by_verdict_switches_paint_and_legend(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    window.session.project.claims.tag(claim_id, stance="for", verdict="false")
    window.session.notify(Changes(claims=frozenset({claim_id})))
    window.session.set_current_claim(None)
    display = window.reader.view.text_map.to_display(start)
    by_stance = format_at(window, display).background().color().name()
    window.actions["colour_by_verdict"].trigger()
    assert window.claims.mode_combo.currentText() == "Verdict"
    assert "mostly false" in window.claims.legend.labels()
    by_verdict = format_at(window, display).background().color().name()
    assert by_verdict != by_stance
    window.claims.mode_combo.setCurrentIndex(0)
    window.claims.mode_combo.activated.emit(0)
    assert format_at(window, display).background().color().name() == by_stance
    assert window.actions["colour_by_stance"].isChecked()


def test_undo_of_a_claim_deleted_elsewhere_is_dropped_with_a_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    window.session.project.claims.delete(claim_id)  # e.g. from the command line
    window.actions["undo"].trigger()
    assert "Cannot undo" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0
    assert window.session.project.history.entries() == []
    assert window.claims.panel.visible_quotes() == []


def test_keyboard_shortcuts_help_lists_the_claim_keys(window: MainWindow) -> None:
    from ui.shortcuts_help import shortcut_rows

    rows = dict(shortcut_rows(window))
    assert "M" in rows and "Mark claim" in rows.values()
    assert any("Alt+1" in keys for keys in rows)
    assert any("Ctrl+3" in keys for keys in rows)


CLAIM_ACTIONS = (
    "mark_claim",
    "adjust_claim",
    "delete_claim",
    "speakers",
    "codebook",
    "focus_claims",
    "shortcuts",
    "toggle_claims",
    "toggle_editor",
    "toggle_claims_toolbar",
    "colour_by_stance",
    *(f"stance_{n}" for n in range(10)),
    *(f"verdict_{n}" for n in range(10)),
)


def test_claim_shortcuts_collide_with_no_other_action(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    for name in CLAIM_ACTIONS:
        action = window.actions[name]
        assert not action.shortcut().isEmpty(), name
        assert len(owners[action.shortcut().toString()]) == 1, (name, owners)


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


def test_switching_projects_brings_that_projects_history(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other_path = tmp_path / "other.sqlite"
    with Project.open(other_path) as other:
        article_id = other.articles.add(
            ImportedArticle(text=HOSTILE, title="Hostile", source_format="txt")
        ).article_id
        assert article_id is not None
        session = ProjectSession(other)
        from ui.commands import MarkClaim

        session.undo_stack.push(MarkClaim(session, article_id, 0, 9))
        assert other.claims.count() == 1
    assert not window.actions["undo"].isEnabled()
    assert window.switch_to(other_path, create=False)
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    assert window.session.project.claims.count() == 0


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


def library_counts(window: MainWindow) -> dict[str, int]:
    model = window.library.model
    return {
        str(model.data(model.index(row, 0))): int(model.data(model.index(row, 3)))
        for row in range(model.rowCount())
    }


def test_library_counts_follow_marks_undos_and_new_articles(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The library refreshes only the changed article's row; the numbers must still be right."""
    article_id = open_hostile(window, qtbot)
    title = window.session.project.articles.summary(article_id).title
    before = library_counts(window)
    mark(window, qtbot, 0, 8)
    assert library_counts(window) == {**before, title: before[title] + 1}
    window.actions["undo"].trigger()
    assert library_counts(window) == before

    project = window.session.project
    new_id = project.articles.add(
        ImportedArticle(text="A fresh piece on rents.", title="Fresh piece", source_format="txt")
    ).article_id
    assert new_id is not None
    window.session.notify(Changes(articles=frozenset({new_id})))
    assert library_counts(window) == {**before, "Fresh piece": 0}
    assert window.library.model.article_id(window.library.model.rowCount() - 1) == new_id
