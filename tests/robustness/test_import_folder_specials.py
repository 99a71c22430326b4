"""Pipes, devices and broken links inside an imported folder (issue 16): each
skipped with one line naming it and why, never read (a pipe would wait for a
writer forever, /dev/zero never ends), the folder's real files still imported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.robustness.refusals import assert_check_clean, run


def test_a_pipe_a_device_link_and_a_broken_link_are_skipped_and_said(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "real.txt").write_text("Prices rose by 2 percent last year.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.md").symlink_to(folder / "nowhere.md")
    (folder / "zero.txt").symlink_to("/dev/zero")

    code, out, err = run(
        ["import", "--project", str(project_path), "--follow-symlinks", str(folder)], capsys
    )
    assert code == 1
    assert "real.txt" in out and out.count("imported") == 1
    lines = sorted(err.splitlines())
    assert len(lines) == 3, err
    assert "gone.md: is a symbolic link to nothing: skipped" in lines[0]
    assert "pipe.txt: is not a regular file" in lines[1]
    assert "zero.txt: is not a regular file" in lines[2]
    assert_check_clean(project_path, capsys)
