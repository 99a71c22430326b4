"""W3C Web Annotation output, validated against the W3C's own schemas, and merged back."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.exchange.exporters import export_to_path
from annotator.project import Project
from tests.annotator import exchange_fixtures as fx
from tests.annotator import w3c_schema

pytestmark = pytest.mark.skipif(
    not w3c_schema.available(),
    reason=f"W3C annotation schemas not found at {w3c_schema.SCHEMA_DIR} (shared/ beside the repo)",
)


@pytest.fixture
def exported(empty_project: Project, tmp_path: Path) -> tuple[Project, dict[str, Any]]:
    fx.build(empty_project)
    out = tmp_path / "claims.jsonld"
    export_to_path(empty_project, "w3c", out)
    return empty_project, json.loads(out.read_text("utf-8"))


def test_output_is_valid_against_the_w3c_schemas(exported: tuple[Project, dict[str, Any]]) -> None:
    _, doc = exported
    collection, annotation = w3c_schema.validators()
    errors = [e.message for e in collection.iter_errors(doc)]
    assert errors == []
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == 6  # five claims, one link between two of them
    for item in items:
        assert [e.message for e in annotation.iter_errors(item)] == []


def test_the_validator_rejects_broken_annotations(exported: tuple[Project, dict[str, Any]]) -> None:
    """The check can fail: damaged copies of a good annotation are rejected."""
    _, doc = exported
    _, annotation = w3c_schema.validators()
    good = doc["first"]["items"][0]
    broken = []
    for damage in (
        lambda a: a.pop("target"),
        lambda a: a.update(type="Note"),
        lambda a: a.update({"@context": "http://example.org/ctx"}),
        lambda a: a["target"]["selector"][0].pop("exact"),
        lambda a: a.update(created="yesterday"),
        lambda a: a.update(motivation="shouting"),
    ):
        copy_ = copy.deepcopy(good)
        damage(copy_)
        broken.append(copy_)
    assert all(list(annotation.iter_errors(b)) for b in broken)


def test_selectors_tags_and_sources(exported: tuple[Project, dict[str, Any]]) -> None:
    project, doc = exported
    by_quote = {
        a["target"]["selector"][0]["exact"]: a
        for a in doc["first"]["items"]
        if a["motivation"] != "linking"
    }
    first = by_quote["pay has fallen by a fifth since 2008"]
    article = project.articles.list()[0]
    assert first["target"]["source"] == "https://news.example/pay-row"
    position = first["target"]["selector"][1]
    text = project.articles.get(article.id).text
    assert text[position["start"] : position["end"]] == "pay has fallen by a fifth since 2008"
    assert position["start"] > 60  # the second occurrence, as marked
    values = {(b["purpose"], b.get("value")) for b in first["body"]}
    assert {
        ("tagging", "speaker:BMA"),
        ("tagging", "side:union"),
        ("tagging", "topic:rallies"),
        ("assessing", "mostly true"),
        ("describing", "Pay is 20% lower than in 2008"),
    } <= values
    hostile = by_quote["£1.5bn"]
    sha = project.articles.list()[1].text_sha256
    assert hostile["target"]["source"] == f"urn:sha256:{sha}"
    orphan = by_quote["a quote that went away"]
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]


def test_w3c_file_merges_back_into_a_project_with_the_articles(
    exported: tuple[Project, dict[str, Any]], tmp_path: Path
) -> None:
    project, doc = exported
    path = tmp_path / "w3c.jsonld"
    path.write_text(json.dumps(doc), encoding="utf-8")
    # Start from the same articles (copied through our JSON) but no claims.
    with Project.open(tmp_path / "other.sqlite") as other:
        for a in project.articles.list():
            full = project.articles.get(a.id)
            from annotator.models import ImportedArticle

            other.articles.add(
                ImportedArticle(text=full.text, title=a.title, source_format="txt", url=a.url)
            )
        report = other.merge.merge_file(path)
        assert report.added["claims"] == 5 and report.left_out == []
        mine = {c.uid: c for c in project.claims.list()}
        for claim in other.claims.list():
            original = mine[claim.uid]
            assert (claim.start, claim.end, claim.quote, claim.anchor) == (
                original.start,
                original.end,
                original.quote,
                original.anchor,
            )
            assert (
                claim.speaker,
                claim.side,
                claim.stance,
                claim.verdict,
                claim.topics,
                claim.status,
            ) == (
                original.speaker,
                original.side,
                original.stance,
                original.verdict,
                original.topics,
                original.status,
            )
            assert claim.statement == original.statement and claim.note == original.note
        again = other.merge.merge_file(path)
        assert sum(again.added.values()) == 0 and again.existing["claims"] == 5
