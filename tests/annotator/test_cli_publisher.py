"""`publisher` and `tag --review-url`: what a ClaimReview needs, kept in the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main

ARTICLE = "Pay\nThe union says pay is a fifth lower than in 2008.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "p.sqlite"
    source = tmp_path / "pay.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert run(["import", str(source), "--project", str(path)], capsys)[0] == 0
    assert run(["mark", "1", "--quote", "a fifth lower", "--project", str(path)], capsys)[0] == 0
    return str(path)


def test_publisher_set_then_shown_after_reopening(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["publisher", "--project", project, "--json"], capsys)
    assert (code, json.loads(out)) == (0, None), err
    args = ["publisher", "--name", "Check Desk", "--url", "https://checkdesk.example/"]
    code, out, err = run(
        [*args, "--logo", "https://checkdesk.example/logo.png", "--project", project, "--json"],
        capsys,
    )
    assert code == 0, err
    shown = {
        "name": "Check Desk",
        "url": "https://checkdesk.example/",
        "logo": "https://checkdesk.example/logo.png",
    }
    assert json.loads(out) == shown
    code, out, _ = run(["publisher", "--project", project, "--json"], capsys)
    assert json.loads(out) == shown
    code, out, _ = run(["publisher", "--name", "Check Desk UK", "--project", project], capsys)
    assert code == 0 and "Check Desk UK  https://checkdesk.example/" in out


@pytest.mark.parametrize(
    "bad",
    [
        "ftp://checkdesk.example/",
        "urn:uuid:1234",
        "acct:desk@checkdesk.example",
        "javascript:alert(1)",
        "https://",
        "checkdesk.example",
        "http://a b.example/",
    ],
)
def test_publisher_refuses_non_web_urls_in_one_line(
    project: str, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["publisher", "--name", "Desk", "--url", bad, "--project", project], capsys
    )
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and project in err and "http(s)" in err
    code, out, err = run(["tag", "1", "--review-url", bad, "--project", project], capsys)
    assert code == 1 and err.count("\n") == 1 and "review URL" in err
    assert run(["publisher", "--project", project, "--json"], capsys)[1].strip() == "null"


def test_publisher_needs_url_and_name(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["publisher", "--name", "Desk", "--project", project], capsys)
    assert code == 1 and "--url" in err
    code, _, err = run(
        ["publisher", "--name", " ", "--url", "https://d.example/", "--project", project], capsys
    )
    assert code == 1 and "name" in err


def test_tag_sets_and_clears_review_url(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://checkdesk.example/checks/pay-fifth-lower"
    code, out, err = run(["tag", "1", "--review-url", url, "--project", project, "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["review_url"] == url
    code, out, _ = run(["claims", "--project", project, "--json"], capsys)
    assert json.loads(out)[0]["review_url"] == url
    code, out, _ = run(["tag", "1", "--review-url", "", "--project", project, "--json"], capsys)
    assert json.loads(out)["review_url"] is None


def test_speaker_created_then_edited_as_organisation(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        [
            "speaker",
            "British Medical Association",
            "--alias",
            "BMA",
            "--project",
            project,
            "--json",
        ],
        capsys,
    )
    assert code == 0, err
    made = json.loads(out)
    assert made["kind"] == "person" and made["aliases"] == ["BMA"]
    code, out, err = run(
        [
            "speaker",
            "bma",
            "--kind",
            "organisation",
            "--alias",
            "the BMA",
            "--project",
            project,
            "--json",
        ],
        capsys,
    )
    assert code == 0, err
    edited = json.loads(out)
    assert edited["id"] == made["id"] and edited["kind"] == "organisation"
    assert edited["aliases"] == ["BMA", "the BMA"]
    code, out, _ = run(["speakers", "--project", project, "--json"], capsys)
    assert json.loads(out)[0]["kind"] == "organisation"


def test_speaker_refuses_unknown_kind_and_side(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["speaker", "Desk", "--kind", "robot", "--project", project], capsys)
    assert code == 2
    code, out, err = run(["speaker", "Desk", "--side", "nowhere", "--project", project], capsys)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert json.loads(run(["speakers", "--project", project, "--json"], capsys)[1]) == []
