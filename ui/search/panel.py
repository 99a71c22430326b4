"""The search dock: type, see claims, articles and evidence that match, open one in place.

A search runs a short moment after the last key press, on a thread of its own
(ui/search/worker.py), the latest query winning, so the window answers while
a common word is ranked over 100,000 claims. Snippets are drawn with their
matches in bold, as plain text laid out (ui/search/rows.py): nothing in a
claim or an article is read as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.models import Changes
from annotator.search.service import DEFAULT_LIMIT, KINDS, ClaimFilter, SearchHit, SearchResult
from ui.search.rows import HIT_ROLE, KIND_LABELS, HitDelegate, SearchModel
from ui.search.worker import SearchClient
from ui.shell.session import ProjectSession

if TYPE_CHECKING:
    from ui.shell.host import Host

DEBOUNCE_MS = 180
PAGE_SIZE = (
    DEFAULT_LIMIT  # hits of each kind fetched at a time; "More results" fetches the next page
)


class SearchPanel(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.box = QLineEdit(self)
        self.box.setPlaceholderText("Search claims, articles, notes, evidence…")
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName("Search")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Search in")
        self.kind.addItem("Everything", None)
        for kind in KINDS:
            self.kind.addItem(f"{KIND_LABELS[kind]}s", kind)
        self.side = self._vocab_combo("Side")
        self.verdict = self._vocab_combo("Verdict")
        self.status = QLabel(self)
        self.status.setAccessibleName("Search result count")
        self.model = SearchModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self.open_hit)
        self.results.doubleClicked.connect(self.open_hit)
        self.more = QPushButton("More results", self)
        self.more.setAccessibleName("More search results")
        self.more.setToolTip(f"Show the next {PAGE_SIZE} hits of each kind")
        self.more.clicked.connect(self.next_page)
        self.more.hide()
        self._offset = 0
        self._totals: dict[str, int] = {}
        self.client = SearchClient(session.project, self)
        self.client.result.connect(self._show_result)
        self.client.failed.connect(self._show_failure)
        # What the result on its way is for: a fresh list, or the next page of it.
        self._appending = False
        self._open_first = False

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.side, self.verdict):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.box)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results)
        layout.addWidget(self.more)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.box.returnPressed.connect(self._enter)
        for combo in (self.kind, self.side, self.verdict):
            combo.currentIndexChanged.connect(lambda _i: self.run())
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self._on_replaced)
        self._fill_vocab()

    def _vocab_combo(self, label: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(f"Search filter: {label.lower()}")
        combo.setToolTip(f"Only claims with this {label.lower()}")
        return combo

    def _fill_vocab(self) -> None:
        for combo, kind, label in (
            (self.side, "side", "Any side"),
            (self.verdict, "verdict", "Any verdict"),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, None)
            for entry in self.session.project.codebook.entries(kind):
                combo.addItem(entry.name, entry.name)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def filters(self) -> ClaimFilter:
        return ClaimFilter(side=self.side.currentData(), verdict=self.verdict.currentData())

    @property
    def pending(self) -> bool:
        """Whether a search is under way (its hits not shown yet)."""
        return self.client.pending

    def run(self) -> None:
        """Search afresh: the first page of each kind, and how many there are in all."""
        self.timer.stop()
        query = self.box.text()
        self._offset = 0
        if not query.strip():
            self.client.forget()
            self.model.set_hits([])
            self._show_counts(None)
            return
        self._appending = False
        self._search(0)

    def next_page(self) -> None:
        """Append the next page of hits of each kind to the list."""
        if not self.box.text().strip():
            return
        self._appending = True
        self._search(self._offset + PAGE_SIZE)

    def _search(self, offset: int) -> None:
        kind = self.kind.currentData()
        kinds = (kind,) if kind else KINDS
        self.client.search((self.box.text(), self.filters(), kinds, PAGE_SIZE, offset))

    def _show_result(self, result: SearchResult) -> None:
        if self._appending:
            self._offset = result.offset
            self.model.append_hits(list(result.hits))
            self._show_counts(result)
            return
        self.model.set_hits(list(result.hits))
        self._show_counts(result)
        if result.hits:
            self.results.setCurrentIndex(self.model.index(0))
        if self._open_first:
            self._open_first = False
            if self.model.hits:
                self.open_hit(self.model.index(0))

    def _show_failure(self, reason: str) -> None:
        self._open_first = False
        self.status.setText(reason)
        self.more.hide()

    def _show_counts(self, result: SearchResult | None) -> None:
        if result is None:
            self.status.setText("")
            self.more.hide()
            return
        if not result.total:
            self.status.setText("Nothing found")
        else:
            counts = ", ".join(
                f"{total:,} {KIND_LABELS[kind].lower()}{'' if total == 1 else 's'}"
                for kind, total in result.totals.items()
                if total
            )
            self.status.setText(f"Showing {len(self.model.hits):,} of {result.total:,}: {counts}")
        self.more.setVisible(result.truncated)

    def _enter(self) -> None:
        """Enter: search now and open the best hit when it arrives."""
        self._open_first = bool(self.box.text().strip())
        self.run()

    def open_hit(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit) and hit.article_id is not None:
            self.session.request_article(hit.article_id, hit.claim_id)

    def _on_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.everything:
            self._fill_vocab()
        if self.box.text().strip():
            self.timer.start()

    def _on_replaced(self) -> None:
        self.client.replace(self.session.project)
        self._fill_vocab()
        self.model.set_hits([])
        self._show_counts(None)
        if self.box.text().strip():
            self.run()


class SearchWiring(QObject):
    """The Search dock and Ctrl+F in a main window."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.panel = SearchPanel(host.session, host.window)
        # Tabbed behind the library (the first dock on the left).
        self.dock = host.add_dock("search", "Search", self.panel, "left")
        host.add_action("view/focus", "search", "&Search…", self.focus, "Ctrl+F")

    def focus(self) -> None:
        self.host.show_dock("search")
        self.panel.box.setFocus()
        self.panel.box.selectAll()
