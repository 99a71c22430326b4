"""`annotator quantities TEXT [--json]`: the exact JSON fields, offsets in code points."""

from __future__ import annotations

import json

import pytest

from annotator.cli.main import main

FIELDS = {"value", "unit", "direction", "period", "base_year", "measure", "basis", "qualifier",
          "start", "end"}  # fmt: skip


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_fields_and_values(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Pay is a fifth lower than in 2008 (RPI); the £2.5 billion went to 30,000 applicants."
    code, out, err = run(["quantities", text, "--json"], capsys)
    assert code == 0, err
    found = json.loads(out)
    assert all(set(q) >= FIELDS for q in found)
    assert [(q["value"], q["unit"]) for q in found] == [
        (20, "%"),
        (2_500_000_000, "GBP"),
        (30_000, "count"),
    ]
    fifth = found[0]
    assert (fifth["direction"], fifth["base_year"], fifth["measure"], fifth["basis"]) == (
        "fall",
        2008,
        "RPI",
        "real",
    )
    assert text[fifth["start"] : fifth["end"]] == "a fifth"


def test_text_output_and_nothing_found(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["quantities", "almost 29% in three years"], capsys)
    assert code == 0 and "29 %" in out and "rise" not in out and "in three years" in out
    code, out, _ = run(["quantities", "no numbers here"], capsys)
    assert code == 0 and out.strip() == "no figures found"


def test_offsets_count_code_points(capsys: pytest.CaptureFixture[str]) -> None:
    text = "𝐏ay 😀 fell 26%"
    _, out, _ = run(["quantities", text, "--json"], capsys)
    (q,) = json.loads(out)
    assert text[q["start"] : q["end"]] == "26%"


def test_missing_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["quantities"], capsys)
    assert code == 2
