"""Reader panes side by side: open the union's article next to the minister's.

The central widget holds one or more ReaderPanes in a splitter. One pane is
active (the one last clicked or focused): the library opens articles there
and the claims panel follows it (`active_changed`). Each pane takes its
article from a menu or by dragging a row from the library onto it. Selecting
a claim shows, in every other pane, the claims linked to it (same,
contradicts, responds to). The layout (panes, their articles, their widths)
is remembered per project in QSettings.
"""

from __future__ import annotations

import json
from html import escape

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFound
from annotator.models import Changes
from ui import settings
from ui.reader import ReaderPane
from ui.session import ProjectSession

ARTICLE_MIME = "application/x-annotator-article-ids"
MAX_PANES = 4
LAYOUT_KEY = "reader/layouts"
MAX_REMEMBERED_PROJECTS = 20
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
        self.title = QLabel("No article", self.bar)
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


class ReaderArea(QWidget):
    """Several reader panes in a splitter, one of them active."""

    active_changed = Signal(object)  # the ReaderPane now active
    pane_added = Signal(object)  # a new ReaderPane (attach highlighters here)
    pane_closed = Signal(object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Reader panes")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: self.save_layout())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.frames: list[PaneFrame] = []
        self._active: PaneFrame | None = None
        self._restoring = True  # the first pane is not a layout worth saving over the last one
        self.add_pane()
        self._restoring = False
        session.current_claim_changed.connect(self._show_links)
        session.changed.connect(self._on_changed)

    # -- panes ------------------------------------------------------------------
    @property
    def active_pane(self) -> ReaderPane:
        assert self._active is not None
        return self._active.pane

    def panes(self) -> list[ReaderPane]:
        return [f.pane for f in self.frames]

    def frame_of(self, pane: ReaderPane) -> PaneFrame:
        return next(f for f in self.frames if f.pane is pane)

    def add_pane(self, article_id: int | None = None) -> ReaderPane | None:
        """A new pane at the right (None when MAX_PANES are open); it becomes active."""
        if len(self.frames) >= MAX_PANES:
            self.session.report(f"At most {MAX_PANES} reader panes fit side by side.")
            return None
        frame = PaneFrame(self.session, self.splitter)
        frame.open_requested.connect(lambda f, a: self.open_in(f.pane, a))
        frame.close_requested.connect(lambda f: self.close_pane(f.pane))
        for widget in (frame.pane.view, frame.pane.view.viewport(), frame.pane.header, frame.bar):
            widget.installEventFilter(self)
        self.splitter.addWidget(frame)
        self.frames.append(frame)
        self._update_close_buttons()
        total = sum(self.splitter.sizes()) or self.width()
        self.splitter.setSizes([max(total // len(self.frames), 1)] * len(self.frames))
        self.pane_added.emit(frame.pane)
        self.set_active(frame.pane)
        if article_id is not None:
            self.open_in(frame.pane, article_id)
        self.save_layout()
        return frame.pane

    def close_pane(self, pane: ReaderPane) -> None:
        """Close a pane; the last one stays (it shows the placeholder instead)."""
        frame = self.frame_of(pane)
        if len(self.frames) == 1:
            pane.show_placeholder()
            frame.show_links([])
            self.save_layout()
            return
        index = self.frames.index(frame)
        self.frames.remove(frame)
        self.pane_closed.emit(pane)
        if self._active is frame:
            self._active = None
            self.set_active(self.frames[max(0, index - 1)].pane)
        frame.hide()
        frame.setParent(None)
        frame.deleteLater()
        self._update_close_buttons()
        self.save_layout()

    def _update_close_buttons(self) -> None:
        for frame in self.frames:
            frame.close_button.setEnabled(len(self.frames) > 1)
        self._paint_active()

    def _paint_active(self) -> None:
        """Mark the active pane's bar, when there is more than one pane to tell apart."""
        for frame in self.frames:
            frame.set_active(frame is self._active and len(self.frames) > 1)

    def set_active(self, pane: ReaderPane) -> None:
        frame = self.frame_of(pane)
        if frame is self._active:
            return
        self._active = frame
        self._paint_active()
        self.active_changed.emit(pane)
        self.save_layout()

    def next_pane(self) -> None:
        assert self._active is not None
        index = (self.frames.index(self._active) + 1) % len(self.frames)
        self.set_active(self.frames[index].pane)
        self.frames[index].pane.view.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            for frame in self.frames:
                if watched in (
                    frame.pane.view,
                    frame.pane.view.viewport(),
                    frame.pane.header,
                    frame.bar,
                ):
                    self.set_active(frame.pane)
                    break
        return False

    # -- articles -----------------------------------------------------------------
    def open_in(self, pane: ReaderPane, article_id: int) -> bool:
        """Show an article in a pane (and make it active); False when it no longer exists."""
        self.set_active(pane)
        if pane.article_id == article_id:
            return True
        try:
            article = self.session.project.articles.get(article_id)
        except NotFound:
            self.session.report(f"Article {article_id} is no longer in this project.")
            return False
        pane.show_article(article)
        self._show_links(self.session.current_claim)
        self.save_layout()
        return True

    def pane_showing(self, article_id: int) -> ReaderPane | None:
        return next((f.pane for f in self.frames if f.pane.article_id == article_id), None)

    def _on_changed(self, changes: Changes) -> None:
        for pane in self.panes():
            article_id = pane.article_id
            if article_id is None:
                continue
            try:
                if changes.everything:
                    pane.article = None
                    pane.show_article(self.session.project.articles.get(article_id))
                elif article_id in changes.articles and not changes.claims:
                    pane.refresh(self.session.project.articles.get(article_id))
                elif article_id in changes.articles:  # claims moved, or the article is gone
                    self.session.project.articles.summary(article_id)
            except NotFound:
                pane.show_placeholder()
        if changes.claims or changes.evidence or changes.everything:
            self._show_links(self.session.current_claim)

    def show_placeholders(self) -> None:
        for pane in self.panes():
            pane.show_placeholder()
            self.frame_of(pane).show_links([])

    # -- linked claims ----------------------------------------------------------------
    def _show_links(self, claim_id: object) -> None:
        """In every pane but the claim's own, list (and scroll to) the claims linked to it."""
        links = []
        if isinstance(claim_id, int):
            try:
                links = self.session.project.links.list(claim_id)
            except NotFound:
                links = []
        for frame in self.frames:
            article_id = frame.pane.article_id
            rows = [
                (link.relation, link.other(claim_id), link.other_quote(claim_id))
                for link in links
                if isinstance(claim_id, int) and link.other_article(claim_id) == article_id
            ]
            frame.show_links(rows)
            if rows and frame is not self._active:
                frame.reveal(rows[0][1])

    # -- layout ---------------------------------------------------------------------
    def _project_key(self) -> str:
        path = self.session.project.path
        return str(path.resolve()) if path is not None else ""

    def save_layout(self) -> None:
        if self._restoring or not self._project_key():
            return
        store = settings.settings()
        layouts = _load_layouts(store.value(LAYOUT_KEY))
        layouts.pop(self._project_key(), None)
        layouts[self._project_key()] = {
            "articles": [f.pane.article_id for f in self.frames],
            "sizes": self.splitter.sizes(),
            "active": self.frames.index(self._active) if self._active in self.frames else 0,
        }
        while len(layouts) > MAX_REMEMBERED_PROJECTS:
            layouts.pop(next(iter(layouts)))
        store.setValue(LAYOUT_KEY, json.dumps(layouts))

    def restore_layout(self) -> None:
        """Reopen this project's panes with their articles and widths, as last left."""
        layout = _load_layouts(settings.settings().value(LAYOUT_KEY)).get(self._project_key())
        self._restoring = True
        try:
            while len(self.frames) > 1:
                self.close_pane(self.frames[-1].pane)
            self.show_placeholders()
            if not isinstance(layout, dict):
                return
            articles = [a for a in layout.get("articles", []) if a is None or isinstance(a, int)]
            for index, article_id in enumerate(articles[:MAX_PANES]):
                pane = self.frames[0].pane if index == 0 else self.add_pane()
                if pane is not None and article_id is not None:
                    self.open_in(pane, article_id)
            sizes = layout.get("sizes")
            if isinstance(sizes, list) and len(sizes) == len(self.frames):
                self.splitter.setSizes([int(s) for s in sizes if isinstance(s, int)])
            active = layout.get("active", 0)
            if isinstance(active, int) and 0 <= active < len(self.frames):
                self.set_active(self.frames[active].pane)
        finally:
            self._restoring = False


def _load_layouts(value: object) -> dict[str, dict[str, object]]:
    if not isinstance(value, str):
        return {}
    try:
        loaded = json.loads(value)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}
