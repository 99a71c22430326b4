"""Our JSON is lossless: project -> JSON -> empty project gives the same claim set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.exchange.exporters import ExportError, export_to_path
from annotator.project import Project
from annotator.search.service import ClaimFilter
from tests.annotator import exchange_fixtures as fx


@pytest.fixture
def rich(empty_project: Project, tmp_path: Path) -> tuple[Project, dict[str, int]]:
    return empty_project, fx.build(empty_project, tmp_path)


def test_round_trip_into_an_empty_project_is_equal(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    out = tmp_path / "claims.json"
    assert export_to_path(project, "json", out).written == 5
    with Project.open(tmp_path / "other.sqlite") as other:
        report = other.merge.merge_file(out)
        assert report.left_out == [] and report.orphans == [
            {"id": "orphan-uid", "article": 1, "quote": "a quote that went away"}
        ]
        theirs = fx.snapshot(other)
        assert theirs == fx.snapshot(project)
        assert theirs["datasets"][0][0] == "Median pay" and len(theirs["datasets"][0][2]) == 2
        assert (
            len(theirs["uses"]) == 4 and len(theirs["links"]) == 1 and len(theirs["speakers"]) == 2
        )
        assert other.check() == []
        other.merge.undo(report)
        assert other.claims.list() == [] and other.datasets.list() == []


def test_merging_the_same_file_twice_adds_nothing(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    out = tmp_path / "claims.json"
    export_to_path(project, "json", out)
    before = fx.snapshot(project)
    report = project.merge.merge_file(out)
    assert sum(report.added.values()) == 0
    assert report.existing["claims"] == 5 and report.existing["articles"] == 2
    assert fx.snapshot(project) == before


def test_filtered_export_holds_only_the_selection_and_what_it_needs(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    out = tmp_path / "gov.json"
    assert export_to_path(project, "json", out, ClaimFilter(speaker="Wes Streeting")).written == 1
    doc = json.loads(out.read_text("utf-8"))
    assert [c["statement"] for c in doc["claims"]] == ["pay rose 22% over two years"]
    assert [a["title"] for a in doc["articles"]] == ["Pay row deepens"]
    assert [s["name"] for s in doc["speakers"]] == ["Wes Streeting"]
    assert [e["uid"] for e in doc["evidence"]] == ["ev-span"]
    assert doc["links"] == []  # the other end was not selected
    assert doc["filters"] == {"speaker": "Wes Streeting"}


def test_unwritable_path_is_a_clear_error_and_leaves_nothing(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    with pytest.raises(ExportError, match="cannot be written"):
        export_to_path(project, "json", tmp_path / "missing" / "x.json")
    with pytest.raises(ExportError, match="is a folder"):
        export_to_path(project, "json", tmp_path)
    assert list(tmp_path.glob("*.part")) == []


def test_cancelled_export_keeps_the_old_file(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    from annotator.exchange.exporters import ExportCancelled

    project, _ = rich
    out = tmp_path / "keep.json"
    out.write_text("old", encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        raise ExportCancelled("cancelled")

    with pytest.raises(ExportCancelled):
        export_to_path(project, "json", out, progress=cancel)
    assert out.read_text("utf-8") == "old"
    assert list(tmp_path.glob("*.part")) == []


def test_cli_export_json_with_filters_and_errors(
    rich: tuple[Project, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = rich
    path = str(project.path)
    out = tmp_path / "v.json"
    code = main(
        [
            "export",
            "--format",
            "json",
            "-o",
            str(out),
            "--verdict",
            "false",
            "--project",
            path,
            "--json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "file": str(out),
        "format": "json",
        "written": 1,
        "skipped": [],
    }
    code = main(
        ["export", "--format", "json", "-o", str(tmp_path / "no" / "x.json"), "--project", path]
    )
    err = capsys.readouterr().err
    assert (
        code == 1
        and err.strip()
        == f"{tmp_path / 'no' / 'x.json'}: cannot be written (No such file or directory)"
    )
    code = main(
        ["export", "--format", "json", "-o", str(out), "--side", "nobody", "--project", path]
    )
    assert code == 1 and "unknown side 'nobody'" in capsys.readouterr().err
    assert main(["export", "--format", "pdf", "-o", str(out), "--project", path]) == 2


def test_bulk_claim_read_equals_the_claims_manager(rich: tuple[Project, dict[str, int]]) -> None:
    from annotator.exchange.exporters.collect import all_claims

    project, _ = rich
    assert all_claims(project.db) == project.claims.list()
