"""File > Save chart as…: the dataset chart as a PNG picture or an SVG drawing.

A checker pastes the chart into a write-up or a fact-check page. PNG is the
chart as drawn (at the screen's pixel ratio); SVG is the same painting
recorded as vectors, so it scales. The format follows the chosen file name's
suffix (PNG when it has none).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.datasets.chart import ChartWidget

FILTERS = "PNG image (*.png);;SVG drawing (*.svg)"


class ChartExportError(Exception):
    """The chart could not be written (the message names the file)."""


def save_chart(chart: ChartWidget, path: Path) -> Path:
    """Write the chart to `path` (.svg: vectors, anything else: PNG); the path written."""
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_name(path.name + ".png")
    # As big as on screen, but never smaller than the chart's preferred size: in a
    # narrow bottom panel (1280x800) the widget may be 180 px wide, too small a file.
    size = chart.size().expandedTo(chart.sizeHint()) if chart.isVisible() else chart.sizeHint()
    if path.suffix.lower() == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(chart.title or "Chart")
        generator.setDescription(chart.accessibleDescription())
        painter = QPainter()
        if not painter.begin(generator):
            raise ChartExportError(f"{path}: cannot be written")
        try:
            chart.paint_on(painter, size)
        finally:
            painter.end()
        if not path.exists() or path.stat().st_size == 0:
            raise ChartExportError(f"{path}: cannot be written")
        return path
    ratio = max(1.0, chart.devicePixelRatioF())
    image = QImage(
        round(size.width() * ratio), round(size.height() * ratio), QImage.Format.Format_ARGB32
    )
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    try:
        chart.paint_on(painter, size)
    finally:
        painter.end()
    if not image.save(str(path)):  # the suffix says PNG
        raise ChartExportError(f"{path}: cannot be written")
    return path


def ask_and_save(chart: ChartWidget, parent: QWidget, folder: Path | None = None) -> str:
    """Ask for a file, save; the status line to show ("" when cancelled)."""
    if not chart.has_series():
        return "Choose a dataset column to chart first (Datasets dock)."
    suggested = _file_name(chart.title)
    start = str((folder or Path.home()) / suggested)
    chosen, _filter = QFileDialog.getSaveFileName(parent, "Save chart as", start, FILTERS)
    if not chosen:
        return ""
    try:
        written = save_chart(chart, Path(chosen))
    except ChartExportError as exc:
        return str(exc)
    return f"Chart saved to {written}"


def _file_name(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return ("-".join(keep.split())[:80] or "chart") + ".png"
