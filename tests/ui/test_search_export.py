"""Search, export and merge driven from the window as a user does it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.exchange.exporters import export_to_path
from annotator.project import Project
from ui.exchange.export_dialog import ExportDialog
from ui.search.panel import HIT_ROLE, SearchPanel
from ui.shell.main_window import MainWindow


@pytest.fixture
def marked(window: MainWindow) -> MainWindow:
    project = window.session.project
    article = next(a for a in project.articles.list() if a.source_name and "bma" in a.source_name)
    claim = project.claims.mark_quote(
        article.id, "Resident doctors' pay has gone up by almost 29% in three years"
    )
    project.claims.tag(claim.id, side="government", verdict="misleading")
    return window


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, title, text, *a, **k: shown.append((title, text))
        )
    return shown


def test_ctrl_f_then_typing_finds_and_opens_the_claim(qtbot: QtBot, marked: MainWindow) -> None:
    window = marked
    window.search.dock.hide()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.search.panel
    assert window.search.dock.isVisible() and panel.box.hasFocus()
    qtbot.keyClicks(panel.box, "29%")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    kinds = [h.kind for h in panel.model.hits]
    assert kinds[0] == "claim" and "article" in kinds
    hit = panel.model.index(0).data(HIT_ROLE)
    assert "29%" in hit.snippet
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.reader.article_id == hit.article_id)
    assert window.session.current_claim == hit.claim_id


def _settled(qtbot: QtBot, panel: SearchPanel) -> None:
    """Wait, as a user looking at the dock does, for the search under way to show."""
    qtbot.waitUntil(lambda: not panel.pending)


def test_search_filters_and_hostile_queries(qtbot: QtBot, marked: MainWindow) -> None:
    panel = marked.search.panel
    for query in ('"', "*", "NEAR(", "-", "%"):
        panel.box.setText(query)
        panel.run()  # never raises
        _settled(qtbot, panel)
        assert "failed" not in panel.status.text()
    panel.box.setText("29%")
    panel.side.setCurrentIndex(panel.side.findData("union"))
    _settled(qtbot, panel)
    assert panel.model.rowCount() == 0  # the claim is the government's; articles drop out
    panel.side.setCurrentIndex(panel.side.findData("government"))
    _settled(qtbot, panel)
    assert [h.kind for h in panel.model.hits] == ["claim"]


def test_the_latest_query_wins(qtbot: QtBot, marked: MainWindow) -> None:
    panel = marked.search.panel
    for word in ("pay", "strike", "29%"):  # typed fast: each overtakes the one before
        panel.box.setText(word)
        panel.run()
    _settled(qtbot, panel)
    assert panel.model.hits and all("29" in h.snippet for h in panel.model.hits)
    panel.box.setText("pay")
    panel.run()
    panel.box.clear()  # emptied before the result came back
    panel.run()
    qtbot.wait(200)
    assert panel.model.rowCount() == 0 and panel.status.text() == ""


def test_results_follow_edits(qtbot: QtBot, marked: MainWindow) -> None:
    panel = marked.search.panel
    panel.kind.setCurrentIndex(panel.kind.findData("claim"))
    panel.box.setText("quarter")
    panel.run()
    _settled(qtbot, panel)
    assert panel.model.rowCount() == 0
    project = marked.session.project
    claim = project.claims.list()[0]
    project.claims.update(claim.id, statement="Up by more than a quarter")
    from annotator.models import Changes

    marked.session.notify(Changes(claims=frozenset({claim.id})))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)


def test_export_dialog_writes_the_file_in_the_background(
    qtbot: QtBot, marked: MainWindow, tmp_path: Path
) -> None:
    dialog = marked.export.open()
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.verdict.setCurrentIndex(dialog.verdict.findData("misleading"))
    dialog.article.setCurrentIndex(0)
    target = tmp_path / "out.json"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    doc = json.loads(target.read_text("utf-8"))
    assert [c["verdict"] for c in doc["claims"]] == ["misleading"]
    assert "1 claims written" in marked.statusBar().currentMessage()


def test_export_to_an_unwritable_place_says_why(
    qtbot: QtBot, marked: MainWindow, tmp_path: Path, boxes: list[tuple[str, str]]
) -> None:
    dialog = ExportDialog(marked.session, None, marked)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "missing" / "out.csv"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(boxes), timeout=20_000)
    assert boxes[0][0] == "Export failed" and "cannot be written" in boxes[0][1]
    assert dialog.export_button.isEnabled()


def test_merge_is_one_undoable_step(
    qtbot: QtBot, marked: MainWindow, tmp_path: Path, boxes: list[tuple[str, str]]
) -> None:
    source = marked.session.project
    colleague = Project.open(tmp_path / "colleague.sqlite")
    from annotator.samples.articles import seed_samples

    seed_samples(colleague, claims=False)
    article = colleague.articles.list()[0]
    text = colleague.articles.get(article.id).text
    colleague.claims.mark(article.id, 0, 20)
    out = tmp_path / "colleague.json"
    export_to_path(colleague, "json", out)
    colleague.close()
    before = len(source.claims.list())
    with qtbot.waitSignal(marked.merge.runner.ended, timeout=20_000):
        assert marked.merge.merge(out)
    report = marked.merge.report
    assert report is not None and report.added["claims"] == 1
    assert len(source.claims.list()) == before + 1
    assert boxes[-1][0] == "Merged colleague.json" and "Added: 1 claims" in boxes[-1][1]
    assert any(c.quote == text[:20].strip() for c in source.claims.list())
    marked.session.undo_stack.undo()
    assert len(source.claims.list()) == before
    marked.session.undo_stack.redo()
    assert len(source.claims.list()) == before + 1


def test_a_bad_merge_file_changes_nothing(
    qtbot: QtBot, marked: MainWindow, tmp_path: Path, boxes: list[tuple[str, str]]
) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"some": "thing else"}', encoding="utf-8")
    count = marked.session.undo_stack.count()
    with qtbot.waitSignal(marked.merge.runner.ended, timeout=20_000):
        assert marked.merge.merge(path)
    assert marked.merge.report is None
    assert boxes == [
        (
            "Cannot merge",
            f"{path}: is JSON but not a claim set (expected annotator JSON, W3C Web Annotation or a Hypothesis export)",
        )
    ]
    assert marked.session.undo_stack.count() == count


def test_search_dock_shows_a_page_and_the_count_and_fetches_more(
    qtbot: QtBot, marked: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.search.panel

    monkeypatch.setattr(ui.search.panel, "PAGE_SIZE", 2)
    panel = marked.search.panel
    panel.kind.setCurrentIndex(panel.kind.findData("claim"))
    project = marked.session.project
    article = project.articles.list()[0]
    text = project.articles.get(article.id).text
    start = 0
    for _ in range(4):  # four claims holding "the"
        start = text.index(" the ", start) + 1
        project.claims.mark(article.id, start, start + 12)
        start += 12
    total = project.search.search("the", kinds=("claim",)).totals["claim"]
    assert total >= 4
    panel.box.setText("the")
    panel.run()
    _settled(qtbot, panel)
    assert panel.model.rowCount() == 2
    assert panel.status.text().startswith(f"Showing 2 of {total}")
    assert panel.more.isVisibleTo(panel)
    first_page = [h.id for h in panel.model.hits]
    while panel.more.isVisibleTo(panel):
        panel.more.click()
        _settled(qtbot, panel)
    ids = [h.id for h in panel.model.hits]
    assert ids[:2] == first_page and len(ids) == len(set(ids)) == total
    assert panel.status.text().startswith(f"Showing {total} of {total}")
    panel.box.setText("no such words anywhere")
    panel.run()
    _settled(qtbot, panel)
    assert panel.status.text() == "Nothing found" and not panel.more.isVisibleTo(panel)
