"""The bottom panel's wide views fit it at the sizes people use, with the library
and the inspector showing (no sideways scrolling to reach a button), and the
inspector grows with a larger screen. Each test starts from no saved state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_layout import BOTTOM_VIEWS, SIZES, _fresh, _problems, _settle
from ui.shell.dock_sizes import inspector_width
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


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_datasets_fit_the_bottom_panel_beside_the_inspector(
    qtbot: QtBot, session: ProjectSession, size: tuple[int, int]
) -> None:
    win = _fresh(qtbot, session, size)
    assert win.claims.editor_dock.isVisible()  # the inspector is showing
    scroll, view = _bottom(win, "datasets")
    need, room = view.minimumSizeHint(), scroll.viewport().size()
    assert need.width() <= room.width() and need.height() <= room.height()
    assert not scroll.horizontalScrollBar().isVisible()
    assert not scroll.verticalScrollBar().isVisible()
    assert _in_sight(scroll, win.evidence.datasets.pin_button)
    assert _problems(win) == []


@pytest.mark.parametrize("name", BOTTOM_VIEWS)
def test_no_bottom_view_scrolls_at_1280x800(
    qtbot: QtBot, session: ProjectSession, name: str
) -> None:
    """Figures asked 726 px and Matches 602 of the 518 between library and inspector;
    each view fits the panel's height there too."""
    win = _fresh(qtbot, session, SIZES[0])
    win.host.show_dock(name)
    _settle()
    view = win.host.content(name)
    assert view is not None
    scroll = win.host.docks[name].widget()
    room = scroll.viewport().width() if isinstance(scroll, QScrollArea) else view.width()
    assert view.minimumSizeHint().width() <= room
    if isinstance(scroll, QScrollArea):
        assert not scroll.horizontalScrollBar().isVisible()
        # nor up and down: Figures' wrapped controls made its panel scroll
        assert not scroll.verticalScrollBar().isVisible()


def test_the_inspector_grows_with_the_screen(qtbot: QtBot, session: ProjectSession) -> None:
    """It stayed 340 px at 1920x1080: a share of the width now, with a minimum."""
    small = _fresh(qtbot, session, SIZES[0])
    narrow = small.claims.editor_dock.width()
    small.close()
    large = _fresh(qtbot, session, SIZES[1])
    wide = large.claims.editor_dock.width()
    assert wide >= narrow + 60
    assert large.reader_area.width() >= 900  # the reader keeps most of the room
    assert _problems(large) == []


def test_first_sizes_follow_a_maximised_window(qtbot: QtBot, session: ProjectSession) -> None:
    """Shown at 1280x800 and then maximised to the screen (a first start)."""
    win = _fresh(qtbot, session, SIZES[0])
    narrow = win.claims.editor_dock.width()
    win.resize(*SIZES[1])
    _settle()
    assert win.claims.editor_dock.width() >= narrow + 60
    assert _problems(win) == []


def _drag_inspector(win: MainWindow, width: int) -> None:
    """As a user does: press on the separator left of the inspector, drag it."""
    dock, reader = win.claims.editor_dock, win.reader_area
    gap = QPoint(
        (reader.geometry().right() + dock.geometry().left()) // 2, dock.geometry().center().y()
    )
    QTest.mousePress(win, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, gap)
    QTest.mouseRelease(win, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, gap)
    win.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    _settle()


def test_the_users_inspector_width_lasts_until_reset(qtbot: QtBot, session: ProjectSession) -> None:
    win = _fresh(qtbot, session, SIZES[1])
    first = win.claims.editor_dock.width()
    _drag_inspector(win, first + 150)
    dragged = win.claims.editor_dock.width()
    assert abs(dragged - (first + 150)) <= 10
    win.resize(1800, 1000)  # no longer the first sizes: the user's width stays
    _settle()
    assert win.claims.editor_dock.width() == dragged
    win.close()  # saved, and put back on the next start
    again = MainWindow(session)
    qtbot.addWidget(again)
    # offscreen, the screen is smaller than 1920x1080: restoreGeometry fits the window
    # to it, so the size is set again as the screen would allow.
    again.resize(*SIZES[1])
    again.show()
    qtbot.waitExposed(again)
    _settle()
    assert again.claims.editor_dock.width() == dragged
    again.actions["reset_layout"].trigger()
    _settle()
    assert abs(again.claims.editor_dock.width() - inspector_width(again.width())) <= 12


def test_a_long_title_in_a_narrow_pane_ends_in_an_ellipsis(
    qtbot: QtBot, session: ProjectSession
) -> None:
    """At 1280x800 the pane's title stopped mid-letter at the pane's edge."""
    win = _fresh(qtbot, session, SIZES[0])
    title = win.reader_area.frame_of(win.reader).title
    article = win.reader.article
    assert article is not None and title.text() == article.title  # whole, as the tooltip
    shown = title.shown_text()
    assert shown.endswith("…") and len(shown) < len(article.title)
    assert title.fontMetrics().horizontalAdvance(shown) <= title.contentsRect().width()


def test_a_long_speaker_name_shows_its_start(qtbot: QtBot, session: ProjectSession) -> None:
    from ui.claims.speaker_field import SpeakerField

    field = SpeakerField(session)
    qtbot.addWidget(field)
    field.resize(120, field.sizeHint().height())
    field.show_name("Department of Health and Social Care")
    assert field.cursorPosition() == 0  # the field scrolled to the end: "…epartment of"
