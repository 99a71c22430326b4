"""CSV, ClaimReview, REFI-QDA, HTML and Markdown exports, read back the way their users read them."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import etree
from markdown_it import MarkdownIt

from annotator.cli.main import main
from annotator.exchange.exporters import FORMATS, export_to_path
from annotator.exchange.exporters.spreadsheet import safe_cell
from annotator.project import Project
from annotator.publisher import set_publisher
from annotator.search.service import ClaimFilter
from tests.annotator import exchange_fixtures as fx


@pytest.fixture
def rich(empty_project: Project, tmp_path: Path) -> tuple[Project, dict[str, int]]:
    return empty_project, fx.build(empty_project, tmp_path)


def export(project: Project, fmt: str, tmp_path: Path, filters: ClaimFilter | None = None) -> Path:
    out = tmp_path / f"out{FORMATS[fmt].extension}"
    export_to_path(project, fmt, out, filters)
    return out


# -- CSV -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+3", "'+3"),
        ("-2 down", "'-2 down"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("pay = 3", "pay = 3"),
        ("", ""),
        (None, ""),
        (5, 5),
    ],
)
def test_formula_cells_are_escaped_never_stripped(value: object, cell: object) -> None:
    assert safe_cell(value) == cell


def test_csv_rows_are_claims_with_their_context(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = rich
    raw = export(project, "csv", tmp_path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 5
    by_id = {int(r["claim_id"]): r for r in rows}
    first = by_id[ids["c1"]]
    assert first["article_title"] == "Pay row deepens" and first["speaker"] == "BMA"
    assert (first["side"], first["stance"], first["verdict"]) == ("union", "against", "mostly true")
    assert first["topics"] == "pay; rallies"
    assert (
        "supports; kind: url; title: NHS earnings statistics; url: https://stats.example/earnings"
        in first["evidence"]
    )
    assert "dataset: Median pay; row 2: year=2024, median pay=24000, note=fell" in first["evidence"]
    assert first["note"] == "'=1+1 check the RPI series"
    hostile = by_id[ids["c3"]]
    assert hostile["note"] == "'-2 @SUM(1) <b>bold</b>"
    assert (
        hostile["article_title"] == "'" + fx.HOSTILE_TITLE
        if fx.HOSTILE_TITLE[0] in "=+-@"
        else fx.HOSTILE_TITLE
    )
    for row in rows:  # no cell a spreadsheet would run
        assert not any(str(v).startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())


def test_csv_follows_the_filters(rich: tuple[Project, dict[str, int]], tmp_path: Path) -> None:
    project, _ = rich
    raw = export(project, "csv", tmp_path, ClaimFilter(side="union")).read_text("utf-8-sig")
    assert [r["speaker"] for r in csv.DictReader(io.StringIO(raw))] == ["BMA"]


# -- ClaimReview (the full set of properties: test_export_claimreview.py) -----------------------
def test_claimreview_rates_on_the_codebook_scale(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    project.codebook.update(project.codebook.find("verdict", "false").id, rating=1)  # type: ignore[union-attr]
    out = tmp_path / "r.json"
    result = export_to_path(project, "claimreview", out, draft=True)
    assert result.written == 3  # c1, c2, c3 have verdicts; the other two are skipped, said why
    assert [s.reason.split(":")[0] for s in result.skipped] == ["no verdict", "no verdict"]
    by_claim = {r["claimReviewed"]: r for r in json.loads(out.read_text("utf-8"))}
    assert by_claim["pay rose 22% over two years"]["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "misleading",
        "bestRating": 6,
        "worstRating": 1,
        "ratingValue": 3,
    }


def test_claimreview_verdict_off_the_scale_keeps_its_name_only(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = rich
    project.claims.tag(ids["c4"], verdict="unproven")  # rated 0: outside 1-6
    out = tmp_path / "r.json"
    export_to_path(project, "claimreview", out, ClaimFilter(verdict="unproven"), draft=True)
    reviews = json.loads(out.read_text("utf-8"))
    assert [r["reviewRating"] for r in reviews] == [
        {"@type": "Rating", "alternateName": "unproven", "bestRating": 6, "worstRating": 1}
    ]


# -- REFI-QDA ------------------------------------------------------------------------------------
QDA = "{urn:QDA-XML:project:1.0}"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PROJECT_ORDER = [
    "Users",
    "CodeBook",
    "Variables",
    "Cases",
    "Sources",
    "Notes",
    "Links",
    "Sets",
    "Graphs",
    "Description",
]
SOURCE_ORDER = [
    "Description",
    "PlainTextContent",
    "PlainTextSelection",
    "Coding",
    "NoteRef",
    "VariableValue",
]


def _in_order(children: list[str], order: list[str]) -> bool:
    positions = [order.index(c) for c in children]
    return positions == sorted(positions)


def test_refi_qdpx_structure_and_codings(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    archive = zipfile.ZipFile(export(project, "refi", tmp_path))
    names = archive.namelist()
    assert "project.qde" in names
    root = etree.fromstring(archive.read("project.qde"))
    assert root.tag == f"{QDA}Project" and root.get("name") and root.get("origin")
    assert _in_order([etree.QName(c).localname for c in root], PROJECT_ORDER)
    guids = [e.get("guid") for e in root.iter() if e.get("guid") is not None]
    assert guids and all(GUID.match(g) for g in guids) and len(guids) == len(set(guids))
    codes = {c.get("guid"): c for c in root.iter(f"{QDA}Code")}
    groups = [c.get("name") for c in root.find(f"{QDA}CodeBook/{QDA}Codes")]
    assert groups == ["Speakers", "Sides", "Stances", "Verdicts", "Topics"]
    assert all(c.get("isCodable") in ("true", "false") for c in codes.values())
    assert all(
        re.match(r"^#[0-9A-Fa-f]{6}$", c.get("color")) for c in codes.values() if c.get("color")
    )
    sources = root.findall(f"{QDA}Sources/{QDA}TextSource")
    assert len(sources) == 2
    texts = {a.uid: project.articles.get(a.id).text for a in project.articles.list()}
    selections = 0
    for source in sources:
        assert _in_order([etree.QName(c).localname for c in source], SOURCE_ORDER)
        path = source.get("plainTextPath")
        assert path.startswith("internal://")
        text = archive.read(f"sources/{path.removeprefix('internal://')}").decode("utf-8")
        assert text in texts.values()
        for selection in source.findall(f"{QDA}PlainTextSelection"):
            selections += 1
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert 0 <= start < end <= len(text)
            assert text[start:end] == selection.get("name")
            refs = [r.get("targetGUID") for r in selection.iter(f"{QDA}CodeRef")]
            assert all(r in codes for r in refs)
            if text[start:end] == "pay has fallen by a fifth since 2008":
                coded = {codes[r].get("name") for r in refs}
                assert coded == {"BMA", "union", "against", "mostly true", "pay", "rallies"}
    assert selections == 4  # the orphan has no place in the text


# -- HTML ------------------------------------------------------------------------------------------
class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_report_escapes_everything_and_loads_nothing(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = rich
    page = export(project, "html", tmp_path).read_text("utf-8")
    parser = _Tags()
    parser.feed(page)
    tags = {t for t, _ in parser.tags}
    assert "script" not in tags and "img" not in tags and "b" not in tags and "link" not in tags
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    hrefs = [a.get("href") for t, a in parser.tags if t == "a" and a.get("href")]
    assert all(h.startswith(("#claim-", "https://")) for h in hrefs)
    assert "javascript:" not in " ".join(hrefs)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not any(
        "src" in attrs or ("style" in attrs and "url(" in str(attrs["style"]))
        for _, attrs in parser.tags
    )
    # the claims are highlighted in the text and listed in the table
    assert page.count('<mark class="claim"') >= 4
    assert f'<a id="claim-{ids["c1"]}"></a>' in page and f'href="#claim-{ids["c1"]}"' in page
    assert "not found in the text" in page  # the orphan


def test_html_overlapping_claims_are_both_marked(empty_project: Project, tmp_path: Path) -> None:
    from annotator.models import ImportedArticle

    article = empty_project.articles.add(
        ImportedArticle(text="Alpha beta gamma delta.", title="T", source_format="txt")
    ).article_id
    assert article is not None
    a = empty_project.claims.mark(article, 0, 10)  # "Alpha beta"
    b = empty_project.claims.mark(article, 6, 16)  # "beta gamma"
    page = export(empty_project, "html", tmp_path).read_text("utf-8")
    assert f'<mark class="overlap" title="C{a.id}, C{b.id}">beta</mark>' in page
    assert f'<mark class="claim" title="C{a.id}">Alpha </mark>' in page


# -- Markdown ----------------------------------------------------------------------------------------
def test_markdown_report_renders_without_markup_from_the_article(
    rich: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = rich
    text = export(project, "md", tmp_path).read_text("utf-8")
    html = MarkdownIt("commonmark").enable("table").render(text)
    parser = _Tags()
    parser.feed(html)
    tags = {t for t, _ in parser.tags}
    assert tags <= {
        "h1",
        "h2",
        "p",
        "em",
        "strong",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert "<strong>pay has fallen by a fifth since 2008</strong>" in html
    assert "&lt;script&gt;" in html and "**bold**" in html  # shown as text, not as markup
    tables = [t for t, _ in parser.tags if t == "tr"]
    assert len(tables) == 5 + 2  # five claims, two header rows: no cell split by a pipe


def test_every_format_through_the_cli(
    rich: tuple[Project, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, ids = rich
    set_publisher(project.db, "Checkpoint", "https://checkpoint.example/", None)
    project.claims.tag(ids["c1"], review_url="https://checkpoint.example/r/1")
    # Article 1 holds c1, c2 and an orphan: REFI-QDA has no place for the orphan, and
    # only c1 is a published review (a verdict and its page).
    written = {"refi": 2, "claimreview": 1}
    for fmt in FORMATS:
        out = tmp_path / f"cli-{fmt}"
        code = main(
            [
                "export",
                "--format",
                fmt,
                "-o",
                str(out),
                "--article",
                "1",
                "--project",
                str(project.path),
            ]
        )
        assert code == 0, capsys.readouterr().err
        assert out.stat().st_size > 0
        assert f"{written.get(fmt, 3)} claims written" in capsys.readouterr().out
