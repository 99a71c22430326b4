"""Check against data…: a claim's figure computed from a dataset, with the steps shown.

The checker picks the series (dataset, value column, year column), optionally a
price index for real terms and the years; the dialog calls the same
annotator.figures.checking.verify as `annotator verify`, so the window and the
command line always agree on the sum. Errors (a missing year, an empty cell)
are shown in the result pane, never raised.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.figures.checking import save_as_evidence, verify
from annotator.figures.verify import Verification
from annotator.history.kinds_evidence import added
from annotator.models import Quantity
from ui.shell.session import ProjectSession
from ui.shell.undo import record

NO_INDEX = "(none: cash terms)"
AUTO_YEAR = 0  # a year box at its minimum means "the claim's own year"
VERDICTS = {True: ("Agrees", "#2e7d32"), False: ("Disagrees", "#b4451f"),
            None: ("Cannot compare", "#777777")}  # fmt: skip


def _year_box(parent: QWidget, name: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(AUTO_YEAR, 2999)
    box.setSpecialValueText("from the claim")
    box.setAccessibleName(name)
    return box


class CheckDialog(QDialog):
    def __init__(
        self, session: ProjectSession, figure: Quantity, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.figure = session, figure
        project = self.project = session.project
        self.verification: Verification | None = None
        self.setWindowTitle("Check against data")
        self.setAccessibleName("Check a figure against data")
        figures = project.quantities.list(int(figure.claim_id or 0))
        self.figures = QComboBox(self)
        self.figures.setAccessibleName("Figure to check")
        for number, q in enumerate(figures, start=1):
            self.figures.addItem(
                f"{number}. “{q.words or q.value}” ({q.unit or 'no unit'})", number
            )
            if q.id == figure.id:
                self.figures.setCurrentIndex(number - 1)
        self.dataset = QComboBox(self)
        self.dataset.setAccessibleName("Dataset")
        self.column = QComboBox(self)
        self.column.setAccessibleName("Value column")
        self.by = QComboBox(self)
        self.by.setAccessibleName("Year column")
        self.index = QComboBox(self)
        self.index.setAccessibleName("Price index")
        self.start, self.end = _year_box(self, "First year"), _year_box(self, "Last year")
        self.datasets = {d.name: d for d in project.datasets.list()}
        self.dataset.addItems(list(self.datasets))
        self.index.addItem(NO_INDEX, None)
        for d in self.datasets.values():
            for c in d.columns:
                if c.numeric:
                    self.index.addItem(f"{d.name}: {c.name}", (d.name, c.name))
        self.dataset.currentTextChanged.connect(self._fill_columns)
        self._fill_columns(self.dataset.currentText())
        form = QFormLayout()
        form.addRow("&Figure", self.figures)
        form.addRow("&Dataset", self.dataset)
        form.addRow("&Value column", self.column)
        form.addRow("&Year column", self.by)
        form.addRow("Price &index", self.index)
        years = QHBoxLayout()
        years.addWidget(self.start)
        years.addWidget(QLabel("to"))
        years.addWidget(self.end)
        form.addRow("Years", years)
        self.check_button = QPushButton("&Check", self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.run_check)
        self.verdict = QLabel("", self)
        self.verdict.setAccessibleName("Verdict")
        self.output = QTextBrowser(self)
        self.output.setAccessibleName("Claimed, computed and the steps")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(
            "&Save as evidence", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setToolTip(
            "Pin the rows used to the claim: supports or refutes by the result"
        )
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.verdict)
        layout.addWidget(self.output, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)
        if not self.datasets:
            self.check_button.setEnabled(False)
            self.output.setPlainText("Import a dataset first (File > Import dataset…).")

    def _fill_columns(self, name: str) -> None:
        dataset = self.datasets.get(name)
        self.column.clear()
        self.by.clear()
        if dataset is None:
            return
        numeric = [c.name for c in dataset.columns if c.numeric]
        self.by.addItems(dataset.column_names())
        year = next((c for c in dataset.column_names() if c.lower() in ("year", "years")), None)
        if year is not None:
            self.by.setCurrentText(year)
        self.column.addItems([c for c in numeric if c != year] or dataset.column_names())

    def _year(self, box: QSpinBox) -> int | None:
        return None if box.value() == AUTO_YEAR else box.value()

    def run_check(self) -> None:
        try:
            self.verification = verify(
                self.project, int(self.figure.claim_id or 0), self.dataset.currentText(),
                self.column.currentText(), self.by.currentText(), self.index.currentData(),
                self._year(self.start), self._year(self.end), int(self.figures.currentData()),
            )  # fmt: skip
        except AnnotatorError as exc:
            self.verification = None
            self.save_button.setEnabled(False)
            self.verdict.setText("<b style='color:#b4451f'>Cannot check</b>")
            self.output.setPlainText(str(exc))
            return
        self._show(self.verification)
        self.save_button.setEnabled(True)

    def save(self) -> None:
        """One undoable step: the evidence item with its link to the claim."""
        if self.verification is None:
            return
        claim_id = int(self.figure.claim_id or 0)
        verification = self.verification
        dataset, column = self.dataset.currentText(), self.column.currentText()
        try:
            record(self.session, "add_evidence", lambda: added(
                save_as_evidence(self.project, claim_id, dataset, column, verification),
                [claim_id]))  # fmt: skip
        except AnnotatorError as exc:
            self.output.append(f"Not saved: {exc}")
            return
        self.save_button.setEnabled(False)
        self.session.report("The check was saved as evidence on the claim.")

    def _show(self, result: Verification) -> None:
        text, colour = VERDICTS[result.agrees]
        reason = f": {escape(result.reason)}" if result.reason else ""
        self.verdict.setText(f"<b style='color:{colour}'>{text}</b>{reason}")
        c, r = result.claimed, result.computed
        value = next((f"{r[k]:+.1f}{s}" for k, s in (("change_pct", "%"), ("change_points", " points"),
                      ("change", "")) if k in r), f"{r.get('value')}")  # fmt: skip
        span = f"{c['from']} to {c['to']}" if c["from"] else str(c["to"])
        steps = "".join(f"<li>{escape(s)}</li>" for s in result.steps)
        self.output.setHtml(
            f"<p><b>Claimed</b>: {escape(str(c['words'] or c['value']))} ({escape(span)}, "
            f"{c['basis']}{', ' + escape(str(c['qualifier'])) if c['qualifier'] else ''})<br>"
            f"<b>Computed</b>: {escape(value)} ({r['basis']}, rows "
            f"{', '.join(str(p['row']) for p in r.get('rows', []))})</p><ol>{steps}</ol>"
        )
