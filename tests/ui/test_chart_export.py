"""Charts: a long title wraps inside the chart instead of being cut at both ends,
and File > Save chart as… writes the chart as PNG or SVG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.test_dataset_view import SAMPLE, import_and_wait
from ui.datasets.chart import ChartWidget
from ui.shell.main_window import MainWindow

LONG = "Resident doctors' real pay index by year, deflated by RPI, 2008 = 100 (first 5,000 rows)"


def test_a_long_title_wraps_inside_the_chart(qtbot: QtBot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.resize(300, 260)
    chart.set_series(LONG, ["2008", "2009", "2010"], [100.0, 97.5, 93.1])
    chart.show()
    title = chart.title_rect()
    assert title.left() >= 0 and title.right() <= chart.width()
    metrics = QFontMetricsF(chart.title_font())
    assert metrics.horizontalAdvance(LONG) > chart.width()  # one line would be cut off
    assert title.height() >= 2 * metrics.lineSpacing()  # so it takes two or more lines
    assert chart.plot_rect().top() >= title.bottom()  # and the plot starts below it


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_file_save_chart_as_writes_png_or_svg(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    panel = window.evidence.datasets
    import_and_wait(qtbot, panel, SAMPLE, "Pay index")
    panel.set_chart("real_pay_index", "year", "line")
    target = tmp_path / f"pay chart{suffix}"
    asked: list[str] = []

    def choose(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    action = window.actions["save_chart"]
    assert action in window.host.menu("file").actions()
    action.trigger()
    assert asked and asked[0].endswith(".png")  # a name from the chart's title is offered
    assert target.exists()
    assert f"Chart saved to {target}" in window.statusBar().currentMessage()
    if suffix == ".png":
        image = QImage(str(target))
        assert not image.isNull() and image.width() >= 200
    else:
        drawing = target.read_text(encoding="utf-8")
        assert "<svg" in drawing and "real_pay_index by year" in drawing


def test_save_chart_without_a_chart_says_what_to_do(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: pytest.fail("no file should be asked for")
    )
    window.actions["save_chart"].trigger()
    assert "Choose a dataset column to chart" in window.statusBar().currentMessage()
