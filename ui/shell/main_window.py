"""The main window: menus, docks and the status bar. It delegates everything else."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from annotator import __version__
from annotator.models import Changes
from annotator.project import Project, ProjectFileError
from ui.library.view import LibraryPanel
from ui.reader.area import ReaderArea
from ui.reader.view import ReaderPane
from ui.shell import dock_plan, settings
from ui.shell.dock_sizes import apply_first_sizes
from ui.shell.external_changes import ExternalChangeWatcher
from ui.shell.host import Host
from ui.shell.session import ProjectSession
from ui.widgets import focus_ring

if TYPE_CHECKING:  # built after the first paint: see ui.shell.features
    from ui.backups.actions import BackupActions
    from ui.claims.wiring import ClaimsWiring
    from ui.compare.wiring import CompareWiring
    from ui.evidence.wiring import EvidenceWiring
    from ui.exchange.export_action import ExportAction
    from ui.exchange.import_actions import ImportActions
    from ui.exchange.merge_action import MergeActions
    from ui.library.deletion import ArticleActions
    from ui.registry.publisher import PublisherAction
    from ui.search.panel import SearchWiring
    from ui.shell.undo import UndoHistory
    from ui.web.actions import WebActions

# The features of a window shown but not painted are built this long after the show.
BUILD_FALLBACK_MS = 300
PROJECT_FILTER = "Annotator projects (*.sqlite *.annotator *.db);;All files (*)"


class MainWindow(QMainWindow):
    """Builds the shell (menus, docks, status bar) and hands each feature the Host.

    The window also does the app-wide jobs no feature owns: it rebuilds the
    undo stack from the project's history, watches for changes made outside
    the window, and keeps the library on the article of the active pane.

    With `defer_features` (the app's start-up) only the shell is built here:
    the reader panes, the library and the menus' skeleton, which is all the
    first frame shows; the features are built just after that frame is painted
    (`build_features`, which anyone may call earlier: it runs once).
    """

    # The active reader pane changed (side-by-side reading): panels follow it.
    reader_changed = Signal(object)

    # The features, set by build_features (ui.shell.features).
    undo_history: UndoHistory
    claims: ClaimsWiring
    backup_actions: BackupActions
    evidence: EvidenceWiring
    importing: ImportActions
    article_actions: ArticleActions
    search: SearchWiring
    export: ExportAction
    merge: MergeActions
    publisher: PublisherAction
    web: WebActions
    compare: CompareWiring

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        *,
        defer_features: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("MainWindow")
        self.setMinimumSize(900, 560)

        self.reader_area = ReaderArea(session, self)
        self.reader_area.active_changed.connect(self.reader_changed)
        self.setCentralWidget(self.reader_area)
        self.library = LibraryPanel(session, self)
        self.library.article_chosen.connect(self.open_article)
        self.host = Host(self, session, self.reader_area, self.library)
        # Actions by id (QWidget.actions() is shadowed on purpose: features look them up by id).
        self.actions: dict[str, QAction] = self.host.actions  # type: ignore[assignment]
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.library_dock = self.host.add_dock(
            "library", "Library", self.library, "left", "Ctrl+Shift+L"
        )
        self.host.reserve(dock_plan.DOCKS, dock_plan.TOOLBARS)  # the features fill them

        self.project_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.project_label)
        self._build_menus()

        self.watcher = ExternalChangeWatcher(session, parent=self)
        self.watcher.external_change.connect(
            lambda: self.host.status("Updated with changes made outside this window")
        )
        self.reader_changed.connect(self._on_active_pane)
        session.message.connect(self.host.status)
        session.article_requested.connect(self._on_article_requested)
        session.changed.connect(self._on_changed)
        focus_ring.install()  # focus visible in every widget of every window
        self._on_project_replaced()
        self._arranged = False  # the docks' tab groups are made on the first show
        self._saved_state: QByteArray | None = None
        self.first_start = False  # True when no window state was saved: app.py maximises
        # The docks follow the window's size until the user drags a separator or the
        # saved state is put back (see resizeEvent); View > Reset layout starts again.
        self.auto_sizes = False
        self._restore_geometry()
        self.features_built = False
        self._build_after_paint = defer_features
        if not defer_features:
            self.build_features()

    def build_features(self) -> None:
        """Build every feature (docks, menus, keys); once, whoever asks first.

        The window's own response to a replaced project is connected after the
        features': they clear their views first, then the reader reopens its
        panes and the claims panel follows the article shown.
        """
        if self.features_built:
            return
        self.features_built = True
        self._build_after_paint = False
        from ui.shell import features

        before = features.bars(self)
        built = features.build(self, self.host)
        for name in built.__dataclass_fields__:
            setattr(self, name, getattr(built, name))
        self.session.project_replaced.connect(self._on_project_replaced)
        if self.isVisible():
            features.show_added_bars(self, before)  # any not reserved by the shell
            dock_plan.wake_lazy(self.host.docks.values())

    # -- building -------------------------------------------------------
    @property
    def file_menu(self) -> QMenu:
        return self.host.menu("file")

    @property
    def edit_menu(self) -> QMenu:
        return self.host.menu("edit")

    @property
    def view_menu(self) -> QMenu:
        return self.host.menu("view")

    @property
    def import_separator(self) -> QAction | None:
        return self.host.section_start("file/import")

    def _build_menus(self) -> None:
        a = self.host.add_action
        a("file/project", "new_project", "&New project…", self.new_project, "Ctrl+N")
        a("file/project", "open_project", "&Open project…", self.open_project_dialog, "Ctrl+O")
        self.recent_menu = self.host.add_submenu("file/project", "Recent &projects")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a("file/quit", "quit", "&Quit", self.close, "Ctrl+Q")

        a("view/focus", "focus_filter", "&Filter library", self.focus_filter, "Ctrl+Shift+F")
        a("view/focus", "focus_reader", "&Read the article", self.focus_reader, "Ctrl+Shift+R")
        a("view/layout", "reset_layout", "Reset &layout", self.reset_layout)
        a("help", "about", "&About", self.show_about, "F1")

    # -- project files ----------------------------------------------------
    def show_error(self, title: str, message: str) -> None:
        self.host.show_error(title, message)

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
        from PySide6.QtWidgets import QFileDialog  # its enums are made on first use

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
        from PySide6.QtWidgets import QFileDialog

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
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About the annotator",
            f"<b>Fact-check annotator</b> {__version__}<br>Mark claims, tag who said them, "
            "link the evidence, compare the sides.<br>Project file: "
            f"{self.session.project.path}",
        )

    # -- state -------------------------------------------------------------
    def _on_active_pane(self, pane: ReaderPane) -> None:
        """The library follows the active pane's article (side-by-side reading)."""
        if pane.article_id is not None:
            self.library.select_article(pane.article_id)

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
            self.first_start = True
            self.resize(1280, 800)
        if isinstance(state, QByteArray):
            self._saved_state = state  # put back once shown, over the default arrangement

    def reset_layout(self) -> None:
        """View > Reset layout: library left, reader centre, the inspector right,
        the claims table below, at the first sizes; floating docks docked again."""
        self.host.reset_layout()
        self.default_sizes()
        self.host.status("Layout reset")

    def default_sizes(self) -> None:
        """The docks' first sizes (ui/shell/dock_sizes.py), for the window's size now."""
        inspector = [self.host.docks[n] for n in self.host.dock_names("inspector")]
        bottom = [self.host.docks[n] for n in self.host.dock_names("bottom")]
        apply_first_sizes(self, self.library_dock, inspector, bottom)
        self.auto_sizes = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._arranged:  # the features' docks are there, if empty (dock_plan)
            self._arrange()
        if self._build_after_paint:
            # A window that is never painted (shown minimised, updates held)
            # still gets its features, a moment later.
            QTimer.singleShot(BUILD_FALLBACK_MS, self, self.build_features)

    def _after_first_paint(self) -> None:
        if self._build_after_paint:
            # Once this frame is on screen: the next turn of the event loop.
            self._build_after_paint = False
            QTimer.singleShot(0, self, self.build_features)

    def _arrange(self) -> None:
        # Tab groups made before the first show leave stray tab bars painted over
        # the docks (Qt): the shell arranges them once shown, against the real
        # window size, with every feature's docks there.
        self._arranged = True
        self.host.arrange()
        if self._saved_state is not None:
            self.restoreState(self._saved_state)  # the user's own sizes, as left
        else:
            self.default_sizes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Maximised on a first start (app.py), the window is shown at one size and
        resized to the screen after: the first sizes follow it, until the user sets
        their own."""
        super().resizeEvent(event)
        if self._arranged and self.auto_sizes and event.oldSize().width() != self.width():
            self.default_sizes()

    def event(self, event: QEvent) -> bool:
        # A press on the window itself, not on a child, is on a separator between
        # docks: the user sizes them from now on.
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and self.childAt(event.position().toPoint()) is None
        ):
            self.auto_sizes = False
        handled = super().event(event)
        # UpdateRequest paints and flushes the whole window, whichever children
        # cover it; a paint event alone (grab(), render()) counts too.
        if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            self._after_first_paint()
        return handled

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.host.accepts_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.host.drop(event.mimeData()):
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.host.close_all()
        store = settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        super().closeEvent(event)
