"""Marking a claim does each piece of its visible work once, and shows all of it.

The new claim is painted as the current one (its block highlighted once, not
once as a claim and again as the current claim), the previous current claim
goes back to an ordinary highlight, the claims table selects the new row, the
claim form shows it; undo takes all of it away again.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlock
from pytestqt.qtbot import QtBot

from tests.ui.marking_support import HOSTILE, format_at, mark, open_hostile
from ui.claims.panel import CLAIM_ID_ROLE
from ui.reader.highlighter import CURRENT_ALPHA, LAYER_ALPHA, NEUTRAL_COLOUR, _blend
from ui.shell.main_window import MainWindow


def _background(window: MainWindow, canonical: int) -> str | None:
    fmt = format_at(window, window.reader.view.text_map.to_display(canonical))
    return None if fmt is None else fmt.background().color().name()


def test_a_new_claim_is_painted_current_with_its_block_highlighted_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_hostile(window, qtbot)
    first = HOSTILE.index("Pay talks")
    second = HOSTILE.index("on Monday")  # the same paragraph
    before = mark(window, qtbot, first, first + 9)
    current = _blend([(NEUTRAL_COLOUR, CURRENT_ALPHA)]).name()
    layer = _blend([(NEUTRAL_COLOUR, LAYER_ALPHA)]).name()
    assert _background(window, first + 2) == current

    highlighter = window.reader.view.highlighter
    highlighted: list[int] = []
    rehighlight = highlighter.rehighlightBlock

    def counting(block: QTextBlock) -> None:
        highlighted.append(block.blockNumber())
        rehighlight(block)

    monkeypatch.setattr(highlighter, "rehighlightBlock", counting)
    claim_id = mark(window, qtbot, second, second + 9)

    assert claim_id != before
    assert highlighted == [0]  # both claims' paragraph, once
    assert _background(window, second + 2) == current
    assert _background(window, first + 2) == layer
    panel = window.claims.panel
    assert panel.table.currentIndex().data(CLAIM_ID_ROLE) == claim_id
    assert panel.table.selectionModel().isRowSelected(panel.table.currentIndex().row())
    assert panel.visible_quotes() == ["Pay talks", "on Monday"]
    assert window.claims.editor.statement.toPlainText() == "on Monday"

    window.actions["undo"].trigger()
    assert _background(window, second + 2) is None
    assert panel.visible_quotes() == ["Pay talks"]
    assert window.session.project.claims.count() == 1


def test_the_claims_table_finds_rows_after_marks_and_deletes_anywhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    words = ["Unions insist", "Pay talks", "were wrong", "Monday", "rose 29%"]
    ids = {}
    for word in words:
        start = HOSTILE.index(word)
        ids[word] = mark(window, qtbot, start, start + len(word))
    model = window.claims.panel.model
    in_text_order = sorted(words, key=HOSTILE.index)
    assert [model.row_of(ids[w]) for w in in_text_order] == list(range(len(words)))
    window.claims.delete_claim(ids["were wrong"])
    in_text_order.remove("were wrong")
    assert model.row_of(ids["were wrong"]) is None
    assert [model.row_of(ids[w]) for w in in_text_order] == list(range(len(in_text_order)))
    assert window.claims.panel.visible_quotes() == in_text_order
