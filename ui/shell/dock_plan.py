"""The docks and toolbars the features fill, declared by the shell.

The app paints its shell before it builds the features (ui/shell/features.py).
Were the features to add their docks then, the first frame would show the
library alone and the layout would jump ~85 ms later, when the claims table,
the inspector and the search dock came in. So the shell makes every dock a
feature declares, empty, in its place and at its first size before that frame,
and a feature's `Host.add_dock` of the same name fills it instead (the saved
window state is put back over these docks, found by their object names). A
dock added by a feature but missing here still works: it appears after the
first frame, as before. Keep the order of the features' own calls: View's dock
toggles and the tab order follow it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QMainWindow, QToolBar, QWidget

Place = Literal["left", "inspector", "bottom"]


class PlannedDock(NamedTuple):
    name: str
    title: str
    place: Place
    hidden: bool = False
    # The dock's minimum size once its view is in (title bar included), so the
    # empty dock is never narrower than the filled one will be: the evidence
    # panel's 350 px is wider than the inspector's first 340 px at 1280x800.
    # tests/ui/test_first_frame_layout.py fails if a view outgrows its minimum.
    minimum: tuple[int, int] = (0, 0)


DOCKS: tuple[PlannedDock, ...] = (
    PlannedDock("claims", "Claims", "bottom", minimum=(210, 146)),  # ui.claims.wiring
    PlannedDock("editor", "Claim", "inspector", minimum=(219, 432)),
    PlannedDock("evidence", "Evidence", "inspector", minimum=(350, 146)),  # ui.evidence.wiring
    PlannedDock("datasets", "Datasets", "bottom", hidden=True),
    PlannedDock("search", "Search", "left", minimum=(326, 174)),  # ui.search.panel
    PlannedDock("compare", "Compare sides", "bottom", hidden=True),  # ui.compare.wiring
    PlannedDock("figures", "Figures", "bottom", hidden=True),
    PlannedDock("balance", "Balance", "bottom", hidden=True),
    PlannedDock("matches", "Matches", "bottom", hidden=True),
)

EXPLICIT = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
# Toolbars by object name: the Claims toolbar (ui.claims.wiring) holds a combo box,
# which sets the height of its row.
TOOLBARS: tuple[tuple[str, str], ...] = (("ClaimsToolBar", "Claims"),)


def fill(
    dock: QDockWidget,
    box: QWidget | None,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
) -> QDockWidget:
    """A reserved dock, where it stands and shown or not, gets its feature's view
    (None: one built on first show) and its toggle the feature's shortcut."""
    dock.setMinimumSize(0, 0)  # the view's own minimum from now on
    if box is not None:
        dock.setWidget(box)
    if shortcut is not None:
        dock.toggleViewAction().setShortcut(QKeySequence(shortcut))
    return dock


def wake_lazy(docks: Iterable[QDockWidget]) -> None:
    """A dock whose view is built on first show, shown before its feature listened
    (the saved state put it back open before the features were built): build it."""
    for dock in docks:
        if dock.widget() is None and dock.isVisible():
            dock.visibilityChanged.emit(True)


class ReservedBars:
    """The toolbars the shell made empty, each replaced by its feature's own bar
    where it stands (the saved state may have moved or hidden it)."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self._bars: dict[str, QToolBar] = {}

    def reserve(self, object_name: str, title: str) -> None:
        bar = QToolBar(title, self._window)
        bar.setObjectName(object_name)
        # As tall as the real bar will be: a row of buttons and a combo box.
        probe = QToolBar(title)
        probe.addWidget(QComboBox(probe))
        bar.setMinimumHeight(probe.sizeHint().height())
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self._bars[object_name] = bar

    def fill(self, bar: QToolBar) -> bool:
        """Put `bar` in place of the one reserved under its object name; False if none."""
        reserved = self._bars.pop(bar.objectName(), None)
        if reserved is None:
            return False
        self._window.insertToolBar(reserved, bar)
        if reserved.isHidden() and reserved.testAttribute(EXPLICIT):
            bar.hide()  # as the saved state left it
        elif self._window.isVisible():
            bar.show()
        self._window.removeToolBar(reserved)
        # Nameless at once: a state put back (View > Reset layout) must not find it.
        reserved.setObjectName("")
        reserved.setParent(None)
        reserved.deleteLater()
        return True
