"""Tagging and deleting claims from the keyboard, and the claim shortcuts: listed in
the help, and colliding with no other action.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.marking_support import (
    HOSTILE,
    PIECES,
    format_at,
    highlight_ranges,
    mark,
    open_hostile,
    press,
)
from ui.shell.main_window import MainWindow


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


def test_keyboard_shortcuts_help_lists_the_claim_keys(window: MainWindow) -> None:
    from ui.shell.shortcuts_help import shortcut_rows

    rows = dict(shortcut_rows(window.actions))
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
