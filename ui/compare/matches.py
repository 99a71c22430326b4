"""Suggested matches: claims in other articles that state the same thing.

For the current claim the suggestions come at once; for every claim of the
project they are worked out as a background job on the window's one runner
(its own thread and connection), with the view's own progress bar and Cancel
rather than a progress window. Cancel keeps the matches found so far; asking
again while a search runs cancels it and starts the latest. The checker
confirms a pair (it becomes a `same` link, undoable) or dismisses it (hidden
for this session).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from annotator.project import Project
from ui.shell.job_runner import JobRunner, JobSpec, PanelJobs
from ui.shell.jobs import Report, Stopped
from ui.shell.session import ProjectSession
from ui.shell.undo import perform
from ui.widgets.flow import FlowLayout, group
from ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Score", "Claim", "Article", "Same as", "Article", "Why")
CURRENT, ALL = "current", "all"
QUOTE_CHARS = 110
MATCH_JOB = JobSpec("Find matches", "Comparing", "claims")


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


def suggest_all(project: Project, report: Report, stopped: Stopped) -> list[Suggestion]:
    """The job's work: every claim against the others, stopping between claims on Cancel
    (what was found by then is the result)."""

    def keep_going(done: int, total: int) -> bool:
        report(done, total, "")
        return not stopped()

    return project.matches.suggest_all(progress=keep_going)


class MatchSuggestions(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Match suggestions")
        self.dismissed: set[frozenset[int]] = set()
        self.suggestions: list[Suggestion] = []
        self._dirty = True
        self.runner = JobRunner(PanelJobs(session, self), self)
        self.runner.show_progress = False  # the bar and Cancel are the view's own
        self.runner.ended.connect(self._on_ended)
        self._again = False  # asked again while a search ran: the latest request wins
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
        # One row when there is room, two in the bottom panel at 1280x800 (it asked
        # 602 px of 518): what to match and Find, then Confirm and Dismiss at the right.
        top = FlowLayout()
        top.addWidget(group(QLabel("Suggest matches for"), self.mode, self.find_button,
                            self.progress, self.cancel_button, parent=self))  # fmt: skip
        answers = group(self.confirm_button, self.dismiss_button, parent=self)
        top.addWidget(answers)
        top.setAlignment(answers, Qt.AlignmentFlag.AlignRight)
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
        if self.runner.running:
            self._again = True
            self.cancel()
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText("Looking for matches among every claim…")
        self.runner.run(MATCH_JOB, suggest_all, self._on_finished)
        if self.runner.job is not None:  # None when it ran here (a project with no file)
            self.runner.job.progress.connect(self._on_progress)

    def _on_progress(self, done: int, total: int, _item: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_finished(self, result: object, cancelled: bool, error: str) -> None:
        if self._again:
            return  # overtaken: the search asked for since then starts when this one ends
        if self.mode.currentData() != ALL:
            return  # the checker went back to the current claim's matches meanwhile
        found: list[Suggestion] = list(result) if isinstance(result, list) else []
        self._show(found, "Cancelled: the matches found so far." if cancelled else error)

    def _on_ended(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        if self._again:
            self._again = False
            self.reload()

    def cancel(self) -> None:
        if self.runner.running:
            self.runner.cancel()
            self.cancel_button.setEnabled(False)

    def wait(self, milliseconds: int = 60_000) -> bool:
        job = self.runner.job
        return job.wait(milliseconds) if job is not None else True

    def busy(self) -> bool:
        return self.runner.running

    def shutdown(self) -> None:
        """Stop a running search and wait for it: its thread must not outlive the window."""
        self._again = False
        self.runner.shutdown()
        self.progress.hide()
        self.cancel_button.hide()

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
        # A search of the old file ends dropped (the runner sees another project); the
        # new project's is asked for now and starts once that one has ended.
        self.dismissed.clear()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()
