"""Datasets keep what they were given (issue 16): a cell is stored exactly as
the file holds it, escaping belongs to the exports, and every JSON printed of
a dataset is strict (a non-finite number is null, never Infinity)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.project import Project
from tests.robustness.refusals import assert_check_clean, run


def _strict(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _import(tmp_path: Path, project: Path, data: bytes, capsys: pytest.CaptureFixture[str]) -> Any:
    Project.open(project, create=True).close()
    source = tmp_path / "figures.csv"
    source.write_bytes(data)
    code, _, err = run(
        ["dataset", "import", str(source), "--name", "figures", "--project", str(project)], capsys
    )
    assert code == 0, err
    code, out, err = run(
        ["dataset", "show", "figures", "--json", "--project", str(project)], capsys
    )
    assert code == 0, err
    return _strict(out)


def test_a_cell_starting_with_cr_then_equals_is_stored_exactly(
    tmp_path: Path, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _import(
        tmp_path,
        project_path,
        b'label,value\r\n"\r=1+1",1\r\n"two\r\nlines",2\r\n"\n=cmd|x",3\r\n',
        capsys,
    )
    assert [row["label"] for row in rows] == ["\r=1+1", "two\r\nlines", "\n=cmd|x"]
    assert [row["value"] for row in rows] == [1, 2, 3]
    assert_check_clean(project_path, capsys)


def test_lines_ended_by_cr_alone_are_rows(
    tmp_path: Path, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _import(tmp_path, project_path, b"year;value\r2020;1\r2021;2\r", capsys)
    assert rows == [{"year": 2020, "value": 1}, {"year": 2021, "value": 2}]


def test_non_finite_numbers_are_kept_as_text_in_strict_json(
    tmp_path: Path, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _import(
        tmp_path, project_path, b"label,value\nhuge,1e999\nsmall,-1e999\nok,2.5\n", capsys
    )
    assert [row["value"] for row in rows] == ["1e999", "-1e999", "2.5"]  # exactly as written
    code, out, _ = run(["datasets", "--json", "--project", str(project_path)], capsys)
    assert code == 0
    _strict(out)
    exported = tmp_path / "claims.json"
    code, _, err = run(
        ["export", "--format", "json", "-o", str(exported), "--project", str(project_path)], capsys
    )
    assert code == 0, err
    document = _strict(exported.read_text("utf-8"))
    assert [row[1] for row in document["datasets"][0]["rows"]] == ["1e999", "-1e999", "2.5"]
