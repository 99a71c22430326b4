"""The library table: filtering and sorting never change the article being read."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from annotator.models import Changes, ImportedArticle
from annotator.project import Project
from ui.library.view import MAX_OUTLET_WIDTH, LibraryPanel
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession


def _pick(window: MainWindow, title_part: str) -> int:
    model = window.library.model
    row = next(
        r for r in range(model.rowCount()) if title_part in str(model.data(model.index(r, 0)))
    )
    window.library.table.setCurrentIndex(model.index(row, 0))
    return model.article_id(row)


def test_typing_in_the_filter_never_changes_the_article_being_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    picked = _pick(window, window.session.project.articles.list()[0].title[:12])
    qtbot.waitUntil(lambda: window.reader.article_id == picked)
    qtbot.keyClicks(window.library.filter_box, "FightBack")  # hides the article being read
    assert window.reader.article_id == picked
    assert not window.library.table.selectionModel().hasSelection()
    window.library.filter_box.clear()
    assert window.reader.article_id == picked
    table = window.library.table
    assert window.library.model.article_id(table.currentIndex().row()) == picked  # selected again


def test_sorting_by_a_column_keeps_the_article_selected(qtbot: QtBot, window: MainWindow) -> None:
    picked = _pick(window, window.session.project.articles.list()[1].title[:12])
    qtbot.waitUntil(lambda: window.reader.article_id == picked)
    header = window.library.table.horizontalHeader()
    model = window.library.model

    def outlets() -> list[str]:
        return [str(model.data(model.index(r, 1))).casefold() for r in range(model.rowCount())]

    def click_outlet_header() -> None:
        middle = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 5))

    click_outlet_header()
    first = outlets()
    assert first in (sorted(first), sorted(first, reverse=True)) and len(set(first)) > 1
    click_outlet_header()  # again: the other way round
    assert outlets() == first[::-1]
    assert model.article_id(window.library.table.currentIndex().row()) == picked
    assert window.reader.article_id == picked


def test_filter_matches_title_outlet_and_date_in_any_case(
    qtbot: QtBot, empty_project: Project
) -> None:
    for i, (title, outlet, date) in enumerate(
        [
            ("Nurses vote on the offer", "The Guardian", "2025-03-01"),
            ("Strike dates announced", "BBC News", "2025-04-02"),
            ("What the minister said", "Union blog", "2024-11-30"),
        ]
    ):
        empty_project.articles.add(
            ImportedArticle(
                text=f"Text {i}.", title=title, outlet=outlet, published=date, source_format="txt"
            )
        )
    panel = LibraryPanel(ProjectSession(empty_project))
    qtbot.addWidget(panel)
    for typed, expected in [
        ("STRIKE", ["Strike dates announced"]),
        ("guardian", ["Nurses vote on the offer"]),
        ("2024-11", ["What the minister said"]),
        ("  ", ["Nurses vote on the offer", "Strike dates announced", "What the minister said"]),
        ("no such words", []),
    ]:
        panel.filter_box.setText(typed)
        assert panel.visible_titles() == expected, typed


def test_a_new_article_appears_while_a_filter_is_active(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.library.filter_box, "ballot")
    assert window.library.visible_titles() == []
    outcome = window.session.project.articles.add(
        ImportedArticle(text="The ballot closes today.", title="Ballot result", source_format="txt")
    )
    assert outcome.article_id is not None
    window.session.notify(Changes(articles=frozenset({outcome.article_id})))
    assert window.library.visible_titles() == ["Ballot result"]
    window.library.filter_box.clear()
    assert window.library.model.rowCount() == 4


def test_the_title_column_gets_the_room(qtbot: QtBot, session: ProjectSession) -> None:
    panel = LibraryPanel(session)
    qtbot.addWidget(panel)
    panel.resize(380, 600)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    others = sum(header.sectionSize(c) for c in (1, 2, 3))
    assert header.sectionSize(0) >= panel.table.viewport().width() / 3
    assert header.sectionSize(0) > others / 2


def test_a_fresh_library_lists_articles_as_added_and_fits_the_longest_outlet_and_count(
    qtbot: QtBot, session: ProjectSession
) -> None:
    project = session.project
    outlet = "Health Service Journal"
    project.articles.add(
        ImportedArticle(text="Strike called.", title="Zebra", source_format="txt", outlet=outlet)
    )
    first = project.articles.list()[0]
    for start in range(0, 40, 8):  # a claim count of several digits' width is still shown
        project.claims.mark(first.id, start, start + 6)
    panel = LibraryPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    ids = [model.article_id(r) for r in range(model.rowCount())]
    assert ids == sorted(ids)  # no column sorted until the user clicks one
    assert panel.table.horizontalHeader().sortIndicatorSection() == -1
    metrics = panel.table.fontMetrics()
    header = panel.table.horizontalHeader()
    assert header.sectionSize(3) >= metrics.horizontalAdvance("Claims")
    assert header.sectionSize(1) >= min(metrics.horizontalAdvance(outlet), MAX_OUTLET_WIDTH)
