"""One reader pane bound to the project's claims: painted, hovered, clicked.

Every reader pane gets one of these (the claims wiring attaches it), so side-
by-side panes all paint their claims. It feeds the pane's highlighter from the
project and keeps it current from `session.changed`, one claim at a time.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolTip

from annotator.errors import NotFound
from annotator.models import Changes, Claim
from ui.reader.colours import ColourScheme
from ui.reader.highlighter import Span
from ui.reader.view import ReaderPane
from ui.shell.session import ProjectSession

# Beyond this many changed claims, reloading all spans is cheaper than one by one.
RELOAD_ABOVE = 50
TOOLTIP_QUOTE_CHARS = 240
TOOLTIP_MAX_CLAIMS = 3


def span_of(claim: Claim) -> Span | None:
    """What the highlighter paints for a claim; None when it has no place (orphan)."""
    if claim.start is None or claim.end is None or claim.anchor == "orphan":
        return None
    return (claim.id, claim.start, claim.end, claim.side_id, claim.stance_id, claim.verdict_id)


def claim_tooltip(claim: Claim) -> str:
    quote = (
        claim.quote
        if len(claim.quote) <= TOOLTIP_QUOTE_CHARS
        else claim.quote[:TOOLTIP_QUOTE_CHARS] + "…"
    )
    rows = [
        ("Speaker", claim.speaker),
        ("Side", claim.side),
        ("Stance", claim.stance),
        ("Verdict", claim.verdict),
        ("Status", claim.status),
    ]
    details = "<br>".join(f"<b>{name}:</b> {escape(value or '—')}" for name, value in rows)
    return f"<p style='white-space:pre-wrap'>“{escape(quote)}”</p>{details}"


class ReaderClaims(QObject):
    """Paints one pane's claims and turns hover and clicks on them into claim actions."""

    def __init__(
        self,
        session: ProjectSession,
        pane: ReaderPane,
        scheme: ColourScheme,
        context_actions: list[QAction] | None = None,
    ) -> None:
        super().__init__(pane)
        self.session = session
        self.pane = pane
        self.view = pane.view
        self.context_actions = list(context_actions or [])
        self.highlighter = self.view.highlighter
        self.highlighter.set_palette(scheme.palette)
        scheme.changed.connect(self.highlighter.set_palette)
        pane.article_shown.connect(self._load)
        session.changed.connect(self._on_changed)
        session.current_claim_changed.connect(self._on_current)
        self.view.viewport().installEventFilter(self)
        self._load(pane.article_id)

    # -- keeping the paint right ---------------------------------------------------
    def _load(self, article_id: int | None) -> None:
        if article_id is None:
            return
        spans = self.session.project.claims.spans(article_id)
        self.highlighter.current = self.session.current_claim
        self.highlighter.show_spans(self.view.text_map, spans)

    def _on_changed(self, changes: Changes) -> None:
        article_id = self.pane.article_id
        if article_id is None:
            return
        if changes.everything or changes.codebook or len(changes.claims) > RELOAD_ABOVE:
            self._load(article_id)
            return
        claims = self.session.project.claims
        for claim_id in changes.claims:
            try:
                claim = claims.get(claim_id)
            except NotFound:
                self.highlighter.update_span(claim_id, None)
                continue
            span = span_of(claim) if claim.article_id == article_id else None
            self.highlighter.update_span(claim_id, span)

    def _on_current(self, claim_id: object) -> None:
        self.highlighter.set_current(claim_id if isinstance(claim_id, int) else None)

    # -- where claims are on screen -----------------------------------------------
    def claims_at(self, point: QPoint) -> list[int]:
        """Ids of the claims under a viewport point, innermost first."""
        cursor = self.view.cursorForPosition(point)
        position = cursor.position()
        # The cursor lands on the nearest boundary: the character under the
        # mouse is the one before it when the mouse is left of the caret.
        if point.x() < self.view.cursorRect(cursor).x() and position > 0:
            position -= 1
        return [item[0] for item in self.highlighter.index.at(position)]

    def is_visible(self, claim_id: int) -> bool:
        item = self.highlighter.index.item(claim_id)
        if item is None:
            return False
        cursor = self.view.textCursor()
        cursor.setPosition(item[1])
        return self.view.viewport().rect().intersects(self.view.cursorRect(cursor))

    def reveal(self, claim_id: int) -> None:
        """Scroll the claim into view unless it already is (clicking must not jump)."""
        span = self.highlighter.index.get(claim_id)
        if span is not None and not self.is_visible(claim_id):
            self.view.scroll_to(span[1])

    # -- events ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._tooltip(event)
        if (
            kind == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and not self.view.textCursor().hasSelection()
        ):
            hits = self.claims_at(event.position().toPoint())
            if hits:
                self.session.set_current_claim(hits[0])
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self._context_menu(event)
            return True
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        hits = self.claims_at(event.pos())
        if not hits:
            QToolTip.hideText()
            event.ignore()
            return True
        claims = self.session.project.claims
        parts = []
        for claim_id in hits[:TOOLTIP_MAX_CLAIMS]:
            try:
                parts.append(claim_tooltip(claims.get(claim_id)))
            except NotFound:
                continue
        QToolTip.showText(event.globalPos(), "<hr>".join(parts), self.view.viewport())
        return True

    def _context_menu(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, point: QPoint) -> QMenu:
        """Copy and friends, then the claim actions; right-click on a claim picks it first."""
        if not self.view.textCursor().hasSelection():
            hits = self.claims_at(point)
            if hits:
                self.session.set_current_claim(hits[0])
        menu = self.view.createStandardContextMenu(point)
        menu.addSeparator()
        for action in self.context_actions:
            menu.addAction(action)
        return menu
