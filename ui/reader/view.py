"""The reader: one article's canonical text, shown in paragraphs.

QPlainTextEdit lays out a megabyte of text in a fraction of a second where
QTextEdit takes tens of seconds; the displayed document is the canonical text
plus display-only paragraph breaks, and every position crossing this widget
goes through the TextMap (ui/reader/offsets.py).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QResizeEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.articles.paragraphs import display_breaks
from annotator.models import Article
from ui.reader.highlighter import ClaimHighlighter
from ui.reader.offsets import TextMap
from ui.reader.selection_keys import SelectionKeys


class ReaderView(QPlainTextEdit):
    """Read-only text view; selections are reported in canonical code points.

    It never asks for its viewport() while the window is being built: the
    viewport is a QWidget Qt made, and PySide finds its type by creating every
    widget class (~10 ms of the first paint). Its height comes from the resize
    events the viewport sends here, and a press on it is the `pressed` signal.
    """

    # A mouse button went down on the text (the pane it is in becomes active).
    pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._viewport_height = 0
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Article text")
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5) * 1.1)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self.text_map = TextMap("")
        # Each view paints its own claims (ui/reader/claims.py feeds it), the
        # blocks on screen only, and more as they scroll into view.
        self.highlighter = ClaimHighlighter(self.document(), self.visible_blocks)
        self.verticalScrollBar().valueChanged.connect(self.highlighter.paint_visible)
        self.selection_keys = SelectionKeys(self, lambda: self.text_map)

    def visible_blocks(self) -> tuple[int, int]:
        """Numbers of the first and last block on screen."""
        block = self.firstVisibleBlock()
        first = last = block.blockNumber()
        offset, height = self.contentOffset(), self._viewport_height
        while (
            block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= height
        ):
            last = block.blockNumber()
            block = block.next()
        return first, max(first, last)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A scroll area's resize events are its viewport's (Qt), so this is its height.
        self._viewport_height = event.size().height()
        super().resizeEvent(event)
        self.highlighter.paint_visible()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed.emit()
        super().mousePressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.highlighter.paint_visible()

    def set_text(self, text: str) -> None:
        self.highlighter.clear()  # the old claims must not be painted on the new text
        self.text_map = TextMap(text, display_breaks(text))
        self.setPlainText(self.text_map.display_text())
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as canonical (start, end), or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.text_map.span_from_display(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        display_start, display_end = self.text_map.span_to_display(start, end)
        cursor = self.textCursor()
        cursor.setPosition(display_start)
        cursor.setPosition(display_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def scroll_to(self, start: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.text_map.to_display(start))
        self.setTextCursor(cursor)
        self.centerCursor()


class ReaderPane(QWidget):
    """Header with the article's metadata above the text view."""

    selection_changed = Signal()
    # The article now shown (its id), or None for the placeholder.
    article_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setContentsMargins(18, 10, 18, 4)
        self.header.setAccessibleName("Article details")
        self.view = ReaderView(self)
        self.view.selectionChanged.connect(self.selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view)
        self.show_placeholder()

    @property
    def article_id(self) -> int | None:
        return None if self.article is None else self.article.id

    def show_placeholder(self) -> None:
        self.article = None
        self.header.setText(
            "<span style='font-size:14pt; color:#666'>Pick an article in the library "
            "to read it here.</span>"
        )
        self.view.set_text("")
        self.article_shown.emit(None)

    def show_article(self, article: Article) -> None:
        self.article = article
        self._show_header(article)
        self.view.set_text(article.text)
        self.article_shown.emit(article.id)

    def refresh(self, article: Article) -> None:
        """Show changed details of the same article without re-laying out its text.

        The text is immutable, so only the header can change; reloading a
        megabyte (and losing the scroll position) on every claim edit would not do.
        """
        if self.article is not None and self.article.text == article.text:
            self.article = article
            self._show_header(article)
        else:
            self.show_article(article)

    def _show_header(self, article: Article) -> None:
        s = article.summary
        details = " · ".join(
            escape(part) for part in (s.outlet, (s.published or "")[:10], s.author) if part
        )
        url = f"<br><span style='color:#777'>{escape(s.url)}</span>" if s.url else ""
        self.header.setText(
            f"<div style='font-size:15pt; font-weight:600'>{escape(s.title)}</div>"
            f"<div style='color:#555'>{details or 'No outlet or date recorded'}"
            f" · {len(article.text):,} characters</div>{url}"
        )
