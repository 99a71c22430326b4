"""W3C and JSON round trips keep two claims on the same words, and W3C carries claim links.

Two checkers marked the same sentence (one says it is misleading, one notes the
source), and a later claim contradicts it; that is three claims and a link,
whichever format carries them to a colleague.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.exchange.exporters import export_to_path
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.annotator import w3c_schema

TEXT = (
    "Strike talks collapse\n\n"
    "The Health Secretary said pay rose 22% over two years. The BMA said pay has "
    "fallen by a fifth since 2008, and that 22% over two years does not undo that.\n"
)
URL = "https://news.example/strike-talks"


@pytest.fixture
def marked(empty_project: Project) -> tuple[Project, dict[str, int]]:
    project = empty_project
    article = project.articles.add(
        ImportedArticle(text=TEXT, title="Strike talks collapse", source_format="html", url=URL)
    ).article_id
    assert article is not None
    first = project.claims.mark_quote(article, "pay rose 22% over two years")
    project.claims.tag(first.id, verdict="misleading", speaker="Wes Streeting")
    second = project.claims.mark_quote(article, "pay rose 22% over two years")  # same words
    project.claims.update(second.id, note="Source: DHSC press release, 3 Nov")
    answer = project.claims.mark_quote(article, "pay has fallen by a fifth since 2008")
    project.links.add(answer.id, first.id, "contradicts", "real terms against cash")
    project.links.add(second.id, first.id, "same")
    return project, {"first": first.id, "second": second.id, "answer": answer.id}


def _fresh(folder: Path, with_article: bool) -> Project:
    other = Project.open(folder / "colleague.sqlite")
    if with_article:
        other.articles.add(
            ImportedArticle(text=TEXT, title="Strike talks collapse", source_format="html", url=URL)
        )
    return other


def _shape(project: Project) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, str, str]]]:
    claims = sorted(
        (c.uid, c.start, c.end, c.quote, c.verdict, c.note) for c in project.claims.list()
    )
    uid = {c.id: c.uid for c in project.claims.list()}
    links = sorted(
        (uid[row["from_claim"]], uid[row["to_claim"]], row["relation"], row["note"])
        for row in project.db.query("SELECT * FROM claim_links")
    )
    return claims, links


@pytest.mark.parametrize(("fmt", "needs_article"), [("json", False), ("w3c", True)])
def test_two_claims_on_the_same_words_and_their_links_survive_the_round_trip(
    marked: tuple[Project, dict[str, int]], tmp_path: Path, fmt: str, needs_article: bool
) -> None:
    project, _ = marked
    out = tmp_path / f"claims.{fmt}"
    assert export_to_path(project, fmt, out).written == 3
    with _fresh(tmp_path, needs_article) as other:
        report = other.merge.merge_file(out)
        assert report.left_out == [] and report.added["claims"] == 3
        assert report.added["links"] == 2
        assert _shape(other) == _shape(project)
        again = other.merge.merge_file(out)  # nothing doubled, the links neither
        assert again.added["claims"] == again.added["links"] == 0
        assert again.existing["links"] == 2


@pytest.mark.skipif(not w3c_schema.available(), reason="W3C annotation schemas not found")
def test_links_are_valid_linking_annotations(
    marked: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = marked
    out = tmp_path / "claims.jsonld"
    export_to_path(project, "w3c", out)
    doc = json.loads(out.read_text("utf-8"))
    collection, annotation = w3c_schema.validators()
    assert [e.message for e in collection.iter_errors(doc)] == []
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == 5
    linking = [a for a in items if a["motivation"] == "linking"]
    for item in linking:
        assert [e.message for e in annotation.iter_errors(item)] == []
    uid = {c.id: c.uid for c in project.claims.list()}
    contradicts = next(
        a
        for a in linking
        if {
            "purpose": "tagging",
            "type": "TextualBody",
            "value": "relation:contradicts",
            "format": "text/plain",
        }
        in a["body"]
    )
    assert contradicts["target"] == f"urn:uuid:{uid[ids['answer']]}"
    assert contradicts["body"][0] == {
        "type": "SpecificResource",
        "purpose": "linking",
        "source": f"urn:uuid:{uid[ids['first']]}",
    }
    assert contradicts["body"][-1]["value"] == "real terms against cash"
    claim_ids = {a["id"] for a in items if a["motivation"] != "linking"}
    assert {a["target"] for a in linking} <= claim_ids  # each link points at an annotation here
    # Exported twice, a link keeps its id: a colleague's merge knows it again.
    export_to_path(project, "w3c", out)
    again = json.loads(out.read_text("utf-8"))["first"]["items"]
    assert {a["id"] for a in again if a["motivation"] == "linking"} == {a["id"] for a in linking}
