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

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFound
from annotator.models import Changes
from ui.reader.frame import ARTICLE_MIME, PaneFrame, article_ids_from, article_mime
from ui.reader.view import ReaderPane
from ui.shell import settings
from ui.shell.session import ProjectSession

MAX_PANES = 4
LAYOUT_KEY = "reader/layouts"
MAX_REMEMBERED_PROJECTS = 20

# The drag format is re-exported: the library builds its drags from here.
__all__ = ["ARTICLE_MIME", "ReaderArea", "article_ids_from", "article_mime"]


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
        for widget in (frame.pane.view, frame.pane.header, frame.bar):
            widget.installEventFilter(self)
        # a press on the text itself (its viewport; see ReaderView)
        frame.pane.view.pressed.connect(lambda p=frame.pane: self.set_active(p))
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
                if watched in (frame.pane.view, frame.pane.header, frame.bar):
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
                    # The same text stays where the reader left it (the claim
                    # layers reload their spans themselves); another text reloads.
                    pane.refresh(self.session.project.articles.get(article_id))
                elif article_id in changes.articles and not changes.claims:
                    pane.refresh(self.session.project.articles.get(article_id))
                elif article_id in changes.articles and not self.session.project.articles.exists(
                    article_id
                ):  # claims moved (the layers repaint them), or the article is gone
                    raise NotFound(f"no article with id {article_id}")
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
            listed = layout.get("articles", [])
            if not isinstance(listed, list):
                listed = []
            articles = [a for a in listed if a is None or isinstance(a, int)]
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
