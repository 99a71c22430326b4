"""Addresses that are not web addresses (issue 16): a `javascript:` or `file:` URL
from a file's front matter or a page's canonical link never reaches the project,
the import says it was dropped, and an older project holding one never exports it
as a W3C annotation's source."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.models import ImportedArticle
from annotator.project import Project
from tests.robustness.refusals import assert_check_clean, run

HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    " JavaScript:alert(1)",
    "https://",  # no host
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_front_matter_url_that_is_not_web_is_dropped_and_said(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    article = tmp_path / "story.md"
    article.write_text(
        f"---\ntitle: Story\nurl: {json.dumps(url)}\n---\n\nThe sky is blue today, friends.\n",
        encoding="utf-8",
    )
    code, out, err = run(["import", "--project", str(project_path), str(article)], capsys)
    assert code == 0, err
    assert "url dropped" in out and "not an http(s) web address" in out
    code, out, _ = run(["articles", "--project", str(project_path), "--json"], capsys)
    assert json.loads(out)[0]["url"] is None
    assert_check_clean(project_path, capsys)


def test_html_canonical_link_that_is_not_web_is_dropped(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    body = "<p>" + "Prices rose by two percent in the year to March, the office said. " * 5 + "</p>"
    page.write_text(
        '<html><head><title>Prices</title><link rel="canonical" href="javascript:alert(1)">'
        '<meta property="og:url" content="javascript:alert(2)"></head>'
        f"<body><article><h1>Prices</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    code, _, err = run(["import", "--project", str(project_path), str(page)], capsys)
    assert code == 0, err
    with Project.open(project_path, create=False) as project:
        assert all(a.url is None or a.url.startswith("http") for a in project.articles.list())


def test_a_web_url_is_kept(project_path: Path) -> None:
    with Project.open(project_path, create=True) as project:
        outcome = project.articles.add(
            ImportedArticle(
                text="The sky is blue.", title="Sky", source_format="txt", url="https://x.example/a"
            )
        )
        assert outcome.notes == ()
        assert outcome.article_id is not None
        assert project.articles.summary(outcome.article_id).url == "https://x.example/a"


def test_editing_an_article_url_to_javascript_is_refused(project_path: Path) -> None:
    with Project.open(project_path, create=True) as project:
        outcome = project.articles.add(
            ImportedArticle(text="The sky is blue.", title="Sky", source_format="txt")
        )
        assert outcome.article_id is not None
        with pytest.raises(ValueError, match="http"):
            project.articles.update_metadata(outcome.article_id, url="javascript:alert(1)")
        assert project.articles.summary(outcome.article_id).url is None


def test_an_older_project_holding_one_never_exports_it_as_a_source(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Project.open(project_path, create=True) as project:
        outcome = project.articles.add(
            ImportedArticle(text="The sky is blue today.", title="Sky", source_format="txt")
        )
        assert outcome.article_id is not None
        project.claims.mark_quote(outcome.article_id, "The sky", 1)
    with sqlite3.connect(project_path) as conn:  # as an older version could have stored it
        conn.execute("UPDATE articles SET url = 'javascript:alert(1)'")
    out_file = tmp_path / "claims.w3c.json"
    code, _, err = run(
        ["export", "--project", str(project_path), "--format", "w3c", "-o", str(out_file)], capsys
    )
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert "javascript:" not in text and '"source": "urn:sha256:' in text.replace('":"', '": "')
