"""The bottom panel's wide views fit it at the sizes people use, with the library
and the inspector showing (no sideways scrolling to reach a button), and the
inspector grows with a larger screen. Each test starts from no saved state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_layout import SIZES, _fresh, _problems, _settle
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession

IDS = [f"{w}x{h}" for w, h in SIZES]


def _bottom(win: MainWindow, name: str) -> tuple[QScrollArea, QWidget]:
    win.host.show_dock(name)
    _settle()
    scroll = win.host.docks[name].widget()
    view = win.host.content(name)
    assert isinstance(scroll, QScrollArea) and view is not None
    return scroll, view


def _in_sight(scroll: QScrollArea, widget: QWidget) -> bool:
    corner = widget.mapTo(scroll.viewport(), widget.rect().topLeft())
    return scroll.viewport().rect().contains(QRect(corner, widget.size()))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_compare_sides_fits_with_export_in_sight(
    qtbot: QtBot, session: ProjectSession, size: tuple[int, int]
) -> None:
    """One row of sides and filters asked 1311 px: Export was off to the right."""
    win = _fresh(qtbot, session, size)
    scroll, view = _bottom(win, "compare")
    assert view.minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
    assert _in_sight(scroll, win.compare.compare.export)
    assert _problems(win) == []
