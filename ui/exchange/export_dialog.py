"""File > Export…: pick a format and which claims, then write the file on a worker thread.

The worker opens its own connection to the project file (SQLite connections
stay on their thread), reports progress to the bar and stops at the next
progress report when Cancel is pressed; the file is only renamed into place
when the export is whole, so a cancelled export leaves nothing behind. The
scope and folder of the last export are offered again (export_choices.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
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
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.exchange.exporters import (
    FORMATS,
    ExportCancelled,
    ExportResult,
    Skipped,
    export_to_path,
)
from annotator.project import Project, ProjectFileError
from annotator.search.service import ClaimFilter
from ui.exchange import export_choices as choices
from ui.shell.session import ProjectSession

STATUS_MESSAGE_MS = 6000
REPORT_WIDTH = 1100  # pixels: the report screenshot's page width
MAX_REPORT_HEIGHT = 20_000
SKIPPED_SHOWN = 12  # skipped claims listed in the message box; the rest counted


class ExportWorker(QThread):
    """One export on its own thread and its own connection."""

    progressed = Signal(int, int)
    succeeded = Signal(object)  # the ExportResult: written, and what was skipped and why
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        project_path: Path,
        format_name: str,
        target: Path,
        filters: ClaimFilter,
        parent: QObject | None = None,
        draft: bool = False,
    ) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.format_name = format_name
        self.target = target
        self.filters = filters
        self.draft = draft
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancel:
            raise ExportCancelled("export cancelled")
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            with Project.open(self.project_path, create=False) as project:
                result = export_to_path(
                    project,
                    self.format_name,
                    self.target,
                    self.filters,
                    self._progress,
                    draft=self.draft,
                )
        except ExportCancelled:
            self.cancelled.emit()
        except (AnnotatorError, ProjectFileError, OSError) as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)


class ExportDialog(QDialog):
    def __init__(
        self, session: ProjectSession, article_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.worker: ExportWorker | None = None
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

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.progress.setValue(0)
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
        layout.addWidget(self.progress)
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
        project_path = self.session.project.path
        target = Path(self.path.text().strip()).expanduser()
        if project_path is None or not self.path.text().strip():
            self.message.setText("Choose a file to export to.")
            return
        format_name = self.format.currentData()
        self.worker = ExportWorker(
            project_path,
            format_name,
            target,
            self.filters(),
            self,
            draft=format_name == "claimreview" and self.draft.isChecked(),
        )
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)
        self.export_button.setEnabled(False)
        self.message.setText("Exporting…")
        self.progress.setRange(0, 0)  # busy until the first report
        self.worker.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_done(self, result: ExportResult) -> None:
        choices.remember(result.file, all_articles=self.article.currentData() is None)
        self.written = result.written
        self.skipped = result.skipped
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
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

    def _on_failed(self, reason: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.export_button.setEnabled(True)
        self.message.setText(reason)
        QMessageBox.warning(self, "Export failed", reason)

    def _on_cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.export_button.setEnabled(True)
        self.message.setText("Export cancelled; nothing was written.")

    def cancel(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            return
        self.reject()

    def done(self, result: int) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()
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
