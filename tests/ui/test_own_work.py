"""The window's own work is not a change from outside: after a background import
the reader stays where it was and no "changed outside" message shows; after a
revision import the old version's pane repaints the claims that moved away."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.models import ImportedArticle
from annotator.project import Project
from tests.conftest import FIXTURES
from ui.shell.main_window import MainWindow

PAGE_TITLE = "Resident doctors vote to strike again over pay"
OUTSIDE = "outside this window"


def _long_article(window: MainWindow, qtbot: QtBot) -> int:
    text = "\n\n".join(
        f"Paragraph {n}: pay fell by {n}% since 2010, the union said." for n in range(400)
    )
    outcome = window.session.project.articles.add(
        ImportedArticle(text=text, title="Long", source_format="txt")
    )
    assert outcome.article_id is not None
    window.open_article(outcome.article_id)
    qtbot.waitUntil(lambda: window.reader.article_id == outcome.article_id)
    return outcome.article_id


def _scroll_to_middle(window: MainWindow, qtbot: QtBot) -> int:
    bar = window.reader.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100)
    bar.setValue(bar.maximum() // 2)
    return _first_paragraph(window)


def _first_paragraph(window: MainWindow) -> int:
    """The paragraph at the top of the reader (stable when a dock's width rewraps lines)."""
    return window.reader.view.firstVisibleBlock().blockNumber()


def _import(window: MainWindow, qtbot: QtBot, path: Path) -> None:
    window.importing.summary = None
    assert window.importing.start([path])
    qtbot.waitUntil(
        lambda: window.importing.job is None and window.importing.summary is not None,
        timeout=20_000,
    )


def test_a_background_import_leaves_the_reader_where_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _long_article(window, qtbot)
    where = _scroll_to_middle(window, qtbot)
    page = tmp_path / "article_page.html"
    shutil.copy(FIXTURES / "article_page.html", page)
    _import(window, qtbot, page)
    watcher = window.watcher
    assert watcher.poll() is False  # the import's own commit: nothing from outside
    qtbot.wait(50)
    assert abs(_first_paragraph(window) - where) <= 2 and where > 100
    assert OUTSIDE not in window.statusBar().currentMessage()
    assert PAGE_TITLE in window.library.visible_titles()


def test_a_change_from_outside_still_refreshes_and_keeps_the_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    article_id = _long_article(window, qtbot)
    where = _scroll_to_middle(window, qtbot)
    path = window.session.project.path
    assert path is not None
    other = Project.open(path)
    try:
        other.claims.mark_quote(article_id, "Paragraph 3: pay fell by 3% since 2010")
    finally:
        other.close()
    assert window.watcher.poll() is True
    assert OUTSIDE in window.statusBar().currentMessage()
    assert window.claims.panel.model.rowCount() == 1  # the claim from outside is shown
    assert abs(_first_paragraph(window) - where) <= 2 and where > 100  # no jump to the top


def test_a_revision_import_repaints_the_claims_that_moved(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = tmp_path / "article_page.html"
    shutil.copy(FIXTURES / "article_page.html", page)
    _import(window, qtbot, page)
    project = window.session.project
    old = next(a for a in project.articles.list() if a.title == PAGE_TITLE)
    window.open_article(old.id)
    qtbot.waitUntil(lambda: window.reader.article_id == old.id)
    text = project.articles.get(old.id).text
    start = text.index("90.3% backed further walkouts")
    window.reader.view.select_span(start, start + len("90.3% backed further walkouts"))
    window.actions["mark_claim"].trigger()
    claim_id = window.session.current_claim
    layer = window.claims.layers[window.reader]
    assert claim_id in {span[0] for span in layer.highlighter.index.spans()}
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("Emergency care will be kept running", "Emergency care will continue"),
                    encoding="utf-8")  # fmt: skip
    _import(window, qtbot, page)
    new = project.articles.list()[-1]
    assert new.revision_of == old.id
    assert project.claims.get(claim_id or 0).article_id == new.id
    assert window.reader.article_id == old.id  # the pane still shows the old version...
    assert claim_id not in {span[0] for span in layer.highlighter.index.spans()}  # ...without it
    assert window.watcher.poll() is False
