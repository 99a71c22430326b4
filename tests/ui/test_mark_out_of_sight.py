"""Marking a claim refills only what the user can see; a panel out of sight catches up.

The evidence panel is a tab behind the claim form by default: it used to be
refilled on every mark (the claim read again, its evidence and links queried,
the header re-laid out) for nobody to see. It now refills when its tab is
brought forward, or when anything asks it what it holds.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.marking_support import HOSTILE, mark, open_hostile
from ui.shell.main_window import MainWindow


def _count_reloads(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    panel = window.evidence.panel
    reloads: list[int] = []
    original = panel.reload

    def counting() -> None:
        reloads.append(1)
        original()

    monkeypatch.setattr(panel, "reload", counting)
    return reloads


def test_the_evidence_tab_behind_the_form_refills_when_brought_forward(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_hostile(window, qtbot)
    window.host.show_dock("editor")  # the claim form in front, the evidence tab behind it
    panel = window.evidence.panel
    assert panel.visibleRegion().isEmpty()
    reloads = _count_reloads(window, monkeypatch)

    start = HOSTILE.index("Pay talks")
    claim_id = mark(window, qtbot, start, start + 9)
    assert reloads == []  # nobody saw it: not refilled

    window.host.show_dock("evidence")
    assert len(reloads) == 1
    assert f"Claim {claim_id}" in panel.header.text()
    assert panel.add_button.isEnabled()

    # In sight, it follows every change at once again.
    window.actions["undo"].trigger()
    assert len(reloads) == 2
    assert not panel.add_button.isEnabled()


def test_what_a_panel_out_of_sight_holds_is_read_up_to_date(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Evidence menu acts on the panel's claim with the tab behind: it must be exact."""
    open_hostile(window, qtbot)
    window.host.show_dock("editor")
    panel = window.evidence.panel
    start = HOSTILE.index("Pay talks")
    claim_id = mark(window, qtbot, start, start + 9)
    assert panel.claim_id == claim_id
    assert panel.entries() == []

    window.actions["undo"].trigger()  # the claim is gone: nothing to attach evidence to
    assert panel.claim_id is None
    assert panel.selected() is None


def test_a_mark_repaints_the_library_count_alone_and_a_retag_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The article's row kept its title, outlet and date: only the count cell changed."""
    from ui.library.model import CLAIMS_COLUMN

    article_id = open_hostile(window, qtbot)
    model = window.library.model
    row = next(r for r in range(model.rowCount()) if model.article_id(r) == article_id)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles=(): changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    start = HOSTILE.index("Pay talks")
    claim_id = mark(window, qtbot, start, start + 9)
    assert changed == [(row, CLAIMS_COLUMN, row, CLAIMS_COLUMN)]
    assert model.index(row, CLAIMS_COLUMN).data() == 1

    changed.clear()
    window.claims.set_tag("stance", 1)  # the count stays 1
    assert window.session.project.claims.get(claim_id).stance_id is not None
    assert changed == []
