"""Every export says what it wrote and what it left out, and writes an ordinary file."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.exchange.exporters import FORMATS, export_to_path
from annotator.exchange.exporters.outcome import NO_POSITION
from annotator.project import Project
from annotator.publisher import set_publisher
from tests.annotator import exchange_fixtures as fx


@pytest.fixture
def rich(empty_project: Project, tmp_path: Path) -> tuple[Project, dict[str, int]]:
    return empty_project, fx.build(empty_project, tmp_path)


@pytest.fixture
def umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_files_are_written_with_the_users_umask_not_0600(
    rich: tuple[Project, dict[str, int]], tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    project, _ = rich
    os.umask(mask)
    for name, fmt in FORMATS.items():
        out = tmp_path / f"shared{fmt.extension}"
        export_to_path(project, name, out, draft=True)
        assert stat.S_IMODE(out.stat().st_mode) == mode, name


def test_refi_leaves_the_orphan_out_and_says_so(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    result = export_to_path(project, "refi", tmp_path / "p.qdpx")
    assert result.written == 4
    [skipped] = result.skipped
    assert (skipped.uid, skipped.quote, skipped.reason) == (
        "orphan-uid",
        "a quote that went away",
        NO_POSITION,
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_answers_written_and_skipped_in_json(
    rich: tuple[Project, dict[str, int]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    project, ids = rich
    set_publisher(project.db, "Checkpoint", "https://checkpoint.example/", None)
    for claim in ("c1", "c2", "c3"):
        project.claims.tag(ids[claim], review_url=f"https://checkpoint.example/r/{claim}")
    out = tmp_path / f"x{FORMATS[fmt].extension}"
    code = main(
        ["export", "--format", fmt, "-o", str(out), "--project", str(project.path), "--json"]
    )
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"file", "format", "written", "skipped"}
    # Nothing dropped silently: what was written and what was skipped make up the selection.
    assert doc["written"] + len(doc["skipped"]) == 5
    assert all(s["reason"] for s in doc["skipped"])
    expected = {
        "refi": {"orphan-uid"},
        "claimreview": {"orphan-uid", project.claims.get(ids["c4"]).uid},
    }
    assert {s["uid"] for s in doc["skipped"]} == expected.get(fmt, set())
