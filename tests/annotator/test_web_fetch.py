"""`annotator import URL`, `refetch` and `archive` against a real server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from warcio.archiveiterator import ArchiveIterator

from annotator.cli.main import main
from annotator.project import Project
from annotator.web import http
from tests.annotator.web_server import Route, WebServer, article_page


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer()
    yield server
    server.close()


FIFTH = "Junior doctors said pay has fallen by a fifth since 2008 and they would strike again."
OFFER = "The health secretary said the offer of 22 per cent over two years was final and fair."
PAGE = article_page("Strike talks collapse", [FIFTH, OFFER])


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def counts(path: Path) -> tuple[int, int]:
    with Project.open(path, create=False) as project:
        return (
            project.articles.count(),
            int(project.db.execute("SELECT count(*) FROM web_captures").fetchone()[0]),
        )


def test_a_page_is_imported_with_its_response_archived(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    url = web.page("/strike", PAGE, headers=[("Content-Type", "text/html; charset=utf-8")])
    code, out, err = run(["import", url, "--project", str(project)], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("imported") and "Strike talks collapse" in out and url in out
    with Project.open(project, create=False) as p:
        article = p.articles.get(1)
        assert FIFTH in article.text and "All rights reserved" not in article.text
        assert article.summary.url == url
        [capture] = p.web.captures(1)
        assert (capture.status, capture.final_url, capture.requested_url) == (200, url, url)
        assert p.web.body(capture) == PAGE.encode()
        assert len(capture.body_sha256) == 64 and capture.fetched_at
    assert web.seen[0].headers["user-agent"].startswith("fact-checking-annotator/")


def test_files_and_addresses_mix_in_one_call_in_order(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("A note about the strike.\n\nIt has a second paragraph.")
    url = web.page("/strike", PAGE)
    code, out, _ = run(
        ["import", str(note), url, "--project", str(tmp_path / "p.sqlite"), "--json"], capsys
    )
    assert code == 0
    assert [(o["file"], o["status"]) for o in json.loads(out)] == [
        (str(note), "imported"),
        (url, "imported"),
    ]


def test_redirects_are_followed_and_recorded(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    final = web.page("/2026/strike", PAGE)
    web.redirect("/hop", "/2026/strike", status=302)
    start = web.redirect("/s", web.url("/hop"), status=301)
    project = tmp_path / "p.sqlite"
    assert run(["import", start, "--project", str(project)], capsys)[0] == 0
    with Project.open(project, create=False) as p:
        [capture] = p.web.captures(1)
        assert capture.final_url == final and capture.requested_url == start
        assert capture.redirects == ((301, start), (302, web.url("/hop")))
        assert p.articles.summary(1).url == final


def test_only_the_address_asked_for_is_fetched(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = article_page(
        "Strike talks collapse",
        [FIFTH, OFFER],
        extra_head="<link rel='canonical' href='https://elsewhere.example/stolen'>"
        "<script src='/tracker.js'></script><link rel='stylesheet' href='/s.css'>",
        extra_body="<img src='/photo.jpg'><iframe src='/frame'></iframe><a href='/next'>next</a>",
    )
    url = web.page("/strike", page)
    project = tmp_path / "p.sqlite"
    assert run(["import", url, "--project", str(project)], capsys)[0] == 0
    assert web.paths_seen() == ["/strike"]
    with Project.open(project, create=False) as p:  # another host's canonical is not believed
        assert p.articles.summary(1).url == url


def test_a_canonical_link_on_the_same_host_names_the_article(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = article_page(
        "Strike",
        [FIFTH, OFFER],
        extra_head=f"<link rel='canonical' href='{web.url('/news/strike')}'>",
    )
    url = web.page("/strike?utm_source=feed", page)
    project = tmp_path / "p.sqlite"
    assert run(["import", url, "--project", str(project)], capsys)[0] == 0
    with Project.open(project, create=False) as p:
        assert p.articles.summary(1).url == web.url("/news/strike")


def bomb(encoding: str) -> bytes:
    zeros = b"<html><body><p>" + b" " * (30 * 1024 * 1024)
    return gzip.compress(zeros) if encoding == "gzip" else brotli.compress(zeros)


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(b"gone", status=404), "was not found (HTTP 404 Not Found)"),
        (Route(b"oops", status=500), "failed on the server (HTTP 500 Internal Server Error)"),
        (Route(b"no", status=403), "was refused by the server (HTTP 403 Forbidden)"),
        (
            Route(b"%PDF-1.7", headers=[("Content-Type", "application/pdf")]),
            "is not a web page (application/pdf)",
        ),
        (
            Route(b"\x89PNG", headers=[("Content-Type", "image/png")]),
            "is not a web page (image/png)",
        ),
        (Route(b"just words", headers=[]), "is not a web page (no content type, and not HTML)"),
        (
            Route(b"", status=302, headers=[("Location", "file:///etc/passwd")]),
            "redirects to a non-web address (file:///etc/passwd); not followed",
        ),
        (
            Route(b"", status=301, headers=[("Location", "ftp://files.example/a.html")]),
            "redirects to a non-web address (ftp://files.example/a.html); not followed",
        ),
        (
            Route(
                bomb("gzip"), headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
            ),
            "is too large: it decompresses to over 20 MB (refused as a decompression bomb)",
        ),
        (
            Route(bomb("br"), headers=[("Content-Type", "text/html"), ("Content-Encoding", "br")]),
            "is too large: it decompresses to over 20 MB (refused as a decompression bomb)",
        ),
        (
            Route(b"<html>", length=30 * 1024 * 1024),
            "is too large (30.0 MB, over the 20 MB limit for web pages)",
        ),
        (
            Route(b"<html><body>" + b"a" * (21 * 1024 * 1024), chunked=True),
            "is too large (over the 20 MB limit for web pages)",
        ),
        (
            Route(b"<html><head><script>x()</script></head><body></body></html>"),
            "holds no readable article text (only scripts, styles or page furniture)",
        ),
    ],
)
def test_each_failure_is_one_line_and_nothing_is_stored(
    web: WebServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    route: Route,
    reason: str,
) -> None:
    web.routes["/bad"] = route
    good = web.page("/strike", PAGE)
    project = tmp_path / "p.sqlite"
    code, out, err = run(["import", web.url("/bad"), good, "--project", str(project)], capsys)
    assert code == 1
    assert err.splitlines() == [f"{web.url('/bad')}: {reason}"]
    assert out.startswith("imported")  # the rest of the call goes on
    assert counts(project) == (1, 1)


def test_a_slow_server_times_out(
    web: WebServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(http, "TIMEOUT_SECONDS", 0.5)
    web.page("/slow", PAGE, delay=2.0)
    web.page("/drip", PAGE, drip=0.05)  # answers at once, then a trickle past the deadline
    project = tmp_path / "p.sqlite"
    code, _out, err = run(
        ["import", web.url("/slow"), web.url("/drip"), "--project", str(project)], capsys
    )
    assert code == 1
    assert err.splitlines() == [
        f"{web.url('/slow')}: timed out (no complete answer within 0.5 s)",
        f"{web.url('/drip')}: timed out (no complete answer within 0.5 s)",
    ]
    assert counts(project) == (0, 0)


def test_refused_and_non_web_addresses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    closed = f"http://127.0.0.1:{port}/a"
    project = tmp_path / "p.sqlite"
    code, _out, err = run(
        ["import", closed, "ftp://x.example/a", "--project", str(project)], capsys
    )
    assert code == 1
    assert err.splitlines() == [
        f"{closed}: cannot be reached: the connection was refused (127.0.0.1:{port})",
        "ftp://x.example/a: is not a web address (only http and https are fetched)",
    ]


def test_compressed_pages_and_charsets(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cyrillic = article_page(
        "Забастовка", ["Зарплата упала на пятую часть с 2008 года, заявили врачи.", OFFER]
    )
    web.routes["/gz"] = Route(
        gzip.compress(PAGE.encode(), mtime=0),
        headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
    )
    # The header's charset outranks the page's <meta charset='utf-8'>.
    web.routes["/br"] = Route(
        brotli.compress(cyrillic.encode("windows-1251")),
        headers=[("Content-Type", "text/html; charset=windows-1251"), ("Content-Encoding", "br")],
    )
    project = tmp_path / "p.sqlite"
    code, _out, err = run(
        ["import", web.url("/gz"), web.url("/br"), "--project", str(project)], capsys
    )
    assert (code, err) == (0, ""), err
    with Project.open(project, create=False) as p:
        assert FIFTH in p.articles.get(1).text
        assert "Зарплата упала на пятую часть" in p.articles.get(2).text
        assert p.web.body(p.web.captures(1)[0]) == gzip.compress(
            PAGE.encode(), mtime=0
        )  # as received


def edited(page: str) -> str:
    return page.replace("a fifth", "a quarter").replace(" and fair", "")


def test_refetch_brings_a_stealth_edit_in_as_a_revision(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.sqlite"
    url = web.page("/strike", PAGE)
    run(["import", url, "--project", str(project)], capsys)
    with Project.open(project, create=False) as p:
        p.claims.mark_quote(1, "they would strike again")
        p.claims.mark_quote(1, "pay has fallen by a fifth since 2008")
        p.claims.mark_quote(1, "was final and fair")

    code, out, err = run(["refetch", "--project", str(project)], capsys)
    assert (code, err) == (0, "") and out.startswith("unchanged     1")

    web.page("/strike", edited(PAGE))
    code, out, err = run(["refetch", "1", "--project", str(project)], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("revision      1 -> 2  Strike talks collapse")
    assert lines[0].endswith("(1 claim moved, 1 re-found fuzzily, 1 orphan)")
    assert '- "…said pay has fallen by a fifth since 2008 and they would…"' in out
    assert '+ "…said pay has fallen by a quarter since 2008 and they would…"' in out
    with Project.open(project, create=False) as p:
        assert p.articles.summary(2).revision_of == 1
        anchors = sorted(c.anchor for c in p.claims.list(2))
        assert anchors == ["exact", "fuzzy", "orphan"] and p.claims.list(1) == []
        assert p.web.changed_at_source() == {1: 2}
        assert p.check() == []

    code, out, _ = run(["refetch", "1", "--project", str(project), "--json"], capsys)
    [outcome] = json.loads(out)
    assert (outcome["id"], outcome["status"]) == (2, "unchanged")  # the newest revision is compared

    web.routes["/strike"] = Route(b"gone", status=404)
    code, out, err = run(["refetch", "--project", str(project)], capsys)
    assert code == 1 and err == f"{url}: was not found (HTTP 404 Not Found) (article 2)\n"


def test_refetch_of_an_article_not_fetched_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("A note about the strike.")
    project = tmp_path / "p.sqlite"
    run(["import", str(note), "--project", str(project)], capsys)
    code, _out, err = run(["refetch", "1", "--project", str(project)], capsys)
    assert code == 1
    assert (
        err
        == "article 1: was not fetched from a web address (nothing to fetch again) (article 1)\n"
    )
    code, _out, err = run(
        ["archive", "1", "-o", str(tmp_path / "a.warc.gz"), "--project", str(project)], capsys
    )
    assert code == 1 and "was not fetched from a web address" in err
    assert not (tmp_path / "a.warc.gz").exists()


def test_the_archive_is_a_warc_that_warcio_reads(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    web.routes["/gz"] = Route(
        gzip.compress(PAGE.encode(), mtime=0),
        headers=[("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
        chunked=True,
    )
    start = web.redirect("/s", "/gz")
    project = tmp_path / "p.sqlite"
    run(["import", start, "--project", str(project)], capsys)
    out_file = tmp_path / "strike.warc.gz"
    code, out, err = run(["archive", "1", "-o", str(out_file), "--project", str(project)], capsys)
    assert (code, err) == (0, "") and "4 records" in out
    with out_file.open("rb") as stream:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r, r.content_stream().read())
            for r in ArchiveIterator(stream, check_digests=True)
        ]
    assert [r[0] for r in records] == ["warcinfo", "request", "response", "metadata"]
    _type, target, response, page = records[2]
    assert target == web.url("/gz") and page == PAGE.encode()
    assert response.http_headers.get_statuscode() == "200"
    assert response.rec_headers.get_header("WARC-Payload-Digest").startswith("sha256:")
    assert f"requested-url: {start}" in records[3][3].decode()
    assert (
        records[1][2].http_headers.get_header("User-Agent").startswith("fact-checking-annotator/")
    )


def test_deleting_a_fetched_article_and_undoing_keeps_its_archive(
    web: WebServer, empty_project: Project
) -> None:
    [outcome] = empty_project.web.import_addresses([web.page("/strike", PAGE)])
    assert outcome.article_id is not None
    before = empty_project.web.captures(outcome.article_id)
    snapshot = empty_project.articles.delete(outcome.article_id)
    json.dumps(snapshot)  # the undo history keeps it as JSON
    assert empty_project.web.captures(outcome.article_id) == []
    empty_project.articles.restore(snapshot)
    assert empty_project.web.captures(outcome.article_id) == before
    assert empty_project.web.body(before[0]) == PAGE.encode()


def test_a_failure_while_storing_the_capture_leaves_no_article(
    web: WebServer, empty_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import web_captures

    def broken(*_args: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(web_captures, "insert", broken)
    with pytest.raises(OSError):
        empty_project.web.import_addresses([web.page("/strike", PAGE)])
    assert empty_project.articles.count() == 0


def test_cancel_stops_before_anything_is_stored(web: WebServer, empty_project: Project) -> None:
    outcomes = empty_project.web.import_addresses([web.page("/strike", PAGE)], stop=lambda: True)
    assert outcomes == [] and empty_project.articles.count() == 0
