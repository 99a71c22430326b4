"""Side by side: two panes, claims tagged on each side, the compare, figures,
balance and matches views, and the quantities editor, driven as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from annotator.models import Changes, ImportedArticle
from annotator.project import Project
from tests import sample_marks
from ui.compare.view import MAX_CELL_HEIGHT
from ui.reader.frame import article_ids_from
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession


def mark_samples(project: Project, window: MainWindow | None = None) -> list:  # type: ignore[type-arg]
    """Mark the sample claims, then tell the views (as a GUI action would)."""
    claims = sample_marks.mark_samples(project)
    if window is not None:
        window.session.notify(Changes(everything=True))
    return claims


def articles_by_file(project: Project) -> dict[str, int]:
    return {(a.source_name or "").rsplit("/", 1)[-1]: a.id for a in project.articles.list()}


def two_panes(window: MainWindow) -> tuple[int, int]:
    ids = articles_by_file(window.session.project)
    left, right = ids["bma_rejects_offer.md"], ids["strike_ends_scrape.txt"]
    window.open_article(left)
    window.actions["new_pane"].trigger()
    window.open_article(right)
    return left, right


def test_two_panes_each_with_its_article(qtbot: QtBot, window: MainWindow) -> None:
    left, right = two_panes(window)
    area = window.reader_area
    assert [p.article_id for p in area.panes()] == [left, right]
    assert window.reader is area.panes()[1]
    with qtbot.waitSignal(window.reader_changed) as blocker:
        area.set_active(area.panes()[0])
    assert blocker.args == [area.panes()[0]] and window.reader.article_id == left
    assert window.claims.pane is area.panes()[0]  # the claims panel follows the active pane
    closing = area.panes()[0]
    assert closing in window.claims.layers  # each pane paints its claims
    window.actions["close_pane"].trigger()
    assert [p.article_id for p in area.panes()] == [right]
    assert closing not in window.claims.layers
    window.actions["close_pane"].trigger()  # the last pane stays, emptied
    assert len(area.panes()) == 1 and area.panes()[0].article_id is None


def test_drag_an_article_from_the_library_onto_a_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.actions["new_pane"].trigger()
    model = window.library.model
    mime = model.mimeData([model.index(2, 0)])
    (article_id,) = article_ids_from(mime)
    frame = window.reader_area.frames[0]
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    frame.dropEvent(drop)
    assert frame.pane.article_id == article_id
    assert window.reader is frame.pane


def test_layout_is_remembered(qtbot: QtBot, window: MainWindow, sample_project: Project) -> None:
    left, right = two_panes(window)
    window.close()
    again = MainWindow(ProjectSession(sample_project))
    qtbot.addWidget(again)
    again.show()
    assert [p.article_id for p in again.reader_area.panes()] == [left, right]


def test_selecting_a_claim_shows_its_links_in_the_other_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    two_panes(window)
    claims = mark_samples(window.session.project, window)
    in_md, in_scrape = claims[1], claims[5]  # the union's 21% and "a fifth less"
    window.session.project.links.add(in_md.id, in_scrape.id, "same")
    window.session.set_current_claim(in_md.id)
    scrape_frame = window.reader_area.frames[1]
    assert scrape_frame.links.isVisibleTo(window)
    assert "Same claim" in scrape_frame.links.text() and "a fifth less" in scrape_frame.links.text()
    assert not window.reader_area.frames[0].links.isVisibleTo(window)
    window.session.set_current_claim(None)
    assert not scrape_frame.links.isVisibleTo(window)


def test_compare_view_cells_after_tagging_in_two_panes(qtbot: QtBot, window: MainWindow) -> None:
    left, right = two_panes(window)
    project = window.session.project
    union = project.claims.mark_quote(
        left, "resident doctors earn around 21% less than their counterparts did in 2008"
    )
    project.claims.tag(union.id, speaker="BMA", side="union", topics=["pay"], stance="against")
    government = project.claims.mark_quote(
        right, "resident doctors have received rises adding up to almost 29 over three years"
    )
    project.claims.tag(
        government.id, speaker="Ministers", side="government", topics=["pay"], verdict="misleading"
    )
    untagged = project.claims.mark_quote(right, "Exam fees, career progression")
    project.claims.tag(untagged.id, side="government")
    window.actions["compare_sides"].trigger()
    view = window.compare.compare
    qtbot.waitUntil(view.isVisible)
    assert view.cell("pay", 0).claim_ids == [union.id]
    assert view.cell("pay", 1).claim_ids == [government.id]
    assert (
        "BMA" in view.cell("pay", 0).toPlainText()
        and "misleading" in view.cell("pay", 1).toPlainText()
    )
    assert view.cell("untagged", 1).claim_ids == [untagged.id]
    assert "No claims" in view.cell("training places", 0).toPlainText()
    # a click opens the claim in its article, in the pane that shows it
    window.reader_area.set_active(window.reader_area.panes()[1])
    view.cell("pay", 0).anchorClicked.emit(QUrl(f"claim:{left}:{union.id}"))
    assert window.reader.article_id == left and window.session.current_claim == union.id
    # filters: only the scrape
    view.article.setCurrentIndex(view.article.findData(right))
    view.reload()
    assert view.cell("pay", 0).claim_ids == [] and view.cell("pay", 1).claim_ids == [government.id]


def test_compare_view_with_hundreds_of_claims_and_an_empty_side(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    text = " ".join(f"Point {i}: pay is {i}% lower." for i in range(200))
    outcome = project.articles.add(ImportedArticle(text=text, title="Many", source_format="txt"))
    assert outcome.article_id is not None
    for i in range(200):
        claim = project.claims.mark_quote(outcome.article_id, f"Point {i}:")
        project.claims.tag(claim.id, side="union", topics=["pay"])
    window.actions["compare_sides"].trigger()
    view = window.compare.compare
    view.set_sides("union", "employer")
    cell = view.cell("pay", 0)
    assert len(cell.claim_ids) == 200
    assert cell.height() <= MAX_CELL_HEIGHT
    qtbot.waitUntil(lambda: cell.verticalScrollBar().maximum() > 0)  # the rest scrolls
    assert all(not view.cell(row.topic, 1).claim_ids for row in view.table.rows)  # type: ignore[union-attr]


def test_export_the_comparison(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    mark_samples(window.session.project, window)
    window.actions["compare_sides"].trigger()
    target = tmp_path / "compare.md"
    assert window.compare.compare.export_to("md", str(target))
    text = target.read_text("utf-8")
    assert text.startswith("| Topic | union | government |") and "a fifth less" in text


def test_figures_view_shows_the_sides_measuring_different_things(
    qtbot: QtBot, window: MainWindow
) -> None:
    mark_samples(window.session.project, window)
    window.actions["figures_view"].trigger()
    view = window.compare.figures
    qtbot.waitUntil(view.isVisible)
    qtbot.waitUntil(lambda: not view.parsing.running)  # the new claims' figures, read on a job
    assert view.subject.currentText() == "resident doctors' pay"
    rows = [(info["side"], q) for q, info in view.model.rows]
    union_fall = [q for side, q in rows if side == "union" and q.direction == "fall"]
    government = [q for side, q in rows if side == "government"]
    assert any(q.base_year == 2008 and q.measure == "RPI" and q.basis == "real" for q in union_fall)
    assert government and all(q.value in (29, 5.4) for q in government)
    assert any("Different baselines" in m for m in view.finding_messages())
    assert any("Consistent" in m for m in view.finding_messages())  # 21% fall, 26% to restore


def test_quantities_editor_corrects_and_undoes(qtbot: QtBot, window: MainWindow) -> None:
    claims = mark_samples(window.session.project, window)
    government = claims[0]  # "...almost 29% in three years."
    window.session.set_current_claim(government.id)
    window.actions["edit_figures"].trigger()
    editor = window.compare.editors[government.id]
    model = editor.model
    assert [q.value for q in model.rows] == [29]
    basis_column = next(
        i
        for i in range(model.columnCount())
        if model.headerData(i, Qt.Orientation.Horizontal) == "Cash/real"
    )
    assert model.setData(model.index(0, basis_column), "cash")
    assert model.rows[0].basis == "cash" and model.rows[0].corrected
    window.session.undo_stack.undo()
    assert model.rows[0].basis is None and not model.rows[0].corrected
    window.session.undo_stack.redo()
    assert model.rows[0].basis == "cash"
    assert not model.setData(model.index(0, 0), "lots")  # refused, nothing changes
    assert model.rows[0].value == 29
    editor.add_figure()
    assert len(model.rows) == 2
    window.session.undo_stack.undo()
    assert len(model.rows) == 1


def test_match_suggestions_confirm_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    claims = mark_samples(window.session.project, window)
    window.actions["match_view"].trigger()
    view = window.compare.matches
    qtbot.waitUntil(view.isVisible)
    window.session.set_current_claim(claims[5].id)  # Fletcher: "a fifth less than in 2008"
    assert view.suggestions and all(s.claim_id == claims[5].id for s in view.suggestions)
    best = view.suggestions[0]
    view.confirm_selected()
    links = window.session.project.links.list(claims[5].id)
    assert [(lk.relation, lk.other(claims[5].id)) for lk in links] == [("same", best.other_id)]
    assert best.other_id not in [s.other_id for s in view.suggestions]
    window.session.undo_stack.undo()
    assert window.session.project.links.list(claims[5].id) == []


def test_match_suggestions_for_every_claim_on_a_worker(qtbot: QtBot, window: MainWindow) -> None:
    mark_samples(window.session.project, window)
    window.actions["match_view"].trigger()
    view = window.compare.matches
    view.mode.setCurrentIndex(1)
    view.reload()
    qtbot.waitUntil(lambda: not view.busy(), timeout=60_000)
    assert len(view.suggestions) >= 8
    view.dismiss_selected()
    assert len(view.suggestions) >= 7


def test_balance_view(qtbot: QtBot, window: MainWindow) -> None:
    claims = mark_samples(window.session.project, window)
    window.session.project.claims.tag(claims[1].id, status="checked", verdict="true")
    window.actions["balance_view"].trigger()
    view = window.compare.balance
    qtbot.waitUntil(view.isVisible)
    rows = {(r.side, r.topic): r for r in view.model.rows}
    assert rows[("union", "pay")].marked == 6 and rows[("union", "pay")].checked == 1
    assert rows[("union", "pay")].verdicts["true"] == 1


def test_compare_menu_actions_have_shortcuts(window: MainWindow) -> None:
    for key in (
        "new_pane",
        "close_pane",
        "compare_sides",
        "figures_view",
        "balance_view",
        "match_view",
        "edit_figures",
    ):
        assert not window.actions[key].shortcut().isEmpty(), key


def test_pane_bar_click_makes_it_active(qtbot: QtBot, window: MainWindow) -> None:
    two_panes(window)
    first = window.reader_area.frames[0]
    qtbot.mouseClick(first.pane.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    assert window.reader is first.pane
