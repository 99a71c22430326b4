"""The terminal is not the attacker's: what articles and files hold is printed
with control characters and bidi marks escaped, JSON stays exact, file names
that are not UTF-8 print escaped and such arguments are refused (issue 16)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.models import Attach, ImportedArticle
from annotator.project import Project
from tests.robustness.refusals import assert_check_clean, assert_same_tables, run, tables

# Sets the terminal's title, clears the screen, rings the bell, backs over
# text, and a right-to-left override that shows "txt.exe" as "exe.txt".
HOSTILE_TITLE = "Budget \x1b]0;pwned\x07 \x1b[2J\x08\x9b31m \u202eexe.txt"
RAW_CONTROLS = ("\x1b", "\x07", "\x08", "\x9b", "\u202e")


def _hostile_project(path: Path) -> int:
    with Project.open(path, create=True) as project:
        outcome = project.articles.add(
            ImportedArticle(
                text="Unemployment fell by 3 percent last year, the minister said.",
                title=HOSTILE_TITLE,
                outlet="Outlet \x1b[8m hidden",
                source_format="txt",
            )
        )
        assert outcome.article_id is not None
        claim = project.claims.mark_quote(outcome.article_id, "Unemployment fell", 1)
        project.claims.tag(claim.id, speaker="Minister \u202eder")
        project.evidence.add_note(
            "Source \x1b]8;;http://evil.example\x07link",
            attach=Attach(claim.id, "supports", "\x1b[2J"),
        )
        return outcome.article_id


def _assert_no_raw_controls(text: str) -> None:
    for char in RAW_CONTROLS:
        assert char not in text, f"{char!r} reached the terminal: {text!r}"


@pytest.mark.parametrize(
    "command",
    [
        ["articles"],
        ["show", "{id}"],
        ["search", "Unemployment"],
        ["claims"],
        ["speakers"],
        ["evidence"],
    ],
)
def test_titles_and_names_print_with_controls_escaped(
    project_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    article_id = _hostile_project(project_path)
    args = [part.format(id=article_id) for part in command]
    code, out, err = run([*args, "--project", str(project_path)], capsys)
    assert code == 0, err
    _assert_no_raw_controls(out + err)
    if command[0] in ("articles", "show", "search"):
        assert "\\x1b]0;pwned\\x07" in out and "\\u202eexe.txt" in out


def test_show_keeps_the_article_s_lines(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Project.open(project_path, create=True) as project:
        outcome = project.articles.add(
            ImportedArticle(
                text="First paragraph.\n\nSecond\tparagraph \x1b[2J here.",
                title="Plain",
                source_format="txt",
            )
        )
    code, out, _ = run(["show", str(outcome.article_id), "--project", str(project_path)], capsys)
    assert code == 0
    assert "First paragraph.\n\nSecond\tparagraph \\x1b[2J here." in out


def test_json_output_stays_exact(project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article_id = _hostile_project(project_path)
    code, out, _ = run(["show", str(article_id), "--project", str(project_path), "--json"], capsys)
    assert code == 0
    _assert_no_raw_controls(out)  # JSON escapes them: \u001b, \u009b, \u202e
    shown = json.loads(out)
    assert shown["title"] == HOSTILE_TITLE
    assert shown["outlet"] == "Outlet \x1b[8m hidden"


def test_a_file_name_with_a_newline_cannot_forge_an_imported_line(
    tmp_path: Path, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    forged = "a\x1b[2Jb\nimported      9  Forged article  [forged.txt].txt"
    (folder / forged).write_text("A real article about the budget.\n", encoding="utf-8")
    code, out, err = run(["import", str(folder), "--project", str(project_path)], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("imported"), out
    assert "b\\nimported      9" in lines[0]
    _assert_no_raw_controls(out)
    code, out, _ = run(["import", str(folder), "--project", str(project_path), "--json"], capsys)
    assert json.loads(out)[0]["file"] == str(folder / forged)


def test_a_file_name_that_is_not_utf8_imports_and_prints_escaped(
    tmp_path: Path, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "latin1"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text("An article whose file name is Latin-1.\n", encoding="utf-8")
    code, out, err = run(["import", str(folder), "--project", str(project_path)], capsys)
    assert code == 0, err
    assert "caf\\xe9.txt" in out and "internal error" not in err
    code, out, err = run(["articles", "--project", str(project_path), "--json"], capsys)
    assert code == 0 and json.loads(out)[0]["source_name"].endswith("caf\\xe9.txt")
    assert_check_clean(project_path, capsys)


def test_arguments_that_are_not_utf8_are_refused_in_one_line(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = _hostile_project(project_path)
    before = tables(project_path)
    quote = os.fsdecode(b"Unemployment \xff")
    code, out, err = run(
        ["mark", str(article_id), "--quote", quote, "--project", str(project_path)], capsys
    )
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not valid UTF-8" in err and "\\xff" in err
    assert_same_tables(before, tables(project_path))


def test_a_usage_error_quoting_the_argument_is_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["show", "\x1b]0;pwned\x07"], capsys)
    assert code == 2
    _assert_no_raw_controls(err)
    assert "\\x1b]0;pwned\\x07" in err
