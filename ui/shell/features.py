"""The window's features, built once the shell has painted its first frame.

The shell (menus, the reader panes, the library) is what the first frame
shows; the features (claims, evidence, search, imports, web, compare, undo)
add their docks, menus and keys after it. Importing and building them before
the first paint cost start-up about a third of its time (issue 19), so this
module is imported only by `MainWindow.build_features`: nothing on the
first-paint path may import it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

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
from ui.shell.host import Host
from ui.shell.undo import UndoHistory, undo_actions
from ui.web.actions import WebActions

# The features other features find through Host.peer, by these names.
PEERS = ("claims", "evidence", "importing", "search", "web", "compare")


@dataclass(frozen=True)
class Features:
    """Every feature the window holds, in the order they were built (menus follow it)."""

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


def build(window: QMainWindow, host: Host) -> Features:
    """Build every feature on the host; the undo stack first, as Edit's first items."""
    undo_history = UndoHistory(host.session)
    undo, redo = undo_actions(host.session, window)
    host.place_action("edit/undo", "undo", undo)
    host.place_action("edit/undo", "redo", redo)
    features = Features(
        undo_history=undo_history,
        claims=ClaimsWiring(host),
        backup_actions=BackupActions(host),
        evidence=EvidenceWiring(host),
        importing=ImportActions(host),
        article_actions=ArticleActions(host),
        search=SearchWiring(host),
        export=ExportAction(host),
        merge=MergeActions(host),
        publisher=PublisherAction(host),
        web=WebActions(host),
        compare=CompareWiring(host),
    )
    for name in PEERS:
        host.provide(name, getattr(features, name))
    return features


def bars(window: QMainWindow) -> list[QWidget]:
    """The window's docks and toolbars."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    found: list[QWidget] = [*window.findChildren(QDockWidget, options=direct)]
    return found + window.findChildren(QToolBar, options=direct)


def show_added_bars(window: QMainWindow, before: list[QWidget]) -> None:
    """Docks and toolbars added to a window already shown stay hidden until shown;
    those their feature did not hide are shown now, as a first show would have.
    The docks the shell reserved (dock_plan.py) were there `before`: as they are."""
    explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    for bar in bars(window):
        if bar not in before and not bar.testAttribute(explicit):
            bar.show()
