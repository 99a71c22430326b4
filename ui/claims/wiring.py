"""Claims in the main window: the Claims menu, toolbar, docks and quick keys.

Kept out of main_window.py so the window stays a list of menus and docks.
`ClaimsWiring(window)` builds everything; `attach(pane)` binds any further
reader pane (side-by-side reading) and `follow(pane)` makes the claims panel
and the actions work on that pane's article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from ui.claims.editor import ClaimEditor
from ui.claims.panel import ClaimsPanel
from ui.claims.speaker_keys import SpeakerKeys
from ui.reader.claims import ReaderClaims
from ui.reader.colours import MODE_LABELS, ColourScheme, Legend
from ui.reader.highlighter import MODES
from ui.reader.view import ReaderPane
from ui.registry.codebook import CodebookDialog
from ui.registry.speakers import SpeakersDialog
from ui.shell.shortcuts_help import ShortcutsDialog
from ui.shell.undo import perform

if TYPE_CHECKING:
    from ui.shell.host import Host

# Quick keys: 1..9 pick the N-th stance (0 clears) with the text or the claims
# table focused; Alt+N anywhere; Ctrl+N picks the N-th verdict.
QUICK_KEYS = 9
STATUS_MESSAGE_MS = 4000


class ClaimsWiring(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        self.session = host.session
        self.scheme = ColourScheme(self.session, self)
        self.pane: ReaderPane = host.reader
        self.layers: dict[ReaderPane, ReaderClaims] = {}

        self.panel = ClaimsPanel(self.session, self.scheme, self.window)
        self.panel.table.delete_requested.connect(self.delete_claim)
        # The table below the text (wide enough for its columns), the form beside it.
        self.panel_dock = host.add_dock("claims", "Claims", self.panel, "bottom", "Ctrl+Shift+K")
        self.editor = ClaimEditor(self.session, self.window)
        self.editor_dock = host.add_dock(
            "editor", "Claim", self.editor, "inspector", "Ctrl+Shift+J"
        )

        self._build_menu()
        self._build_toolbar()
        self._build_view_menu()
        self.session.current_claim_changed.connect(self._reveal)
        self._panel_shortcuts()
        host.each_pane(self.attach)
        host.pane_closed.connect(lambda pane: self.layers.pop(pane, None))
        host.reader_changed.connect(self.follow)
        self.follow(host.reader)

    # -- building ---------------------------------------------------------------
    def _build_menu(self) -> None:
        h = self.host
        self.menu = menu = h.menu("claims")
        a = h.add_action
        self.mark_action = a(menu, "mark_claim", "&Mark claim", self.mark, "Ctrl+M")
        self.adjust_action = a(
            menu, "adjust_claim", "&Adjust span to selection", self.adjust, "Ctrl+Shift+M"
        )
        self.delete_action = a(
            menu, "delete_claim", "&Delete claim", self.delete_current, "Ctrl+Shift+Del"
        )
        menu.addSeparator()
        self.stance_menu = menu.addMenu("Set &stance")
        self.verdict_menu = menu.addMenu("Set &verdict")
        self.stance_menu.aboutToShow.connect(lambda: self._fill_tag_menu("stance"))
        self.verdict_menu.aboutToShow.connect(lambda: self._fill_tag_menu("verdict"))
        for n in range(QUICK_KEYS + 1):
            h.add_action(
                self.stance_menu,
                f"stance_{n}",
                _tag_text("stance", n),
                lambda _c=False, n=n: self.set_tag("stance", n),
                f"Alt+{n}",
            )
            h.add_action(
                self.verdict_menu,
                f"verdict_{n}",
                _tag_text("verdict", n),
                lambda _c=False, n=n: self.set_tag("verdict", n),
                f"Ctrl+{n}",
            )
        self._fill_tag_menu("stance")
        self._fill_tag_menu("verdict")
        menu.addSeparator()
        a(menu, "speakers", "S&peakers…", self.show_speakers, "Ctrl+Shift+P")
        a(menu, "codebook", "C&odebook…", self.show_codebook, "Ctrl+Shift+B")
        menu.addSeparator()
        a(menu, "focus_claims", "&Filter claims", self.focus_claims, "Ctrl+Shift+C")
        a(menu, "focus_speaker", "Edit the claim's sp&eaker", self.focus_speaker, "Ctrl+Shift+S")
        a(
            menu,
            "focus_statement",
            "Edit the claim's s&tatement",
            self.focus_statement,
            "Ctrl+Shift+N",
        )
        a("help", "shortcuts", "&Keyboard shortcuts", self.show_shortcuts, "Ctrl+/")
        self.context_actions = [self.mark_action, self.adjust_action, self.delete_action]

    def _build_toolbar(self) -> None:
        bar = QToolBar("Claims", self.window)
        bar.setObjectName("ClaimsToolBar")
        bar.setAccessibleName("Claims toolbar")
        bar.addAction(self.mark_action)
        bar.addAction(self.adjust_action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Colour by ", bar))
        self.mode_combo = QComboBox(bar)
        self.mode_combo.setAccessibleName("Colour claims by")
        for mode in MODES:
            self.mode_combo.addItem(MODE_LABELS[mode], mode)
        self.mode_combo.setCurrentIndex(MODES.index(self.scheme.mode))
        self.mode_combo.activated.connect(
            lambda _i: self.scheme.set_mode(self.mode_combo.currentData())
        )
        bar.addWidget(self.mode_combo)
        self.legend = Legend(self.scheme, bar)
        bar.addWidget(self.legend)
        self.toolbar = bar
        # The dock is "Claims" too: the toggle tells them apart.
        self.host.add_toolbar(bar, "toggle_claims_toolbar", "Claims toolbar", "Ctrl+Shift+T")

    def _build_view_menu(self) -> None:
        colour_menu = self.host.add_submenu("view/colour", "&Colour claims by")
        group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        for n, mode in enumerate(MODES, start=1):
            action = self.host.add_action(
                colour_menu,
                f"colour_by_{mode}",
                MODE_LABELS[mode],
                lambda _c=False, m=mode: self.scheme.set_mode(m),
                f"Ctrl+Shift+{n}",
            )
            action.setCheckable(True)
            action.setChecked(mode == self.scheme.mode)
            group.addAction(action)
            self.mode_actions[mode] = action
        self.scheme.changed.connect(self._on_mode)

    def _panel_shortcuts(self) -> None:
        self._quick_keys(self.panel.table)

    def _quick_keys(self, widget: QWidget) -> None:
        """Bare digits set the stance when this widget has focus (typing nowhere else)."""
        for n in range(QUICK_KEYS + 1):
            shortcut = QShortcut(QKeySequence(str(n)), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda n=n: self.set_tag("stance", n))

    # -- panes ------------------------------------------------------------------
    def attach(self, pane: ReaderPane) -> ReaderClaims:
        """Paint claims in a reader pane and give it the quick keys and context menu."""
        layer = self.layers.get(pane)
        if layer is None:
            layer = ReaderClaims(self.session, pane, self.scheme, self.context_actions)
            self.layers[pane] = layer
            mark = QShortcut(QKeySequence("M"), pane.view)
            mark.setContext(Qt.ShortcutContext.WidgetShortcut)
            mark.activated.connect(self.mark)
            self._quick_keys(pane.view)
            SpeakerKeys(self.session, pane.view, self.editor)
        return layer

    def follow(self, pane: ReaderPane) -> None:
        """Make `pane` the one the claims panel lists and the actions work on."""
        if self.pane is not pane:
            self.pane.article_shown.disconnect(self._on_article_shown)
        self.pane = pane
        pane.article_shown.connect(self._on_article_shown, Qt.ConnectionType.UniqueConnection)
        self.panel.set_article(pane.article_id)

    def _on_article_shown(self, article_id: object) -> None:
        # The pane's layer has just loaded the spans (its slot runs first): the
        # table takes its rows from them rather than query 10,000 claims again.
        layer = self.layers.get(self.pane)
        placed = layer.highlighter.index.spans() if layer is not None else None
        self.panel.set_article(article_id if isinstance(article_id, int) else None, placed)

    # -- actions ------------------------------------------------------------------
    def mark(self) -> None:
        pane = self.pane
        if pane.article is None:
            self._show_message("Open an article first, then select the words of the claim.")
            return
        span = pane.view.selected_span()
        if span is None or not pane.article.text[span[0] : span[1]].strip():
            self._show_message(
                "Select the words of the claim first (not just spaces), then press M."
            )
            return
        start, end = span
        # The new claim is painted, then painted again as the current one: its
        # block is highlighted once, when both are done.
        with pane.view.highlighter.batched():
            done = perform(self.session, "mark_claim", {"article_id": pane.article.id,
                                                        "start": start, "end": end})  # fmt: skip
            if done is None:
                return
            cursor = pane.view.textCursor()
            cursor.clearSelection()  # so the new highlight shows at once
            pane.view.setTextCursor(cursor)
            self.session.set_current_claim(int(done.entry.payload["claim_id"]))
        self._show_message("Marked. 1/2/3 set its stance, Ctrl+1…7 its verdict.")

    def adjust(self) -> None:
        claim_id, pane = self.session.current_claim, self.pane
        if claim_id is None:
            self._show_message(
                "Pick the claim to adjust first (click it), then select its new words."
            )
            return
        claim = self.session.project.claims.get(claim_id)
        span = pane.view.selected_span()
        if claim.article_id != pane.article_id or span is None or pane.article is None:
            self._show_message("Select the claim's new words in its own article, then adjust.")
            return
        if not pane.article.text[span[0] : span[1]].strip():
            self._show_message("The selection is only white space; the claim was not moved.")
            return
        old = (
            (claim.start, claim.end) if claim.start is not None and claim.end is not None else span
        )
        payload = {"claim_id": claim_id, "old": list(old), "new": list(span)}
        if perform(self.session, "adjust_claim", payload) is None:
            return
        cursor = pane.view.textCursor()
        cursor.clearSelection()  # so the moved highlight shows at once
        pane.view.setTextCursor(cursor)

    def delete_current(self) -> None:
        if self.session.current_claim is None:
            self._show_message("Pick the claim to delete first.")
            return
        self.delete_claim(self.session.current_claim)

    def delete_claim(self, claim_id: int) -> None:
        done = perform(self.session, "delete_claim", {"claim_id": claim_id})
        if done is not None and self.session.current_claim == claim_id:
            self.session.set_current_claim(None)

    def set_tag(self, kind: str, n: int) -> None:
        """Give the current claim the N-th stance or verdict of the codebook (0 clears it)."""
        claim_id = self.session.current_claim
        if claim_id is None:
            self._show_message(f"Pick a claim first, then press a number for its {kind}.")
            return
        entries = self.session.project.codebook.entries(kind)
        if n > len(entries):
            self._show_message(f"There is no {kind} number {n} (the codebook has {len(entries)}).")
            return
        value = None if n == 0 else entries[n - 1].id
        field = f"{kind}_id"
        claim = self.session.project.claims.get(claim_id)
        if getattr(claim, field) == value:
            return
        name = "none" if n == 0 else entries[n - 1].name
        label = f"{kind.capitalize()} {name} on claim {claim_id}"
        perform(self.session, "edit_claim", {"claim_id": claim_id, "new": {field: value}}, label)

    def focus_speaker(self) -> None:
        """Keyboard users reach the claim form's fields without Tab-walking the window."""
        self.editor_dock.show()
        self.editor.speaker.setFocus()
        self.editor.speaker.selectAll()

    def focus_statement(self) -> None:
        self.editor_dock.show()
        self.editor.statement.setFocus()
        self.editor.statement.selectAll()

    def focus_claims(self) -> None:
        self.panel_dock.show()
        self.panel.filter_box.setFocus()
        self.panel.filter_box.selectAll()

    def show_speakers(self) -> None:
        SpeakersDialog(self.session, self.window).exec()

    def show_codebook(self) -> None:
        CodebookDialog(self.session, self.window).exec()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.host.actions, self.window).exec()

    # -- following the session ------------------------------------------------------
    def _reveal(self, claim_id: object) -> None:
        if isinstance(claim_id, int):
            layer = self.layers.get(self.pane)
            if layer is not None:
                layer.reveal(claim_id)

    def _on_mode(self, _palette: object) -> None:
        mode = self.scheme.mode
        self.mode_actions[mode].setChecked(True)
        self.mode_combo.setCurrentIndex(MODES.index(mode))

    def _fill_tag_menu(self, kind: str) -> None:
        entries = self.session.project.codebook.entries(kind)
        for n in range(QUICK_KEYS + 1):
            action = self.host.actions[f"{kind}_{n}"]
            if n == 0:
                continue
            action.setVisible(n <= len(entries))
            if n <= len(entries):
                action.setText(f"&{n} {entries[n - 1].name}")

    def _show_message(self, text: str) -> None:
        self.host.status(text, STATUS_MESSAGE_MS)


def _tag_text(kind: str, n: int) -> str:
    return f"&0 No {kind}" if n == 0 else f"&{n} {kind} {n}"
