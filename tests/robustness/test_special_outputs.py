"""Pipes and devices named as a project or an export's output (issue 16): refused
in one line before anything is opened or written, never waited on, never replaced
by a regular file (an export renamed over /dev/full as root would have replaced
the device itself)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from annotator.models import ImportedArticle
from annotator.project import Project
from tests.robustness.refusals import (
    assert_check_clean,
    assert_refused,
    assert_same_tables,
    run,
    tables,
)


@pytest.fixture
def marked(project_path: Path) -> Path:
    with Project.open(project_path, create=True) as project:
        outcome = project.articles.add(
            ImportedArticle(text="Prices rose by 2 percent.", title="Prices", source_format="txt")
        )
        assert outcome.article_id is not None
        project.claims.mark_quote(outcome.article_id, "Prices rose", 1)
    return project_path


def _fifo(tmp_path: Path) -> Path:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return fifo


@pytest.mark.parametrize("fmt", ["json", "csv", "w3c"])
def test_export_to_a_pipe_is_refused_and_the_pipe_stays(
    marked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    fifo = _fifo(tmp_path)
    before = tables(marked)
    code, out, err = run(
        ["export", "--project", str(marked), "--format", fmt, "-o", str(fifo)], capsys
    )
    assert_refused(code, err, str(fifo), "is not a regular file")
    assert out == ""
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe, not replaced
    assert not list(tmp_path.glob(".pipe.*"))  # no partial file left beside it
    assert_same_tables(before, tables(marked))
    assert_check_clean(marked, capsys)


def test_export_to_a_device_is_refused_and_the_device_stays(
    marked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("making a device node needs root")
    code, _, err = run(
        ["export", "--project", str(marked), "--format", "json", "-o", str(device)], capsys
    )
    assert_refused(code, err, str(device), "is not a regular file")
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize("command", [["articles"], ["check"], ["import"]])
def test_a_pipe_named_as_the_project_is_refused_without_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    fifo = _fifo(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("Prices rose by 2 percent.\n", encoding="utf-8")
    extra = [str(article)] if command == ["import"] else []
    code, _, err = run([*command, "--project", str(fifo), *extra], capsys)
    assert_refused(code, err, str(fifo), "is not a regular file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
