"""The figures view: every side's numbers on one subject, with what they measure.

"A fifth lower since 2008 (RPI, real)" and "almost 29% higher over three
years (cash)" sit in one table with their period, base year, measure and
basis in columns of their own, so it is plain they measure different things;
the arithmetic checks for the subject are listed under the table.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
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

from annotator.figures.arithmetic import Finding, check_claim, check_figures, same_subject
from annotator.models import Changes, Quantity
from ui.figures.check_dialog import CheckDialog
from ui.figures.editor import show_value
from ui.figures.parsing import ParsingBar
from ui.shell.session import ProjectSession
from ui.widgets.flow import FlowLayout, group
from ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
ALL_SUBJECTS = "(all subjects)"
COLUMNS = ("Side", "Speaker", "Figure", "Period", "Base year", "Measure", "Cash/real", "Checks",
           "Words", "Article")  # fmt: skip
# What the Checks column says for each kind of finding (the full sentence is its tooltip).
CHECK_LABELS = {"restoration": "restoration", "percent-points": "% or points?",
                "real-without-base": "real, no base", "incompatible": "cannot both hold",
                "different-basis": "other baseline"}  # fmt: skip
CURRENCY_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}
FINDINGS_HEIGHT = 130
# Characters of a subject shown before it elides (the list shows them whole).
SUBJECT_CHARS = 18
MAX_LISTED = 200  # checks listed under the table; each figure's own stay in its tooltip
# "a five-day strike", "48 hours": lengths of time, hidden unless asked for, so the
# pay and price figures are not crowded out.
DURATION_UNITS = frozenset({"hour", "day", "week", "month", "year", "decade"})


def _check_label(kind: str, q: Quantity) -> str:
    """A real-terms figure says which of base year and inflation measure it lacks."""
    if kind != "real-without-base":
        return CHECK_LABELS.get(kind, kind)
    missing = []
    if q.base_year is None and q.period is None:
        missing.append("base year")
    if q.measure is None:
        missing.append("inflation measure")
    return "real, no " + (" or ".join(missing) or "base")


def figure_text(q: Quantity) -> str:
    """'about −21 %', '+29 %', '£2.5bn': the figure as a checker would say it."""
    sign = {"rise": "+", "fall": "−"}.get(q.direction or "", "")
    value = show_value(q.value)
    if q.unit in CURRENCY_SIGNS:
        body = f"{sign}{CURRENCY_SIGNS[q.unit]}{value}"
    elif q.unit in ("%", None):
        body = f"{sign}{value}{'%' if q.unit else ''}"
    elif q.unit == "count":
        body = f"{sign}{value}"
    else:
        body = f"{sign}{value} {q.unit}"
    return f"{q.qualifier} {body}" if q.qualifier else body


class FiguresModel(ColumnsTableModel):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Quantity, dict[str, Any]]] = []
        self.findings: dict[int, list[Finding]] = {}
        self.colours: dict[str, str] = {}

    def set_rows(
        self,
        rows: list[tuple[Quantity, dict[str, Any]]],
        findings: dict[int, list[Finding]],
        colours: dict[str, str],
    ) -> None:
        self.beginResetModel()
        self.rows, self.findings, self.colours = rows, findings, colours
        self.endResetModel()

    def _checks(self, q: Quantity) -> str:
        found = self.findings.get(int(q.id or 0), [])
        ordered = sorted(found, key=lambda f: f.severity != "warning")
        labels = dict.fromkeys(
            ("⚠ " if f.severity == "warning" else "ℹ ") + _check_label(f.kind, q) for f in ordered
        )
        return ", ".join(labels)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q, info = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                info["side"] or "no side", info["speaker"] or "—", figure_text(q), q.period or "",
                "" if q.base_year is None else str(q.base_year), q.measure or "", q.basis or "",
                self._checks(q), q.words, info["article_title"] or "",
            )  # fmt: skip
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMNS.index("Checks"):
                return "\n\n".join(f.message for f in self.findings.get(int(q.id or 0), [])) or None
            return info["statement"] or info["quote"]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            colour = self.colours.get(info["side"] or "")
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column == COLUMNS.index("Checks"):
            warnings = any(f.severity == "warning" for f in self.findings.get(int(q.id or 0), []))
            return QColor("#b4451f") if warnings else QColor("#555555")
        return None


class FiguresView(QWidget):
    claim_edit_requested = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Figures by subject")
        self._dirty = True
        self._picked = False  # the user chose a subject: keep it while figures come in
        self._following = False  # a job is reading: the main subject may change
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
        self.parsing = ParsingBar(session, self)
        self.parsing.committed.connect(self.show_figures)
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
    def _fill_subjects(self, subjects: list[tuple[str, int]]) -> None:
        current = self.subject.currentText()
        names = [name for name, _ in subjects]
        # "(all subjects)" is kept only when the user could have picked another;
        # a view first filled before any figure existed picks the main subject.
        kept_all = current == ALL_SUBJECTS and self.subject.count() > 1
        # While a job reads new claims the main subject may change: follow it until picked.
        if (current not in names and not kept_all) or (self._following and not self._picked):
            # The subject with the most figures once "pay" joins "resident doctors' pay".
            group = {n: sum(c for m, c in subjects if same_subject(n, m)) for n in names}
            current = max(names, key=lambda n: (group[n], len(n))) if names else ALL_SUBJECTS
        self.subject.blockSignals(True)
        self.subject.clear()
        self.subject.addItems([*names, ALL_SUBJECTS])
        self.subject.setCurrentText(current)
        self.subject.blockSignals(False)

    def set_subject(self, subject: str) -> None:
        self._picked = True
        self.subject.setCurrentText(subject)
        self.reload()

    def reload(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        if self.parsing.start_if_needed():  # stale claims are parsed on a job, never here
            self._following = self.parsing.running
        self.show_figures()

    def _all_read(self) -> None:
        """The job stopped: the last fill still follows the main subject, then it stays."""
        self.reload()
        self._following = self.parsing.running  # another job (claims changed meanwhile)

    def show_figures(self) -> None:
        """Fill the table with the figures stored now (also while a job is still reading)."""
        with self.parsing.view_reading():
            self._show_figures()

    def _show_figures(self) -> None:
        project = self.session.project
        subjects = project.quantities.subjects()
        self._fill_subjects(subjects)
        chosen = self.subject.currentText()
        names = None  # read only the chosen subject's figures: a third of 10,000, say
        if chosen != ALL_SUBJECTS:
            names = [name for name, _ in subjects if same_subject(name, chosen)]
        rows = project.compare.figures(parse=False, subjects=names)
        if not self.durations.isChecked():
            rows = [(q, info) for q, info in rows if q.unit not in DURATION_UNITS]
        by_claim: dict[int, list[Quantity]] = defaultdict(list)
        for q, _ in rows:
            by_claim[int(q.claim_id or 0)].append(q)
        found = [f for qs in by_claim.values() for f in check_claim(qs)]
        found += check_figures([q for q, _ in rows])
        per_quantity: dict[int, list[Finding]] = defaultdict(list)
        for finding in found:
            for quantity_id in finding.quantity_ids:
                per_quantity[quantity_id].append(finding)
        colours = {e.name: e.colour for e in project.codebook.entries("side")}
        self.model.set_rows(rows, per_quantity, colours)
        self._show_findings(found, chosen, len(rows))

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

    def _on_changed(self, changes: Changes) -> None:
        if changes.claims or changes.codebook or changes.speakers or changes.everything:
            self.reload()

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
            self.reload()
