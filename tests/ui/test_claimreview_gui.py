"""What a ClaimReview needs, set from the window: the publisher, each claim's review page,
each speaker's kind; and an export dialog that remembers how the user exports."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator import publisher as pub
from annotator.models import Claim
from ui.exchange import export_choices
from ui.exchange.export_dialog import ExportDialog
from ui.registry.publisher import PublisherDialog
from ui.registry.speakers import SpeakersDialog
from ui.shell.main_window import MainWindow

REVIEW = "https://checkpoint.example/fact-checks/nhs-pay-83"


@pytest.fixture(autouse=True)
def no_remembered_choices() -> Iterator[None]:
    export_choices.forget()
    yield
    export_choices.forget()


@pytest.fixture
def claim(qtbot: QtBot, window: MainWindow) -> Claim:
    project = window.session.project
    article = next(a for a in project.articles.list() if a.outlet == "NHS FightBack")
    window.open_article(article.id)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)
    text = project.articles.get(article.id).text
    start = text.index("by 83 percent")
    window.reader.view.select_span(start, start + len("by 83 percent"))
    window.actions["mark_claim"].trigger()
    assert window.session.current_claim is not None
    return project.claims.get(window.session.current_claim)


def _type(qtbot: QtBot, field: object, text: str) -> None:
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)  # type: ignore[arg-type]


def test_project_publisher_dialog_checks_saves_and_undoes(qtbot: QtBot, window: MainWindow) -> None:
    db = window.session.project.db
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert "&Publisher…" in [a.text() for a in menus["&Project"].actions()]
    window.actions["publisher"].trigger()
    dialog = next(w for w in window.findChildren(PublisherDialog) if w.isVisible())
    _type(qtbot, dialog.name, "Checkpoint")
    _type(qtbot, dialog.url, "checkpoint.example")  # no scheme: not a web address
    dialog.save_button.click()
    assert (
        dialog.isVisible()
        and "publisher URL must be an http(s) web address" in dialog.message.text()
    )
    assert pub.get(db) is None
    _type(qtbot, dialog.url, "https://checkpoint.example/")
    _type(qtbot, dialog.logo, "https://checkpoint.example/logo.png")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert pub.get(db) == pub.Publisher(
        "Checkpoint", "https://checkpoint.example/", "https://checkpoint.example/logo.png"
    )
    window.actions["undo"].trigger()
    assert pub.get(db) is None
    window.actions["redo"].trigger()
    assert pub.get(db) is not None and pub.get(db).name == "Checkpoint"  # type: ignore[union-attr]
    again = PublisherDialog(window.session, window)  # opens on what is stored
    qtbot.addWidget(again)
    assert (again.name.text(), again.url.text()) == ("Checkpoint", "https://checkpoint.example/")


def test_claim_form_review_url_saved_refused_and_undone(
    qtbot: QtBot, window: MainWindow, claim: Claim
) -> None:
    project = window.session.project
    field = window.claims.editor.review_url
    problem = window.claims.editor.review_problem
    field.setFocus()
    _type(qtbot, field, "javascript:alert(1)")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert project.claims.get(claim.id).review_url is None
    assert (
        problem.isVisibleTo(window)
        and "review URL must be an http(s) web address" in problem.text()
    )
    _type(qtbot, field, REVIEW)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert project.claims.get(claim.id).review_url == REVIEW
    assert not problem.isVisibleTo(window)
    window.actions["undo"].trigger()
    assert project.claims.get(claim.id).review_url is None and field.text() == ""
    window.actions["redo"].trigger()
    assert field.text() == REVIEW


def test_speakers_dialog_sets_a_speakers_kind(qtbot: QtBot, window: MainWindow) -> None:
    project = window.session.project
    bma = project.speakers.create("British Medical Association", aliases=["the BMA"])
    dialog = SpeakersDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select(bma.id)
    assert dialog.kind.currentData() == "person"
    kind_column = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ].index("Kind")
    row = dialog.table.currentRow()
    assert dialog.table.item(row, kind_column).text() == "Person"
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # Person -> Organisation, as a user picks it
    assert project.speakers.get(bma.id).kind == "organisation"
    # The table shows the kind at once, so a user scanning the list sees who is an Organization.
    assert dialog.table.item(dialog.table.currentRow(), kind_column).text() == "Organisation"
    window.actions["undo"].trigger()
    assert project.speakers.get(bma.id).kind == "person"
    assert dialog.kind.currentData() == "person"
    assert dialog.table.item(dialog.table.currentRow(), kind_column).text() == "Person"


def _export(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)


def test_export_dialog_remembers_scope_and_folder_and_names_each_format(
    qtbot: QtBot, window: MainWindow, claim: Claim, tmp_path: Path
) -> None:
    project = window.session.project
    stem = project.path.stem  # type: ignore[union-attr]
    dialog = ExportDialog(window.session, claim.article_id, window)
    qtbot.addWidget(dialog)
    assert dialog.article.currentData() == claim.article_id  # nothing remembered: the open one
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    json_name = Path(dialog.path.text()).name
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    assert Path(dialog.path.text()).name == f"{stem}-claimreview.json" != json_name
    assert dialog.draft.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert not dialog.draft.isEnabled()
    dialog.article.setCurrentIndex(0)  # All articles
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.path.setText(str(folder / f"{stem}-claims.csv"))
    before = os.umask(0o022)
    try:
        _export(qtbot, dialog)
    finally:
        os.umask(before)
    assert stat.S_IMODE((folder / f"{stem}-claims.csv").stat().st_mode) == 0o644
    later = ExportDialog(window.session, claim.article_id, window)
    qtbot.addWidget(later)
    assert later.article.currentData() is None  # All articles again, though an article is open
    assert Path(later.path.text()).parent == folder


def test_export_dialog_lists_what_claimreview_skipped_and_writes_a_draft(
    qtbot: QtBot, window: MainWindow, claim: Claim, tmp_path: Path
) -> None:
    project = window.session.project
    project.claims.tag(claim.id, verdict="misleading")  # a verdict, no review page yet
    text = project.articles.get(claim.article_id).text
    start = text.index("percent") + 20
    unrated = project.claims.mark(claim.article_id, start, start + 12)  # no verdict: no review
    dialog = ExportDialog(window.session, claim.article_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    target = tmp_path / "reviews.json"
    dialog.path.setText(str(target))
    dialog.draft.setChecked(True)
    _export(qtbot, dialog)
    assert dialog.isVisible()  # stays open on the list of what was left out
    assert "1 claims written" in dialog.message.text()
    assert f"skipped claim {unrated.id}" in dialog.message.text()
    assert "no verdict" in dialog.message.text() and dialog.cancel_button.text() == "Close"
    reviews = json.loads(target.read_text("utf-8"))
    assert [r["claimReviewed"] for r in reviews] == [claim.quote]
    assert "url" not in reviews[0]  # a draft: no page yet
