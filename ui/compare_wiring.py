"""Side-by-side reading and comparing in the main window: the Compare menu and docks.

Kept out of main_window.py. It binds the reader panes to the claims wiring
(each new pane is painted, the active one is followed), builds the Compare
menu (panes, compare sides, figures, balance, matches, a claim's figures)
and the docks that hold the views, tabbed beside the claims table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMenu

from ui.balance_view import BalanceView
from ui.compare_view import CompareView
from ui.figures_view import FiguresView
from ui.match_suggestions import MatchSuggestions
from ui.quantities_editor import QuantitiesEditor
from ui.reader import ReaderPane

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class CompareWiring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.area = window.reader_area
        self.editors: dict[int, QuantitiesEditor] = {}
        claims = getattr(window, "claims", None)
        if claims is not None:
            self.area.pane_added.connect(claims.attach)
            self.area.pane_closed.connect(lambda pane: claims.layers.pop(pane, None))
            window.reader_changed.connect(claims.follow)
            for pane in self.area.panes():
                claims.attach(pane)
        window.reader_changed.connect(self._on_active)

        self.compare = CompareView(self.session, window)
        self.figures = FiguresView(self.session, window)
        self.figures.claim_edit_requested.connect(self.edit_figures)
        self.balance = BalanceView(self.session, window)
        self.matches = MatchSuggestions(self.session, window)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.compare_dock = window._dock("Compare sides", self.compare, bottom)
        self.figures_dock = window._dock("Figures", self.figures, bottom)
        self.balance_dock = window._dock("Balance", self.balance, bottom)
        self.matches_dock = window._dock("Matches", self.matches, bottom)
        anchor = getattr(claims, "panel_dock", None)
        for dock in (self.compare_dock, self.figures_dock, self.balance_dock, self.matches_dock):
            if anchor is not None:
                window.tabifyDockWidget(anchor, dock)
            dock.hide()  # shown from the Compare menu; the claims table stays in front
        self._build_menu()

    def _build_menu(self) -> None:
        w = self.window
        menu = QMenu("C&ompare", w)
        w.menuBar().insertMenu(w.help_menu.menuAction(), menu)
        self.menu = menu
        a = w.add_action
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
        for dock, key in ((self.compare_dock, "toggle_compare"), (self.figures_dock, "toggle_figures"),
                          (self.balance_dock, "toggle_balance"), (self.matches_dock, "toggle_matches")):  # fmt: skip
            toggle = dock.toggleViewAction()
            w.view_menu.addAction(toggle)
            w.actions[key] = toggle

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

    def _on_active(self, pane: ReaderPane) -> None:
        if pane.article_id is not None:
            self.window.library.select_article(pane.article_id)

    # -- views -----------------------------------------------------------------------
    def show_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        widget = dock.widget()
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
            editor = QuantitiesEditor(self.session, claim_id, self.window)
            editor.finished.connect(lambda _r, c=claim_id: self.editors.pop(c, None))
            self.editors[claim_id] = editor
        editor.show()
        editor.raise_()
        return editor

    def shutdown(self) -> None:
        self.matches.cancel()
        self.matches.wait()
