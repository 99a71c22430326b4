"""The one interface a feature reaches the window through.

A feature (claims, evidence, compare, imports, ...) is handed a `Host`, never
the main window. It adds its actions to a menu by id and section, declares its
docks by the place they belong (left, inspector, bottom), and reads the session,
the active reader pane and the current article from here. The shell owns the
arrangement (menu order, dock layout, status bar), so no feature re-orders
another's menu items or resizes another's docks, and no feature module imports
the window: the import graph has no circle through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QByteArray, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMenu,
    QScrollArea,
    QToolBar,
    QWidget,
)

from ui.library.model import ARTICLE_ID_ROLE
from ui.library.view import LibraryPanel
from ui.reader.area import ReaderArea
from ui.reader.view import ReaderPane
from ui.shell.dock_plan import Place, PlannedDock, ReservedBars, fill
from ui.shell.session import ProjectSession
from ui.widgets.dock_box import DockBox
from ui.widgets.sectioned_menus import MenuLayout, SectionedMenus

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None
STATUS_MS = 4000
# The share of the window height a wide bottom view gets when brought to the front.
BOTTOM_SHARE = 45
T = TypeVar("T")

# Every top-level menu, in menu-bar order, with its sections in order. An
# action goes to "menu/section" (or "menu": its last section); separators
# between sections collapse when a section is empty.
MENUS: MenuLayout = {
    "file": ("&File", ("project", "exchange", "import", "backup", "quit")),
    "edit": ("&Edit", ("undo", "article")),
    "article": ("&Article", ("web",)),
    "view": ("&View", ("focus", "docks", "colour", "toolbars", "layout")),
    "claims": ("&Claims", ("main",)),
    "evidence": ("E&vidence", ("main",)),
    "compare": ("C&ompare", ("main",)),
    "project": ("&Project", ("main",)),
    "help": ("&Help", ("main",)),
}

# A dock's object name is its title without spaces ("Compare sides" ->
# CompareSidesDock): saved window states find their docks by it.
DOCK_AREAS: dict[Place, Qt.DockWidgetArea] = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "inspector": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
}


class Host(QObject):
    """Menus by id and section, docks by place, the reader panes, the status bar."""

    # The active reader pane changed (side-by-side reading): panels follow it.
    reader_changed = Signal(object)
    pane_closed = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        session: ProjectSession,
        reader_area: ReaderArea,
        library: LibraryPanel,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.session = session
        self.reader_area = reader_area
        self._library = library
        # Actions by id: Help > Keyboard shortcuts lists them, tests trigger them.
        self.actions: dict[str, QAction] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.places: dict[str, Place] = {}
        # Docks and toolbars the shell made empty for a feature to fill (dock_plan.py).
        self._reserved: set[str] = set()
        self._reserved_bars = ReservedBars(window)
        self._closing: list[Callable[[], None]] = []
        self._drop_handlers: list[tuple[Callable[[QMimeData], bool], Callable[[QMimeData], bool]]]
        self._drop_handlers = []
        self._default_state = QByteArray()
        self._peers: dict[str, object] = {}
        self._menus = SectionedMenus(window.menuBar(), MENUS)
        reader_area.active_changed.connect(self.reader_changed)
        reader_area.pane_closed.connect(self.pane_closed)

    # -- the window, for dialogs ------------------------------------------------
    @property
    def window(self) -> QWidget:
        """The parent for a feature's dialogs and message boxes."""
        return self._window

    # -- menus ------------------------------------------------------------------
    def menu(self, menu_id: str) -> QMenu:
        """A top-level menu by id (see MENUS)."""
        return self._menus.menu(menu_id)

    def section_start(self, where: str) -> QAction | None:
        """The separator that opens a section ("file/import"); None for a first section."""
        return self._menus.section_start(where)

    def add_action(
        self,
        where: str | QMenu,
        key: str,
        text: str,
        slot: Callable[..., object],
        shortcut: Shortcut = None,
    ) -> QAction:
        """One action with a shortcut and an accessible name, at the end of its section."""
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(text.replace("&", "").replace("…", ""))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        return self.place_action(where, key, action)

    def place_action(self, where: str | QMenu, key: str, action: QAction) -> QAction:
        """An action made elsewhere (undo, a dock's toggle) put in a section by key."""
        self._menus.insert(where, action)
        self.actions[key] = action
        return action

    def add_submenu(self, where: str, title: str) -> QMenu:
        menu = QMenu(title, self._window)
        self._menus.insert(where, menu.menuAction())
        return menu

    # -- docks and toolbars -------------------------------------------------------
    def add_dock(
        self,
        name: str,
        title: str,
        widget: QWidget | None,
        place: Place,
        shortcut: Shortcut = None,
        hidden: bool = False,
    ) -> QDockWidget:
        """A dock in its place; widget None leaves it empty until its owner builds the
        view on first show. Its toggle goes to View as `toggle_<name>`. A dock the
        shell reserved under this name is filled instead (see `reserve`)."""
        if name in self._reserved:  # where the shell or the saved state put it
            self._reserved.discard(name)
            return fill(self.docks[name], DockBox(widget) if widget is not None else None, shortcut)
        dock = QDockWidget(title, self._window)
        dock.setObjectName(f"{title.replace(' ', '')}Dock")
        if widget is not None:
            dock.setWidget(DockBox(widget))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        first = self._first_in(place)
        self.docks[name] = dock
        self.places[name] = place
        self._window.addDockWidget(DOCK_AREAS[place], dock)
        if first is not None and place == "left":
            self._window.tabifyDockWidget(first, dock)
            first.raise_()
        elif first is not None and place == "bottom":
            # Tabbed with the first only when first shown: a tab group made of
            # hidden docks leaves a stray tab bar in the window.
            dock.toggleViewAction().triggered.connect(
                lambda on, n=name: self._tab(n) if on else None
            )
        if hidden:
            dock.hide()
        toggle = dock.toggleViewAction()
        if shortcut is not None:
            toggle.setShortcut(QKeySequence(shortcut))
        self.place_action("view/docks", f"toggle_{name}", toggle)
        return dock

    def reserve(self, docks: Iterable[PlannedDock], toolbars: Iterable[tuple[str, str]]) -> None:
        """Make the features' docks and toolbars, empty, before the first frame: that
        frame then has the final layout, and a saved state finds them by name."""
        for planned in docks:
            name, title, place = planned.name, planned.title, planned.place
            dock = self.add_dock(name, title, None, place, hidden=planned.hidden)
            dock.setMinimumSize(*planned.minimum)
            self._reserved.add(name)
        for object_name, title in toolbars:
            self._reserved_bars.reserve(object_name, title)

    def _first_in(self, place: Place) -> QDockWidget | None:
        return next((self.docks[n] for n, p in self.places.items() if p == place), None)

    def _tab(self, name: str) -> None:
        """Tab a dock into its place's panel: with the first dock there, or, when that
        one is closed, with any other shown there (one bottom panel, never two rows)."""
        dock, place = self.docks[name], self.places[name]
        if dock.property("tabbed") is True:
            return
        shown = [
            self.docks[n]
            for n, p in self.places.items()
            if p == place
            and self.docks[n] is not dock
            and self.docks[n].isVisible()
            and not self.docks[n].isFloating()
        ]
        if not shown:
            return
        self._window.tabifyDockWidget(shown[0], dock)
        dock.setProperty("tabbed", True)

    def set_content(self, name: str, view: QWidget) -> None:
        """Put a view built on first show into its dock. A view in the bottom panel
        scrolls there when it needs more room than the panel has (Compare sides,
        Figures, Datasets at 1280x800), rather than grow the dock over its neighbours."""
        dock = self.docks[name]
        if self.places[name] != "bottom":
            dock.setWidget(DockBox(view))
            return
        scroll = QScrollArea(dock)
        scroll.setObjectName(f"{name}Scroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(view.accessibleName() or dock.windowTitle())
        scroll.setWidget(view)
        dock.setWidget(scroll)

    def content(self, name: str) -> QWidget | None:
        """The view a dock shows (inside its scroll area, if any); None until built."""
        widget = self.docks[name].widget()
        if isinstance(widget, QScrollArea) and widget.objectName() == f"{name}Scroll":
            return widget.widget()
        if isinstance(widget, DockBox):
            return widget.view
        return widget

    def arrange(self) -> None:
        """The inspector as one tab group at full height (the claim form in front,
        the evidence behind it), then remember the arrangement for View > Reset
        layout. Called by the window once shown (see MainWindow.showEvent)."""
        names = list(self.dock_names("inspector"))
        for name in names[1:]:
            self._window.tabifyDockWidget(self.docks[names[0]], self.docks[name])
        if names:
            self.docks[names[0]].raise_()
        self._default_state = self._window.saveState()

    def reset_layout(self) -> None:
        """Every dock back where the shell put it, floating ones docked again, the
        views shown later tabbed afresh when next shown."""
        for dock in self.docks.values():
            dock.setProperty("tabbed", False)
        self._window.restoreState(self._default_state)

    def show_dock(self, name: str) -> QDockWidget:
        """Show a dock in front of its tab group (tabbing it there the first time)."""
        dock = self.docks[name]
        self._tab(name)
        dock.show()
        dock.raise_()
        if self.places[name] == "bottom" and not dock.isFloating():
            self._fit_bottom(name)
        return dock

    def _fit_bottom(self, name: str) -> None:
        """Give a wide view in the bottom panel (Compare sides, Figures, Datasets: the
        ones that scroll there) nearly half the window when it comes to the front; at
        the claims table's height they showed one row."""
        dock = self.docks[name]
        if not isinstance(dock.widget(), QScrollArea):
            return
        want = self._window.height() * BOTTOM_SHARE // 100
        if dock.height() < want:
            self._window.resizeDocks([dock], [want], Qt.Orientation.Vertical)

    def add_toolbar(self, bar: QToolBar, key: str, text: str, shortcut: Shortcut = None) -> None:
        """A toolbar at the top, or where the shell reserved one of its object name."""
        if not self._reserved_bars.fill(bar):
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        toggle = bar.toggleViewAction()
        toggle.setText(text)
        if shortcut is not None:
            toggle.setShortcut(QKeySequence(shortcut))
        self.place_action("view/toolbars", key, toggle)

    # -- reading ----------------------------------------------------------------------
    @property
    def reader(self) -> ReaderPane:
        """The active reader pane; `reader_changed` says when another becomes active."""
        return self.reader_area.active_pane

    def each_pane(self, attach: Callable[[ReaderPane], object]) -> None:
        """Call `attach` for every reader pane, those open now and those opened later."""
        for pane in self.reader_area.panes():
            attach(pane)
        self.reader_area.pane_added.connect(attach)

    def current_article_id(self) -> int | None:
        """The article the library has selected, else the one the active pane shows."""
        table = self._library.table
        index = table.currentIndex()
        if index.isValid() and table.selectionModel().isRowSelected(index.row(), index.parent()):
            value = table.model().data(index, ARTICLE_ID_ROLE)
            if isinstance(value, int):
                return value
        return self.reader.article_id

    def selected_article_ids(self) -> list[int]:
        """The articles whose rows the library has selected, in its order."""
        return self._library.selected_article_ids()

    def add_library_action(self, action: QAction) -> None:
        """An action on the library's context menu (it acts on the selected article)."""
        table = self._library.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(action)

    @property
    def library_table(self) -> QWidget:
        """Where keys that act on the selected article are bound."""
        return self._library.table

    # -- peers ------------------------------------------------------------------------
    def provide(self, name: str, peer: object) -> None:
        """Make a feature findable by name ("claims", "compare"): a feature that needs
        another asks the host, so neither imports the window nor reaches into it."""
        self._peers[name] = peer

    def peer(self, name: str, kind: type[T]) -> T | None:
        """The feature provided under `name` if it is a `kind`; None when absent."""
        found = self._peers.get(name)
        return found if isinstance(found, kind) else None

    # -- messages, drops, closing ---------------------------------------------------------
    def status(self, text: str, ms: int = STATUS_MS) -> None:
        self._window.statusBar().showMessage(text, ms)

    def show_error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._window, title, message)

    def accept_drops(
        self, accepts: Callable[[QMimeData], bool], drop: Callable[[QMimeData], bool]
    ) -> None:
        """Files dropped on the window go to the first handler that accepts them."""
        self._window.setAcceptDrops(True)
        self._drop_handlers.append((accepts, drop))

    def accepts_drop(self, mime: QMimeData) -> bool:
        return any(accepts(mime) for accepts, _drop in self._drop_handlers)

    def drop(self, mime: QMimeData) -> bool:
        return any(accepts(mime) and drop(mime) for accepts, drop in self._drop_handlers)

    def on_close(self, stop: Callable[[], None]) -> None:
        """Run `stop` before the window goes (a worker thread must not outlive it)."""
        self._closing.append(stop)

    def close_all(self) -> None:
        for stop in self._closing:
            stop()

    def dock_names(self, place: Place) -> Iterable[str]:
        return [n for n, p in self.places.items() if p == place]
