"""The claims table reads the rows it shows, a few above, and no page beyond the screen.

Marking a claim far from the last one scrolls the table to rows not read yet:
each row read costs ~8 us, and a fixed page of 24 rows read three times what
the bottom panel shows at 1280x800.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.models import Changes, ImportedArticle
from ui.claims.panel import PAGE_ROWS_ABOVE
from ui.shell.main_window import MainWindow

WORDS = "Claim number {n:04d} says pay fell. "


def test_a_jump_reads_the_rows_on_screen_and_shows_them_all(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    text = "".join(WORDS.format(n=n) for n in range(300))
    article_id = project.articles.add(
        ImportedArticle(text=text, title="Many claims", source_format="txt")
    ).article_id
    assert article_id is not None
    for n in range(300):
        start = n * len(WORDS.format(n=0))
        project.claims.mark(article_id, start, start + len("Claim number 0000"))
    window.session.notify(Changes(articles=frozenset({article_id})))
    window.resize(1280, 800)
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.claims.panel.model.rowCount() == 300)
    panel = window.claims.panel
    table = panel.table
    QApplication.processEvents()
    shown = panel.model.rows_shown
    assert shown == -(-table.viewport().height() // table.verticalHeader().defaultSectionSize())

    fetched: list[int] = []
    get_many = project.claims.get_many
    project.claims.get_many = lambda ids: (fetched.append(len(ids)), get_many(ids))[1]  # type: ignore[method-assign]
    table.scrollTo(panel.proxy.index(200, 0))
    table.viewport().repaint()
    first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    assert first > 100 and last >= first
    assert fetched and max(fetched) <= PAGE_ROWS_ABOVE + shown + 1
    for row in range(first, last + 1):
        assert panel.proxy.index(row, 0).data() == f"Claim number {row:04d}"
