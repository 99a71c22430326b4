"""What the marking tests share: a hostile article, marking it with the M key,
and reading back what the reader painted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextLayout
from pytestqt.qtbot import QtBot

from annotator.models import Changes, ImportedArticle
from ui.shell.main_window import MainWindow

# Hostile text: astral emoji and a ZWJ sequence, combining accents, NBSP,
# right-to-left words, an astral maths letter; two paragraphs.
HOSTILE = (
    "Pay talks 😀 resumed on Monday. The café\u0301 owner said na\u0131\u0308ve claims "
    "about £2.5\u00a0billion were wrong.\n"
    "Dr 👩\u200d⚕️ Levi said שלום עליכם and مرحبا before noting 𝑥 rose 29%. "
    "Unions insist pay fell by a fifth since 2008."
)
PIECES = {
    "emoji": "😀 resumed on Monday",
    "combining": "café\u0301 owner said na\u0131\u0308ve claims",
    "nbsp": "£2.5\u00a0billion were wrong",
    "zwj-emoji": "Dr 👩\u200d⚕️ Levi",
    "rtl": "שלום עליכם and مرحبا",
    "astral-maths": "𝑥 rose 29%",
}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def open_hostile(window: MainWindow, qtbot: QtBot) -> int:
    project = window.session.project
    outcome = project.articles.add(
        ImportedArticle(text=HOSTILE, title="Hostile", source_format="txt")
    )
    assert outcome.article_id is not None
    window.session.notify(Changes(articles=frozenset({outcome.article_id})))
    window.open_article(outcome.article_id)
    qtbot.waitUntil(lambda: window.reader.article_id == outcome.article_id)
    return outcome.article_id


def press(qtbot: QtBot, widget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def mark(window: MainWindow, qtbot: QtBot, start: int, end: int) -> int:
    view = window.reader.view
    view.select_span(start, end)
    before = window.session.project.claims.count()
    press(qtbot, view, Qt.Key.Key_M)
    assert window.session.project.claims.count() == before + 1
    assert window.session.current_claim is not None
    return window.session.current_claim


def highlight_ranges(window: MainWindow) -> list[tuple[int, int]]:
    """(document start, length) of every painted run, merged where runs touch."""
    runs: list[tuple[int, int]] = []
    block = window.reader.view.document().begin()
    while block.isValid():
        formats: list[QTextLayout.FormatRange] = block.layout().formats()
        for f in sorted(formats, key=lambda f: f.start):
            start = block.position() + f.start
            if runs and runs[-1][0] + runs[-1][1] == start:
                runs[-1] = (runs[-1][0], runs[-1][1] + f.length)
            else:
                runs.append((start, f.length))
        block = block.next()
    return runs


def format_at(window: MainWindow, display_position: int):  # type: ignore[no-untyped-def]
    block = window.reader.view.document().findBlock(display_position)
    offset = display_position - block.position()
    formats = block.layout().formats()
    for f in formats:
        if f.start <= offset < f.start + f.length:
            return QTextCharFormat(f.format)  # a copy: the range dies with the list
    return None
