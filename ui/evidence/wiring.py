"""Evidence in the main window: the Evidence and Datasets docks and the Evidence menu.

Kept out of main_window.py (which only creates an EvidenceWiring). The
evidence dock goes below the claim editor when there is one, so the claim and
what backs it are read together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.evidence.panel import EvidencePanel

if TYPE_CHECKING:
    from ui.datasets.view import DatasetPanel
    from ui.shell.host import Host

STATUS_MESSAGE_MS = 5000


class EvidenceWiring(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        self.session = host.session
        self.panel = EvidencePanel(self.session, self.window)
        self.panel.selection_source = self._reader_selection
        # In the inspector, below the claim form when there is one: the claim and
        # what backs it are read together.
        self.dock = host.add_dock("evidence", "Evidence", self.panel, "inspector", "Ctrl+Shift+E")
        # A tab behind the claim form refills when it is brought forward, not on every mark.
        self.dock.visibilityChanged.connect(self.panel.set_in_sight)
        if self.window.isVisible() and self.dock.visibleRegion().isEmpty():
            self.panel.set_in_sight(False)  # built after the window showed, already behind
        # The Datasets panel (and its module) is built when first needed: start-up
        # shows only the evidence of the current claim.
        self._datasets: DatasetPanel | None = None
        self.datasets_dock = host.add_dock(
            "datasets", "Datasets", None, "bottom", "Ctrl+Shift+D", hidden=True
        )
        self.datasets_dock.visibilityChanged.connect(lambda shown: shown and self.datasets)
        self.datasets_dock.toggleViewAction().triggered.connect(lambda on: on and self.datasets)

        self.panel.message.connect(self._status)
        self.panel.dataset_requested.connect(self.show_dataset)
        self.panel.span_requested.connect(self.show_span)
        self.panel.datasets_wanted.connect(self.show_datasets)
        self._build_menu()

    def _build_menu(self) -> None:
        self.menu = menu = self.host.menu("evidence")
        a = self.host.add_action
        a(menu, "evidence_url", "Add web &link…", self.panel.add_url, "Ctrl+Alt+L")
        a(
            menu,
            "evidence_document",
            "Attach &document…",
            lambda: self.panel.add_document(),
            "Ctrl+Alt+D",
        )
        a(menu, "evidence_statistic", "Add &statistic…", self.panel.add_statistic, "Ctrl+Alt+S")
        a(menu, "evidence_span", "Add &passage of an article…", self.panel.add_span, "Ctrl+Alt+P")
        a(menu, "evidence_note", "Add &note…", self.panel.add_note, "Ctrl+Alt+N")
        a(
            menu,
            "evidence_existing",
            "Link &existing evidence…",
            self.panel.add_existing,
            "Ctrl+Alt+E",
        )
        a(menu, "claim_link", "Link to another &claim…", self.panel.add_claim_link, "Ctrl+Alt+K")
        menu.addSeparator()
        a(
            menu,
            "evidence_open",
            "&Open selected evidence",
            lambda: self.panel.follow(),
            "Ctrl+Alt+O",
        )
        menu.addSeparator()
        a(menu, "dataset_import", "&Import dataset…", self.import_dataset, "Ctrl+Alt+I")
        a("file/exchange", "save_chart", "Save c&hart as…", self.save_chart, "Ctrl+Alt+G")
        a(
            menu,
            "dataset_pin",
            "Pin dataset &rows to claim…",
            lambda: self.datasets.pin_selected(),
            "Ctrl+Alt+R",
        )

    @property
    def datasets(self) -> DatasetPanel:
        if self._datasets is None:
            from ui.datasets.view import DatasetPanel

            self._datasets = DatasetPanel(self.session, self.window)
            self._datasets.message.connect(self._status)
            self.host.on_close(self._datasets.runner.shutdown)
            self.host.set_content("datasets", self._datasets)
        return self._datasets

    def _status(self, text: str) -> None:
        self.host.status(text, STATUS_MESSAGE_MS)

    def _reader_selection(self) -> tuple[int, int, int] | None:
        reader = self.host.reader
        span = reader.view.selected_span()
        if reader.article_id is None:
            return None
        return (reader.article_id, *span) if span else (reader.article_id, 0, 0)

    def save_chart(self) -> None:
        """File > Save chart as…: the Datasets chart as PNG or SVG."""
        from ui.datasets.chart_export import ask_and_save

        said = ask_and_save(self.datasets.chart, self.host.window)
        if said:
            self._status(said)

    def import_dataset(self) -> None:
        self.host.show_dock("datasets")
        self.datasets.import_dialog()

    def show_datasets(self) -> None:
        self.host.show_dock("datasets")
        self.datasets.table.setFocus()

    def show_dataset(self, name: str, row: int) -> None:
        self.host.show_dock("datasets")
        self.datasets.show_dataset(name, row)

    def show_span(self, article_id: int, start: int, end: int) -> None:
        self.session.request_article(article_id, None)
        if self.host.reader.article_id == article_id:
            self.host.reader.view.select_span(start, end)
