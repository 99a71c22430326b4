"""The app's start-up paints its shell first and builds the features after that
frame (MainWindow(defer_features=True)): the first frame already has the final
layout, so nothing moves when the features fill their docks (issue: the claims,
inspector and search docks used to appear ~85 ms later and the library widened).
A saved window state is put back over the shell's docks before the first frame.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar
from pytestqt.qtbot import QtBot

from ui.shell import settings
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession

SLACK = 2  # pixels
Seen = dict[str, tuple[bool, QRect]]  # by object name: seen, where


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _geometries(win: MainWindow) -> Seen:
    """Every dock's and toolbar's visibility and place, and the reader's."""
    seen: Seen = {}
    for bar in win.findChildren(QDockWidget) + win.findChildren(QToolBar):
        if bar.parent() is win:
            # A dock in a tab behind another is not seen: its place is no matter.
            shown = bar.isVisible() and not bar.visibleRegion().isEmpty()
            seen[bar.objectName()] = (shown, bar.geometry())
    central = win.centralWidget()
    assert central is not None
    seen["central"] = (central.isVisible(), central.geometry())
    return seen


def _moved(before: Seen, after: Seen) -> list[tuple[str, object, object]]:
    """What appeared, went or moved by more than SLACK pixels."""
    moved: list[tuple[str, object, object]] = []
    for name in sorted(set(before) | set(after)):
        was, now = before.get(name), after.get(name)
        if was is None or now is None:
            if (was or now or (False, QRect()))[0]:  # a hidden one coming or going is unseen
                moved.append((name, was, now))
            continue
        if was[0] != now[0]:
            moved.append((name, was, now))
        elif was[0]:
            a, b = was[1], now[1]
            if (
                max(
                    abs(a.x() - b.x()),
                    abs(a.y() - b.y()),
                    abs(a.width() - b.width()),
                    abs(a.height() - b.height()),
                )
                > SLACK
            ):
                moved.append((name, was, now))
    return moved


def _first_frame(
    qtbot: QtBot, session: ProjectSession, size: tuple[int, int] = (1280, 800)
) -> MainWindow:
    win = MainWindow(session, defer_features=True)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    return win


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_the_first_frame_has_the_layout_the_features_leave(
    qtbot: QtBot, session: ProjectSession, size: tuple[int, int]
) -> None:
    settings.settings().remove("window")  # a first start
    win = _first_frame(qtbot, session, size)
    assert not win.features_built  # still the shell's first frame
    first = _geometries(win)
    assert first["LibraryDock"][0] and first["ClaimsDock"][0] and first["ClaimDock"][0]
    win.build_features()
    _settle()
    assert _moved(first, _geometries(win)) == []
    # the placeholders now hold the features' views
    assert win.host.content("claims") is win.claims.panel
    assert win.host.content("editor") is win.claims.editor
    assert win.host.content("evidence") is win.evidence.panel
    assert win.host.content("search") is win.search.panel
    assert win.evidence.dock in win.tabifiedDockWidgets(win.claims.editor_dock)


def test_a_saved_state_is_put_back_before_the_first_frame_and_kept(
    qtbot: QtBot, session: ProjectSession
) -> None:
    settings.settings().remove("window")
    left = MainWindow(session)
    qtbot.addWidget(left)
    left.resize(1280, 800)
    left.show()
    qtbot.waitExposed(left)
    _settle()
    left.evidence.dock.hide()
    left.host.show_dock("compare")
    left.resizeDocks([left.library_dock], [300], Qt.Orientation.Horizontal)
    _settle()
    expected = _geometries(left)
    left.close()

    win = _first_frame(qtbot, session)
    assert not win.features_built
    first = _geometries(win)
    assert _moved(expected, first) == []
    win.build_features()
    _settle()
    assert _moved(first, _geometries(win)) == []
    assert not win.evidence.dock.isVisible()
    assert win.host.content("compare") is win.compare.compare  # a lazy view shown is built


def test_reset_layout_after_a_deferred_start_gives_the_first_layout(
    qtbot: QtBot, session: ProjectSession
) -> None:
    settings.settings().remove("window")
    win = _first_frame(qtbot, session)
    first = _geometries(win)
    win.build_features()
    _settle()
    win.library_dock.hide()
    win.host.show_dock("figures")
    _settle()
    win.actions["reset_layout"].trigger()
    _settle()
    assert _moved(first, _geometries(win)) == []
