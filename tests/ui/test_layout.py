"""The window's layout at the sizes people use: library left, reader centre, the
inspector (Claim, Evidence) right, one bottom panel of tabs; nothing squeezed
below what its content needs, no dock painted over another, View > Reset layout.

Each test starts from no saved window state, as on a first start.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QStyle, QTabBar
from pytestqt.qtbot import QtBot

from ui.shell import settings
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession

SIZES = [(1280, 800), (1920, 1080)]
BOTTOM_VIEWS = ("claims", "compare", "figures", "balance", "matches", "datasets")


def _fresh(qtbot: QtBot, session: ProjectSession, size: tuple[int, int]) -> MainWindow:
    settings.settings().remove("window")  # as on a first start
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    article = session.project.articles.list()[-1]
    win.library.select_article(article.id)
    win.open_article(article.id)
    _settle()
    return win


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def fresh(
    request: pytest.FixtureRequest, qtbot: QtBot, session: ProjectSession
) -> Iterator[MainWindow]:
    yield _fresh(qtbot, session, request.param)


def _shown(win: MainWindow) -> list[QDockWidget]:
    """Docks the user can see now (a tab behind another is not seen)."""
    return [
        d
        for d in win.findChildren(QDockWidget)
        if d.isVisible() and not d.isFloating() and not d.visibleRegion().isEmpty()
    ]


def _problems(win: MainWindow) -> list[str]:
    found = []
    docks = _shown(win)
    for dock in docks:
        content = dock.widget()
        if content is None:
            continue
        need = content.minimumSizeHint()
        if content.width() < need.width() or content.height() < need.height():
            found.append(
                f"{dock.windowTitle()} is {content.width()}x{content.height()}, "
                f"needs {need.width()}x{need.height()}"
            )
    bars = [
        tuple(bar.tabText(i) for i in range(bar.count()))
        for bar in win.findChildren(QTabBar)
        if bar.parent() is win and bar.isVisible() and win.rect().intersects(bar.geometry())
    ]
    found += [f"a stray tab bar {tabs}" for tabs in set(bars) if bars.count(tabs) > 1]
    for n, first in enumerate(docks):
        for second in docks[n + 1 :]:
            a, b = QRect(first.geometry()), QRect(second.geometry())
            if a.intersects(b):
                found.append(f"{first.windowTitle()} overlaps {second.windowTitle()}")
    return found


def test_first_layout_fits_library_reader_inspector_and_claims(fresh: MainWindow) -> None:
    win = fresh
    seen = {d.windowTitle() for d in _shown(win)}
    assert seen == {"Library", "Claim", "Claims"}
    assert _problems(win) == []
    centre = win.reader_area.geometry()
    assert win.library_dock.geometry().right() < centre.left()
    assert win.claims.editor_dock.geometry().left() > centre.right()
    assert win.claims.panel_dock.geometry().top() > centre.bottom()
    assert centre.width() >= 400  # room to read a line of the article
    # the library's titles are readable, not "…"
    header = win.library.table.horizontalHeader()
    assert header.sectionSize(0) >= 16 * win.library.table.fontMetrics().averageCharWidth()


def test_claim_and_evidence_share_the_inspector(fresh: MainWindow) -> None:
    win = fresh
    evidence = win.evidence.dock
    assert evidence in win.tabifiedDockWidgets(win.claims.editor_dock)
    win.host.show_dock("evidence")
    _settle()
    assert {d.windowTitle() for d in _shown(win)} == {"Library", "Evidence", "Claims"}
    assert _problems(win) == []


@pytest.mark.parametrize("name", BOTTOM_VIEWS)
def test_each_bottom_view_is_a_tab_of_one_panel(fresh: MainWindow, name: str) -> None:
    win = fresh
    dock = win.host.show_dock(name)
    _settle()
    assert dock in _shown(win)
    if name != "claims":
        assert dock in win.tabifiedDockWidgets(win.claims.panel_dock)
    bottom = [d for d in _shown(win) if win.host.places.get(_name(win, d)) == "bottom"]
    assert bottom == [dock]  # one panel: the other views are tabs behind it
    view = win.host.content(name)
    assert view is not None and view.isVisible()  # scrolls there when wider than the panel
    assert _problems(win) == []


@pytest.mark.parametrize("name", ("compare", "figures"))
def test_a_wide_bottom_view_gets_room_for_more_than_one_row(fresh: MainWindow, name: str) -> None:
    """Compare sides and Figures showed one row at the claims table's height; brought
    to the front they get nearly half the window, and the reader keeps the rest."""
    win = fresh
    before = win.claims.panel_dock.height()
    dock = win.host.show_dock(name)
    _settle()
    assert dock.height() >= win.height() * 2 // 5 > before
    assert win.reader.height() >= win.height() // 4
    assert _problems(win) == []


def _name(win: MainWindow, dock: QDockWidget) -> str:
    return next(n for n, d in win.host.docks.items() if d is dock)


def test_reset_layout_puts_every_dock_back(qtbot: QtBot, session: ProjectSession) -> None:
    win = _fresh(qtbot, session, SIZES[0])
    win.library_dock.hide()
    win.evidence.dock.setFloating(True)
    win.host.show_dock("figures")
    win.host.show_dock("compare")
    _settle()
    win.actions["reset_layout"].trigger()
    _settle()
    assert {d.windowTitle() for d in _shown(win)} == {"Library", "Claim", "Claims"}
    assert not win.evidence.dock.isFloating()
    assert win.evidence.dock in win.tabifiedDockWidgets(win.claims.editor_dock)
    assert _problems(win) == []
    # a view shown again after the reset joins the bottom panel, not a new row
    win.host.show_dock("figures")
    _settle()
    assert win.host.docks["figures"] in win.tabifiedDockWidgets(win.claims.panel_dock)
    assert _problems(win) == []


def test_first_start_maximises_later_starts_keep_the_size(
    qtbot: QtBot, session: ProjectSession
) -> None:
    win = _fresh(qtbot, session, SIZES[0])
    assert win.first_start
    win.close()  # the window's size and docks are saved
    again = MainWindow(session)
    qtbot.addWidget(again)
    assert not again.first_start


def test_features_find_each_other_through_the_host(window: MainWindow) -> None:
    from ui.claims.wiring import ClaimsWiring
    from ui.compare.wiring import CompareWiring

    assert window.host.peer("claims", ClaimsWiring) is window.claims
    assert window.host.peer("compare", ClaimsWiring) is None  # the wrong kind is no peer
    assert window.host.peer("compare", CompareWiring) is window.compare
    assert window.host.peer("nothing", CompareWiring) is None


def test_with_the_claims_table_closed_the_views_still_share_one_panel(
    qtbot: QtBot, session: ProjectSession
) -> None:
    win = _fresh(qtbot, session, SIZES[0])
    win.claims.panel_dock.close()
    win.host.show_dock("compare")
    win.host.show_dock("figures")
    _settle()
    compare, figures = win.host.docks["compare"], win.host.docks["figures"]
    assert figures in win.tabifiedDockWidgets(compare)
    assert _problems(win) == []


def test_claims_table_shows_the_quote_without_scrolling_sideways(fresh: MainWindow) -> None:
    """The quote keeps a third of a narrow table; the other columns shrink instead."""
    table = fresh.claims.panel.table
    header = table.horizontalHeader()
    shown = sum(header.sectionSize(c) for c in range(header.count()))
    assert shown <= table.viewport().width() + 1
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionSize(0) >= 0.3 * table.viewport().width()


def test_claims_table_headings_are_whole(fresh: MainWindow) -> None:
    """No heading loses letters when the other columns give way to the quote
    (at 1280x800 "Stance" and "Anchor" were cut to "Stanc" and "Ancho")."""
    table = fresh.claims.panel.table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for column in range(1, header.count()):
        title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 2 * margin + 4, (
            title
        )


def test_library_titles_get_the_most_room(fresh: MainWindow) -> None:
    header = fresh.library.table.horizontalHeader()
    title = header.sectionSize(0)
    assert all(title > header.sectionSize(c) for c in range(1, header.count()))
