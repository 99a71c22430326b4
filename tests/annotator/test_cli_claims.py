"""The claims command line: mark, tag, claims, speakers (exact contract, in-process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main

ARTICLE = (
    "title: Strike\n"  # not front matter: a plain text whose first line is the title
    "The union says pay is 😀 a fifth lower than in 2008. Ministers say pay rose 28.9%.\n"
    "NHS England said 54,000 appointments were rescheduled.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "p.sqlite"
    source = tmp_path / "strike.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(["import", str(source), "--project", str(path)], capsys)
    assert code == 0, err
    return str(path)


def test_mark_then_list_with_code_point_offsets(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        [
            "mark",
            "1",
            "--quote",
            "pay",
            "--occurrence",
            "2",
            "--speaker",
            "Wes Streeting",
            "--side",
            "government",
            "--stance",
            "against",
            "--project",
            project,
            "--json",
        ],
        capsys,
    )
    assert code == 0, err
    claim = json.loads(out)
    text = ARTICLE
    assert claim["start"] == text.index("pay", text.index("pay") + 1)
    assert (claim["speaker"], claim["side"], claim["stance"], claim["anchor"]) == (
        "Wes Streeting",
        "government",
        "against",
        "exact",
    )

    code, out, _ = run(
        ["mark", "1", "--quote", "a fifth lower than in 2008", "--project", project, "--json"],
        capsys,
    )
    assert code == 0
    code, out, _ = run(["claims", "--project", project, "--json"], capsys)
    listed = json.loads(out)
    assert code == 0 and len(listed) == 2
    required = {
        "id",
        "article",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "statement",
        "speaker",
        "side",
        "stance",
        "verdict",
        "topics",
        "status",
        "anchor",
    }
    for item in listed:
        assert required <= set(item)
        assert text[item["start"] : item["end"]] == item["quote"]
        assert item["prefix"] == text[max(0, item["start"] - 32) : item["start"]]
        assert item["suffix"] == text[item["end"] : item["end"] + 32]
    # Past the emoji, code points (not UTF-16 units) still line up.
    assert listed[0]["quote"] == "a fifth lower than in 2008"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quote", "   "], "blank"),
        (["--quote", "pay rise of 40%"], "not in article 1"),
        (["--quote", "pay", "--occurrence", "9"], "occurrence 9"),
        (["--quote", "pay", "--side", "unions"], "unknown side 'unions' (use one of: union"),
    ],
)
def test_mark_failures_are_one_line_and_leave_nothing(
    project: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(["mark", "1", *args, "--project", project], capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and message in err and project in err
    assert "Traceback" not in err
    _, out, _ = run(["claims", "--project", project, "--json"], capsys)
    assert json.loads(out) == []


def test_mark_in_a_missing_article(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["mark", "7", "--quote", "pay", "--project", project], capsys)
    assert code == 1 and "no article with id 7" in err


@pytest.mark.parametrize(
    "args",
    [
        ["mark", "1"],
        ["mark", "1", "--quote", "pay", "--occurrence", "0"],
        ["tag"],
        ["claims", "--article", "x"],
    ],
)
def test_usage_errors(project: str, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, _, _ = run([*args, "--project", project], capsys)
    assert code == 2


def test_tag_creates_speakers_and_filters_find_them(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["mark", "1", "--quote", "pay rose 28.9%", "--project", project], capsys)
    run(
        ["mark", "1", "--quote", "54,000 appointments were rescheduled", "--project", project],
        capsys,
    )
    code, out, err = run(
        [
            "tag",
            "1",
            "--speaker",
            "Wes Streeting",
            "--side",
            "government",
            "--verdict",
            "misleading",
            "--topic",
            "pay",
            "--topic",
            "strike action",
            "--status",
            "checked",
            "--statement",
            "Pay rose 28.9% in three years",
            "--project",
            project,
            "--json",
        ],
        capsys,
    )
    assert code == 0, err
    tagged = json.loads(out)
    assert tagged["topics"] == ["pay", "strike action"] and tagged["verdict"] == "misleading"
    assert tagged["statement"] == "Pay rose 28.9% in three years" and tagged["status"] == "checked"
    run(
        ["tag", "2", "--speaker", "NHS England", "--side", "employer", "--project", project], capsys
    )

    code, out, _ = run(["speakers", "--project", project, "--json"], capsys)
    speakers = {s["name"]: s for s in json.loads(out)}
    assert (
        speakers["Wes Streeting"]["side"] == "government"
        and speakers["Wes Streeting"]["claims"] == 1
    )
    assert set(speakers) == {"Wes Streeting", "NHS England"}
    assert "aliases" in speakers["NHS England"]

    def ids(*filters: str) -> list[int]:
        code, out, err = run(["claims", *filters, "--project", project, "--json"], capsys)
        assert code == 0, err
        return [c["id"] for c in json.loads(out)]

    assert ids("--speaker", "wes streeting") == [1]
    assert ids("--side", "employer") == [2]
    assert ids("--verdict", "misleading") == [1]
    assert ids("--article", "1") == [1, 2]
    code, _, err = run(["claims", "--stance", "pro", "--project", project], capsys)
    assert code == 1 and "unknown stance 'pro'" in err
    code, _, err = run(["tag", "1", "--verdict", "pants on fire", "--project", project], capsys)
    assert code == 1 and "unknown verdict" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(["tag", "99", "--side", "union", "--project", project], capsys)
    assert code == 1 and "no claim with id 99" in err
    code, out, _ = run(["speakers", "--project", project], capsys)
    assert "Wes Streeting  [government]  1 claims" in out


def test_after_a_revision_claims_list_under_the_new_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "r.sqlite")
    front = "---\ntitle: Strike\nurl: https://news.example/strike\n---\n\n"
    body = ARTICLE.split("\n", 1)[1]
    first = tmp_path / "v1.md"
    first.write_text(front + body, encoding="utf-8")
    assert run(["import", str(first), "--project", project], capsys)[0] == 0
    for quote in (
        "a fifth lower than in 2008",
        "54,000 appointments were rescheduled",
        "Ministers say pay rose 28.9%",
    ):
        assert run(["mark", "1", "--quote", quote, "--project", project], capsys)[0] == 0
    second = tmp_path / "v2.md"
    second.write_text(
        front
        + "Updated.\n"
        + body.replace("rescheduled", "re-scheduled").replace(" Ministers say pay rose 28.9%.", ""),
        encoding="utf-8",
    )
    code, out, err = run(["import", str(second), "--project", project, "--json"], capsys)
    assert code == 0, err
    outcome = json.loads(out)[0]
    assert outcome["status"] == "revision" and outcome["revision_of"] == 1
    code, out, _ = run(["claims", "--project", project, "--json"], capsys)
    listed = json.loads(out)
    anchors = {c["quote"]: (c["article"], c["anchor"]) for c in listed}
    new_id = outcome["id"]
    assert anchors == {
        "a fifth lower than in 2008": (new_id, "exact"),
        "54,000 appointments were re-scheduled": (new_id, "fuzzy"),
        "Ministers say pay rose 28.9%": (new_id, "orphan"),
    }
    orphan = next(c for c in listed if c["anchor"] == "orphan")
    assert orphan["start"] is None and orphan["end"] is None
    code, out, _ = run(["show", str(new_id), "--project", project, "--json"], capsys)
    text = json.loads(out)["text"]
    for c in listed:
        if c["start"] is not None:
            assert text[c["start"] : c["end"]] == c["quote"]
    assert run(["check", "--project", project], capsys)[0] == 0


def test_every_claims_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("mark", "tag", "claims", "speakers"):
        code, out, _ = run([name, "--help"], capsys)
        assert code == 0 and "--project" in out and "--json" in out
