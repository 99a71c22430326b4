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
