"""The search dock's rows: the hits as a list model, and the delegate that draws them.

A hit is drawn as a small muted heading (kind, number, title) over the
snippet, its matches in bold. The delegate lays the two texts out with
QTextLayout, not a QTextDocument of HTML per row: parsing and laying out a
document cost about half as much again as the text itself, paid for every
visible row each time a page of hits arrives. The fonts and their metrics are
made once per font, not per row. Row heights are estimated from the texts'
one-line widths (the list asks every row's height when a page arrives), with
room to spare; the test holds the estimate above the laid-out height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from annotator.search.service import SearchHit

KIND_LABELS = {"claim": "Claim", "article": "Article", "evidence": "Evidence"}
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
# Bold matches and wrapping at words take a little more room than the bare width.
BOLD_ALLOWANCE = 1.08
# The text's margin above and below (MARGIN each), plus the 2 px the row is drawn down.
MARGIN = 4
ROW_PADDING = 2 * MARGIN + 2
# The heading's size relative to the list's font.
SMALL_SCALE = 0.9
MUTED = "#6b6b6b"  # the heading line of a hit
MUTED_SELECTED = "#e8eef7"  # the heading on a selected row's highlight
SIZES_KEPT = 2000  # row heights remembered (a few pages of hits)
Index = QModelIndex | QPersistentModelIndex


def heading_text(hit: SearchHit) -> str:
    return f"{KIND_LABELS[hit.kind]} #{hit.id} · {hit.title}"


class SearchModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def append_hits(self, hits: list[SearchHit]) -> None:
        if not hits:
            return
        first = len(self.hits)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self.hits.extend(hits)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:  # as drawn, without the bold (copy, tools)
            return f"{heading_text(hit)}\n{hit.snippet}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS[hit.kind]} {hit.id}: {hit.title}. {hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        return None


class _Widths(dict[str, float]):
    """Each character's advance in a font, measured on first sight.

    Summing these is a fifth of the cost of measuring the whole string with
    QFontMetricsF, and no narrower: kerning and joined forms take a little
    off a run of text, never add (the row-height test holds this for Latin,
    Arabic and Devanagari snippets).
    """

    def __init__(self, metrics: QFontMetricsF) -> None:
        super().__init__()
        self._metrics = metrics

    def __missing__(self, character: str) -> float:
        advance = self[character] = self._metrics.horizontalAdvance(character)
        return advance

    def advance(self, text: str) -> float:
        return sum(map(self.__getitem__, text))


@dataclass(frozen=True)
class _Fonts:
    """A list font, its small heading font, their line spacing and character widths."""

    body: QFont
    small: QFont
    body_spacing: float
    small_spacing: float
    body_widths: _Widths
    small_widths: _Widths

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * SMALL_SCALE)
        elif small.pixelSize() > 0:
            small.setPixelSize(max(1, round(small.pixelSize() * SMALL_SCALE)))
        body_metrics, small_metrics = QFontMetricsF(font), QFontMetricsF(small)
        return cls(
            font,
            small,
            body_metrics.lineSpacing(),
            small_metrics.lineSpacing(),
            _Widths(body_metrics),
            _Widths(small_metrics),
        )

    def formats(self, hit: SearchHit, heading_length: int, heading_colour: QColor
                ) -> list[QTextLayout.FormatRange]:  # fmt: skip
        """The heading small and muted, the snippet's matches bold (after the heading)."""
        heading = QTextLayout.FormatRange()
        heading.start, heading.length = 0, heading_length
        heading.format = QTextCharFormat()
        heading.format.setFont(self.small)
        heading.format.setForeground(heading_colour)
        ranges = [heading]
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        offset = heading_length + 1  # the line separator
        for start, end in hit.highlights:
            matched = QTextLayout.FormatRange()
            matched.start, matched.length, matched.format = offset + start, end - start, bold
            ranges.append(matched)
        return ranges


_WRAP = QTextOption()
_WRAP.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
LINE_SEPARATOR = "\u2028"  # the heading's end: the snippet starts a line of its own


def _lines(advance: float, width: float) -> int:
    """Lines a text of this one-line width wraps into, with room for bold and word breaks."""
    return max(1, math.ceil(advance * BOLD_ALLOWANCE / width))


class HitDelegate(QStyledItemDelegate):
    """Draws a hit's heading and snippet, matches in bold, in one text layout."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, _Fonts] = {}
        self._last: tuple[QFont, _Fonts] | None = None
        # Row heights of the hits on show, by the hit's identity, the width and font:
        # the list asks again when a row is selected or the view relaid.
        self._sizes: dict[int, tuple[SearchHit, float, _Fonts, QSize]] = {}

    def fonts(self, font: QFont) -> _Fonts:
        if self._last is not None and self._last[0] == font:
            return self._last[1]  # a row like the last (QFont.key() costs more than ==)
        key = font.key()
        if (found := self._fonts.get(key)) is None:
            found = self._fonts[key] = _Fonts.of(QFont(font))  # the option's font dies with it
        self._last = (found.body, found)
        return found

    @staticmethod
    def text_width(option: QStyleOptionViewItem) -> float:
        return float(max(80, option.rect.width() - 4 * MARGIN))  # MARGIN, twice, each side

    def laid_out(self, option: QStyleOptionViewItem, hit: SearchHit,
                 heading_colour: QColor | None = None) -> tuple[QTextLayout, float]:  # fmt: skip
        """The heading over the snippet laid out at the row's width, and the row's height."""
        fonts = self.fonts(option.font)
        heading = heading_text(hit)
        layout = QTextLayout(heading + LINE_SEPARATOR + hit.snippet, fonts.body)
        layout.setTextOption(_WRAP)
        layout.setFormats(fonts.formats(hit, len(heading), heading_colour or QColor(MUTED)))
        width = self.text_width(option)
        layout.beginLayout()
        y = float(MARGIN)
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout, y + MARGIN

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:  # the row's background, selection and focus, no text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        layout, _height = self.laid_out(option, hit, QColor(MUTED_SELECTED if selected else MUTED))
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(QRectF(option.rect))
        painter.setPen(option.palette.color(text_role))
        layout.draw(painter, QPointF(option.rect.left() + 2 * MARGIN, option.rect.top() + 2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hit = index.data(HIT_ROLE)
        width = self.text_width(option) if option.rect.width() > 0 else 320.0
        fonts = self.fonts(option.font)
        if not isinstance(hit, SearchHit):
            return QSize(int(width), math.ceil(fonts.body_spacing) + 6)
        known = self._sizes.get(id(hit))
        if known is not None and known[0] is hit and known[1] == width and known[2] is fonts:
            return known[3]
        heading = _lines(fonts.small_widths.advance(heading_text(hit)), width) * fonts.small_spacing
        snippet = _lines(fonts.body_widths.advance(hit.snippet), width) * fonts.body_spacing
        size = QSize(int(width), math.ceil(heading + snippet) + ROW_PADDING)
        if len(self._sizes) > SIZES_KEPT:
            self._sizes.clear()
        self._sizes[id(hit)] = (hit, width, fonts, size)
        return size
