"""Shared fixtures. Qt runs offscreen and user settings go to a temporary folder,
set before any Qt import so no test touches the real user's files or display."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="annotator-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["ANNOTATOR_DATA_DIR"] = str(_SANDBOX / "data")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from annotator.project import Project  # noqa: E402
from annotator.samples.articles import seed_samples  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "project.sqlite"


@pytest.fixture
def empty_project(project_path: Path) -> Iterator[Project]:
    project = Project.open(project_path, create=True)
    yield project
    project.close()


@pytest.fixture
def sample_project(project_path: Path) -> Iterator[Project]:
    """The three sample articles without claims (tests mark their own)."""
    project = Project.open(project_path, create=True)
    seed_samples(project, claims=False)
    yield project
    project.close()


@pytest.fixture
def claimed_project(project_path: Path) -> Iterator[Project]:
    """The three sample articles with the sample claims and speakers, as a first run has."""
    project = Project.open(project_path, create=True)
    seed_samples(project)
    yield project
    project.close()
