"""One reader pane in its frame: a bar naming the article, a menu to open another,
the claims linked to the selected one, and dropping library rows onto it.

The drag format (article ids as JSON) lives here too, shared with the library.
"""

from __future__ import annotations

import json
from html import escape

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFound
from ui.reader.view import ReaderPane
from ui.shell.session import ProjectSession
from ui.widgets.elided import ElidedLabel

ARTICLE_MIME = "application/x-annotator-article-ids"
LINK_QUOTE_CHARS = 90
ACTIVE_STYLE = "QFrame#PaneBar { background: palette(highlight); } QFrame#PaneBar QLabel { color: palette(highlighted-text); }"
RELATION_WORDS = {"same": "Same claim", "contradicts": "Contradicts", "responds-to": "Responds to"}


def article_ids_from(mime: QMimeData) -> list[int]:
    """Article ids dragged from the library (empty for anything else)."""
    if not mime.hasFormat(ARTICLE_MIME):
        return []
    try:
        ids = json.loads(bytes(mime.data(ARTICLE_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [int(i) for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def article_mime(article_ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(ARTICLE_MIME, json.dumps(article_ids).encode("utf-8"))
    return mime


class PaneFrame(QFrame):
    """A reader pane with a bar above it (its article menu, close) and a links strip."""

    open_requested = Signal(object, int)  # (frame, article id)
    close_requested = Signal(object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.pane = ReaderPane(self)
        self.bar = QFrame(self)
        self.bar.setObjectName("PaneBar")
        # A long title ends in "…" at the pane's edge (its tooltip has it whole)
        # rather than widen the pane and squeeze the library and the inspector.
        self.title = ElidedLabel("No article", self.bar)
        self.title.setAccessibleName("Reader pane article")
        self.choose = QToolButton(self.bar)
        self.choose.setText("Article ▾")
        self.choose.setToolTip(
            "Choose the article this pane shows (or drag one here from the library)"
        )
        self.choose.setAccessibleName("Choose article for this pane")
        self.choose.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.choose)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.choose.setMenu(self.menu)
        self.close_button = QToolButton(self.bar)
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close this reader pane")
        self.close_button.setAccessibleName("Close reader pane")
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self))
        bar_layout = QHBoxLayout(self.bar)
        bar_layout.setContentsMargins(8, 2, 4, 2)
        bar_layout.addWidget(self.title, 1)
        bar_layout.addWidget(self.choose)
        bar_layout.addWidget(self.close_button)
        self.links = QLabel(self)
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setAccessibleName("Claims linked to the selected claim")
        self.links.setContentsMargins(12, 4, 12, 4)
        self.links.setStyleSheet("background: #fff7d6; border-bottom: 1px solid #e5d9a8;")
        self.links.linkActivated.connect(self._on_link)
        self.links.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.links)
        layout.addWidget(self.pane, 1)
        self.pane.article_shown.connect(self._on_article_shown)

    def _fill_menu(self) -> None:
        self.menu.clear()
        articles = self.session.project.articles.list()
        if not articles:
            self.menu.addAction("(no articles yet)").setEnabled(False)
        for summary in articles:
            action = self.menu.addAction(summary.title or f"Article {summary.id}")
            action.setCheckable(True)
            action.setChecked(summary.id == self.pane.article_id)
            action.triggered.connect(
                lambda _c=False, a=summary.id: self.open_requested.emit(self, a)
            )

    def _on_article_shown(self, article_id: object) -> None:
        article = self.pane.article
        self.title.setText(article.title if article is not None else "No article")
        self.title.setToolTip(self.title.text())

    def set_active(self, active: bool) -> None:
        self.bar.setStyleSheet(ACTIVE_STYLE if active else "")

    def show_links(self, rows: list[tuple[str, int, str]]) -> None:
        """(relation, claim id, quote) of claims in this pane linked to the selected claim."""
        if not rows:
            self.links.hide()
            self.links.clear()
            return
        items = []
        for relation, claim_id, quote in rows:
            short = quote if len(quote) <= LINK_QUOTE_CHARS else quote[: LINK_QUOTE_CHARS - 1] + "…"
            items.append(
                f"<b>{escape(RELATION_WORDS.get(relation, relation))}:</b> "
                f"<a href='claim:{claim_id}'>“{escape(short)}”</a>"
            )
        self.links.setText("Linked to the selected claim — " + " &nbsp;·&nbsp; ".join(items))
        self.links.show()

    def _on_link(self, href: str) -> None:
        if href.startswith("claim:"):
            claim_id = int(href.removeprefix("claim:"))
            self.reveal(claim_id)

    def reveal(self, claim_id: int) -> None:
        try:
            claim = self.session.project.claims.get(claim_id)
        except NotFound:
            return
        if claim.article_id == self.pane.article_id and claim.start is not None:
            start = claim.start
            self.pane.view.scroll_to(start)
            # once more after the links strip has taken its height from the view
            QTimer.singleShot(0, lambda: self.pane.view.scroll_to(start))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if article_ids_from(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = article_ids_from(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.open_requested.emit(self, ids[0])
