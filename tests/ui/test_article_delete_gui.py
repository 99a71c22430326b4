"""Deleting an article from the window: asked first (saying how many claims go),
one undoable step, the library and the reader follow; undo works after reopening."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.models import ArticleDeletion
from annotator.project import Project
from ui.library import deletion as article_actions
from ui.library.deletion import confirmation
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession
from ui.shell.undo import quote_label


def _open_first(window: MainWindow, qtbot: QtBot) -> int:
    table = window.library.table
    table.setFocus()
    table.selectRow(0)
    article_id = window.reader.article_id
    assert article_id is not None
    return article_id


def _claims(project: Project, article_id: int, count: int) -> list[int]:
    text = project.articles.get(article_id).text
    words = [w for w in dict.fromkeys(text.split()) if len(w) > 6][:count]
    return [project.claims.mark_quote(article_id, w).id for w in words]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[ArticleDeletion]:
    """The confirmation, answered Delete; the deletions it was shown for."""
    seen: list[ArticleDeletion] = []

    def answer(_parent: object, deletion: ArticleDeletion) -> bool:
        seen.append(deletion)
        return True

    monkeypatch.setattr(article_actions, "ask_to_delete", answer)
    return seen


def test_del_in_the_library_asks_deletes_and_undoes(
    qtbot: QtBot, window: MainWindow, asked: list[ArticleDeletion]
) -> None:
    project = window.session.project
    article_id = _open_first(window, qtbot)
    title = project.articles.summary(article_id).title
    claim_ids = _claims(project, article_id, 3)
    window.session.set_current_claim(claim_ids[0])
    titles = window.library.visible_titles()

    qtbot.keyClick(window.library.table, Qt.Key.Key_Delete)
    assert [(d.article_id, d.claims) for d in asked] == [(article_id, 3)]
    assert title not in window.library.visible_titles()
    assert len(window.library.visible_titles()) == len(titles) - 1
    assert window.reader_area.pane_showing(article_id) is None
    assert window.session.current_claim is None
    assert project.claims.count() == 0
    assert window.actions["undo"].text() == f"&Undo Delete article {quote_label(title)}"

    window.actions["undo"].trigger()
    assert window.library.visible_titles() == titles
    assert sorted(c.id for c in project.claims.list(article_id)) == claim_ids
    window.actions["redo"].trigger()
    assert title not in window.library.visible_titles()
    assert project.claims.count() == 0


def test_cancelling_the_question_deletes_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    monkeypatch.setattr(article_actions, "ask_to_delete", lambda *_: False)
    _open_first(window, qtbot)
    before = window.library.visible_titles()
    window.actions["delete_article"].trigger()
    assert window.library.visible_titles() == before
    assert window.session.undo_stack.count() == 0


def test_the_library_context_menu_offers_delete(window: MainWindow) -> None:
    texts = [a.text() for a in window.library.table.actions()]
    assert "D&elete article…" in texts


def test_the_menu_deletes_the_article_being_read(
    qtbot: QtBot, window: MainWindow, asked: list[ArticleDeletion]
) -> None:
    article_id = _open_first(window, qtbot)
    window.library.table.clearSelection()
    window.actions["delete_article"].trigger()
    assert [d.article_id for d in asked] == [article_id]


def test_the_question_says_what_goes_with_the_article() -> None:
    one = ArticleDeletion(7, "Pay talks", 1, 0, 0, 0)
    question, details = confirmation(one)
    assert question == "Delete the article “Pay talks”?"
    assert details.startswith("Its claim goes with it")
    many = ArticleDeletion(7, "Pay talks", 12, 2, 3, 1)
    _, details = confirmation(many)
    assert "Its 12 claims go with it" in details
    assert (
        "2 passages quoted from it as evidence go too, taken from 3 claims in other articles"
        in details
    )
    assert "newer revision" in details and details.endswith("Edit > Undo brings everything back.")
    _, details = confirmation(ArticleDeletion(7, "Bare", 0, 0, 0, 0))
    assert details == "It has no claims. Edit > Undo brings everything back."


def test_a_deletion_undoes_after_reopening_the_project(
    qtbot: QtBot,
    project_path: Path,
    sample_project: Project,
    window: MainWindow,
    asked: list[ArticleDeletion],
) -> None:
    article_id = _open_first(window, qtbot)
    claim_ids = _claims(sample_project, article_id, 2)
    window.actions["delete_article"].trigger()
    window.close()
    sample_project.close()

    with Project.open(project_path, create=False) as project:
        again = MainWindow(ProjectSession(project))
        qtbot.addWidget(again)
        assert "Delete article" in again.actions["undo"].text()
        again.actions["undo"].trigger()
        assert sorted(c.id for c in project.claims.list(article_id)) == claim_ids
        again.close()


def test_several_articles_selected_go_in_one_step_that_undoes_after_reopening(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    project_path: Path,
    sample_project: Project,
    window: MainWindow,
) -> None:
    seen: list[list[ArticleDeletion]] = []

    def answer(_parent: object, deletions: list[ArticleDeletion]) -> bool:
        seen.append(deletions)
        return True

    monkeypatch.setattr(article_actions, "ask_to_delete_several", answer)
    first = _open_first(window, qtbot)
    claim_ids = _claims(sample_project, first, 2)
    table = window.library.table
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = window.library.selected_article_ids()
    assert len(chosen) == 3
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [len(ds) for ds in seen] == [3] and sum(d.claims for d in seen[0]) == 2
    assert sample_project.articles.count() == 0
    assert window.library.visible_titles() == []
    assert window.actions["undo"].text() == "&Undo Delete 3 articles"
    window.close()
    sample_project.close()

    with Project.open(project_path, create=False) as project:
        again = MainWindow(ProjectSession(project))
        qtbot.addWidget(again)
        again.actions["undo"].trigger()
        assert sorted(a.id for a in project.articles.list()) == sorted(chosen)
        assert [project.claims.get(c).article_id for c in claim_ids] == [first, first]
        assert len(again.library.visible_titles()) == 3
        assert again.statusBar().currentMessage() == "Undid: Delete 3 articles"
        again.session.undo_stack.clear()
        again.close()


def test_the_question_for_several_articles_counts_what_goes() -> None:
    from ui.library.deletion import confirmation_of_several

    deletions = [
        ArticleDeletion(1, "A", claims=2, passages=1, other_claims=0, revisions=0),
        ArticleDeletion(2, "B", claims=1, passages=0, other_claims=0, revisions=0),
    ]
    question, details = confirmation_of_several(deletions)
    assert question == "Delete 2 articles?"
    assert "3 claims go with them" in details and "1 passage quoted" in details
    assert "one step" in details
