"""The datasets dock: import on a worker thread, browse pages, sort, filter,
pin a row to a claim and follow it back, chart a column, cancel and bad files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from annotator.models import Claim
from ui.datasets.chart import ChartWidget, nice_ticks
from ui.datasets.table import PAGE_ROWS
from ui.datasets.view import DatasetPanel
from ui.shell.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pay_index.csv"


@pytest.fixture
def panel(window: MainWindow) -> Iterator[DatasetPanel]:
    yield window.evidence.datasets
    window.session.undo_stack.clear()


def import_and_wait(qtbot: QtBot, panel: DatasetPanel, path: Path, name: str) -> None:
    with qtbot.waitSignal(panel.runner.ended, timeout=60_000):
        assert panel.import_file(path, name)


def cell(panel: DatasetPanel, row: int, column: int) -> str:
    return str(panel.model.data(panel.model.index(row, column)))


def test_import_browse_sort_filter_and_undo(
    qtbot: QtBot, window: MainWindow, panel: DatasetPanel
) -> None:
    import_and_wait(qtbot, panel, SAMPLE, "Pay index")
    assert panel.current_name() == "Pay index"
    assert window.statusBar().currentMessage() == "Imported dataset Pay index"
    assert panel.model.rowCount() == 18 and panel.model.columnCount() == 5
    assert cell(panel, 17, 0) == "2025"
    assert "18 rows" in panel.info.text() and "utf-8" in panel.info.text()
    panel.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # real_pay_index, lowest first
    assert cell(panel, 0, 0) == "2023"
    assert panel.model.row_number(0) == 16
    panel.filter_box.setText("illustrative")
    qtbot.waitUntil(lambda: panel.model.filter == "illustrative")
    assert panel.model.rowCount() == 18
    qtbot.keyClicks(panel.filter_box, "x")
    qtbot.waitUntil(lambda: panel.model.filter == "illustrativex")
    assert panel.model.rowCount() == 0
    panel.filter_box.setText("2024")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert "1 of 18 rows" in panel.info.text()
    window.session.undo_stack.undo()
    assert panel.current_name() is None and window.session.project.datasets.list() == []
    window.session.undo_stack.redo()
    assert panel.current_name() == "Pay index" and panel.model.rowCount() == 18


def test_pin_a_row_and_follow_it_back(
    qtbot: QtBot, window: MainWindow, panel: DatasetPanel
) -> None:
    project = window.session.project
    article = project.articles.list()[0]
    claim: Claim = project.claims.mark(article.id, 0, 30)
    import_and_wait(qtbot, panel, SAMPLE, "Pay index")
    assert not panel.pin_button.isEnabled()  # no claim yet
    window.session.set_current_claim(claim.id)
    assert panel.pin_button.isEnabled()
    panel.table.selectRow(17)
    assert panel.selected_rows() == [18]
    dialog = panel.pin_dialog()
    assert dialog is not None
    dialog.set_relation("refutes")
    dialog.note.setText("2025 index is 79.4")
    dialog.accept()
    evidence = window.evidence.panel
    [row] = evidence.model.rows
    assert (row.kind, row.relation, row.text) == ("dataset", "refutes", "Pay index row 18")
    panel.table.clearSelection()
    panel.show_dataset("Pay index", 1)
    window.evidence.datasets_dock.hide()
    evidence.follow(evidence.entries()[0])
    assert window.evidence.datasets_dock.isVisible()
    assert panel.selected_rows() == [18]
    window.session.undo_stack.undo()
    assert evidence.model.rows == []


def test_bad_file_is_reported_once_and_nothing_imported(
    tmp_path: Path,
    qtbot: QtBot,
    window: MainWindow,
    panel: DatasetPanel,
    boxes: list[tuple[str, str]],
) -> None:
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("a,b\n1,2\n3\n", encoding="utf-8")
    import_and_wait(qtbot, panel, ragged, "r")
    assert len(boxes) == 1
    title, text = boxes[0]
    assert title == "Import dataset failed"
    assert str(ragged) in text and "line 3 has 1 fields" in text
    assert window.session.project.datasets.list() == []
    assert window.session.undo_stack.count() == 0
    assert panel.import_button.isEnabled()


def test_import_shows_progress_and_cancel_leaves_nothing(
    tmp_path: Path, qtbot: QtBot, window: MainWindow, panel: DatasetPanel
) -> None:
    big = tmp_path / "big.csv"
    big.write_text("a,b\n" + "".join(f"{i},{i / 3}\n" for i in range(200_000)), encoding="utf-8")
    assert panel.import_file(big, "big")
    progress = panel.runner.progress
    assert progress is not None and progress.isVisible() and not progress.isModal()
    assert not panel.import_button.isEnabled()
    assert not panel.import_file(big, "again")  # one at a time, said in the status bar
    assert "already running" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "big.csv" in progress.label.text(), timeout=20_000)
    with qtbot.waitSignal(panel.runner.ended, timeout=5_000):
        progress.cancel_button.click()
    assert window.session.project.datasets.list() == []
    assert window.session.undo_stack.count() == 0
    assert panel.import_button.isEnabled()
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_large_table_pages_on_demand(tmp_path: Path, qtbot: QtBot, panel: DatasetPanel) -> None:
    big = tmp_path / "rows.csv"
    big.write_text(
        "n,square\n" + "".join(f"{i},{i * i}\n" for i in range(1, 5001)), encoding="utf-8"
    )
    import_and_wait(qtbot, panel, big, "squares")
    assert panel.model.rowCount() == 5000
    assert len(panel.model._pages) <= 2  # only what the view showed was fetched
    assert cell(panel, 4999, 1) == str(5000 * 5000)
    assert len(panel.model._pages) <= 3
    panel.show_dataset("squares", 4321)
    assert panel.selected_rows() == [4321]
    assert PAGE_ROWS < 4321


def test_chart_paints_the_series(qtbot: QtBot, panel: DatasetPanel) -> None:
    import_and_wait(qtbot, panel, SAMPLE, "Pay index")
    panel.set_chart("real_pay_index", "year", "line")
    assert panel.chart.labels[0] == "2008" and panel.chart.values[-1] == pytest.approx(79.4)
    assert "real_pay_index by year" in panel.chart.title
    panel.chart.resize(480, 260)
    image = QImage(panel.chart.size(), QImage.Format.Format_ARGB32)
    panel.chart.render(image)
    blue = QColor("#1a5fb4").rgb()
    assert any(image.pixel(x, y) == blue for x in range(0, 480, 2) for y in range(0, 260, 2))
    panel.set_chart("basic_pay_gbp", "year", "bar")
    assert panel.chart.kind == "bar"


def test_chart_of_nothing_says_so(qtbot: QtBot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_series("empty", ["a", "b"], [None, float("nan")])
    assert chart.values == [None, None]
    chart.resize(300, 200)
    chart.grab()  # paints without error


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (76.2, 100, [75, 80, 85, 90, 95, 100]),
        (5, 5, [4, 4.5, 5, 5.5, 6]),
    ],
)
def test_nice_ticks_are_round(low: float, high: float, expected: list[float]) -> None:
    assert nice_ticks(low, high) == expected


def test_an_import_finishing_after_a_project_switch_stays_out_of_the_new_history(
    tmp_path: Path, qtbot: QtBot, window: MainWindow, panel: DatasetPanel
) -> None:
    from annotator.project import Project

    with qtbot.waitSignal(panel.runner.ended, timeout=60_000):
        assert panel.import_file(SAMPLE, "Pay index")
        window.session.replace(Project.open(tmp_path / "other.sqlite"))
    assert window.session.undo_stack.count() == 0
    assert window.session.project.datasets.list() == []


def test_add_dataset_rows_from_the_evidence_panel_shows_the_datasets(
    window: MainWindow, panel: DatasetPanel
) -> None:
    project = window.session.project
    claim = project.claims.mark(project.articles.list()[0].id, 0, 30)
    window.session.set_current_claim(claim.id)
    window.evidence.datasets_dock.hide()
    window.evidence.panel.add_actions["dataset"].trigger()
    assert window.evidence.datasets_dock.isVisible()
