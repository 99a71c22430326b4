"""How wide the claims table's other columns are when the table is too narrow for them.

The quote is what a row is about, so it keeps a share of a narrow table and
the other columns give way in proportion to their usual widths; but no column
goes narrower than its own heading: at 1280x800 "Stance" and "Anchor" lost
their last letters. Where even the headings do not fit, the widest columns
give up what they have above their heading's width, in proportion.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle

# Room beside a heading's text and the style's margins (Fusion draws the text
# inset a little further than PM_HeaderMargin says).
HEADING_ALLOWANCE = 8


def heading_widths(header: QHeaderView, columns: Iterable[int], narrowest: int) -> list[int]:
    """Each column's heading width: its text, the style's margins either side, and a little."""
    model = header.model()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = header.fontMetrics()
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    return [
        max(narrowest, metrics.horizontalAdvance(t) + 2 * margin + HEADING_ALLOWANCE)
        for t in titles
    ]


def fitted_widths(usual: Sequence[int], least: Sequence[int], room: int) -> list[int]:
    """Widths for columns whose usual widths are `usual`, each at least `least`,
    summing to `room` where the least widths allow (to their sum where not)."""
    wanted = sum(usual)
    scale = room / wanted if wanted > 0 else 0.0
    widths = [max(low, int(width * scale)) for width, low in zip(usual, least, strict=True)]
    excess = sum(widths) - room
    slack = [width - low for width, low in zip(widths, least, strict=True)]
    spare = sum(slack)
    if excess <= 0 or spare <= 0:
        return widths
    taken = [min(give, math.ceil(excess * give / spare)) for give in slack]
    return [width - take for width, take in zip(widths, taken, strict=True)]
