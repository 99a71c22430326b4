"""File > Export…: pick a format and which claims, then write the file as a background job.

The export runs on the window's one JobRunner (ui/shell/job_runner.py): its
own thread and connection, the shared progress window with Cancel, a failure
shown once as "Export failed". Cancel is seen at the exporter's next progress
report; the file is only renamed into place when the export is whole
(export_to_path), so a cancelled export leaves nothing behind. The scope and
folder of the last export are offered again (export_choices.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.exchange.exporters import (
    FORMATS,
    ExportCancelled,
    ExportResult,
    Skipped,
    export_to_path,
)
from annotator.project import Project
from annotator.search.service import ClaimFilter
from ui.exchange import export_choices as choices
from ui.shell.job_runner import JobRunner, JobSpec, PanelJobs
from ui.shell.jobs import Report, Stopped, Work
from ui.shell.session import ProjectSession

STATUS_MESSAGE_MS = 6000
REPORT_WIDTH = 1100  # pixels: the report screenshot's page width
MAX_REPORT_HEIGHT = 20_000
SKIPPED_SHOWN = 12  # skipped claims listed in the message box; the rest counted
EXPORT_JOB = JobSpec(
    "Export", "Writing", "claims", busy="An export is already running; wait for it or cancel it."
)


def export_work(format_name: str, target: Path, filters: ClaimFilter, draft: bool = False) -> Work:
    """One export as a job's work: progress goes to the job, Cancel stops it at the next
    report by raising ExportCancelled (a Cancelled: the job ends as cancelled, no error)."""

    def work(project: Project, report: Report, stopped: Stopped) -> ExportResult:
        def progress(done: int, total: int) -> None:
            if stopped():
                raise ExportCancelled("export cancelled")
            report(done, total, "")

        if stopped():  # cancelled before it began: nothing read, nothing written
            raise ExportCancelled("export cancelled")
        return export_to_path(project, format_name, target, filters, progress, draft=draft)

    return work


class ExportDialog(QDialog):
    def __init__(
        self, session: ProjectSession, article_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        # The window's one way of running background work; the warning of a failed
        # export comes from it, over this dialog.
        self.runner = JobRunner(PanelJobs(session, self), self)
        self.written: int | None = None
        self.skipped: tuple[Skipped, ...] = ()
        self.setWindowTitle("Export claims")
        self.setMinimumWidth(520)

        self.format = QComboBox(self)
        self.format.setAccessibleName("Export format")
        for fmt in FORMATS.values():
            self.format.addItem(fmt.label, fmt.name)
        self.format.currentIndexChanged.connect(self._fix_extension)
        self.article = QComboBox(self)
        self.article.setAccessibleName("Which article")
        self.article.addItem("All articles", None)
        for summary in session.project.articles.list():
            self.article.addItem(summary.title, summary.id)
        if article_id is not None and not choices.all_articles_last_time():
            self.article.setCurrentIndex(max(0, self.article.findData(article_id)))
        self.speaker = self._combo(
            "Speaker", "Any speaker", [s.name for s in session.project.speakers.list()]
        )
        self.side = self._combo(
            "Side", "Any side", [e.name for e in session.project.codebook.entries("side")]
        )
        self.stance = self._combo(
            "Stance", "Any stance", [e.name for e in session.project.codebook.entries("stance")]
        )
        self.verdict = self._combo(
            "Verdict", "Any verdict", [e.name for e in session.project.codebook.entries("verdict")]
        )
        self.path = QLineEdit(self)
        self.path.setAccessibleName("Export to file")
        project_folder = session.project.path.parent if session.project.path else Path.home()
        self.stem = session.project.path.stem if session.project.path else "claims"
        folder = choices.last_folder(project_folder)
        self.path.setText(str(folder / choices.default_name(self.stem, self.format.currentData())))
        self.draft = QCheckBox("Draft: include reviews without a review URL or publisher", self)
        self.draft.setAccessibleName("ClaimReview draft")
        self.draft.setEnabled(False)
        browse = QPushButton("Browse…", self)
        browse.setAccessibleName("Choose the export file")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path)
        where.addWidget(browse)

        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Article", self.article)
        form.addRow("Speaker", self.speaker)
        form.addRow("Side", self.side)
        form.addRow("Stance", self.stance)
        form.addRow("Verdict", self.verdict)
        form.addRow("File", where)
        form.addRow("", self.draft)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _combo(self, label: str, any_label: str, names: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(f"Filter: {label.lower()}")
        combo.addItem(any_label, None)
        for name in names:
            combo.addItem(name, name)
        return combo

    def filters(self) -> ClaimFilter:
        return ClaimFilter(
            article_id=self.article.currentData(),
            speaker=self.speaker.currentData(),
            side=self.side.currentData(),
            stance=self.stance.currentData(),
            verdict=self.verdict.currentData(),
        )

    def _fix_extension(self) -> None:
        """The format's own default name if the name was a default, else the same name
        with the format's extension."""
        format_name = self.format.currentData()
        self.draft.setEnabled(format_name == "claimreview")
        text = self.path.text().strip()
        if text:
            path = Path(text)
            if choices.is_default_name(path.name, self.stem):
                path = path.with_name(choices.default_name(self.stem, format_name))
            else:
                path = path.with_suffix(FORMATS[format_name].extension)
            self.path.setText(str(path))

    def _browse(self) -> None:
        fmt = FORMATS[self.format.currentData()]
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.path.text(), f"{fmt.label} (*{fmt.extension});;All files (*)"
        )
        if name:
            self.path.setText(name)

    def start(self) -> None:
        if not self.path.text().strip():
            self.message.setText("Choose a file to export to.")
            return
        target = Path(self.path.text().strip()).expanduser()
        format_name = self.format.currentData()
        work = export_work(
            format_name,
            target,
            self.filters(),
            draft=format_name == "claimreview" and self.draft.isChecked(),
        )
        self.export_button.setEnabled(False)
        self.message.setText("Exporting…")
        self.runner.run(EXPORT_JOB, work, self._finish)

    def _finish(self, result: object, cancelled: bool, error: str) -> None:
        # A result is a whole file, also when Cancel came after its last progress report.
        if isinstance(result, ExportResult):
            self._on_done(result)
        elif error:  # the runner has shown it in "Export failed"
            self.export_button.setEnabled(True)
            self.message.setText(error)
        else:
            self.export_button.setEnabled(True)
            self.message.setText("Export cancelled; nothing was written.")

    def _on_done(self, result: ExportResult) -> None:
        choices.remember(result.file, all_articles=self.article.currentData() is None)
        self.written = result.written
        self.skipped = result.skipped
        left = f"; {len(result.skipped)} skipped" if result.skipped else ""
        self.message.setText(f"{result.written} claims written to {self.path.text()}{left}")
        if result.skipped:  # the dialog stays open on the list: nothing is dropped silently
            shown = [s.line() for s in result.skipped[:SKIPPED_SHOWN]]
            if len(result.skipped) > SKIPPED_SHOWN:
                shown.append(f"… and {len(result.skipped) - SKIPPED_SHOWN} more")
            self.message.setText("\n".join([self.message.text(), *shown]))
            self.cancel_button.setText("Close")
            return
        self.accept()

    def cancel(self) -> None:
        if self.runner.running:
            self.message.setText("Cancelling…")
            self.runner.cancel()
            return
        self.reject()

    def done(self, result: int) -> None:
        self.runner.shutdown()  # a running export stops: its thread must not outlive the dialog
        super().done(result)


def report_image(html: str, width: int = REPORT_WIDTH) -> QImage:
    """The HTML report laid out by QTextDocument (no browser engine) and painted to an image.

    Used for the README screenshot and by tests to look at the report; the
    document loads no resources, so nothing in the report can fetch anything.
    """
    document = QTextDocument()
    document.setDocumentMargin(16)
    document.setHtml(html)
    document.setTextWidth(width)
    size = document.size().toSize()
    image = QImage(size.width(), min(size.height(), MAX_REPORT_HEIGHT), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    return image
