"""Pipes and devices named as a project or an export's output (issue 16): refused
in one line before anything is opened or written, never waited on, never replaced
by a regular file (an export renamed over /dev/full as root would have replaced
the device itself)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.models import ImportedArticle
from annotator.project import Project
from tests.annotator.web_server import WebServer, article_page
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


@pytest.fixture
def fetched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    """A project with one article fetched from a real server on 127.0.0.1."""
    server = WebServer()
    try:
        paragraphs = [f"Junior doctors said pay has fallen by a fifth, part {n}." for n in range(4)]
        address = server.page("/a", article_page("Strike talks", paragraphs))
        project = tmp_path / "web.sqlite"
        code, _, err = run(["import", address, "--project", str(project)], capsys)
        assert code == 0, err
        yield project
    finally:
        server.close()


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("{fifo}", "is not a regular file"),
        ("{p}", "is the project file itself"),
        ("{p}-wal", "is the project's -wal file"),
        ("{p}.backups/a.warc.gz", "is in the project's backups folder"),
    ],
)
def test_archive_never_writes_over_a_pipe_or_the_project(
    fetched: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, reason: str
) -> None:
    fifo = _fifo(tmp_path)
    holder = Project.open(fetched, create=False)  # the window holds it open: -wal exists
    try:
        before = tables(fetched)
        output = target.format(fifo=fifo, p=fetched)
        code, _, err = run(["archive", "1", "-o", output, "--project", str(fetched)], capsys)
        assert_refused(code, err, output, reason)
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
        assert_same_tables(before, tables(fetched))
    finally:
        holder.close()
    assert_check_clean(fetched, capsys)
