"""The compare view: two sides, topic by topic, each cell the claims that side made.

Cells are small scrolling documents (QTextBrowser) rather than table cells,
so a topic with hundreds of claims scrolls inside its cell instead of
stretching the table, and each claim is a link that opens it in its article.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.claims.service import STATUSES
from annotator.compare.service import CompareClaim, CompareError, CompareFilter, CompareTable
from annotator.compare.tables import to_html, to_markdown
from annotator.models import Changes
from ui.shell.session import ProjectSession
from ui.widgets.flow import FlowLayout, group

MAX_CELL_HEIGHT = 240
MIN_CELL_HEIGHT = 44
TOPIC_WIDTH = 110
# Characters a filter or side combo shows before it elides (the list shows all).
COMBO_CHARS = 12
ANY_DATE = QDate(1900, 1, 1)
QUOTE_CHARS = 300
CELL_CSS = (
    "p{margin:0 0 8px 0} .who{color:#555} .verdict{font-weight:600} .src{color:#777}"
    " a{color:#1a1a1a; text-decoration:none} .empty{color:#999; font-style:italic}"
)


def claim_html(claim: CompareClaim) -> str:
    """One claim as a cell shows it: the words as a link, then who, stance, verdict, source."""
    words = claim.statement if claim.statement.strip() else claim.quote
    if len(words) > QUOTE_CHARS:
        words = words[: QUOTE_CHARS - 1] + "…"
    who = escape(claim.speaker or "speaker unknown")
    bits = [f"<span class='who'>{who}</span>"]
    if claim.stance:
        bits.append(escape(claim.stance))
    bits.append(
        f"<span class='verdict'>{escape(claim.verdict)}</span>"
        if claim.verdict
        else escape(claim.status)
    )
    source = escape(claim.article_title) + (
        f", {escape(claim.published[:10])}" if claim.published else ""
    )
    return (
        f"<p><a href='claim:{claim.article_id}:{claim.id}'>“{escape(words)}”</a><br>"
        f"{' · '.join(bits)}<br><span class='src'>{source}</span></p>"
    )


class CellView(QTextBrowser):
    """The claims of one side on one topic; a click opens the claim in its article."""

    def __init__(self, session: ProjectSession, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_ids: list[int] = []
        self.setOpenLinks(False)
        self.setAccessibleName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDefaultStyleSheet(CELL_CSS)
        self.anchorClicked.connect(self._open)

    def set_claims(self, claims: tuple[CompareClaim, ...]) -> None:
        self.claim_ids = [c.id for c in claims]
        if claims:
            self.setHtml("".join(claim_html(c) for c in claims))
        else:
            self.setHtml("<p class='empty'>No claims</p>")

    def fit(self, width: int) -> int:
        """The height that shows the cell whole at this width, or MAX_CELL_HEIGHT (then it scrolls)."""
        document = self.document().clone()
        document.setTextWidth(max(width - 2 * self.frameWidth() - 4, 80))
        wanted = int(document.size().height()) + 2 * self.frameWidth() + 4
        return max(MIN_CELL_HEIGHT, min(wanted, MAX_CELL_HEIGHT))

    def _open(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "claim":
            self.session.request_article(int(parts[1]), int(parts[2]))


class CompareView(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Compare sides")
        self.table: CompareTable | None = None
        self.cells: dict[tuple[str, int], CellView] = {}
        self._dirty = True
        self._choices_dirty = False

        self.side_a = self._combo("First side")
        self.side_b = self._combo("Second side")
        swap = QToolButton(self)
        swap.setText("⇄")
        swap.setToolTip("Swap the two sides")
        swap.setAccessibleName("Swap sides")
        swap.clicked.connect(self._swap)
        self.article = self._combo("Only claims in article")
        self.speaker = self._combo("Only claims by speaker")
        self.status = self._combo("Only claims with status")
        self.date_from = self._date("Articles published from")
        self.date_to = self._date("Articles published until")
        self.export = QToolButton(self)
        self.export.setText("Export ▾")
        self.export.setAccessibleName("Export comparison")
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export)
        menu.addAction("Markdown table…", lambda: self.export_to("md"))
        menu.addAction("HTML page…", lambda: self.export_to("html"))
        self.export.setMenu(menu)

        # Two rows, so the view fits the bottom panel between the library and the
        # inspector at 1280x800 (one row asked 1311 px and hid Export): the sides and
        # Export on top, the filters below, wrapping again when narrower still.
        sides = QHBoxLayout()
        for part in (self.side_a, QLabel("against"), self.side_b, swap):
            sides.addWidget(part)
        sides.addStretch(1)
        sides.addWidget(self.export)
        self.filter_row = FlowLayout()
        filters: tuple[tuple[str, QWidget], ...] = (
            ("Article", self.article), ("Speaker", self.speaker), ("Status", self.status),
            ("From", self.date_from), ("to", self.date_to))  # fmt: skip
        for label, field in filters:
            self.filter_row.addWidget(group(QLabel(label), field, parent=self))

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Comparison summary")
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid_host)
        self.scroll_area.setAccessibleName("Comparison by topic")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(sides)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll_area, 1)

        for combo in (self.side_a, self.side_b, self.article, self.speaker, self.status):
            combo.activated.connect(lambda _i: self.reload())
        for date in (self.date_from, self.date_to):
            date.dateChanged.connect(lambda _d: self.reload())
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self._on_project_replaced)
        self._fill_choices()

    def _combo(self, name: str) -> QComboBox:
        """A combo as wide as a short name, eliding a longer one (an article's title);
        its list opens as wide as the longest choice."""
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARS)
        combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        return combo

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText("any")  # shown at the minimum date: no limit
        edit.setDate(ANY_DATE)
        return edit

    # -- choices ----------------------------------------------------------------
    def _fill_choices(self) -> None:
        project = self.session.project
        sides = [e.name for e in project.codebook.entries("side")]
        default = project.compare.default_sides() or ("", "")
        for combo, fallback in ((self.side_a, default[0]), (self.side_b, default[1])):
            current = combo.currentText() or fallback
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(sides)
            combo.setCurrentIndex(max(0, sides.index(current)) if current in sides else 0)
            combo.blockSignals(False)
        self._refill(
            self.article, "All articles", [(a.title, a.id) for a in project.articles.list()]
        )
        self._refill(
            self.speaker, "Any speaker", [(s.name, s.name) for s in project.speakers.list()]
        )
        self._refill(self.status, "Any status", [(s, s) for s in STATUSES])

    @staticmethod
    def _refill(combo: QComboBox, any_text: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)  # titles whole

    def _swap(self) -> None:
        a, b = self.side_a.currentIndex(), self.side_b.currentIndex()
        self.side_a.setCurrentIndex(b)
        self.side_b.setCurrentIndex(a)
        self.reload()

    def set_sides(self, first: str, second: str) -> None:
        self.side_a.setCurrentText(first)
        self.side_b.setCurrentText(second)
        self.reload()

    def filters(self) -> CompareFilter:
        article = self.article.currentData()
        low, high = self.date_from.date(), self.date_to.date()
        return CompareFilter(
            article_ids=frozenset({article}) if isinstance(article, int) else None,
            speaker=self.speaker.currentData(),
            status=self.status.currentData(),
            date_from=None if low == ANY_DATE else low.toString("yyyy-MM-dd"),
            date_to=None if high == ANY_DATE else high.toString("yyyy-MM-dd"),
        )

    # -- the table --------------------------------------------------------------------
    def reload(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        sides = (self.side_a.currentText(), self.side_b.currentText())
        try:
            self.table = self.session.project.compare.table(sides, self.filters())
        except CompareError as exc:
            self.table = None
            self.summary.setText(str(exc))
            self._build_grid()
            return
        self.summary.setText(
            f"{self.table.claim_count()} claims: what {sides[0]} and {sides[1]} say, topic by topic."
            " Click a claim to open it in its article."
        )
        self._build_grid()

    def _build_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not when the event loop gets to it
                widget.deleteLater()
        self.cells = {}
        if self.table is None:
            return
        for column, text in enumerate(("Topic", *self.table.sides)):
            header = QLabel(f"<b>{escape(text)}</b>", self.grid_host)
            self.grid.addWidget(header, 0, column)
        for row_index, row in enumerate(self.table.rows, start=1):
            label = QLabel(escape(row.topic), self.grid_host)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setFixedWidth(TOPIC_WIDTH)
            label.setWordWrap(True)
            if row.topic == "untagged":
                label.setStyleSheet("color:#777; font-style:italic")
            self.grid.addWidget(label, row_index, 0)
            for side_index, claims in enumerate(row.cells):
                cell = CellView(
                    self.session, f"{self.table.sides[side_index]} on {row.topic}", self.grid_host
                )
                cell.set_claims(claims)
                self.cells[(row.topic, side_index)] = cell
                self.grid.addWidget(cell, row_index, side_index + 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(len(self.table.rows) + 1, 1)
        self.refit()

    def refit(self) -> None:
        """Give each row the height its fuller cell needs at the width the cells have now."""
        if self.table is None:
            return
        width = max(120, (self.scroll_area.viewport().width() - TOPIC_WIDTH - 40) // 2)
        for row in self.table.rows:
            pair = [self.cells[(row.topic, i)] for i in range(2) if (row.topic, i) in self.cells]
            if not pair:
                continue
            height = max(cell.fit(width) for cell in pair)
            for cell in pair:
                cell.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def cell(self, topic: str, side_index: int) -> CellView:
        return self.cells[(topic, side_index)]

    # -- export --------------------------------------------------------------------------
    def export_to(self, fmt: str, path: str | None = None) -> bool:
        if self.table is None:
            return False
        suffix = "md" if fmt == "md" else "html"
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export comparison", f"compare.{suffix}", f"{suffix.upper()} (*.{suffix})"
            )
        if not path:
            return False
        text = to_markdown(self.table) if fmt == "md" else to_html(self.table)
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            self.session.report(f"Cannot write {path}: {exc.strerror or exc}")
            return False
        self.session.report(f"Comparison written to {path}")
        return True

    # -- following the project --------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if (
            changes.claims
            or changes.codebook
            or changes.speakers
            or changes.articles
            or changes.everything
        ):
            if not self.isVisible():
                # Hidden: refill the choices and the table when shown, not on every mark.
                self._choices_dirty = self._dirty = True
                return
            self._fill_choices()
            self.reload()

    def _on_project_replaced(self) -> None:
        self.side_a.clear()
        self.side_b.clear()
        self._fill_choices()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._choices_dirty:
            self._choices_dirty = False
            self._fill_choices()
        if self._dirty:
            self.reload()
