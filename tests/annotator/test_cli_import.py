"""`annotator import` over every format, and `show --json` for a web page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli.main import main
from tests.conftest import FIXTURES


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("article_page.html", "report.pdf", "briefing.docx"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "broken.pdf").write_bytes((FIXTURES / "report.pdf").read_bytes()[:500])
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not an article: skipped in a folder
    return folder


def test_folder_import_prints_a_line_per_file_and_exits_1_after_the_good_ones(
    tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    code, out, err = run(["import", str(inbox), "--project", str(project)], capsys)
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("imported") for line in lines)
    assert [e for e in err.splitlines()] == [
        f"{inbox / 'broken.pdf'}: is a truncated PDF (its end-of-file marker is missing)"
    ]

    code, out, err = run(["import", str(inbox / "report.pdf"), "--project", str(project)], capsys)
    assert code == 0 and out.startswith("duplicate") and "same text already" in out


def test_json_outcomes_and_show_gives_the_page_metadata(
    tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    code, out, _err = run(
        ["import", str(inbox / "article_page.html"), "--project", str(project), "--json"], capsys
    )
    assert code == 0
    [outcome] = json.loads(out)
    assert outcome["status"] == "imported" and outcome["reason"] is None

    code, out, _err = run(["show", str(outcome["id"]), "--project", str(project), "--json"], capsys)
    shown = json.loads(out)
    assert code == 0
    assert shown["title"] == "Resident doctors vote to strike again over pay"
    assert shown["author"] == "Priya Raman"
    assert shown["published"] == "2025-07-09T06:30:00+01:00"
    assert shown["outlet"] == "The Ward Gazette"
    assert shown["url"] == "https://wardgazette.example/health/2025/07/resident-doctors-strike-vote"
    assert "\n\nWhat the government says\n\n" in shown["text"]


def test_revision_line_names_the_old_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    page = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
    (tmp_path / "v1.html").write_text(page, encoding="utf-8")
    (tmp_path / "v2.html").write_text(page.replace("90.3%", "90.4%"), encoding="utf-8")
    run(["import", str(tmp_path / "v1.html"), "--project", str(project)], capsys)
    code, out, _err = run(["import", str(tmp_path / "v2.html"), "--project", str(project)], capsys)
    assert code == 0 and out.startswith("revision") and "(new revision of 1)" in out


def test_empty_folder_is_a_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    code, out, err = run(["import", str(empty), "--project", str(tmp_path / "p.sqlite")], capsys)
    assert code == 1 and out == ""
    assert err.strip() == f"{empty}: folder holds no .txt, .md, .html, .pdf or .docx files"
