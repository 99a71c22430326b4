"""ClaimReview as Google's fact-check structured data and schema.org's types want it.

The project is what a fact-checking site has: its publisher, claims from two
reports of the same speech (linked as "same"), one speaker an organisation and
one a person, reviews with and without their published page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from annotator.cli.main import main
from annotator.exchange.exporters import ExportError, export_to_path
from annotator.exchange.exporters.outcome import NO_REVIEW_URL, NO_VERDICT
from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.publisher import set_publisher

EARLIER = (
    "Doctors' leaders warn of strikes\n\n"
    "The British Medical Association said on Monday that resident doctors' pay has "
    "fallen by a fifth since 2008, and that members would be balloted again.\n"
)
LATER = (
    "Strike ballot opens\n\n"
    "Repeating its figure, the union said resident doctors' pay has fallen by a fifth "
    "since 2008. The Health Secretary replied that pay rose 22% over two years.\n"
)
PRESS_RELEASE = "Press release\n\nThe department said waiting lists fell for a sixth month.\n"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REVIEW = "https://checkpoint.example/fact-checks/doctors-pay-fifth"


def _article(project: Project, text: str, title: str, **extra: Any) -> int:
    found = project.articles.add(
        ImportedArticle(text=text, title=title, source_format="html", **extra)
    )
    assert found.article_id is not None
    return found.article_id


@pytest.fixture
def site(empty_project: Project) -> tuple[Project, dict[str, int]]:
    project = empty_project
    set_publisher(
        project.db,
        "Checkpoint",
        "https://checkpoint.example/",
        "https://checkpoint.example/logo.png",
    )
    earlier = _article(
        project,
        EARLIER,
        "Doctors' leaders warn of strikes",
        url="https://news.example/2025/10/doctors-warn",
        outlet="News Example",
        published="2025-10-06T08:30:00Z",
    )
    later = _article(
        project,
        LATER,
        "Strike ballot opens",
        url="https://www.other.example/ballot?utm_source=x",
        outlet="Other Example",
        published="2025-11-05",
    )
    release = _article(project, PRESS_RELEASE, "Press release")  # no URL: known by its hash
    bma = project.speakers.create("British Medical Association", aliases=["the BMA"])
    project.speakers.update(bma.id, kind="organisation")
    project.speakers.create("Wes Streeting", role="Health Secretary", organisation="DHSC")
    first = project.claims.mark_quote(
        earlier, "resident doctors' pay has fallen by a fifth since 2008"
    )
    project.claims.tag(first.id, speaker="the BMA")  # no verdict: not a review itself
    fifth = project.claims.mark_quote(
        later, "resident doctors' pay has fallen by a fifth since 2008"
    )
    project.claims.tag(
        fifth.id,
        speaker="the BMA",
        verdict="mostly true",
        statement="Resident doctors' pay is a fifth lower in real terms than in 2008",
        review_url=REVIEW,
    )
    project.links.add(fifth.id, first.id, "same")
    rose = project.claims.mark_quote(later, "pay rose 22% over two years")
    project.claims.tag(rose.id, speaker="Wes Streeting", verdict="misleading")  # no page yet
    lists = project.claims.mark_quote(release, "waiting lists fell for a sixth month")
    project.claims.tag(
        lists.id, verdict="true", review_url="https://checkpoint.example/fact-checks/waiting-lists"
    )
    return project, {"first": first.id, "fifth": fifth.id, "rose": rose.id, "lists": lists.id}


def _reviews(project: Project, tmp_path: Path, draft: bool = False) -> list[dict[str, Any]]:
    out = tmp_path / "reviews.json"
    export_to_path(project, "claimreview", out, draft=draft)
    reviews: list[dict[str, Any]] = json.loads(out.read_text("utf-8"))
    return reviews


def _urls(value: Any) -> list[str]:
    """Every value under a "url" key, however deep."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "url"] + [
            u for v in value.values() for u in _urls(v)
        ]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    return []


def test_every_required_and_recommended_property(
    site: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = site
    by_url = {r["url"]: r for r in _reviews(project, tmp_path)}
    assert set(by_url) == {REVIEW, "https://checkpoint.example/fact-checks/waiting-lists"}
    review = by_url[REVIEW]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert (
        review["claimReviewed"]
        == "Resident doctors' pay is a fifth lower in real terms than in 2008"
    )
    assert review["author"] == {
        "@type": "Organization",
        "name": "Checkpoint",
        "url": "https://checkpoint.example/",
        "logo": {"@type": "ImageObject", "url": "https://checkpoint.example/logo.png"},
    }
    assert DATE.match(review["datePublished"])
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "mostly true",
        "bestRating": 6,
        "worstRating": 1,
        "ratingValue": 5,
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    # The BMA is an organisation: no Person, no jobTitle.
    assert item["author"] == {"@type": "Organization", "name": "British Medical Association"}
    # It appeared in both reports; the earlier one (linked as "same") came first.
    assert [a["url"] for a in item["appearance"]] == [
        "https://www.other.example/ballot?utm_source=x",
        "https://news.example/2025/10/doctors-warn",
    ]
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": "https://news.example/2025/10/doctors-warn",
        "headline": "Doctors' leaders warn of strikes",
        "datePublished": "2025-10-06",
        "publisher": {"@type": "Organization", "name": "News Example"},
    }
    assert item["datePublished"] == "2025-10-06"


def test_claims_without_verdict_or_review_url_are_skipped_with_the_reason(
    site: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = site
    result = export_to_path(project, "claimreview", tmp_path / "r.json")
    assert result.written == 2
    assert {(s.claim_id, s.reason) for s in result.skipped} == {
        (ids["first"], NO_VERDICT),
        (ids["rose"], NO_REVIEW_URL),
    }


def test_a_draft_writes_reviews_still_without_their_page(
    site: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = site
    reviews = _reviews(project, tmp_path, draft=True)
    assert len(reviews) == 3
    draft = next(r for r in reviews if r["claimReviewed"] == "pay rose 22% over two years")
    assert "url" not in draft
    assert draft["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Wes Streeting",
        "jobTitle": "Health Secretary",
        "affiliation": {"@type": "Organization", "name": "DHSC"},
    }


def test_no_urn_or_acct_where_a_web_url_belongs(
    site: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, _ = site
    project.db.execute("UPDATE claims SET created_by = 'acct:someone@hypothes.is'")
    reviews = _reviews(project, tmp_path, draft=True)
    urls = _urls(reviews)
    assert urls and all(u.startswith(("https://", "http://")) for u in urls)
    assert "urn:" not in json.dumps(reviews) and "acct:" not in json.dumps(reviews)
    hashed = next(
        r for r in reviews if r["claimReviewed"] == "waiting lists fell for a sixth month"
    )
    # An article known only by its text hash appears by its headline, with no url and no date.
    assert hashed["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "headline": "Press release"}
    ]
    assert "firstAppearance" not in hashed["itemReviewed"]


def test_without_a_publisher_the_export_is_refused_unless_a_draft(
    empty_project: Project, tmp_path: Path
) -> None:
    article = _article(empty_project, PRESS_RELEASE, "Press release")
    claim = empty_project.claims.mark_quote(article, "waiting lists fell")
    empty_project.claims.tag(claim.id, verdict="true", review_url="https://c.example/r/1")
    out = tmp_path / "r.json"
    with pytest.raises(ExportError, match="publisher"):
        export_to_path(empty_project, "claimreview", out)
    assert not out.exists()
    [review] = _reviews(empty_project, tmp_path, draft=True)
    assert "author" not in review and review["url"] == "https://c.example/r/1"


def test_cli_says_what_it_wrote_and_skipped(
    site: tuple[Project, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, ids = site
    out = tmp_path / "cr.json"
    args = ["export", "--format", "claimreview", "-o", str(out), "--project", str(project.path)]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"2 claims written to {out} (claimreview); 2 skipped"
    assert f"skipped claim {ids['rose']} 'pay rose 22% over two years': {NO_REVIEW_URL}" in lines
    assert main([*args, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["written"] == 2
    assert {s["claim"]: s["reason"] for s in doc["skipped"]} == {
        ids["first"]: NO_VERDICT,
        ids["rose"]: NO_REVIEW_URL,
    }
    assert main([*args, "--draft", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["written"] == 3
