"""Getting articles in: File > Import, Import folder, Paste as new article, drag
and drop, and Article details. The main window only creates this and forwards
drop events; everything else about importing lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from annotator.errors import ImportFailure
from annotator.history.kinds_library import import_label
from annotator.models import Changes, ImportOutcome
from annotator.project import Project
from ui.exchange.import_summary import ImportSummaryDialog, headline
from ui.library.details import edit_article_details
from ui.shell.job_progress import JobProgressDialog
from ui.shell.job_runner import JobRunner, JobSpec
from ui.shell.jobs import ProjectJob, Report, Stopped
from ui.shell.undo import record

if TYPE_CHECKING:
    from ui.shell.host import Host

IMPORT_JOB = JobSpec(
    "Import articles",
    "Reading",
    "files",
    busy="An import is already running; wait for it or cancel it.",
)
ARTICLE_FILTER = (
    "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.pdf *.docx);;All files (*)"
)


class ImportActions(QObject):
    """Owns the import menu actions, the running import job and its dialogs."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        self.session = host.session
        self.runner = JobRunner(host, self)
        self.summary: ImportSummaryDialog | None = None
        self._install_actions()
        host.accept_drops(self.accepts_drop, self.drop)
        host.on_close(self.shutdown)

    # -- menus -------------------------------------------------------------
    def _install_actions(self) -> None:
        a = self.host.add_action
        a("file/import", "import_files", "&Import files…", self.import_files_dialog, "Ctrl+I")
        a(
            "file/import",
            "import_folder",
            "Import &folder…",
            self.import_folder_dialog,
            "Ctrl+Shift+I",
        )
        a(
            "file/import",
            "paste_article",
            "&Paste as new article…",
            self.paste_article,
            "Ctrl+Shift+V",
        )
        details = a(
            "edit/article", "article_details", "Article &details…", self.edit_details, "Alt+Return"
        )
        self.host.add_library_action(details)

    # -- importing files -----------------------------------------------------
    def import_files_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import articles", str(Path.home()), ARTICLE_FILTER
        )
        if names:
            self.start([Path(name) for name in names])

    def import_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self.window, "Import a folder of articles", str(Path.home())
        )
        if name:
            self.start([Path(name)])

    @property
    def job(self) -> ProjectJob | None:
        return self.runner.job

    @property
    def progress(self) -> JobProgressDialog | None:
        return self.runner.progress

    def start(self, paths: list[Path]) -> bool:
        """Import paths on a job of their own; False when another import is still running."""
        chosen = list(paths)

        def work(project: Project, report: Report, stopped: Stopped) -> list[ImportOutcome]:
            return project.articles.import_paths(chosen, progress=report, stop=stopped)

        return self.runner.run(IMPORT_JOB, work, self._finish)

    def cancel(self) -> None:
        self.runner.cancel()

    def shutdown(self) -> None:
        """Stop a running import before the window goes (the thread must not outlive it)."""
        self.runner.shutdown()

    def _finish(self, result: object, cancelled: bool, error: str) -> None:
        outcomes: list[ImportOutcome] = list(result) if isinstance(result, list) else []
        if error and not outcomes:
            return  # the runner showed why; an empty summary would only repeat it
        changes = Changes.of_imports(outcomes)
        # Recording the step tells the views; a batch with nothing new to undo
        # (duplicates, revisions only) is told here.
        if not self._record(outcomes, changes) and (changes.articles or changes.claims):
            self.session.notify(changes)
        self.host.status(headline(outcomes, cancelled), 8000)
        self.show_summary(outcomes, cancelled)

    def _record(self, outcomes: list[ImportOutcome], changes: Changes) -> bool:
        """The batch's new articles as one undoable step ("Import of 12 articles").

        A new revision stays out of it: deleting it would take the claims that
        moved to it from the version before. True when a step was recorded.
        """
        articles = self.session.project.articles
        new = [
            o.article_id
            for o in outcomes
            if o.status == "imported" and o.article_id is not None and articles.exists(o.article_id)
        ]
        if not new:
            return False
        payload = {"article_ids": new}
        record(
            self.session,
            "import_articles",
            lambda: (import_label(len(new)), payload, changes),
        )
        return True

    def show_summary(self, outcomes: list[ImportOutcome], cancelled: bool) -> ImportSummaryDialog:
        if self.summary is not None:
            self.summary.close()
        self.summary = ImportSummaryDialog(outcomes, cancelled, self.window)
        self.summary.article_chosen.connect(self.session.request_article)
        self.summary.open()
        return self.summary

    # -- paste and drop --------------------------------------------------------
    def paste_article(self) -> None:
        from annotator.exchange.importers.pasted import from_text  # decoders load on first use
        from annotator.text.titles import title_from_text

        text = QGuiApplication.clipboard().text()
        if not text.strip():
            QMessageBox.information(
                self.window, "Paste as new article", "The clipboard holds no text."
            )
            return
        title, ok = QInputDialog.getText(
            self.window,
            "Paste as new article",
            "Title:",
            QLineEdit.EchoMode.Normal,
            title_from_text(text),
        )
        if not ok:
            return
        try:
            outcome = self.session.project.articles.add(from_text(text, title))
        except ImportFailure as exc:
            self.host.show_error("Cannot paste as an article", f"The clipboard {exc.reason}.")
            return
        changes = Changes.of_imports([outcome])
        if changes.articles:
            self.session.notify(changes)
        self.host.status(
            f"Pasted “{outcome.title}”"
            if outcome.status != "duplicate"
            else "Already in the project: the same text",
            5000,
        )
        if outcome.article_id is not None:
            self.session.request_article(outcome.article_id)

    @staticmethod
    def dropped_paths(mime: QMimeData) -> list[Path]:
        """The local files and folders in a drop; remote URLs are never fetched."""
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def accepts_drop(self, mime: QMimeData) -> bool:
        return bool(self.dropped_paths(mime))

    def drop(self, mime: QMimeData) -> bool:
        paths = self.dropped_paths(mime)
        return bool(paths) and self.start(paths)

    # -- details ---------------------------------------------------------------
    def edit_details(self) -> None:
        article_id = self.host.current_article_id()
        if article_id is None:
            self.host.status("Pick an article in the library first.", 4000)
            return
        edit_article_details(self.session, article_id, self.window)
