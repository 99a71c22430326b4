"""`show` says where a fetched article came from; web commands print hostile titles escaped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import web as web_cli
from annotator.cli.main import main
from annotator.models.web import RefetchOutcome
from tests.annotator.web_server import WebServer, article_page

LINE = "Nurses said the offer of 3.6 per cent was a real-terms cut for the third year."


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer()
    yield server
    server.close()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_show_names_the_address_and_time_of_the_fetch(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.sqlite")
    final = web.page("/2025/nurses", article_page("Nurses vote on pay", [LINE]))
    asked = web.redirect("/nurses", final)
    assert run(["import", asked, "--project", project], capsys)[0] == 0
    code, out, err = run(["show", "1", "--project", project], capsys)
    assert (code, err) == (0, "")
    [fetched] = [line for line in out.splitlines() if line.startswith("Fetched:")]
    assert final in fetched and "20" in fetched  # the final address and a timestamp
    code, out, _ = run(["show", "1", "--project", project, "--json"], capsys)
    data = json.loads(out)
    assert data["fetched"]["url"] == asked and data["fetched"]["final_url"] == final
    assert data["fetched"]["captures"] == 1


def test_show_of_a_file_article_has_no_fetched_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.sqlite")
    source = tmp_path / "a.txt"
    source.write_text(LINE, encoding="utf-8")
    assert run(["import", str(source), "--project", project], capsys)[0] == 0
    _, out, _ = run(["show", "1", "--project", project], capsys)
    assert "Fetched:" not in out
    _, out, _ = run(["show", "1", "--project", project, "--json"], capsys)
    assert json.loads(out)["fetched"] is None


def test_refetch_prints_a_hostile_title_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    # A title stored from elsewhere (a merged file, an older version) reaches the terminal.
    hostile = "Pay\x1b]0;owned\x07 row\x1b[2J"
    for outcome in (
        RefetchOutcome(1, "http://x.test/a\x1b[2J", "unchanged", title=hostile),
        RefetchOutcome(1, "http://x.test/a", "revision", title=hostile, revision=2),
    ):
        web_cli._echo(outcome)
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out
        assert "Pay" in out and "row" in out
