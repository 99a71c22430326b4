"""The datasets dock: browse an imported table (paged, sorted, filtered), pin
rows to the current claim as evidence, and chart a column.

The paged table model lives in ui/datasets/table.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.history.kinds_evidence import added, dataset_imported
from annotator.models import Attach, Changes, Dataset
from ui.datasets.chart import ChartWidget
from ui.datasets.table import DatasetTableModel
from ui.evidence.dialogs import EvidenceDialog, relation_dialog
from ui.shell.job_runner import JobRunner, JobSpec, PanelJobs
from ui.shell.jobs import Report, Stopped
from ui.shell.session import ProjectSession
from ui.shell.undo import record, refusal
from ui.widgets.flow import FlowLayout, group

if TYPE_CHECKING:
    from annotator.project import Project

MAX_CHART_POINTS = 2_000
SIZE_SAMPLE_ROWS = 100
CHART_MIN_WIDTH = 180
# Characters a dataset or column name shows before it elides (the list shows all).
NAME_CHARS = 8
FILTER_DELAY_MS = 250
IMPORT_JOB = JobSpec(
    "Import dataset",
    "Importing",
    "rows",
    counted=False,
    busy="A dataset import is already running; wait for it or cancel it.",
)
TABLE_FILTER = "Tables (*.csv *.tsv *.tab *.txt *.xlsx *.xlsm);;All files (*)"


class DatasetPanel(QWidget):
    """Dataset chooser, filter, the table, pin and chart; import and delete."""

    message = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # The window's one kind of background job: progress, Cancel, errors shown once.
        self.runner = JobRunner(PanelJobs(session, self), self)

        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName("Dataset")
        _eliding(self.chooser)
        self.import_button = QPushButton("Import…", self)
        self.import_button.setAccessibleName("Import a dataset")
        self.import_button.clicked.connect(self.import_dialog)
        self.runner.ended.connect(lambda: self.import_button.setEnabled(True))
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setAccessibleName("Delete this dataset")
        self.delete_button.clicked.connect(self.delete_current)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter rows (any cell contains)…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter rows")
        self.info = QLabel(self)
        self.info.setAccessibleName("Dataset details")
        self.info.setWordWrap(True)

        self.model = DatasetTableModel(session)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in any list
        self.table.setModel(self.model)
        self.table.setAccessibleName("Dataset rows")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        # Sizing columns to contents samples rows; keep that within the first page.
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)

        self.pin_button = QPushButton("Pin rows to claim…", self)
        self.pin_button.setAccessibleName("Pin the selected rows to the current claim")
        self.pin_button.clicked.connect(lambda: self.pin_selected())
        self.x_column = QComboBox(self)
        self.x_column.setAccessibleName("Chart labels column")
        self.y_column = QComboBox(self)
        self.y_column.setAccessibleName("Chart values column")
        for combo in (self.x_column, self.y_column):
            _eliding(combo)
        self.chart_kind = QComboBox(self)
        self.chart_kind.setAccessibleName("Chart kind")
        self.chart_kind.addItem("Line", "line")
        self.chart_kind.addItem("Bar", "bar")
        self.chart = ChartWidget(self)

        # Fits the bottom panel beside the library and the inspector at 1280x800
        # (it asked 754 px of 518): the chart's choices sit above the chart and wrap
        # there, long dataset and column names elide, the details wrap.
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.delete_button)
        pin = QHBoxLayout()
        pin.addWidget(self.pin_button)
        pin.addStretch(1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.filter_box)
        upper_layout.addWidget(self.table)
        upper_layout.addWidget(self.info)
        upper_layout.addLayout(pin)
        choices = FlowLayout()
        choices.addWidget(group(QLabel("Chart", self), self.y_column, parent=self))
        choices.addWidget(group(QLabel("by", self), self.x_column, self.chart_kind, parent=self))
        charting = QWidget(self)
        charting_layout = QVBoxLayout(charting)
        charting_layout.setContentsMargins(0, 0, 0, 0)
        charting_layout.addLayout(choices)
        charting_layout.addWidget(self.chart, 1)
        charting.setMinimumWidth(CHART_MIN_WIDTH)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(charting)
        self.splitter.setStretchFactor(0, 3)  # the rows first: their columns want room
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self.chooser.currentIndexChanged.connect(lambda _i: self._show_current())
        # A filter scans every cell: wait for a pause in typing, not every key.
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(lambda: self.model.set_filter(self.filter_box.text()))
        self.filter_box.textChanged.connect(lambda _t: self.filter_timer.start())
        self.model.modelReset.connect(self._update_info)
        for combo in (self.x_column, self.y_column, self.chart_kind):
            combo.currentIndexChanged.connect(lambda _i: self.draw_chart())
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self.reload)
        session.current_claim_changed.connect(lambda _c: self._update_info())
        self.reload()

    # -- which dataset -------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        keep = keep or self.current_name()
        names = [d.name for d in self.session.project.datasets.list()]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItems(names)
        if keep in names:
            self.chooser.setCurrentIndex(names.index(keep))
        self.chooser.blockSignals(False)
        self._show_current()

    def current_name(self) -> str | None:
        return self.chooser.currentText() or None

    def show_dataset(self, name: str, row: int | None = None) -> None:
        """Show a dataset, and with row (from 1) select and scroll to that row."""
        index = self.chooser.findText(name)
        if index < 0:
            self.message.emit(f"No dataset named {name!r} any more")
            return
        if index != self.chooser.currentIndex():
            self.chooser.setCurrentIndex(index)
        if row is not None:
            self.filter_box.clear()
            self.filter_timer.stop()
            self.model.set_filter("")
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.model.sort(-1)
            target = self.model.index(row - 1, 0)
            if target.isValid():
                self.table.selectRow(row - 1)
                self.table.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _show_current(self) -> None:
        name = self.current_name()
        dataset = None
        if name is not None:
            try:
                dataset = self.session.project.datasets.get(name)
            except AnnotatorError:
                dataset = None
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.blockSignals(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_dataset(dataset)
        self._fill_chart_columns(dataset)
        self.table.resizeColumnsToContents()
        self.delete_button.setEnabled(dataset is not None)

    def _update_info(self) -> None:
        dataset = self.model.dataset
        if dataset is None:
            self.info.setText("No dataset yet: import a CSV, TSV or Excel file.")
        else:
            shown = self.model.rowCount()
            rows = (
                f"{shown:,} of {dataset.rows:,} rows"
                if self.model.filter
                else f"{dataset.rows:,} rows"
            )
            how = ", ".join(p for p in (dataset.encoding, _delimiter_name(dataset.delimiter)) if p)
            self.info.setText(
                f"{rows} · {len(dataset.columns)} columns · from {dataset.source_name}"
                + (f" ({how})" if how else "")
            )
        self.pin_button.setEnabled(dataset is not None and self.session.current_claim is not None)

    def _on_changed(self, changes: Changes) -> None:
        if changes.datasets or changes.everything:
            self.reload()

    # -- chart ------------------------------------------------------------------------
    def _fill_chart_columns(self, dataset: Dataset | None) -> None:
        for combo in (self.x_column, self.y_column):
            combo.blockSignals(True)
            combo.clear()
        if dataset is not None:
            for column in dataset.columns:
                self.x_column.addItem(column.name)
                if column.numeric:
                    self.y_column.addItem(column.name)
            numeric = [c.name for c in dataset.columns if c.numeric]
            if len(numeric) > 1 and dataset.columns[0].name == numeric[0]:
                self.y_column.setCurrentIndex(
                    self.y_column.count() - 1
                )  # year first: chart the last figure
        for combo in (self.x_column, self.y_column):
            combo.blockSignals(False)
        self.draw_chart()

    def draw_chart(self) -> None:
        dataset = self.model.dataset
        y_name, x_name = self.y_column.currentText(), self.x_column.currentText()
        if dataset is None or not y_name or not x_name:
            self.chart.set_series("", [], [])
            return
        pairs = self.session.project.datasets.series(
            dataset.name, [x_name, y_name], MAX_CHART_POINTS
        )
        labels = ["" if x is None else str(x) for x, _ in pairs]
        values = [y if isinstance(y, int | float) else None for _, y in pairs]
        more = f" (first {MAX_CHART_POINTS:,} rows)" if dataset.rows > MAX_CHART_POINTS else ""
        self.chart.set_series(
            f"{dataset.name}: {y_name} by {x_name}{more}",
            labels,
            values,
            self.chart_kind.currentData(),
        )

    def set_chart(self, y: str, x: str, kind: str = "line") -> None:
        self.x_column.setCurrentText(x)
        self.y_column.setCurrentText(y)
        self.chart_kind.setCurrentIndex(self.chart_kind.findData(kind))
        self.draw_chart()

    # -- pinning ------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        numbers = [self.model.row_number(r) for r in sorted(rows)]
        return [n for n in numbers if n is not None]

    def pin_dialog(self, rows: list[int] | None = None) -> EvidenceDialog | None:
        dataset = self.model.dataset
        rows = rows if rows is not None else self.selected_rows()
        claim_id = self.session.current_claim
        if dataset is None or claim_id is None or not rows:
            self.message.emit("Select a claim, then the rows to pin to it.")
            return None
        label = ", ".join(str(r) for r in rows[:10]) + ("…" if len(rows) > 10 else "")
        dialog = relation_dialog(f"Pin {dataset.name} row {label} to claim {claim_id}", self)

        def submit(d: EvidenceDialog) -> str | None:
            attach = Attach(claim_id, d.chosen_relation(), d.note.text())
            evidence = self.session.project.evidence
            try:
                record(self.session, "add_evidence", lambda: added(
                    evidence.add_dataset_rows(dataset.name, rows, attach=attach), [claim_id]))  # fmt: skip
            except AnnotatorError as exc:
                return str(exc)
            return None

        dialog.submit = submit
        return dialog

    def pin_selected(self) -> None:
        dialog = self.pin_dialog()
        if dialog is not None:
            dialog.exec()

    # -- importing and deleting ------------------------------------------------------
    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a dataset", str(Path.home()), TABLE_FILTER
        )
        if not name:
            return
        path = Path(name)
        taken = {d.name for d in self.session.project.datasets.list()}
        suggestion, n = path.stem, 1
        while suggestion in taken:
            n += 1
            suggestion = f"{path.stem} ({n})"
        dataset_name, ok = QInputDialog.getText(self, "Name the dataset", "Name", text=suggestion)
        if ok and dataset_name.strip():
            self.import_file(path, dataset_name.strip())

    def import_file(self, path: Path, name: str) -> bool:
        """Import on a background job (its own connection, progress and Cancel); one
        transaction there, so Cancel or a bad row deep in the file leaves the project
        as it was. False when another dataset import is still running."""

        def work(project: Project, report: Report, stopped: Stopped) -> str:
            return project.datasets.import_file(
                path, name, progress=lambda done, total: report(done, total, path.name),
                cancel=stopped,
            ).name  # fmt: skip

        started = self.runner.run(IMPORT_JOB, work, self._imported)
        self.import_button.setEnabled(not self.runner.running)
        return started

    def _imported(self, result: object, cancelled: bool, error: str) -> None:
        if cancelled:
            self.message.emit("Dataset import cancelled; nothing was imported")
            return
        if error or not isinstance(result, str):
            return  # the runner has shown why
        record(self.session, "import_dataset", lambda: dataset_imported(result))
        self.reload(keep=result)
        self.message.emit(f"Imported dataset {result}")

    def delete_current(self) -> None:
        name = self.current_name()
        if name is None:
            return
        problem = refusal(self.session, "delete_dataset", {"name": name})
        if problem:
            self.message.emit(problem)


def _eliding(combo: QComboBox) -> None:
    """A combo as wide as a short name, eliding a longer one; its list shows them whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(NAME_CHARS)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def _delimiter_name(delimiter: str | None) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(delimiter or "", "")
