"""`annotator verify`: a claim's figure computed from series written for these tests.

Cash and real changes, levels, percentage points, missing years, a deflator
with gaps, a period outside the data; hostile input gets exit 1 (refused) or
2 (usage) with one stderr line naming the project file, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.cli.main import main

ARTICLE = """---
title: Pay and prices
date: 2025-06-01
---
Pay has risen by 33% since 2022.

Nurses' pay is nearly 5% lower in real terms than in 2022.

Pay grew by about 20% over three years.

The average wage is £137.

Unemployment rose 0.5 percentage points since 2022.

Pay fell 10% since 2022.
"""
PAY = "year,pay,rate\n2022,103,4.0\n2023,115,4.2\n2024,n/a,4.4\n2025,137,4.5\n"
CPI = "year,cpi\n2022,100\n2023,,\n2025,140\n"
ZERO = "year,pay\n2022,0\n2025,10\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "p.sqlite")
    (tmp_path / "pay.md").write_text(ARTICLE, encoding="utf-8")
    assert run(["import", str(tmp_path / "pay.md"), "--project", path], capsys)[0] == 0
    for quote in ("risen by 33% since 2022", "nearly 5% lower in real terms than in 2022",
                  "about 20% over three years", "The average wage is £137",
                  "rose 0.5 percentage points since 2022", "fell 10% since 2022"):  # fmt: skip
        assert run(["mark", "1", "--quote", quote, "--project", path], capsys)[0] == 0
    for name, text in (("pay", PAY), ("cpi", CPI), ("zero", ZERO)):
        csv = tmp_path / f"{name}.csv"
        csv.write_text(text, encoding="utf-8")
        assert (
            run(["dataset", "import", str(csv), "--name", name, "--project", path], capsys)[0] == 0
        )
    return path


def verify(
    project: str, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, dict[str, Any], str]:
    code, out, err = run(["verify", *args, "--project", project, "--json"], capsys)
    return code, (json.loads(out) if code == 0 else {}), err


def test_cash_change_since_a_base_year_agrees_and_shows_its_sum(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result, err = verify(
        project, capsys, "1", "--dataset", "pay", "--column", "pay", "--by", "year"
    )
    assert code == 0, err
    assert result["claimed"]["from"] == 2022 and result["claimed"]["to"] == 2025
    assert result["computed"]["change_pct"] == pytest.approx(33.01, abs=0.01)
    assert result["agrees"] is True
    assert "2022: 103; 2025: 137; 137 / 103 − 1 = +33%, cash" in result["steps"][0]
    assert [r["row"] for r in result["computed"]["rows"]] == [1, 4]


def test_text_output_names_claimed_computed_and_agreement(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["verify", "1", "--dataset", "pay", "--column", "pay", "--by", "year",
                        "--project", project], capsys)  # fmt: skip
    assert code == 0
    assert out.splitlines()[0].startswith("claimed") and "agrees    yes" in out


def test_real_claim_against_cash_data_is_not_compared(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result, _ = verify(
        project, capsys, "2", "--dataset", "pay", "--column", "pay", "--by", "year"
    )
    assert code == 0
    assert result["agrees"] is None and "real" in result["reason"]


def test_real_change_uses_the_index_rebased(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result, err = verify(project, capsys, "2", "--dataset", "pay", "--column", "pay",
                               "--by", "year", "--deflator", "cpi:cpi")  # fmt: skip
    assert code == 0, err
    # 103 in 2025 prices: 103 * 140 / 100 = 144.2; 137 / 144.2 - 1 = -4.99%
    assert result["computed"]["change_pct"] == pytest.approx(-4.993, abs=0.01)
    assert result["computed"]["basis"] == "real" and result["agrees"] is True
    assert any("make it good" in s for s in result["steps"])


def test_over_three_years_ends_at_the_article_year_and_hits_a_missing_cell(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = verify(
        project, capsys, "3", "--dataset", "pay", "--column", "pay", "--by", "year"
    )
    assert code == 0, err  # 2022 to 2025: 2024 is "n/a" but is not needed
    code, _, err = verify(project, capsys, "3", "--dataset", "pay", "--column", "pay", "--by", "year",
                          "--to", "2024")  # fmt: skip
    assert code == 1 and err.count("\n") == 1 and "p.sqlite" in err and "'n/a'" in err


def test_level_in_the_year(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = verify(
        project, capsys, "4", "--dataset", "pay", "--column", "pay", "--by", "year"
    )
    assert code == 0, err
    assert result["computed"]["value"] == 137 and result["agrees"] is True


def test_points_are_a_difference_not_a_ratio(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result, err = verify(
        project, capsys, "5", "--dataset", "pay", "--column", "rate", "--by", "year"
    )
    assert code == 0, err
    assert result["computed"]["change_points"] == pytest.approx(0.5) and result["agrees"] is True


def test_wrong_direction_disagrees(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, _ = verify(
        project, capsys, "6", "--dataset", "pay", "--column", "pay", "--by", "year"
    )
    assert code == 0 and result["agrees"] is False and "risen" in result["reason"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["99", "--dataset", "pay", "--column", "pay", "--by", "year"], "99"),
        (["1", "--dataset", "nope", "--column", "pay", "--by", "year"], "nope"),
        (["1", "--dataset", "pay", "--column", "wage", "--by", "year"], "wage"),
        (["1", "--dataset", "pay", "--column", "pay", "--by", "when"], "when"),
        (
            [
                "1",
                "--dataset",
                "pay",
                "--column",
                "pay",
                "--by",
                "year",
                "--from",
                "2025",
                "--to",
                "2025",
            ],
            "empty",
        ),
        (
            [
                "1",
                "--dataset",
                "pay",
                "--column",
                "pay",
                "--by",
                "year",
                "--from",
                "2025",
                "--to",
                "2022",
            ],
            "empty",
        ),
        (["1", "--dataset", "pay", "--column", "pay", "--by", "year", "--from", "1990"], "1990"),
        (["1", "--dataset", "pay", "--column", "pay", "--by", "year", "--to", "2030"], "2030"),
        (
            [
                "1",
                "--dataset",
                "pay",
                "--column",
                "pay",
                "--by",
                "year",
                "--deflator",
                "cpi:cpi",
                "--to",
                "2023",
            ],
            "2023",
        ),
        (
            [
                "1",
                "--dataset",
                "pay",
                "--column",
                "pay",
                "--by",
                "year",
                "--deflator",
                "cpi:cpi",
                "--to",
                "2024",
            ],
            "2024",
        ),
        (["1", "--dataset", "zero", "--column", "pay", "--by", "year"], "zero"),
        (["1", "--dataset", "pay", "--column", "pay", "--by", "year", "--figure", "3"], "figure"),
    ],
)
def test_refused_in_one_line_naming_the_file(
    project: str, capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    code, out, err = run(["verify", *args, "--project", project], capsys)
    assert code == 1 and out == "", err
    assert err.count("\n") == 1 and err.startswith(project) and needle in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["1", "--column", "pay", "--by", "year"],
        ["x", "--dataset", "pay", "--column", "pay", "--by", "year"],
        ["1", "--dataset", "pay", "--column", "pay", "--by", "year", "--deflator", "cpi"],
        ["1", "--dataset", "pay", "--column", "pay", "--by", "year", "--from", "soon"],
    ],
)
def test_usage_errors_exit_2(
    project: str, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, _, err = run(["verify", *args, "--project", project], capsys)
    assert code == 2 and "Traceback" not in err
