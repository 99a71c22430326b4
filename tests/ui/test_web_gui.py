"""Web addresses from the window: File > Import from address… (Ctrl+L), Article > Check for
changes, the library's mark on an article changed at its source, and the fetched-from line
of Article details. A real HTTP server on 127.0.0.1; no outside network."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from annotator.web.http import Fetcher
from tests.annotator.web_server import WebServer, article_page
from ui.library.details import ArticleDetailsDialog, fetched_line
from ui.library.model import ARTICLE_ID_ROLE
from ui.shell.main_window import MainWindow
from ui.web.address_dialog import AddressDialog, parse_addresses

FIFTH = "Resident doctors said their pay has fallen by a fifth since 2008 in real terms."
OFFER = "The minister said an offer of 5.4 per cent this year was the most that could be paid."
TITLE = "Doctors reject the pay offer"


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer()
    yield server
    server.close()


@pytest.fixture
def fetching(window: MainWindow) -> MainWindow:
    window.web.make_fetcher = lambda: Fetcher(timeout=3.0)
    return window


def _wait_done(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.web.job is None, timeout=20_000)


def _row_of_title(window: MainWindow, title: str) -> int:
    model = window.library.table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == title:
            return row
    raise AssertionError(f"{title!r} not in the library")


def test_addresses_are_checked_before_anything_is_fetched() -> None:
    good, problems = parse_addresses(
        "https://example.org/a\n\n  http://example.org/b  \nhttps://example.org/a\n"
    )
    assert good == ["https://example.org/a", "http://example.org/b"]
    assert problems == []
    _, problems = parse_addresses("file:///etc/passwd\njavascript:alert(1)\nexample.org/x")
    assert len(problems) == 3


def test_dialog_offers_the_copied_address_and_refuses_other_schemes(qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText("https://news.example.org/2025/pay")
    dialog = AddressDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.addresses() == ["https://news.example.org/2025/pay"] and ok.isEnabled()
    dialog.edit.setPlainText("ftp://news.example.org/pay")
    assert not ok.isEnabled()
    assert "not a web address" in dialog.problem.text()


def test_ctrl_l_imports_a_page_in_the_background_and_opens_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fetching: MainWindow, web: WebServer
) -> None:
    window = fetching
    url = web.page("/pay", article_page(TITLE, [FIFTH, OFFER]), delay=0.3)
    monkeypatch.setattr(AddressDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(AddressDialog, "addresses", lambda self: [url])
    action = window.actions["import_address"]
    assert action.shortcut().toString() == "Ctrl+L"
    before = len(window.library.visible_titles())
    action.trigger()
    progress = window.web.progress
    assert progress is not None and progress.isVisible() and not progress.isModal()
    assert window.isEnabled()  # the window answers while the server is slow
    _wait_done(qtbot, window)

    assert TITLE in window.library.visible_titles()
    assert len(window.library.visible_titles()) == before + 1
    summary = window.web.import_summary
    assert summary is not None and summary.headline.text() == "1 imported"
    assert window.reader.article_id is not None
    assert FIFTH in window.session.project.articles.get(window.reader.article_id).text
    # Article details say where and when it came from
    line = fetched_line(window.session, window.reader.article_id)
    assert line.startswith(f"Fetched from {url} on ")
    dialog = ArticleDetailsDialog(
        window.session.project.articles.summary(window.reader.article_id), window, line
    )
    assert f"Fetched from {url}" in dialog.facts.text()


def test_a_failed_address_is_one_line_naming_it(
    qtbot: QtBot, fetching: MainWindow, web: WebServer
) -> None:
    window = fetching
    before = len(window.library.visible_titles())
    window.web.import_addresses([web.url("/gone")])
    _wait_done(qtbot, window)
    summary = window.web.import_summary
    assert summary is not None
    [(_name, reason)] = summary.group_texts("failed")
    assert "404" in reason
    assert len(window.library.visible_titles()) == before


def test_cancel_stops_before_the_next_address(
    qtbot: QtBot, fetching: MainWindow, web: WebServer
) -> None:
    window = fetching
    urls = [
        web.page(f"/slow{i}", article_page(f"Story {i}", [FIFTH + f" ({i})"]), delay=0.5)
        for i in range(6)
    ]
    window.web.import_addresses(urls)
    progress = window.web.progress
    assert progress is not None
    qtbot.waitUntil(lambda: len(web.seen) >= 1, timeout=5000)
    qtbot.keyClick(progress, Qt.Key.Key_Escape)  # Escape cancels, it does not hide
    _wait_done(qtbot, window)
    assert len(web.seen) <= 2
    summary = window.web.import_summary
    assert summary is not None and summary.headline.text().startswith("Cancelled:")


def test_check_for_changes_brings_a_stealth_edit_in_as_a_revision_and_marks_it(
    qtbot: QtBot, fetching: MainWindow, web: WebServer
) -> None:
    window = fetching
    project = window.session.project
    url = web.page("/pay", article_page(TITLE, [FIFTH, OFFER]))
    [outcome] = project.web.import_addresses([url])
    assert outcome.article_id is not None
    article_id = outcome.article_id
    window.library.model.reload()
    window.open_article(article_id)
    project.claims.mark(article_id, FIFTH.index("fallen"), FIFTH.index(" since"))

    # Nothing changed yet: unchanged, and no mark
    window.actions["check_for_changes"].trigger()
    _wait_done(qtbot, window)
    summary = window.web.refetch_summary
    assert summary is not None and summary.headline.text() == "0 changed · 1 unchanged"

    # The site quietly softens the figure
    web.page("/pay", article_page(TITLE, [FIFTH.replace("a fifth", "a tenth"), OFFER]))
    window.actions["check_for_changes"].trigger()
    _wait_done(qtbot, window)
    summary = window.web.refetch_summary
    assert summary is not None and summary.headline.text() == "1 changed · 0 unchanged"
    [(name, detail)] = summary.group_texts("revision")
    assert name == TITLE and "new revision #" in detail and "1 claims found again" in detail
    assert any("fifth" in text and "tenth" in text for text in summary.change_texts())

    row = _row_of_title(window, TITLE)  # the old revision: marked, and says why
    model = window.library.table.model()
    index = model.index(row, 0)
    if index.data(ARTICLE_ID_ROLE) != article_id:  # both revisions share the title
        row = next(
            r
            for r in range(model.rowCount())
            if model.index(r, 0).data(ARTICLE_ID_ROLE) == article_id
        )
        index = model.index(row, 0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Changed at the source" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_check_for_changes_on_an_article_from_a_file_says_so(
    qtbot: QtBot, fetching: MainWindow
) -> None:
    window = fetching
    first = window.session.project.articles.listing()[0]
    window.open_article(first.id)
    window.library.table.clearSelection()
    window.actions["check_for_changes"].trigger()
    assert window.web.job is None
    assert "was not fetched from a web address" in window.statusBar().currentMessage()
    window.actions["check_all_for_changes"].trigger()
    assert "No article in this project was fetched" in window.statusBar().currentMessage()
