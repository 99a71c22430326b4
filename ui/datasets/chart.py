"""A small line or bar chart painted with QPainter (PySide6-Essentials has no QtCharts).

Enough to see a series at a glance next to the claim that cites it: a title,
a y axis with round tick values, thinned x labels, gaps for missing values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 18, 40, 46
TARGET_TICKS = 5
SERIES_COLOUR = "#1a5fb4"
GRID_COLOUR = "#e3e3e3"
AXIS_COLOUR = "#555555"
MIN_LABEL_GAP = 8  # pixels between x labels
TITLE_TOP, TITLE_PAD, TITLE_GAP = 6.0, 8.0, 8.0
TITLE_FLAGS = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap
)
YOf = Callable[[float], float]


def nice_ticks(low: float, high: float, count: int = TARGET_TICKS) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0]
    if high == low:
        high, low = high + 1, low - 1
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


def format_tick(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:g}"


class ChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self.title = ""
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.kind = "line"

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def set_series(
        self, title: str, labels: Sequence[str], values: Sequence[float | None], kind: str = "line"
    ) -> None:
        self.title = title
        self.labels = list(labels)
        self.values = [None if v is None or not math.isfinite(v) else float(v) for v in values]
        self.kind = kind
        self.setAccessibleDescription(f"{kind} chart: {title}, {len(self.values)} points")
        self.update()

    def has_series(self) -> bool:
        return any(v is not None for v in self.values)

    def title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        return font

    def title_rect(self, size: QSize | None = None) -> QRectF:
        """Where the title goes: wrapped onto as many lines as the width needs
        (a long dataset and column name was cut off at both ends)."""
        width = (size or self.size()).width()
        metrics = QFontMetricsF(self.title_font())
        room = QRectF(TITLE_PAD, TITLE_TOP, max(1.0, width - 2 * TITLE_PAD), 10_000)
        needed = metrics.boundingRect(room, TITLE_FLAGS, self.title or " ")
        return QRectF(room.left(), room.top(), room.width(), max(needed.height(), metrics.height()))

    def plot_rect(self, size: QSize | None = None) -> QRectF:
        size = size or self.size()
        top = max(float(MARGIN_TOP), self.title_rect(size).bottom() + TITLE_GAP)
        return QRectF(
            MARGIN_LEFT,
            top,
            max(1.0, size.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1.0, size.height() - top - MARGIN_BOTTOM),
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(MARGIN_LEFT + MARGIN_RIGHT + 80, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_on(painter, self.size())
        painter.end()

    def paint_on(self, painter: QPainter, size: QSize) -> None:
        """The whole chart at `size` on any device (the widget, a PNG, an SVG)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
        painter.setFont(self.title_font())
        painter.setPen(QColor("#222222"))
        painter.drawText(self.title_rect(size), TITLE_FLAGS, self.title)
        painter.setFont(self.font())
        present = [v for v in self.values if v is not None]
        if not present:
            painter.setPen(QColor(AXIS_COLOUR))
            painter.drawText(
                QRectF(0, 0, size.width(), size.height()),
                Qt.AlignmentFlag.AlignCenter,
                "No numbers to chart in this column",
            )
            return
        low = min(present + ([0.0] if self.kind == "bar" else []))
        high = max(present + ([0.0] if self.kind == "bar" else []))
        ticks = nice_ticks(low, high)
        low, high = min(ticks[0], low), max(ticks[-1], high)
        rect = self.plot_rect(size)

        def y_of(value: float) -> float:
            return rect.bottom() - (value - low) / (high - low or 1) * rect.height()

        self._draw_axes(painter, rect, ticks, y_of)
        step = rect.width() / max(1, len(self.values))
        self._draw_x_labels(painter, rect, step)
        if self.kind == "bar":
            self._draw_bars(painter, rect, step, y_of, low)
        else:
            self._draw_line(painter, rect, step, y_of)

    def _draw_axes(self, painter: QPainter, rect: QRectF, ticks: list[float], y_of: YOf) -> None:
        metrics = painter.fontMetrics()
        for tick in ticks:
            y = y_of(tick)
            painter.setPen(QPen(QColor(GRID_COLOUR), 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(QColor(AXIS_COLOUR))
            label = format_tick(tick)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, rect.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        painter.setPen(QPen(QColor(AXIS_COLOUR), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.topLeft())

    def _draw_x_labels(self, painter: QPainter, rect: QRectF, step: float) -> None:
        metrics = painter.fontMetrics()
        widest = max((metrics.horizontalAdvance(label) for label in self.labels), default=0)
        every = max(1, math.ceil((widest + MIN_LABEL_GAP) / max(step, 1)))
        painter.setPen(QColor(AXIS_COLOUR))
        for i, label in enumerate(self.labels):
            if i % every:
                continue
            x = rect.left() + step * (i + 0.5)
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() + 4))
            painter.drawText(
                QRectF(x - widest, rect.bottom() + 6, widest * 2, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )

    def _draw_line(self, painter: QPainter, rect: QRectF, step: float, y_of: YOf) -> None:
        path = QPainterPath()
        pen_down = False
        points: list[QPointF] = []
        for i, value in enumerate(self.values):
            if value is None:
                pen_down = False
                continue
            point = QPointF(rect.left() + step * (i + 0.5), y_of(value))
            points.append(point)
            if pen_down:
                path.lineTo(point)
            else:
                path.moveTo(point)
                pen_down = True
        painter.setPen(QPen(QColor(SERIES_COLOUR), 2))
        painter.drawPath(path)
        painter.setBrush(QColor(SERIES_COLOUR))
        for point in points:
            painter.drawEllipse(point, 2.5, 2.5)

    def _draw_bars(
        self, painter: QPainter, rect: QRectF, step: float, y_of: YOf, low: float
    ) -> None:
        base = y_of(max(0.0, low))
        width = max(1.0, step * 0.7)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SERIES_COLOUR))
        for i, value in enumerate(self.values):
            if value is None:
                continue
            x = rect.left() + step * (i + 0.5) - width / 2
            top = y_of(value)
            painter.drawRect(QRectF(x, min(top, base), width, abs(base - top)))
