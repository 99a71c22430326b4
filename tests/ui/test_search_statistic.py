"""Ctrl+F, type a statistic's source: the statistic is among the hits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow


def test_search_finds_a_statistic_by_its_source(qtbot: QtBot, window: MainWindow) -> None:
    project = window.session.project
    item = project.evidence.add_statistic(
        "nurses' pay, real terms", "-13", "%", "2010 to 2024", source="Nuffield Trust"
    )
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.search.panel
    qtbot.keyClicks(panel.box, "nuffield")
    qtbot.waitUntil(lambda: any(h.kind == "evidence" for h in panel.model.hits), timeout=5000)
    assert [h.id for h in panel.model.hits if h.kind == "evidence"] == [item.id]
