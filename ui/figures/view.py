"""The figures view: every side's numbers on one subject, with what they measure.

"A fifth lower since 2008 (RPI, real)" and "almost 29% higher over three
years (cash)" sit in one table with their period, base year, measure and
basis in columns of their own, so it is plain they measure different things;
the arithmetic checks for the subject are listed under the table.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.models import Changes, Quantity
from ui.figures.model import COLUMNS, FiguresModel, figure_text
from ui.figures.parsing import ParsingBar
from ui.figures.reading import (
    ALL_SUBJECTS,
    DURATION_UNITS,
    Asked,
    Figures,
    pick_subject,
    read_figures,
)
from ui.shell.session import ProjectSession
from ui.widgets.flow import FlowLayout, group

if TYPE_CHECKING:  # the checks' module is imported where they run, not to open
    from annotator.figures.arithmetic import Finding

__all__ = ["ALL_SUBJECTS", "COLUMNS", "DURATION_UNITS", "FiguresModel", "FiguresView",
           "figure_text"]  # fmt: skip
FINDINGS_HEIGHT = 130
# Characters of a subject shown before it elides (the list shows them whole).
SUBJECT_CHARS = 18
MAX_LISTED = 200  # checks listed under the table; each figure's own stay in its tooltip


class FiguresView(QWidget):
    claim_edit_requested = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Figures by subject")
        self._dirty = True
        self._picked = False  # the user chose a subject: keep it while figures come in
        self._following = False  # a job is reading: the main subject may change
        self._shown: Figures | None = None  # the read the table shows (or is filling in)
        self._shows = 0  # reads shown so far
        self._look_at = -1  # reads shown when a look was asked to read too
        self._look_asked = Asked()  # the view's state once that look was asked
        self.subject = QComboBox(self)
        self.subject.setAccessibleName("Subject of the figures")
        self.subject.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.subject.setMinimumContentsLength(SUBJECT_CHARS)
        self.subject.activated.connect(lambda _i: self.set_subject(self.subject.currentText()))
        self.edit_button = QPushButton("&Edit figures of claim…", self)
        self.edit_button.setAccessibleName("Edit the figures of the selected claim")
        self.edit_button.clicked.connect(self.edit_selected)
        # One row when there is room, two in the bottom panel at 1280x800 (it asked
        # 726 px of 518): the subject and durations, then the buttons at the right.
        top = FlowLayout()
        self.durations = QCheckBox("Show &durations", self)
        self.durations.setToolTip("Lengths of time (a five-day strike, 48 hours) are hidden")
        self.durations.toggled.connect(lambda _on: self.reload())
        self.check_button = QPushButton("&Check against data…", self)
        self.check_button.setAccessibleName("Check the selected figure against a dataset")
        self.check_button.clicked.connect(self.check_selected)
        top.addWidget(group(QLabel("Subject"), self.subject, self.durations, parent=self))
        buttons = group(self.check_button, self.edit_button, parent=self)
        top.addWidget(buttons)
        top.setAlignment(buttons, Qt.AlignmentFlag.AlignRight)
        self.model = FiguresModel()
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any list
        self.table.setModel(self.model)
        self.table.setAccessibleName("Figures")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fitted to the rows on screen, not the first 1,000: measuring every cell of
        # thousands of figures at each refresh held the window for a second.
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.parsing = ParsingBar(session, self, asking=self._asked)
        self.parsing.started.connect(self._reading_started)
        self.parsing.looked.connect(self._looked)
        self.parsing.committed.connect(self._show_latest)
        self.model.filled.connect(self.parsing.release_soon)
        self.parsing.ended.connect(self._all_read)
        self.findings = QTextBrowser(self)
        self.findings.setAccessibleName("Arithmetic checks on this subject")
        self.findings.setMaximumHeight(FINDINGS_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.parsing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.findings)
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self._on_project_replaced)

    # -- data ----------------------------------------------------------------------
    def _asked(self) -> Asked:
        return Asked(self.subject.currentText(), self.subject.count(), self._following,
                     self._picked, self.durations.isChecked())  # fmt: skip

    def _fill_subjects(self, subjects: list[tuple[str, int]], current: str) -> None:
        names = [*(name for name, _ in subjects), ALL_SUBJECTS]
        box = self.subject
        if box.currentText() == current and [box.itemText(i) for i in range(box.count())] == names:
            return  # as it is (each read while a job runs names the same few subjects)
        self.subject.blockSignals(True)
        self.subject.clear()
        self.subject.addItems(names)
        self.subject.setCurrentText(current)
        self.subject.blockSignals(False)

    def set_subject(self, subject: str) -> None:
        self._picked = True
        self.subject.setCurrentText(subject)
        self.reload()

    def reload(self, looking: bool = False) -> None:
        """Show the figures stored now. `looking` (the view coming into sight): the job
        looking for stale claims reads them too, so opening the view reads none here."""
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        if self.parsing.ask(self._asked()):
            return  # the job reads the figures after its next batch: never here meanwhile
        asked = self._asked()
        if self._look_at == self._shows and self.parsing.looking and asked == self._look_asked:
            # Shown a moment ago: the look under way reads just this. It looks (and
            # reads) again once done, since claims may have changed since it began.
            self.parsing.start_if_needed(asked)
            return
        # Stale claims are looked for and parsed on jobs.
        self.parsing.start_if_needed(asked if looking else None)
        if looking and self.parsing.looking:  # (with no file there is no look: read here)
            subjects = self.session.project.quantities.subjects()  # the box at once: cheap
            self._fill_subjects(subjects, pick_subject(subjects, asked))
            self._look_at, self._look_asked = self._shows, self._asked()
            return
        self.show_figures()

    def _looked(self, figures: Figures) -> None:
        if self._look_at == self._shows:  # nothing shown since the look was asked
            self._show(figures, gradually=True)

    def _reading_started(self) -> None:
        """Stale claims are being read: follow the main subject until one is picked."""
        self._following = True

    def _all_read(self) -> None:
        """The job stopped: the last fill still follows the main subject, then it stays.
        Its read after the last batch is the view's unless it was asked more since."""
        final = self.parsing.final()
        if final is None:
            self.reload()
        elif final is not self._shown:
            self._show(final, gradually=True)
        self._following = self.parsing.reading  # another job (claims changed meanwhile)

    def _on_changed(self, changes: Changes) -> None:
        if changes.claims or changes.codebook or changes.speakers or changes.everything:
            self._look_at = -1  # a look under way read too soon
            self.reload()  # while a job runs: its next read, and the view's own after it

    def show_figures(self) -> None:
        """Fill the table with the figures stored now (also while a job is still reading)."""
        with self.parsing.view_reading():
            figures = read_figures(self.session.project, self._asked())
        self._show(figures, gradually=False)

    def _show_latest(self) -> None:
        """The job read newer figures: put them in a slice at a time."""
        latest = self.parsing.latest
        if latest is not None and latest is not self._shown:
            self._show(latest, gradually=True)

    def _show(self, figures: Figures, gradually: bool) -> None:
        self._shown = figures
        self._shows += 1
        self._fill_subjects(figures.subjects, figures.chosen)
        if not gradually:
            self.model.set_rows(figures.rows, figures.per_quantity, figures.colours)
            self._show_findings_of(figures)
            return
        self.parsing.hold()  # released once the rows are in and painted
        self.model.fill(figures.rows, figures.per_quantity, figures.colours)
        # The list of checks on a turn of its own: laying it out takes a few ms.
        QTimer.singleShot(0, self, lambda: self._show_findings_of(figures))

    def _show_findings_of(self, figures: Figures) -> None:
        if figures is self._shown:  # else overtaken by a newer read
            self._show_findings(figures.found, figures.chosen, len(figures.rows))

    @property
    def filling(self) -> bool:
        """Figures still to come in: a job reading or rows still being put in."""
        return self.parsing.running or self.model.filling

    def _show_findings(self, found: list[Finding], subject: str, count: int) -> None:
        if not count:
            self.findings.setHtml("<p style='color:#777'>No figures on this subject yet: mark claims "
                                  "that give numbers and their figures appear here.</p>")  # fmt: skip
            return
        ordered = sorted(dict.fromkeys(found), key=lambda f: (f.severity != "warning", f.kind))
        items = "".join(
            f"<li>{'⚠' if f.severity == 'warning' else 'ℹ'} {escape(f.message)}</li>"
            for f in ordered[:MAX_LISTED]
        )
        if len(ordered) > MAX_LISTED:  # laying out thousands of lines froze the window
            items += f"<li>… and {len(ordered) - MAX_LISTED:,} more (see the Checks column)</li>"
        self.findings.setHtml(
            f"<p><b>{count} figures on {escape(subject)}</b>"
            + (
                f" — {len(ordered)} checks:</p><ul>{items}</ul>"
                if ordered
                else ": no arithmetic checks.</p>"
            )
        )

    def finding_messages(self) -> list[str]:
        return [f.message for fs in self.model.findings.values() for f in fs]

    # -- actions -----------------------------------------------------------------------
    def _selected_claim(self) -> int | None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows):
            return None
        return int(self.model.rows[row][0].claim_id or 0)

    def selected_figure(self) -> Quantity | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row][0] if 0 <= row < len(self.model.rows) else None

    def check_selected(self) -> None:
        figure = self.selected_figure()
        if figure is None:
            self.session.report("Pick a figure first, then check it against a dataset.")
            return
        # Imported when first asked for: with the undo stack it brings, a third of the
        # time the window took to open the figures view for the first time.
        from ui.figures.check_dialog import CheckDialog

        dialog = CheckDialog(self.session, figure, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, so the figures stay readable behind it

    def _open(self, index: QModelIndex) -> None:
        q, info = self.model.rows[index.row()]
        self.session.request_article(int(info["article_id"]), int(q.claim_id or 0))

    def edit_selected(self) -> None:
        claim_id = self._selected_claim() or self.session.current_claim
        if claim_id is None:
            self.session.report("Pick a figure (or a claim) first, then edit its figures.")
            return
        self.claim_edit_requested.emit(claim_id)

    def _on_project_replaced(self) -> None:
        self.parsing.reset()
        self._picked = False
        self.subject.clear()
        self.reload()

    def shutdown(self) -> None:
        self.parsing.shutdown()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload(looking=True)
