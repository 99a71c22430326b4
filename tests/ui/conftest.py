"""GUI fixtures: a real main window on a real project file, driven by qtbot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from annotator.project import Project
from ui.shell.main_window import MainWindow
from ui.shell.session import ProjectSession


@pytest.fixture
def session(sample_project: Project) -> ProjectSession:
    return ProjectSession(sample_project)


@pytest.fixture
def window(qtbot: QtBot, session: ProjectSession) -> Iterator[MainWindow]:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes shown (title, text), recorded instead of opened."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, title, text, *a, **k: shown.append((title, text))
        )
    return shown
