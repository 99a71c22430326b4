"""The claims table paints each cell with one multiData call, not one data() per role.

Qt's delegate asks a cell for seven roles; answered one data() at a time
through the sort proxy that was 23 calls into Python a cell (~1,100 for the
table's visible rows), paid on every paint, one of them each time a claim is
marked. The values shown are the ones data() gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelRoleData, Qt
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from tests.ui.marking_support import HOSTILE, PIECES, mark, open_hostile
from ui.claims.panel import CLAIM_ID_ROLE, ClaimsModel
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole,
    CLAIM_ID_ROLE,
)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often Qt entered the claims model's data() and multiData()."""
    counted: Counter[str] = Counter()
    for name in ("data", "multiData"):
        original = getattr(ClaimsModel, name)

        def counting(self: ClaimsModel, *args: Any, _o: Any = original, _n: str = name) -> Any:
            counted[_n] += 1
            return _o(self, *args)

        monkeypatch.setattr(ClaimsModel, name, counting)
    return counted


@pytest.fixture
def counted_window(
    qtbot: QtBot, session: ProjectSession, calls: Counter[str]
) -> Iterator[MainWindow]:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win


def test_a_painted_cell_is_one_multidata_call(
    qtbot: QtBot, counted_window: MainWindow, calls: Counter[str]
) -> None:
    window = counted_window
    open_hostile(window, qtbot)
    for piece in ("😀 resumed on Monday", "£2.5\u00a0billion were wrong", "𝑥 rose 29%"):
        start = HOSTILE.index(piece)
        mark(window, qtbot, start, start + len(piece))
    table = window.claims.panel.table
    calls.clear()
    table.viewport().repaint()
    cells = 3 * table.model().columnCount()
    assert calls["multiData"] >= cells
    assert calls["data"] == 0


def _comparable(value: object) -> object:
    return value.cacheKey() if isinstance(value, QIcon) else value  # QIcon has no ==


def test_multidata_answers_what_data_answers(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index(PIECES["rtl"])
    mark(window, qtbot, start, start + len(PIECES["rtl"]))
    proxy = window.claims.panel.proxy
    for column in range(proxy.columnCount()):
        index = proxy.index(0, column)
        for role in ROLES:
            slot = QModelRoleData(int(role))
            proxy.multiData(index, slot)
            assert _comparable(slot.data()) == _comparable(proxy.data(index, role)), (column, role)
    assert proxy.index(0, 0).data() == PIECES["rtl"]


def test_only_the_quote_has_a_swatch_as_the_delegate_paints_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The delegate reuses its role slots from cell to cell: one left unanswered kept
    the quote's swatch, so every column of the table was painted with it."""
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    open_hostile(window, qtbot)
    start = HOSTILE.index(PIECES["rtl"])
    mark(window, qtbot, start, start + len(PIECES["rtl"]))
    proxy, delegate = window.claims.panel.proxy, QStyledItemDelegate()
    decorated = []
    for column in range(proxy.columnCount()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, proxy.index(0, column))
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            decorated.append(column)
    assert decorated == [0]
