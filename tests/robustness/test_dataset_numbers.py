"""Numbers a dataset cannot hold as numbers (issue 16): a 5,000-digit integer, an
integer past SQLite's 64 bits and 1e999 make their column text, stored exactly as
the file wrote them (never "internal error", never rounded, never Infinity)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.models import ImportedArticle
from annotator.project import Project
from tests.robustness.refusals import assert_check_clean, run

HUGE = "9" * 5000


@pytest.fixture
def project(project_path: Path) -> Path:
    with Project.open(project_path, create=True) as opened:
        opened.articles.add(ImportedArticle(text="Pay rose.", title="Pay", source_format="txt"))
    return project_path


@pytest.mark.parametrize(
    "cells",
    [
        ["1", HUGE],
        ["18446744073709551616", "2"],
        ["-9223372036854775809", "3"],
        ["1e999", "2.5"],
        ["-1e999", "2.5"],
        ["1" + "0" * 400 + ".5", "2.5"],
        ["2.5", "12345678901234567890123"],
    ],
)
def test_a_number_past_what_sqlite_holds_is_kept_exactly_as_text(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cells: list[str]
) -> None:
    sheet = tmp_path / "figures.csv"
    sheet.write_text("year,value\n" + "".join(f"{n},{c}\n" for n, c in enumerate(cells)))
    code, _, err = run(
        ["dataset", "import", "--project", str(project), "--name", "f", str(sheet)], capsys
    )
    assert code == 0, err
    code, out, err = run(["dataset", "show", "--project", str(project), "f", "--json"], capsys)
    assert code == 0, err
    rows = json.loads(out)  # strict JSON: no Infinity
    assert [row["value"] for row in rows] == cells
    assert_check_clean(project, capsys)


def test_ordinary_numbers_stay_numbers(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "figures.csv"
    sheet.write_text("year,value,count\n2024,1.5,9223372036854775807\n2025,2e10,-3\n")
    code, _, err = run(
        ["dataset", "import", "--project", str(project), "--name", "f", str(sheet)], capsys
    )
    assert code == 0, err
    _, out, _ = run(["dataset", "show", "--project", str(project), "f", "--json"], capsys)
    rows = json.loads(out)
    assert [row["value"] for row in rows] == [1.5, 2e10]
    assert [row["count"] for row in rows] == [9223372036854775807, -3]
