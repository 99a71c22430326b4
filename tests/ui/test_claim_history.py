"""Undo and redo of marking: the same claim back, across reopening and switching
projects, a claim deleted elsewhere, and the library counts that follow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.history import steps
from annotator.models import Changes, ImportedArticle
from annotator.project import Project
from tests.ui.marking_support import (
    HOSTILE,
    PIECES,
    highlight_ranges,
    mark,
    open_hostile,
    press,
)
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession


def test_undo_and_redo_bring_back_the_same_claim(qtbot: QtBot, window: MainWindow) -> None:
    open_hostile(window, qtbot)
    piece = PIECES["emoji"]
    start = HOSTILE.index(piece)
    claim_id = mark(window, qtbot, start, start + len(piece))
    project = window.session.project
    before = project.claims.get(claim_id)
    assert "Mark claim" in window.actions["undo"].text()

    window.actions["undo"].trigger()
    assert project.claims.count() == 0
    assert window.claims.panel.visible_quotes() == []
    assert highlight_ranges(window) == []

    window.actions["redo"].trigger()
    assert project.claims.get(claim_id) == before
    assert window.claims.panel.visible_quotes() == [piece]
    assert len(highlight_ranges(window)) == 1


def test_undo_after_reopening_the_project(
    qtbot: QtBot, project_path: Path, sample_project: Project, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    press(qtbot, window.reader.view, Qt.Key.Key_1)
    window.close()
    sample_project.close()

    with Project.open(project_path, create=False) as project:
        again = MainWindow(ProjectSession(project))
        qtbot.addWidget(again)
        assert again.actions["undo"].isEnabled()
        again.actions["undo"].trigger()  # the stance
        assert project.claims.get(claim_id).stance is None
        again.actions["undo"].trigger()  # the mark
        assert project.claims.count() == 0
        again.close()

    with Project.open(project_path, create=False) as project:
        third = MainWindow(ProjectSession(project))
        qtbot.addWidget(third)
        assert not third.actions["undo"].isEnabled() or "Mark" not in third.actions["undo"].text()
        third.actions["redo"].trigger()
        assert project.claims.get(claim_id).quote == "Unions insist"
        third.actions["redo"].trigger()
        assert project.claims.get(claim_id).stance == "for"
        third.close()


def test_undo_of_a_claim_deleted_elsewhere_says_so_and_stays_put(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_hostile(window, qtbot)
    start = HOSTILE.index("Unions insist")
    claim_id = mark(window, qtbot, start, start + 13)
    window.session.project.claims.delete(claim_id)  # e.g. from the command line
    stack = window.session.undo_stack
    window.actions["undo"].trigger()
    assert "Cannot undo “Mark claim" in window.statusBar().currentMessage()
    assert (stack.count(), stack.index()) == (1, 1)  # the stack stays where it was
    (entry,) = window.session.project.history.entries()
    assert entry.done
    assert window.session.project.claims.count() == 0  # and nothing changed
    assert "Mark claim" in window.actions["undo"].text()


def test_switching_projects_brings_that_projects_history(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other_path = tmp_path / "other.sqlite"
    with Project.open(other_path) as other:
        article_id = other.articles.add(
            ImportedArticle(text=HOSTILE, title="Hostile", source_format="txt")
        ).article_id
        assert article_id is not None
        steps.do(other, "mark_claim", {"article_id": article_id, "start": 0, "end": 9})
        assert other.claims.count() == 1
    assert not window.actions["undo"].isEnabled()
    assert window.switch_to(other_path, create=False)
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    assert window.session.project.claims.count() == 0


def library_counts(window: MainWindow) -> dict[str, int]:
    model = window.library.model
    return {
        str(model.data(model.index(row, 0))): int(model.data(model.index(row, 3)))
        for row in range(model.rowCount())
    }


def test_library_counts_follow_marks_undos_and_new_articles(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The library refreshes only the changed article's row; the numbers must still be right."""
    article_id = open_hostile(window, qtbot)
    title = window.session.project.articles.summary(article_id).title
    before = library_counts(window)
    mark(window, qtbot, 0, 8)
    assert library_counts(window) == {**before, title: before[title] + 1}
    window.actions["undo"].trigger()
    assert library_counts(window) == before

    project = window.session.project
    new_id = project.articles.add(
        ImportedArticle(text="A fresh piece on rents.", title="Fresh piece", source_format="txt")
    ).article_id
    assert new_id is not None
    window.session.notify(Changes(articles=frozenset({new_id})))
    assert library_counts(window) == {**before, "Fresh piece": 0}
    assert window.library.model.article_id(window.library.model.rowCount() - 1) == new_id
