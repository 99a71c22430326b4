"""The command-line contract: sub-commands, --project after the name, JSON fields, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli.main import cli, main

SAMPLE_MD = """---
title: "Doctors reject offer"
date: 2025-11-05
author: Reporter
url: https://news.example/offer
---

The union said pay is a fifth lower than in 2008.
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "offer.md"
    good.write_text(SAMPLE_MD, encoding="utf-8")
    plain = tmp_path / "scrape.txt"
    plain.write_text("Strike over\nDoctors walked out for five days.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return {"good": good, "plain": plain, "empty": empty}


def test_import_list_show_round_trip(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "new.sqlite"
    code, out, err = run(
        ["import", str(files["good"]), str(files["plain"]), "--project", str(project), "--json"],
        capsys,
    )
    assert code == 0, err
    outcomes = json.loads(out)
    assert [o["status"] for o in outcomes] == ["imported", "imported"]

    code, out, _ = run(["articles", "--project", str(project), "--json"], capsys)
    listed = json.loads(out)
    assert code == 0 and len(listed) == 2
    first = listed[0]
    assert {"id", "title", "outlet", "author", "published", "url", "claims"} <= set(first)
    assert first["published"] == "2025-11-05" and first["url"] == "https://news.example/offer"
    assert first["claims"] == 0

    code, out, _ = run(["show", str(listed[1]["id"]), "--project", str(project), "--json"], capsys)
    shown = json.loads(out)
    assert shown["title"] == "Strike over"
    assert shown["text"] == "Strike over\nDoctors walked out for five days."


def test_failures_are_one_line_each_and_good_files_still_import(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    missing = tmp_path / "missing.txt"
    code, out, err = run(
        [
            "import",
            str(files["empty"]),
            str(files["good"]),
            str(missing),
            "--project",
            str(project),
        ],
        capsys,
    )
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(str(files["empty"])) and "empty" in lines[0]
    assert lines[1].startswith(str(missing))
    assert "Traceback" not in err
    assert "imported" in out


def test_import_twice_reports_duplicate(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    run(["import", str(files["good"]), "--project", str(project)], capsys)
    code, out, _ = run(["import", str(files["good"]), "--project", str(project), "--json"], capsys)
    assert code == 0 and json.loads(out)[0]["status"] == "duplicate"


def test_commands_other_than_import_need_an_existing_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    for args in (["articles"], ["show", "1"], ["check"]):
        code, _, err = run([*args, "--project", str(missing)], capsys)
        assert code == 1
        assert err.strip() == f"{missing}: no such project file"
    assert not missing.exists()


def test_not_a_project_is_reported_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    code, _, err = run(["articles", "--project", str(path)], capsys)
    assert code == 1 and str(path) in err and "not a project" in err
    assert path.read_text() == "hello"


def test_show_unknown_id(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    run(["import", str(files["good"]), "--project", str(project)], capsys)
    code, _, err = run(["show", "999", "--project", str(project)], capsys)
    assert code == 1 and "no article with id 999" in err


def test_check_passes_and_fails(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    run(["import", str(files["good"]), "--project", str(project)], capsys)
    code, out, _ = run(["check", "--project", str(project), "--json"], capsys)
    assert code == 0 and json.loads(out)["ok"] is True
    import sqlite3

    conn = sqlite3.connect(project)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        'INSERT INTO claims (uid, article_id, start, "end", quote, created_at, updated_at) '
        "VALUES ('x', 77, 0, 3, 'abc', 'now', 'now')"
    )
    conn.commit()
    conn.close()
    code, _, err = run(["check", "--project", str(project)], capsys)
    assert code == 1 and "foreign key" in err


@pytest.mark.parametrize(
    "args", [["import"], ["show", "abc"], ["nosuchcommand"], ["articles", "--bogus"]]
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(args, capsys)
    assert code == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and "annotator" in out


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"


def test_console_script_runs_without_qt(tmp_path: Path, files: dict[str, Path]) -> None:
    """The CLI must not import Qt: it starts fast and works with no display."""
    code = (
        "import sys; from ui.app import main; rc = main(sys.argv[1:]); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "import",
            str(files["plain"]),
            "--project",
            str(tmp_path / "q.sqlite"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
