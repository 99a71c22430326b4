"""The speakers and codebook dialogs: every change undoable, in-use values never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from ui.registry.codebook import NAME, CodebookDialog
from ui.registry.speakers import SpeakersDialog
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession


def _claims_by(project: Project, names: list[str]) -> list[int]:
    article = project.articles.list()[0]
    text = project.articles.get(article.id).text
    words = [w for w in text.split() if len(w) > 6][: len(names)]
    ids = []
    for word, name in zip(words, names, strict=True):
        claim = project.claims.mark_quote(article.id, word)
        project.claims.tag(claim.id, speaker=name)
        ids.append(claim.id)
    return ids


def test_merge_two_speakers_and_undo(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    project = window.session.project
    first, second = _claims_by(project, ["Wes Streeting", "W. Streeting"])
    dialog = SpeakersDialog(window.session, window)
    qtbot.addWidget(dialog)
    drop = project.speakers.find("W. Streeting")
    assert drop is not None
    dialog.select(drop.id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Wes Streeting", True))
    dialog.merge()
    assert [s.name for s in project.speakers.list()] == ["Wes Streeting"]
    assert project.claims.get(second).speaker == "Wes Streeting"
    assert "W. Streeting" in project.speakers.list()[0].aliases
    assert dialog.table.rowCount() == 1
    window.actions["undo"].trigger()
    assert project.claims.get(second).speaker == "W. Streeting"
    assert project.claims.get(first).speaker == "Wes Streeting"
    assert dialog.table.rowCount() == 2


def test_create_rename_alias_and_role(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    project = window.session.project
    dialog = SpeakersDialog(window.session, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Pat Cullen", True))
    dialog.new_speaker()
    speaker = project.speakers.find("Pat Cullen")
    assert speaker is not None and dialog.current() is not None
    assert dialog.current().id == speaker.id  # type: ignore[union-attr]
    dialog.fields["role"].setText("General secretary")
    dialog.fields["role"].editingFinished.emit()
    dialog.alias_box.setText("the RCN leader")
    dialog.alias_box.returnPressed.emit()
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: ("Chair; BMA council; 2024-03-01; ", True)
    )
    dialog.add_role()
    again = project.speakers.get(speaker.id)
    assert again.role == "General secretary" and again.aliases == ("the RCN leader",)
    assert [(r.role, r.organisation, r.valid_from) for r in again.roles] == [
        ("Chair", "BMA council", "2024-03-01")
    ]
    for _ in range(3):
        window.actions["undo"].trigger()
    bare = project.speakers.get(speaker.id)
    assert (bare.role, bare.aliases, bare.roles) == (None, (), ())


def test_a_taken_alias_is_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    project = window.session.project
    project.speakers.create("Wes Streeting", aliases=("the Health Secretary",))
    other = project.speakers.create("Victoria Atkins")
    dialog = SpeakersDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.select(other.id)
    dialog.alias_box.setText("The Health  Secretary")
    dialog.alias_box.returnPressed.emit()
    assert project.speakers.get(other.id).aliases == ()
    assert "already used" in window.statusBar().currentMessage()
    assert not window.actions["undo"].isEnabled()


def test_in_use_value_is_replaced_not_lost(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    project = window.session.project
    (claim_id,) = _claims_by(project, ["BMA"])
    project.claims.tag(claim_id, stance="against")
    dialog = CodebookDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)  # stances
    table = dialog.table
    table.setCurrentCell([e.name for e in table.entries].index("against"), NAME)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))  # cancelled
    dialog.delete()
    assert project.codebook.find("stance", "against") is not None
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("neutral", True))
    dialog.delete()
    assert project.codebook.find("stance", "against") is None
    assert project.claims.get(claim_id).stance == "neutral"
    window.actions["undo"].trigger()
    assert project.claims.get(claim_id).stance == "against"


def test_unused_value_asks_before_deleting(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    project = window.session.project
    dialog = CodebookDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(3)  # topics
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = len(project.codebook.entries("topic"))
    dialog.delete()
    assert asked and len(project.codebook.entries("topic")) == before


def test_rename_recolour_and_add_repaint_the_legend(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    project = window.session.project
    dialog = CodebookDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)  # stances, the colouring shown by default
    table = dialog.table
    table.setCurrentCell(0, NAME)
    table.item(0, NAME).setText("supports")
    assert "supports" in window.claims.legend.labels()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    dialog.recolour()
    assert project.codebook.find("stance", "supports").colour == "#123456"  # type: ignore[union-attr]
    assert "#123456" in window.claims.scheme.palette.colours.values()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("sceptical", True))
    dialog.add()
    assert project.codebook.find("stance", "sceptical") is not None
    assert dialog.table.rowCount() == 4
    table.setCurrentCell(0, NAME)
    table.item(0, NAME).setText("")  # blank names are refused and the old one comes back
    assert table.item(0, NAME).text() == "supports"


def test_registry_edits_undo_after_reopening(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    project_path: Path,
    sample_project: Project,
    window: MainWindow,
) -> None:
    _claims_by(sample_project, ["Wes Streeting", "W. Streeting"])
    dialog = SpeakersDialog(window.session, window)
    qtbot.addWidget(dialog)
    drop = sample_project.speakers.find("W. Streeting")
    dialog.select(drop.id)  # type: ignore[union-attr]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Wes Streeting", True))
    dialog.merge()
    dialog.close()
    window.close()
    sample_project.close()
    with Project.open(project_path, create=False) as project:
        again = MainWindow(ProjectSession(project))
        qtbot.addWidget(again)
        assert "Merge" in again.actions["undo"].text()
        again.actions["undo"].trigger()
        assert sorted(s.name for s in project.speakers.list()) == ["W. Streeting", "Wes Streeting"]
        again.close()
