"""The docks' first sizes (a first start, View > Reset layout): the library wide
enough for its titles, the inspector a share of the window so a full-HD screen
gives the claim form and the evidence table more room than a laptop does, the
bottom panel tall enough for a few rows of the claims table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

LIBRARY_WIDTH = 400
# The inspector: 22% of the window, never below what the claim form needs at
# 1280x800 nor so wide that the reader loses its lines.
INSPECTOR_WIDTH = 340
INSPECTOR_SHARE = 22
INSPECTOR_MAX = 600
BOTTOM_HEIGHT = 230


def inspector_width(window_width: int) -> int:
    """The inspector's first width at a window width (422 px at 1920)."""
    return max(INSPECTOR_WIDTH, min(INSPECTOR_MAX, window_width * INSPECTOR_SHARE // 100))


def apply_first_sizes(
    window: QMainWindow,
    library: QDockWidget,
    inspector: list[QDockWidget],
    bottom: list[QDockWidget],
) -> None:
    """Size the first dock of each place; the others in its tab group follow it."""
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    window.resizeDocks([library], [LIBRARY_WIDTH], horizontal)
    if inspector:
        window.resizeDocks(inspector[:1], [inspector_width(window.width())], horizontal)
    if bottom:
        window.resizeDocks(bottom[:1], [BOTTOM_HEIGHT], vertical)
