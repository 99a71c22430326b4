"""A merged annotation finds its article by URL the way browsers vary it, or by its quote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.cli.main import main
from annotator.exchange.mergers.urls import is_web_url, url_key
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.fixtures import hypothesis_page as page

URL = "https://www.healthdesk.example/news/resident-doctors-strike-again"


@pytest.mark.parametrize(
    "variant",
    [
        URL,
        URL + "#comments",
        URL + "/",
        URL.replace("https://", "http://"),
        URL.replace("www.healthdesk.example", "WWW.HealthDesk.Example"),
        URL.replace("www.", ""),
        URL + "?utm_source=twitter&utm_medium=social&utm_campaign=nhs",
        URL + "?fbclid=IwAR2xYz",
        URL + "?gclid=Cj0KCQ&msclkid=abc",
        URL.replace("https://www.", "http://") + "/?utm_content=x&_ga=2.1#top",
        URL.replace(".example/", ".example:443/"),
    ],
)
def test_browser_variants_of_an_address_are_one_article(variant: str) -> None:
    assert url_key(variant) == url_key(URL)


@pytest.mark.parametrize(
    "other",
    [
        URL + "-live",
        URL + "?page=2",
        URL.replace("/news/", "/sport/"),
        URL.replace("healthdesk", "healthdesk-mirror"),
        URL.replace(".example/", ".example:8080/"),
    ],
)
def test_a_different_page_stays_different(other: str) -> None:
    assert url_key(other) != url_key(URL)


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "file:///etc/passwd", "urn:x-pdf:abc", "", "https://", "//x.example/a"],
)
def test_only_web_addresses_have_a_key(value: str) -> None:
    assert not is_web_url(value) and url_key(value) is None


@pytest.fixture
def news_project(empty_project: Project) -> Project:
    empty_project.articles.add(
        ImportedArticle(text=page.canonical_text(), title=page.TITLE, source_format="html", url=URL)
    )
    empty_project.articles.add(
        ImportedArticle(
            text="Ministers dispute the figure. A second article about the strike.",
            title="Another",
            source_format="txt",
        )
    )
    return empty_project


def write(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_rows_from_every_variant_of_the_page_address_land(
    news_project: Project, tmp_path: Path
) -> None:
    variants = [
        URL + "?utm_source=newsletter",
        URL.replace("https://www.", "http://") + "/",
        URL + "#comments",
        URL.replace("www.healthdesk", "WWW.HEALTHDESK") + "?fbclid=x",
    ]
    doc = page.export(lambda n: variants[n % len(variants)])
    report = news_project.merge.merge_file(write(tmp_path, doc))
    assert [i for i in report.left_out if "not in the project" in i["reason"]] == []
    assert report.added["claims"] == len(page.SPECS)
    assert report.added["articles"] == 0


def test_an_alternate_address_finds_the_article(news_project: Project, tmp_path: Path) -> None:
    """The row's uri is the AMP copy; target.source or document.link name the real page."""
    by_source = page.row(page.SPECS[0], 1, "https://amp.healthdesk.example/a/991")
    by_source["target"][0]["source"] = URL + "?utm_source=amp"
    by_link = page.row(page.SPECS[1], 2, "urn:x-pdf:0f3e2a")
    by_link["document"]["link"] = [
        {"href": "urn:x-pdf:0f3e2a"},
        {"href": URL.replace("https://", "http://"), "rel": "canonical"},
    ]
    report = news_project.merge.merge_file(write(tmp_path, [by_source, by_link]))
    assert report.left_out == [] and report.added["claims"] == 2
    assert {c.article_id for c in news_project.claims.list()} == {1}


def _no_url(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row, uri="")
    row["target"] = [{"selector": row["target"][0]["selector"]}]
    return row


def test_a_row_with_no_url_is_matched_by_its_quote_and_reported(
    news_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    only_here = _no_url(page.row(page.SPECS[17], 1))  # "Institute for Fiscal Studies"
    in_both = _no_url(page.row(page.SPECS[10], 2))  # "Ministers dispute the figure"
    nowhere = _no_url(page.row(page.SPECS[-3], 3))  # the related-stories box
    path = write(tmp_path, [only_here, in_both, nowhere])
    code = main(["merge", str(path), "--project", str(news_project.path), "--json"])
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert code == 1
    assert out["added"]["claims"] == 1
    assert out["matched_by_quote"] == [
        {"id": f"https://hypothes.is/a/{only_here['id']}", "article": 1}
    ]
    reasons = {i["id"].rsplit("/", 1)[1]: i["reason"] for i in out["left_out"]}
    assert reasons == {
        in_both["id"]: "names no page, and its quote is in 2 articles of the project",
        nowhere["id"]: "names no page, and its quote is in no article of the project",
    }
    assert captured.err.count("\n") == 2
    claim = news_project.claims.list()[0]
    assert claim.quote == "Institute for Fiscal Studies" and claim.anchor == "exact"
