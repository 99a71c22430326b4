"""Check against data…: from the figures view, a checker picks a series and reads the sum."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.models import ImportedArticle
from annotator.project import Project
from ui.figures.check_dialog import CheckDialog
from ui.figures.view import FiguresView
from ui.shell.session import ProjectSession

TEXT = "Nurses' pay has risen by 33% since 2022. Nurses staged a five-day strike in May.\n"


def _project(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "p.sqlite", create=True)
    outcome = project.articles.add(ImportedArticle(text=TEXT, title="Pay", source_format="text",
                                                   published="2025-06-01"))  # fmt: skip
    article = int(outcome.article_id or 0)
    project.claims.mark_quote(article, "Nurses' pay has risen by 33% since 2022")
    project.claims.mark_quote(article, "Nurses staged a five-day strike in May")
    csv = tmp_path / "pay.csv"
    csv.write_text("year,pay,cpi\n2022,103,100\n2023,115,\n2025,137,140\n", encoding="utf-8")
    project.datasets.import_file(csv, "nurses pay")
    project.quantities.sync()
    return project


def _view(qtbot: QtBot, project: Project) -> FiguresView:
    view = FiguresView(ProjectSession(project))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.subject.setCurrentText("(all subjects)")
    view.reload()
    return view


def test_durations_are_hidden_until_asked_for(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot, _project(tmp_path))
    assert [q.words for q, _ in view.model.rows] == ["33%"]
    qtbot.mouseClick(view.durations, Qt.MouseButton.LeftButton)
    assert sorted(q.unit or "" for q, _ in view.model.rows) == ["%", "day"]


def test_check_the_selected_figure_cash_then_real(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot, _project(tmp_path))
    view.table.selectRow(0)
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(CheckDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.dataset.currentText() == "nurses pay"
    assert dialog.by.currentText() == "year" and dialog.column.currentText() == "pay"
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "Agrees" in dialog.verdict.text()
    shown = dialog.output.toPlainText()
    assert "137 / 103 − 1 = +33%, cash" in shown and "Computed" in shown
    # The claim says nothing of inflation; with the index it is a real-terms sum and fails.
    dialog.index.setCurrentIndex(dialog.index.findText("nurses pay: cpi"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "Disagrees" in dialog.verdict.text() and "real" in dialog.output.toPlainText()


def test_a_year_outside_the_data_is_said_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot, _project(tmp_path))
    view.table.selectRow(0)
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(CheckDialog)
    assert dialog is not None
    dialog.start.setValue(1990)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "Cannot check" in dialog.verdict.text() and "1990" in dialog.output.toPlainText()
    dialog.start.setValue(0)
    dialog.end.setValue(2023)
    dialog.index.setCurrentIndex(dialog.index.findText("nurses pay: cpi"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "2023" in dialog.output.toPlainText() and "empty" in dialog.output.toPlainText()


def test_save_the_check_as_evidence_in_one_undoable_step(qtbot: QtBot, tmp_path: Path) -> None:
    project = _project(tmp_path)
    view = _view(qtbot, project)
    view.table.selectRow(0)
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(CheckDialog)
    assert dialog is not None and not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    links = project.evidence.list(1)
    assert [link.relation for link in links] == ["supports"]
    assert "137 / 103" in links[0].note
    item = project.evidence.get(links[0].evidence.id)
    assert item.kind == "dataset" and list(item.rows) == [1, 3]
    view.session.undo_stack.undo()
    assert project.evidence.list(1) == []
    view.session.undo_stack.redo()
    assert [link.relation for link in project.evidence.list(1)] == ["supports"]
