"""Side-by-side reading and comparing in the main window: the Compare menu and docks.

Kept out of main_window.py. It builds the Compare menu (panes, compare sides,
figures, balance, matches, a claim's figures) and declares the docks that hold
the views in the bottom panel, where the shell tabs them beside the claims table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from ui.compare.balance import BalanceView
    from ui.compare.matches import MatchSuggestions
    from ui.compare.view import CompareView
    from ui.figures.editor import QuantitiesEditor
    from ui.figures.view import FiguresView
    from ui.shell.host import Host

# The docks' titles by view; the views themselves (and their modules) are built
# when their dock is first shown, so start-up pays for none of them.
DOCK_TITLES = {
    "compare": "Compare sides",
    "figures": "Figures",
    "balance": "Balance",
    "matches": "Matches",
}


class CompareWiring(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        self.session = host.session
        self.area = host.reader_area
        self.editors: dict[int, QuantitiesEditor] = {}

        self._views: dict[str, QWidget] = {}
        self._docks: dict[str, QDockWidget] = {}
        for name, title in DOCK_TITLES.items():
            # Hidden until asked for from the Compare menu: the claims table stays in front.
            dock = self._docks[name] = host.add_dock(name, title, None, "bottom", hidden=True)
            dock.visibilityChanged.connect(lambda shown, n=name: shown and self._view(n))
            dock.toggleViewAction().triggered.connect(lambda on, n=name: on and self._view(n))
        self.compare_dock = self._docks["compare"]
        self.figures_dock = self._docks["figures"]
        self.balance_dock = self._docks["balance"]
        self.matches_dock = self._docks["matches"]
        self._build_menu()
        host.on_close(self.shutdown)

    def _build_menu(self) -> None:
        self.menu = menu = self.host.menu("compare")
        a = self.host.add_action
        a(menu, "new_pane", "&New reader pane", self.new_pane, "Ctrl+T")
        a(menu, "close_pane", "&Close reader pane", self.close_pane, "Ctrl+W")
        a(menu, "next_pane", "Ne&xt reader pane", self.area.next_pane, "F6")
        a(menu, "open_in_pane", "&Open article in this pane…", self.open_in_pane, "Ctrl+Shift+O")
        menu.addSeparator()
        a(
            menu,
            "compare_sides",
            "Compare &sides",
            lambda: self.show_dock(self.compare_dock),
            "Ctrl+Shift+G",
        )
        a(
            menu,
            "figures_view",
            "&Figures by subject",
            lambda: self.show_dock(self.figures_dock),
            "Ctrl+Shift+U",
        )
        a(
            menu,
            "balance_view",
            "&Balance report",
            lambda: self.show_dock(self.balance_dock),
            "Ctrl+Shift+A",
        )
        a(
            menu,
            "match_view",
            "Suggest &matching claims",
            lambda: self.show_dock(self.matches_dock),
            "Ctrl+Shift+H",
        )
        menu.addSeparator()
        a(
            menu,
            "edit_figures",
            "Edit figures of the current &claim…",
            self.edit_current_figures,
            "Ctrl+Alt+F",
        )

    # -- panes ---------------------------------------------------------------------
    def new_pane(self) -> None:
        pane = self.area.add_pane()
        if pane is not None:
            self.session.report(
                "New reader pane: pick its article in the library, or drag one onto it."
            )

    def close_pane(self) -> None:
        self.area.close_pane(self.area.active_pane)

    def open_in_pane(self) -> None:
        frame = self.area.frame_of(self.area.active_pane)
        frame.choose.showMenu()

    # -- views -----------------------------------------------------------------------
    def _view(self, name: str) -> QWidget:
        """The view of a dock, built (and its module imported) the first time it is needed."""
        view = self._views.get(name)
        if view is not None:
            return view
        w = self.window
        if name == "compare":
            from ui.compare.view import CompareView

            view = CompareView(self.session, w)
        elif name == "figures":
            from ui.figures.view import FiguresView

            figures = FiguresView(self.session, w)
            figures.claim_edit_requested.connect(self.edit_figures)
            view = figures
        elif name == "balance":
            from ui.compare.balance import BalanceView

            view = BalanceView(self.session, w)
        else:
            from ui.compare.matches import MatchSuggestions

            view = MatchSuggestions(self.session, w)
        self._views[name] = view
        self.host.set_content(name, view)
        return view

    @property
    def compare(self) -> CompareView:
        return cast("CompareView", self._view("compare"))

    @property
    def figures(self) -> FiguresView:
        return cast("FiguresView", self._view("figures"))

    @property
    def balance(self) -> BalanceView:
        return cast("BalanceView", self._view("balance"))

    @property
    def matches(self) -> MatchSuggestions:
        return cast("MatchSuggestions", self._view("matches"))

    def show_dock(self, dock: QDockWidget) -> None:
        name = next((n for n, d in self._docks.items() if d is dock), None)
        if name is None:
            return
        self._view(name)
        self.host.show_dock(name)
        widget = self.host.content(name)
        if widget is not None:
            reload = getattr(widget, "reload", None)
            if callable(reload):
                reload()
            widget.setFocus()

    def edit_current_figures(self) -> None:
        claim_id = self.session.current_claim
        if claim_id is None:
            self.session.report("Pick a claim first, then edit its figures.")
            return
        self.edit_figures(claim_id)

    def edit_figures(self, claim_id: int) -> QuantitiesEditor:
        editor = self.editors.get(claim_id)
        if editor is None:
            from ui.figures.editor import QuantitiesEditor

            editor = QuantitiesEditor(self.session, claim_id, self.window)
            editor.finished.connect(lambda _r, c=claim_id: self.editors.pop(c, None))
            self.editors[claim_id] = editor
        editor.show()
        editor.raise_()
        return editor

    def shutdown(self) -> None:
        """Stop the views' threads (views never built have none) before the window goes."""
        if "figures" in self._views:
            self.figures.shutdown()
        if "matches" in self._views:
            self.matches.shutdown()
