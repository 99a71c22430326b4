"""The main window: menus, docks and the status bar. It delegates everything else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from annotator import __version__
from annotator.models import Changes
from annotator.project import Project, ProjectFileError
from ui.backups.actions import BackupActions
from ui.claims.wiring import ClaimsWiring
from ui.compare.wiring import CompareWiring
from ui.evidence.wiring import EvidenceWiring
from ui.exchange.export_action import ExportAction
from ui.exchange.import_actions import ImportActions
from ui.exchange.merge_action import MergeActions
from ui.library.deletion import ArticleActions
from ui.library.view import LibraryPanel
from ui.reader.area import ReaderArea
from ui.reader.view import ReaderPane
from ui.registry.publisher import PublisherAction
from ui.search.panel import SearchWiring
from ui.shell import settings
from ui.shell.session import ProjectSession
from ui.shell.undo import UndoHistory, undo_actions
from ui.web.actions import WebActions
from ui.widgets import focus_ring

PROJECT_FILTER = "Annotator projects (*.sqlite *.annotator *.db);;All files (*)"


class MainWindow(QMainWindow):
    # The active reader pane changed (side-by-side reading): panels follow it.
    reader_changed = Signal(object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("MainWindow")
        self.setMinimumSize(900, 560)

        self.reader_area = ReaderArea(session, self)
        self.reader_area.active_changed.connect(self.reader_changed)
        self.setCentralWidget(self.reader_area)

        self.library = LibraryPanel(session, self)
        self.library_dock = self._dock(
            "Library", self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.library.article_chosen.connect(self.open_article)

        self.project_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.project_label)
        # Actions by id (QWidget.actions() is shadowed on purpose: features look them up by id).
        self.actions: dict[str, QAction] = {}  # type: ignore[assignment]
        self.undo_history = UndoHistory(session)
        self._build_menus()
        self.claims = ClaimsWiring(self)
        self.backup_actions = BackupActions(self)
        self.evidence = EvidenceWiring(self)
        self.importing = ImportActions(self)
        self.article_actions = ArticleActions(self)
        self.search = SearchWiring(self)
        self.export = ExportAction(self)
        self.merge = MergeActions(self)
        self.publisher = PublisherAction(self)
        self.web = WebActions(self)
        self.compare = CompareWiring(self)

        session.article_requested.connect(self._on_article_requested)
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self._on_project_replaced)
        focus_ring.install()  # focus visible in every widget of every window
        self._on_project_replaced()
        self._restore_geometry()

    # -- building -------------------------------------------------------
    def _dock(self, title: str, widget: QWidget | None, area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock; widget None leaves it empty until its owner builds the view on first show."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.replace(' ', '')}Dock")
        if widget is not None:
            dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def add_action(
        self,
        menu: QMenu,
        key: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        """One action with a shortcut and an accessible name, registered by key."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(text.replace("&", "").replace("…", ""))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        menu.addAction(action)
        self.actions[key] = action
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.add_action(self.file_menu, "new_project", "&New project…", self.new_project, "Ctrl+N")
        self.add_action(
            self.file_menu, "open_project", "&Open project…", self.open_project_dialog, "Ctrl+O"
        )
        self.recent_menu = self.file_menu.addMenu("Recent &projects")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.import_separator = self.file_menu.addSeparator()
        self.add_action(self.file_menu, "quit", "&Quit", self.close, "Ctrl+Q")

        self.edit_menu = bar.addMenu("&Edit")
        undo, redo = undo_actions(self.session, self)
        self.edit_menu.addActions([undo, redo])
        self.actions["undo"], self.actions["redo"] = undo, redo

        # Filled by the features that act on one article (web checks, details).
        self.article_menu = bar.addMenu("&Article")

        self.view_menu = bar.addMenu("&View")
        self.add_action(
            self.view_menu, "focus_filter", "&Filter library", self.focus_filter, "Ctrl+Shift+F"
        )
        self.add_action(
            self.view_menu, "focus_reader", "&Read the article", self.focus_reader, "Ctrl+Shift+R"
        )
        library_toggle = self.library_dock.toggleViewAction()
        library_toggle.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.view_menu.addAction(library_toggle)
        self.actions["toggle_library"] = library_toggle

        self.help_menu = bar.addMenu("&Help")
        self.add_action(self.help_menu, "about", "&About", self.show_about, "F1")

    # -- project files ----------------------------------------------------
    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def switch_to(self, path: Path, create: bool) -> bool:
        """Open another project file; on failure the current one stays open."""
        try:
            project = Project.open(path, create=create)
        except ProjectFileError as exc:
            self.show_error("Cannot open project", f"{exc.path}\n\n{exc.reason}")
            return False
        self.session.replace(project)
        settings.remember_project(path)
        return True

    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "New project", str(Path.home() / "project.sqlite"), PROJECT_FILTER
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            self.show_error(
                "Cannot create project", f"{path}\n\nThis file already exists; use Open project."
            )
            return
        self.switch_to(path, create=True)

    def open_project_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open project", str(Path.home()), PROJECT_FILTER
        )
        if name:
            self.switch_to(Path(name), create=False)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = settings.recent_projects()
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for index, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{index} {path.name}  —  {path.parent}")
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(p, create=False))

    # -- reading ------------------------------------------------------------
    @property
    def reader(self) -> ReaderPane:
        """The active reader pane; `reader_changed` says when another becomes active."""
        return self.reader_area.active_pane

    def open_article(self, article_id: int) -> None:
        if self.reader.article_id == article_id:
            return
        if self.reader_area.open_in(self.reader, article_id) and self.reader.article:
            self.statusBar().showMessage(f"Opened “{self.reader.article.title}”", 3000)

    def _on_article_requested(self, article_id: int, claim_id: object) -> None:
        showing = self.reader_area.pane_showing(article_id)
        if showing is not None:
            self.reader_area.set_active(showing)
        self.library.select_article(article_id)
        self.open_article(article_id)
        if isinstance(claim_id, int):
            claim = self.session.project.claims.get(claim_id)
            if claim.start is not None and claim.end is not None:
                self.reader.view.select_span(claim.start, claim.end)
            self.session.set_current_claim(claim_id)

    def focus_reader(self) -> None:
        """Into the article text, where the keyboard selects words to mark."""
        self.reader.view.setFocus()

    def focus_filter(self) -> None:
        self.library_dock.show()
        self.library.filter_box.setFocus()
        self.library.filter_box.selectAll()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About the annotator",
            f"<b>Fact-check annotator</b> {__version__}<br>Mark claims, tag who said them, "
            "link the evidence, compare the sides.<br>Project file: "
            f"{self.session.project.path}",
        )

    # -- state -------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        self._update_status()  # the reader panes refresh themselves (ui.reader.area)

    def _on_project_replaced(self) -> None:
        self.reader_area.restore_layout()
        self._update_status()
        self._update_title()

    def _update_status(self) -> None:
        project = self.session.project
        self.project_label.setText(f"{project.path}  ·  {project.articles.count()} articles")

    def _update_title(self) -> None:
        # No "modified" mark: every edit is in the file the moment it is made.
        path = self.session.project.path
        self.setWindowTitle(f"{path.name if path else 'Project'} — Fact-check annotator")

    def _restore_geometry(self) -> None:
        store = settings.settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            self.resizeDocks([self.library_dock], [400], Qt.Orientation.Horizontal)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.importing.accepts_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.importing.drop(event.mimeData()):
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.importing.shutdown()
        self.web.shutdown()
        self.compare.shutdown()
        store = settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        super().closeEvent(event)
