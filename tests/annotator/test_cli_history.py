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


def test_undo_and_redo_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.history import steps
    from annotator.samples.articles import seed_samples

    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        seed_samples(project)
        claim_id = project.claims.list()[0].id
        verdict = project.codebook.entries("verdict")[1]
        steps.do(project, "edit_claim", {"claim_id": claim_id, "new": {"verdict_id": verdict.id}})
        before_verdict = project.claims.get(claim_id).verdict
    code, out, err = run(["undo", "--project", str(path), "--json"], capsys)
    assert code == 0, err
    answer = json.loads(out)
    assert answer["undone"]["kind"] == "edit_claim"
    assert answer["undone"]["label"] == f"Set verdict on claim {claim_id}"
    assert answer["changes"]["claims"] == [claim_id]
    with Project.open(path, create=False) as project:
        assert project.claims.get(claim_id).verdict != before_verdict

    code, out, err = run(["undo", "--project", str(path)], capsys)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and str(path) in err and "nothing to undo" in err

    code, out, err = run(["redo", "--project", str(path)], capsys)
    assert code == 0, err
    assert out == f"Redid: Set verdict on claim {claim_id}\n"
    with Project.open(path, create=False) as project:
        assert project.claims.get(claim_id).verdict == before_verdict
    code, out, err = run(["redo", "--project", str(path), "--json"], capsys)
    assert code == 1 and out == "" and "nothing to redo" in err


def test_an_undo_that_cannot_apply_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.history import steps
    from annotator.samples.articles import seed_samples

    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        seed_samples(project)
        done = steps.do(project, "mark_claim", {"article_id": 1, "start": 0, "end": 10})
        project.claims.delete(done.entry.payload["claim_id"])  # gone by another route
    code, out, err = run(["undo", "--project", str(path), "--json"], capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Cannot undo" in err and str(path) in err
    assert "Traceback" not in err
    code, out, _ = run(["history", "--project", str(path), "--json"], capsys)
    assert json.loads(out)[0]["next_undo"]  # the step stays where it was
