"""Merging files from colleagues and other tools: what comes in, what is refused, what is left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.anchoring.quotes import locate
from annotator.cli.main import main
from annotator.exchange import mergers
from annotator.exchange.merge import MergeError
from annotator.models import ImportedArticle
from annotator.project import Project

TEXT = (
    "The union says pay fell by a fifth. Ministers disagree. Later the union again said "
    "pay fell by a fifth, and the minister said pay rose 22%."
)
URL = "https://news.example/story"


@pytest.fixture
def project(empty_project: Project) -> Project:
    empty_project.articles.add(
        ImportedArticle(text=TEXT, title="Story", source_format="txt", url=URL)
    )
    return empty_project


def hypothesis_row(
    row_id: str, exact: str, start: int | None = None, uri: str = URL, **extra: Any
) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""}
    ]
    if start is not None:
        selectors.insert(
            0, {"type": "TextPositionSelector", "start": start, "end": start + len(exact)}
        )
    return {
        "id": row_id,
        "uri": uri,
        "created": "2025-11-05T10:00:00.000000+00:00",
        "updated": "2025-11-05T10:00:00.000000+00:00",
        "user": "acct:checker@hypothes.is",
        "text": "Needs the ONS figure",
        "tags": ["pay", "side:union"],
        "target": [
            {
                "source": uri,
                "selector": [{"type": "RangeSelector", "startContainer": "/p[1]"}, *selectors],
            }
        ],
        "document": {"title": ["Story"]},
        **extra,
    }


def write(tmp_path: Path, doc: Any, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def snapshot_counts(project: Project) -> tuple[int, ...]:
    return tuple(
        project.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "claims", "speakers", "vocab", "claim_topics", "evidence")
    )


# -- anchoring -------------------------------------------------------------------------
def test_locate_prefers_exact_position_then_nearest_then_nothing() -> None:
    second = TEXT.index("pay fell", 20)
    assert locate(TEXT, "pay fell", second).start == second  # type: ignore[union-attr]
    assert locate(TEXT, "pay fell", second + 7).start == second  # type: ignore[union-attr]
    assert locate(TEXT, "pay fell", 3).start == TEXT.index("pay fell")  # type: ignore[union-attr]
    assert locate(TEXT, "pay fell", 10_000).start == second  # type: ignore[union-attr]
    assert locate(TEXT, "pay fell", None, prefix="again said ").start == second  # type: ignore[union-attr]
    assert locate(TEXT, "pay froze", 3) is None
    assert locate(TEXT, "", 3) is None


# -- Hypothesis ----------------------------------------------------------------------------
def test_hypothesis_rows_anchor_by_quote_nearest_to_their_position(
    project: Project, tmp_path: Path
) -> None:
    second = TEXT.index("pay fell", 20)
    rows = [
        hypothesis_row(
            "h1", "pay fell by a fifth", start=second + 5
        ),  # page offsets differ a little
        hypothesis_row("h2", "pay rose 22%"),
        hypothesis_row("h3", "a sentence that is not there", start=5),
        hypothesis_row("h4", "anything", uri="https://elsewhere.example/"),
        {**hypothesis_row("h5", "x"), "target": [{"source": URL}]},  # a page note
    ]
    report = project.merge.merge_file(write(tmp_path, {"total": 5, "rows": rows}))
    assert report.format == "hypothesis"
    assert report.added["claims"] == 3
    claims = {c.quote: c for c in project.claims.list()}
    assert (
        claims["pay fell by a fifth"].start == second
        and claims["pay fell by a fifth"].anchor == "exact"
    )
    assert claims["pay fell by a fifth"].note == "Needs the ONS figure"
    assert (
        claims["pay fell by a fifth"].topics == ("pay",)
        and claims["pay fell by a fifth"].side == "union"
    )
    assert claims["pay fell by a fifth"].created_by == "acct:checker@hypothes.is"
    orphan = claims["a sentence that is not there"]
    assert orphan.anchor == "orphan" and orphan.start is None and orphan.article_id == 1
    assert [o["id"] for o in report.orphans] == ["https://hypothes.is/a/h3"]
    assert {(i["id"], i["reason"].split(" ")[0]) for i in report.left_out} == {
        ("https://hypothes.is/a/h4", "its"),
        ("https://hypothes.is/a/h5", "is"),
    }
    assert project.check() == []


def test_hypothesis_merge_twice_adds_nothing(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path, [hypothesis_row("h1", "pay rose 22%")])
    assert project.merge.merge_file(path).added["claims"] == 1
    before = snapshot_counts(project)
    again = project.merge.merge_file(path)
    assert sum(again.added.values()) == 0 and again.existing["claims"] == 1
    assert snapshot_counts(project) == before


def test_another_annotation_on_the_same_words_is_another_claim(
    project: Project, tmp_path: Path
) -> None:
    start = TEXT.index("pay rose")
    project.claims.mark(1, start, start + len("pay rose 22%"))
    report = project.merge.merge_file(
        write(tmp_path, [hypothesis_row("other-id", "pay rose 22%", start=start)])
    )
    assert report.added["claims"] == 1 and report.existing["claims"] == 0
    assert [c.start for c in project.claims.list()] == [start, start]


def test_merge_into_a_missing_project_creates_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "colleague.sqlite"
    with Project.open(source, create=True) as colleague:
        colleague.articles.add(
            ImportedArticle(text=TEXT, title="Story", source_format="txt", url=URL)
        )
        colleague.claims.mark_quote(1, "pay rose 22%")
    out = tmp_path / "claims.json"
    assert main(["export", "--project", str(source), "--format", "json", "-o", str(out)]) == 0
    capsys.readouterr()
    fresh = tmp_path / "NEW.sqlite"
    assert main(["merge", "--project", str(fresh), str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"]["claims"] == 1
    with Project.open(fresh) as project:
        assert [c.quote for c in project.claims.list()] == ["pay rose 22%"]
        assert project.check() == []


def test_article_matched_by_text_hash(project: Project, tmp_path: Path) -> None:
    sha = project.articles.list()[0].text_sha256
    doc = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "urn:uuid:11111111-2222-3333-4444-555555555555",
        "target": {
            "source": f"urn:sha256:{sha}",
            "selector": {"type": "TextPositionSelector", "start": 0, "end": 9},
        },
    }
    report = project.merge.merge_file(write(tmp_path, doc))
    assert report.added["claims"] == 1
    claim = project.claims.list()[0]
    assert claim.quote == "The union" and claim.uid == "11111111-2222-3333-4444-555555555555"


def test_selectors_outside_the_text_make_an_orphan(project: Project, tmp_path: Path) -> None:
    doc = [
        {
            "type": "Annotation",
            "id": "a1",
            "target": {
                "source": URL,
                "selector": {"type": "TextPositionSelector", "start": 5000, "end": 5010},
            },
        }
    ]
    report = project.merge.merge_file(write(tmp_path, doc))
    assert [o["id"] for o in report.orphans] == ["a1"]
    assert project.claims.list()[0].anchor == "orphan"


# -- refused whole ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"not json at all", "is not JSON"),
        (b'{"rows": [1, 2', "is not JSON"),
        (b'{"hello": "world"}', "not a claim set"),
        (b"[]", "not a claim set"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"format": "factcheck-annotator/claims", "version": 99}', "newer"),
        (
            b'{"format": "factcheck-annotator/claims", "version": 1, "claims": [{"uid": 5}]}',
            "claims[0].uid should be text",
        ),
        (
            b'{"format": "factcheck-annotator/claims", "version": 1, "claims": "x"}',
            "claims should be a list",
        ),
        (
            b'{"type": "AnnotationCollection", "first": "https://x.example/page1"}',
            "pages are links",
        ),
    ],
)
def test_bad_files_are_refused_whole(
    project: Project, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = snapshot_counts(project)
    with pytest.raises(MergeError) as caught:
        project.merge.merge_file(path)
    assert str(caught.value).startswith(f"{path}: ") and reason in str(caught.value)
    assert snapshot_counts(project) == before


def test_a_file_over_the_limit_is_refused_without_reading_it(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(mergers.MAX_MERGE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(MergeError, match="over the 256 MB merge limit"):
        project.merge.merge_file(path)


def test_a_failure_midway_rolls_the_whole_merge_back(project: Project, tmp_path: Path) -> None:
    """A new topic is added first, then a link the schema refuses fails: neither stays."""
    first = project.claims.mark_quote(1, "pay rose 22%")
    second = project.claims.mark_quote(1, "Ministers disagree")
    doc = {
        "format": "factcheck-annotator/claims",
        "version": 1,
        "codebook": {"topics": [{"name": "brand new topic"}]},
        "links": [{"from": first.uid, "to": second.uid, "relation": "not-a-relation"}],
    }
    before = snapshot_counts(project)
    with pytest.raises(MergeError, match=r"links\[0\]\.relation should be one of"):
        project.merge.merge_file(write(tmp_path, doc))
    assert snapshot_counts(project) == before
    assert project.codebook.find("topic", "brand new topic") is None


# -- undo -----------------------------------------------------------------------------------
def test_undo_removes_exactly_what_the_merge_added(project: Project, tmp_path: Path) -> None:
    project.claims.mark_quote(1, "Ministers disagree")
    before = snapshot_counts(project)
    rows = [
        hypothesis_row(
            "h1", "pay rose 22%", tags=["speaker:Jane Doe", "side:independent", "new topic"]
        )
    ]
    report = project.merge.merge_file(write(tmp_path, rows))
    assert report.added["speakers"] == 1 and report.added["codebook"] == 1
    project.merge.undo(report)
    assert snapshot_counts(project) == before
    assert project.check() == []


# -- the CLI ------------------------------------------------------------------------------------
def test_cli_merge_reports_and_exits_1_when_something_was_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        [
            hypothesis_row("h1", "pay rose 22%"),
            hypothesis_row("h2", "x", uri="https://other.example/"),
        ],
    )
    code = main(["merge", str(path), "--project", str(project.path), "--json"])
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert code == 1
    assert out["added"]["claims"] == 1 and out["format"] == "hypothesis"
    assert {"file", "format", "added", "existing", "orphans", "left_out"} <= set(out)
    assert (
        captured.err.strip()
        == f"{path}: left out https://hypothes.is/a/h2: its article https://other.example/ is not in the project"
    )
    code = main(
        [
            "merge",
            str(write(tmp_path, [hypothesis_row("h1", "pay rose 22%")], "ok.json")),
            "--project",
            str(project.path),
        ]
    )
    assert code == 0 and "already there" in capsys.readouterr().out


def test_cli_refuses_a_bad_file_with_one_line(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{nope", encoding="utf-8")
    code = main(["merge", str(path), "--project", str(project.path)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and err.startswith(f"{path}: is not JSON")
    assert main(["merge", str(tmp_path / "missing.json"), "--project", str(project.path)]) == 1
    assert "cannot be read" in capsys.readouterr().err


NATIVE = '{"format": "factcheck-annotator/claims", "version": 1, '


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            NATIVE
            + '"claims": [{"uid": "a", "article": "b", "quote": "q", "start": 1'
            + "9" * 5000
            + "}]}",
            "past 64 bits",
        ),
        (
            NATIVE
            + '"claims": [{"uid": "a", "article": "b", "quote": "q", "start": 9223372036854775808}]}',
            "past 64 bits",
        ),
        (
            NATIVE + '"claims": [{"uid": "a", "article": "b", "quote": "q", "start": NaN}]}',
            "not JSON",
        ),
        (
            NATIVE + '"claims": [{"uid": "a", "article": "b", "quote": "\\ud800 pay"}]}',
            "lone UTF-16 surrogate",
        ),
        (
            NATIVE + '"speakers": [{"uid": "s", "name": "Jo", "side": 7}]}',
            "speakers[0].side should be text",
        ),
        (
            NATIVE + '"evidence": [{"uid": "e", "kind": "rumour"}]}',
            "evidence[0].kind should be one of",
        ),
        (
            NATIVE + '"links": [{"from": "a", "to": "b", "relation": "hates"}]}',
            "links[0].relation should be one of",
        ),
        (
            NATIVE
            + '"claims": [{"uid": "a", "article": "b", "quote": "q", "evidence": [{"evidence": "e", "relation": "maybe"}]}]}',
            "relation should be one of",
        ),
    ],
)
def test_hostile_values_refuse_the_file_and_change_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, reason: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content.replace("\\\\", "\\"), encoding="utf-8")
    before = snapshot_counts(project)
    code = main(["merge", str(path), "--project", str(project.path)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and err.startswith(f"{path}: ") and reason in err
    assert snapshot_counts(project) == before


def test_only_web_urls_reach_the_project(project: Project, tmp_path: Path) -> None:
    doc = {
        "format": "factcheck-annotator/claims",
        "version": 1,
        "articles": [{"uid": "a1", "text": "Other words entirely.", "url": "javascript:alert(1)"}],
        "evidence": [
            {"uid": "e1", "kind": "url", "url": "file:///etc/passwd", "title": "t"},
            {"uid": "e2", "kind": "url", "url": "https://ons.example/pay", "title": "u"},
        ],
    }
    project.merge.merge_file(write(tmp_path, doc))
    urls = [
        r[0]
        for r in project.db.execute("SELECT url FROM articles UNION ALL SELECT url FROM evidence")
    ]
    assert "javascript:alert(1)" not in urls and "file:///etc/passwd" not in urls
    assert "https://ons.example/pay" in urls
