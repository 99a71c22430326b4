"""The evidence panel driven as a user drives it: each kind attached, undone, redone;
two claims linked across articles and the link followed; a URL opened only on a click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from annotator.models import Claim, ClaimLink, EvidenceLink
from ui.evidence.panel import EvidencePanel
from ui.shell.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pay_index.csv"


@pytest.fixture
def claims(window: MainWindow) -> list[Claim]:
    project = window.session.project
    a, _, c = project.articles.list()
    text_a = project.articles.get(a.id).text
    text_c = project.articles.get(c.id).text
    first = project.claims.mark(a.id, 0, text_a.index(" ", 40))
    second = project.claims.mark(c.id, 0, text_c.index(" ", 40))
    window.session.set_current_claim(first.id)
    return [first, second]


@pytest.fixture
def panel(window: MainWindow, claims: list[Claim]) -> Iterator[EvidencePanel]:
    opened: list[QUrl] = []
    # In sight, as a user drives it (a tab behind the claim form refills only when shown).
    window.host.show_dock("evidence")
    panel = window.evidence.panel
    panel.open_url = lambda url: opened.append(url) or True  # type: ignore[func-returns-value]
    panel.opened = opened  # type: ignore[attr-defined]
    yield panel
    # A stack dropped while dirty signals cleanChanged into a half-destroyed window.
    window.session.undo_stack.clear()


def kinds(panel: EvidencePanel) -> list[str]:
    return [row.kind for row in panel.model.rows]


def test_panel_follows_the_current_claim(
    window: MainWindow, panel: EvidencePanel, claims: list[Claim]
) -> None:
    assert "Claim" in panel.header.text() and panel.add_button.isEnabled()
    window.session.set_current_claim(None)
    assert not panel.add_button.isEnabled() and panel.model.rowCount() == 0
    window.session.set_current_claim(claims[1].id)
    assert f"Claim {claims[1].id}" in panel.header.text()


def test_each_kind_is_attached_and_every_step_undoes(
    tmp_path: Path, window: MainWindow, panel: EvidencePanel, claims: list[Claim]
) -> None:
    stack = window.session.undo_stack
    dialog = panel.url_dialog()
    dialog.set_text("url", "https://www.gov.uk/ddrb-report")
    dialog.set_text("title", "DDRB report 2025")
    dialog.set_relation("refutes")
    dialog.note.setText("table 2.1")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    dialog = panel.statistic_dialog()
    line = dialog.fields["line"]
    line.setText("resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA")
    line.textEdited.emit(line.text())  # as typing does
    assert dialog.text("period") == "2008 to 2025"
    dialog.accept()

    dialog = panel.note_dialog()
    dialog.set_text("text", "Ask the BMA which inflation index it used")
    dialog.accept()

    memo = tmp_path / "memo.pdf"
    memo.write_bytes(b"%PDF-1.4 a memo")
    dialog = panel.document_dialog(str(memo))
    dialog.accept()

    dialog, picker = panel.span_dialog()
    other = window.session.project.articles.list()[1].id
    picker.choose(other, 0, 25)
    assert picker.span() is not None
    dialog.set_relation("context")
    dialog.accept()

    assert kinds(panel) == ["url", "statistic", "note", "document", "article_span"]
    relations = [row.relation for row in panel.model.rows]
    assert relations == ["refutes", "supports", "supports", "supports", "context"]
    assert panel.model.rows[0].note == "table 2.1"
    assert stack.count() == 5

    stack.undo()
    stack.undo()
    assert kinds(panel) == ["url", "statistic", "note"]
    stack.redo()
    stack.redo()
    assert kinds(panel) == ["url", "statistic", "note", "document", "article_span"]
    assert window.session.project.check() == []


def test_bad_input_keeps_the_dialog_open_with_the_reason(panel: EvidencePanel) -> None:
    dialog = panel.url_dialog()
    dialog.set_text("url", "javascript:alert(1)")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "only http and https" in dialog.error.text()
    assert panel.model.rowCount() == 0
    assert panel.session.undo_stack.count() == 0


def test_url_opens_only_on_an_explicit_click(qtbot: QtBot, panel: EvidencePanel) -> None:
    dialog = panel.url_dialog()
    dialog.set_text("url", "https://www.ons.gov.uk/cpi")
    dialog.accept()
    assert panel.opened == []  # type: ignore[attr-defined]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in panel.opened] == ["https://www.ons.gov.uk/cpi"]  # type: ignore[attr-defined]


def test_document_opens_from_a_safe_temporary_copy(tmp_path: Path, panel: EvidencePanel) -> None:
    source = tmp_path / "weird name;rm -rf.txt"
    source.write_bytes(b"hello")
    panel.temp_root = tmp_path / "tmp"
    panel.temp_root.mkdir()
    panel.document_dialog(str(source)).accept()
    panel.follow(panel.entries()[0])
    opened = panel.opened[-1].toLocalFile()  # type: ignore[attr-defined]
    assert Path(opened).read_bytes() == b"hello"
    assert Path(opened).parent.parent == panel.temp_root
    assert ";" not in Path(opened).name


def test_risky_attachments_are_saved_not_opened(
    tmp_path: Path, qtbot: QtBot, panel: EvidencePanel
) -> None:
    script = tmp_path / "payload.sh"
    script.write_bytes(b"#!/bin/sh\necho hi\n")
    panel.temp_root = tmp_path
    panel.document_dialog(str(script)).accept()
    with qtbot.waitSignal(panel.message) as signal:
        panel.follow(panel.entries()[0])
    assert panel.opened == []  # type: ignore[attr-defined]
    assert "not opened" in signal.args[0]


def test_link_two_claims_across_articles_and_follow(
    qtbot: QtBot, window: MainWindow, panel: EvidencePanel, claims: list[Claim]
) -> None:
    first, second = claims
    dialog, chooser = panel.claim_link_dialog()
    chooser.choose(second.id)
    dialog.set_relation("contradicts")
    dialog.note.setText("opposite figures")
    dialog.accept()
    link = panel.entries()[0]
    assert isinstance(link, ClaimLink) and link.relation == "contradicts"
    panel.table.selectRow(0)
    panel.follow()
    qtbot.waitUntil(lambda: window.reader.article_id == second.article_id)
    assert window.session.current_claim == second.id
    assert window.reader.view.selected_span() == (second.start, second.end)
    # the evidence panel now shows the other end, which sees the link too
    back = panel.entries()[0]
    assert isinstance(back, ClaimLink) and back.other(second.id) == first.id
    window.session.undo_stack.undo()
    assert panel.entries() == []
    window.session.undo_stack.redo()
    assert len(panel.entries()) == 1


def test_link_existing_edit_and_remove_undo(
    window: MainWindow, panel: EvidencePanel, claims: list[Claim]
) -> None:
    stack = window.session.undo_stack
    dialog = panel.note_dialog()
    dialog.set_text("text", "shared finding")
    dialog.accept()
    window.session.set_current_claim(claims[1].id)
    dialog, chooser = panel.existing_dialog()
    assert chooser.list.count() == 1
    dialog.set_relation("refutes")
    dialog.accept()
    assert [r.relation for r in panel.model.rows] == ["refutes"]
    edit = panel.edit_dialog(panel.entries()[0])
    assert edit is not None
    edit.set_relation("context")
    edit.note.setText("weaker than it looks")
    edit.accept()
    assert (panel.model.rows[0].relation, panel.model.rows[0].note) == (
        "context",
        "weaker than it looks",
    )
    stack.undo()
    assert panel.model.rows[0].relation == "refutes"
    panel.remove_selected(panel.entries()[0])
    assert panel.entries() == []
    assert (
        window.session.project.evidence.get(panel.session.project.evidence.items()[0].id).claims
        == 1
    )
    stack.undo()
    assert len(panel.entries()) == 1


def test_delete_item_everywhere_and_undo(
    window: MainWindow, panel: EvidencePanel, claims: list[Claim]
) -> None:
    dialog = panel.note_dialog()
    dialog.set_text("text", "to delete")
    dialog.accept()
    entry = panel.entries()[0]
    assert isinstance(entry, EvidenceLink)
    panel.delete_item(entry)
    assert window.session.project.evidence.items() == []
    window.session.undo_stack.undo()
    assert window.session.project.evidence.get(entry.evidence.id).note == "to delete"


def test_following_a_passage_selects_it_in_the_reader(
    qtbot: QtBot, window: MainWindow, panel: EvidencePanel
) -> None:
    other = window.session.project.articles.list()[1]
    text = window.session.project.articles.get(other.id).text
    start = text.index(" ", 50) + 1
    dialog, picker = panel.span_dialog()
    picker.choose(other.id, start, start + 30)
    dialog.accept()
    panel.follow(panel.entries()[0])
    qtbot.waitUntil(lambda: window.reader.article_id == other.id)
    item = panel.entries()[0].evidence  # type: ignore[union-attr]
    assert window.reader.view.selected_span() == (item.start, item.end)


def test_menu_actions_have_shortcuts_and_names(window: MainWindow) -> None:
    for key in (
        "evidence_url",
        "evidence_statistic",
        "claim_link",
        "dataset_import",
        "dataset_pin",
    ):
        action = window.actions[key]
        assert not action.shortcut().isEmpty() and action.toolTip()


def test_evidence_column_stays_readable_in_a_narrow_inspector(
    qtbot: QtBot, window: MainWindow, panel: EvidencePanel, claims: list[Claim]
) -> None:
    """At the inspector's default width (1280x800) the evidence text gets as much room
    as the note, not the few pixels left over after a fixed-width note column."""
    from annotator.models import Attach, Changes

    project = window.session.project
    project.evidence.add_note(
        "Which inflation index? RPI gives a larger fall than CPI.",
        attach=Attach(claims[0].id, "context", "a long note about the baseline"),
    )
    window.session.notify(Changes(evidence=True))
    window.resize(1280, 800)
    window.reset_layout()
    window.host.show_dock("evidence")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    header = panel.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(2) >= 60)
    assert header.sectionSize(2) >= header.sectionSize(3) - 1
