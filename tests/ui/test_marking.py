"""Marking claims in the real reader: select, press M, see it painted, listed and stored.

Each test checks what a user would see (the highlight's range in the block's
layout, the claims table) and what is stored (text[start:end] == quote).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.models import Changes
from tests.ui.marking_support import (
    HOSTILE,
    PIECES,
    format_at,
    highlight_ranges,
    mark,
    open_hostile,
    press,
    utf16,
)
from ui.shell.main_window import MainWindow


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
