"""`annotator history`: the persisted undo history, newest first, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.project import Project


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_history_lists_newest_first_with_what_undo_and_redo_would_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        project.history.push("mark_claim", "Mark claim “Pay 😀”", {})
        second = project.history.push("edit_claim", "Set stance", {})
        project.history.set_done(second, False, {})
    code, out, err = run(["history", "--project", str(path), "--json"], capsys)
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["label"], r["done"], r["next_undo"], r["next_redo"]) for r in rows] == [
        ("Set stance", False, False, True),
        ("Mark claim “Pay 😀”", True, True, False),
    ]
    assert rows[0]["can_redo"] and rows[1]["can_undo"] and rows[1]["kind"] == "mark_claim"
    code, out, _ = run(["history", "--project", str(path)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert "Set stance" in lines[0] and "next redo" in lines[0]
    assert "Mark claim" in lines[1] and "next undo" in lines[1]


def test_history_of_a_fresh_project_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.sqlite"
    Project.open(path).close()
    assert run(["history", "--project", str(path), "--json"], capsys)[:2] == (0, "[]\n")
    assert run(["history", "--project", str(path)], capsys)[:2] == (0, "no history\n")


def test_history_of_a_missing_project_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["history", "--project", str(tmp_path / "nope.sqlite")], capsys)
    assert code == 1 and out == "" and len(err.splitlines()) == 1 and "nope.sqlite" in err
