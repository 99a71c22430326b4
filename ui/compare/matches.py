"""Suggested matches: claims in other articles that state the same thing.

For the current claim the suggestions come at once; for every claim of the
project they are worked out on a worker thread with its own connection, a
progress bar and Cancel. The checker confirms a pair (it becomes a `same`
link, undoable) or dismisses it (hidden for this session).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.compare.matches import Suggestion
from annotator.errors import NotFound
from annotator.models import Changes, Claim
from annotator.project import Project, ProjectFileError
from ui.shell.session import ProjectSession
from ui.shell.undo import perform
from ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Score", "Claim", "Article", "Same as", "Article", "Why")
CURRENT, ALL = "current", "all"
QUOTE_CHARS = 110


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


class SuggestionsModel(ColumnsTableModel):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Suggestion, Claim, Claim, str, str]] = []

    def set_rows(self, rows: list[tuple[Suggestion, Claim, Claim, str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        suggestion, a, b, a_title, b_title = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (f"{suggestion.score:.0f}", _short(a.statement or a.quote), a_title,
                      _short(b.statement or b.quote), b_title, ", ".join(suggestion.reasons))  # fmt: skip
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"“{a.statement or a.quote}”\n\n“{b.statement or b.quote}”"
        return None


class MatchWorker(QObject):
    """suggest_all() on its own thread and connection; cancel stops between claims."""

    progress = Signal(int, int)
    finished = Signal(object, bool)  # list[Suggestion], cancelled

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            project = Project.open(self.path, create=False)
        except ProjectFileError:
            self.finished.emit([], False)
            return
        try:

            def keep_going(done: int, total: int) -> bool:
                self.progress.emit(done, total)
                return not self._cancel.is_set()

            found = project.matches.suggest_all(progress=keep_going)
        finally:
            project.close()
        self.finished.emit(found, self._cancel.is_set())


class MatchSuggestions(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Match suggestions")
        self.dismissed: set[frozenset[int]] = set()
        self.suggestions: list[Suggestion] = []
        self._dirty = True
        self._thread: QThread | None = None
        self._worker: MatchWorker | None = None
        self.mode = QComboBox(self)
        self.mode.setAccessibleName("Suggest matches for")
        self.mode.addItem("the current claim", CURRENT)
        self.mode.addItem("every claim", ALL)
        self.mode.activated.connect(lambda _i: self.reload())
        self.find_button = QPushButton("&Find matches", self)
        self.find_button.clicked.connect(self.reload)
        self.confirm_button = QPushButton("&Confirm same claim", self)
        self.confirm_button.setAccessibleName("Confirm the selected pair as the same claim")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.dismiss_button = QPushButton("D&ismiss", self)
        self.dismiss_button.setAccessibleName("Dismiss the selected suggestion")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Matching progress")
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel matching")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel(self)
        top = QHBoxLayout()
        for widget in (QLabel("Suggest matches for"), self.mode, self.find_button, self.progress,
                       self.cancel_button):  # fmt: skip
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.confirm_button)
        top.addWidget(self.dismiss_button)
        self.model = SuggestionsModel()
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any list
        self.table.setModel(self.model)
        self.table.setAccessibleName("Suggested matches")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        session.current_claim_changed.connect(self._on_current)
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self._on_project_replaced)

    # -- finding ---------------------------------------------------------------------
    def reload(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        if self.mode.currentData() == ALL:
            self._find_all()
            return
        claim_id = self.session.current_claim
        if claim_id is None:
            self._show([], "Pick a claim to see the claims in other articles that say the same.")
            return
        try:
            found = self.session.project.matches.suggest(claim_id)
        except NotFound:
            found = []
        self._show(found, "")

    def _find_all(self) -> None:
        path = self.session.project.path
        if path is None:  # an in-memory project has no file for a worker to open
            self._show(self.session.project.matches.suggest_all(), "")
            return
        if self._thread is not None:
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText("Looking for matches among every claim…")
        thread = QThread()
        worker = MatchWorker(path)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.finished.connect(self._on_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_finished(self, found: list[Suggestion], cancelled: bool) -> None:
        if self._thread is not None:
            self._thread.wait()
        self._thread, self._worker = None, None
        self.progress.hide()
        self.cancel_button.hide()
        self._show(found, "Cancelled: the matches found so far." if cancelled else "")

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)

    def wait(self, milliseconds: int = 60_000) -> bool:
        return self._thread.wait(milliseconds) if self._thread is not None else True

    def busy(self) -> bool:
        return self._thread is not None

    def _show(self, found: list[Suggestion], message: str) -> None:
        project = self.session.project
        rows = []
        for s in found:
            if frozenset((s.claim_id, s.other_id)) in self.dismissed:
                continue
            try:
                a, b = project.claims.get(s.claim_id), project.claims.get(s.other_id)
                titles = (
                    project.articles.get(a.article_id).title,
                    project.articles.get(b.article_id).title,
                )
            except NotFound:
                continue
            rows.append((s, a, b, *titles))
        self.suggestions = [r[0] for r in rows]
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self.status.setText(message or (f"{len(rows)} suggested matches; confirm the ones that state "
                                        "the same thing." if rows else "No matches suggested."))  # fmt: skip

    # -- acting ----------------------------------------------------------------------------
    def _selected(self) -> Suggestion | None:
        row = self.table.currentIndex().row()
        return self.suggestions[row] if 0 <= row < len(self.suggestions) else None

    def confirm_selected(self) -> None:
        s = self._selected()
        if s is None:
            self.session.report("Pick a suggested match first.")
            return
        perform(self.session, "confirm_match", {"claim_id": s.claim_id, "other_id": s.other_id})

    def dismiss_selected(self) -> None:
        s = self._selected()
        if s is None:
            return
        self.dismissed.add(frozenset((s.claim_id, s.other_id)))
        self._show([x for x in self.suggestions if x != s], "")

    def _open(self, index: QModelIndex) -> None:
        _, a, b, _, _ = self.model.rows[index.row()]
        claim = b if index.column() >= 3 else a
        self.session.request_article(claim.article_id, claim.id)

    # -- following the session -----------------------------------------------------------------
    def _on_current(self, _claim_id: object) -> None:
        if self.mode.currentData() == CURRENT:
            self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if (
            changes.claims or changes.evidence or changes.everything
        ) and self.mode.currentData() == CURRENT:
            self.reload()
        elif changes.evidence and self.mode.currentData() == ALL:
            linked = {
                frozenset((lk.from_claim, lk.to_claim)) for lk in self.session.project.links.list()
            }
            self._show(
                [s for s in self.suggestions if frozenset((s.claim_id, s.other_id)) not in linked],
                "",
            )

    def _on_project_replaced(self) -> None:
        self.cancel()
        self.wait()
        self.dismissed.clear()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()
