"""Every edit made from the command line undoes from the command line (`annotator undo`),
leaving the project's rows exactly as before, and redoes (`annotator redo`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.project import Project
from annotator.samples.articles import seed_samples
from tests.annotator.test_undo_kinds import State, colleague_file, db_state, write_csv


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def state_of(path: Path) -> State:
    with Project.open(path, create=False) as project:
        return db_state(project)


def first_quote(path: Path) -> tuple[int, str]:
    with Project.open(path, create=False) as project:
        article = project.articles.list()[0]
        text = project.articles.get(article.id).text
        return article.id, " ".join(text.split()[:4])


Command = Callable[[Path, Path], list[str]]

COMMANDS: dict[str, Command] = {
    "mark with a new speaker": lambda p, _t: [
        "mark", str(first_quote(p)[0]), "--quote", first_quote(p)[1],
        "--speaker", "Ann Example", "--stance", "for"],
    "tag with a new speaker": lambda _p, _t: [
        "tag", "1", "--speaker", "Bob Example", "--verdict", "false", "--topic", ""],
    "new speaker": lambda _p, _t: ["speaker", "Cat Example", "--role", "Chair", "--alias", "CE"],
    "edit speaker": lambda _p, _t: ["speaker", "BMA", "--role", "Union", "--alias", "The BMA"],
    "publisher": lambda _p, _t: ["publisher", "--name", "Full Fact", "--url", "https://fullfact.org"],
    "delete article": lambda _p, _t: ["delete", "1"],
    "import": lambda _p, t: ["import", str(t)],
    "claim link": lambda _p, _t: ["link", "1", "--claim", "2", "--relation", "contradicts"],
    "evidence link": lambda _p, _t: [
        "link", "1", "--url", "https://example.org/a", "--relation", "supports"],
    "merge": lambda _p, t: ["merge", str(t / "colleague.json")],
    "dataset import": lambda _p, t: ["dataset", "import", str(t / "pay.csv"), "--name", "pay"],
}  # fmt: skip


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_line_edit_undoes_and_redoes(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        seed_samples(project)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Rents rose 9% in a year.\n", encoding="utf-8")
    (inbox / "two.txt").write_text("Pay fell 3% in real terms.\n", encoding="utf-8")
    write_csv(inbox / "pay.csv")
    with Project.in_memory() as scratch:
        colleague_file(scratch, inbox)
    before = state_of(path)
    args = COMMANDS[name](path, inbox)
    code, _out, err = run([*args, "--project", str(path)], capsys)
    assert code == 0, err
    after = state_of(path)
    assert after != before

    code, out, err = run(["undo", "--project", str(path), "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["undone"]["label"]
    assert state_of(path) == before
    code, _out, err = run(["redo", "--project", str(path)], capsys)
    assert code == 0, err
    assert state_of(path) == after
