"""A web link's own fields can be edited from the Evidence panel (Edit…), with its
link to the claim, as one undoable step."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.models import Claim
from ui.evidence.panel import EvidencePanel
from ui.shell.main_window import MainWindow


@pytest.fixture
def panel(window: MainWindow) -> Iterator[EvidencePanel]:
    project = window.session.project
    article = project.articles.list()[0]
    claim: Claim = project.claims.mark(article.id, 0, 30)
    window.session.set_current_claim(claim.id)
    yield window.evidence.panel
    window.session.undo_stack.clear()


def _add_link(panel: EvidencePanel) -> None:
    dialog = panel.url_dialog()
    dialog.set_text("url", "https://example.org/pay-report")
    dialog.set_text("title", "Pay report")
    dialog.set_text("accessed", "2025-06-01")
    dialog.accept()
    assert [row.kind for row in panel.model.rows] == ["url"]


def test_edit_a_web_links_address_title_and_relation_in_one_step(
    qtbot: QtBot, window: MainWindow, panel: EvidencePanel
) -> None:
    _add_link(panel)
    project = window.session.project
    panel.table.selectRow(0)
    dialog = panel.edit_dialog(panel.entries()[0])
    assert dialog is not None and dialog.windowTitle() == "Edit the web link"
    assert dialog.text("url") == "https://example.org/pay-report"  # filled in
    assert dialog.text("title") == "Pay report"
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.fields["title"]
    field.setFocus()
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "Pay report 2025 (corrected)")
    address = dialog.fields["url"]
    address.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(address, "https://example.org/pay-report-2025")
    dialog.set_relation("refutes")
    qtbot.keyClick(address, Qt.Key.Key_Return)  # OK, the default button
    [item] = project.evidence.items()
    assert (item.url, item.title) == (
        "https://example.org/pay-report-2025",
        "Pay report 2025 (corrected)",
    )
    assert panel.model.rows[0].relation == "refutes"
    assert "Pay report 2025" in window.actions["undo"].text()
    window.actions["undo"].trigger()  # both, in one step
    [item] = project.evidence.items()
    assert (item.url, item.title) == ("https://example.org/pay-report", "Pay report")
    assert panel.model.rows[0].relation != "refutes"


def test_a_blank_or_unsafe_address_is_refused_in_the_dialog(
    qtbot: QtBot, window: MainWindow, panel: EvidencePanel
) -> None:
    _add_link(panel)
    for bad, said in (("", "needs its address"), ("javascript:alert(1)", "")):
        dialog = panel.edit_dialog(panel.entries()[0])
        assert dialog is not None
        dialog.set_text("url", bad)
        dialog.accept()
        assert dialog.error.isVisibleTo(dialog)
        assert said in dialog.error.text()
        assert project_url(window) == "https://example.org/pay-report"


def project_url(window: MainWindow) -> str | None:
    [item] = window.session.project.evidence.items()
    return item.url
