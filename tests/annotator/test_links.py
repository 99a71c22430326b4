"""Claim-to-claim links across articles: both ends see them; refused when nonsense."""

from __future__ import annotations

import pytest

from annotator.claims.links import LinkError
from annotator.errors import NotFound
from annotator.models import Claim
from annotator.project import Project


@pytest.fixture
def pair(sample_project: Project) -> tuple[Claim, Claim]:
    a, _, c = sample_project.articles.list()
    first = sample_project.claims.mark(a.id, 0, 30)
    second = sample_project.claims.mark(c.id, 0, 30)
    return first, second


def test_link_is_seen_from_both_ends(sample_project: Project, pair: tuple[Claim, Claim]) -> None:
    first, second = pair
    link = sample_project.links.add(first.id, second.id, "responds-to", "reply")
    assert sample_project.links.list(first.id) == [link]
    assert sample_project.links.list(second.id) == [link]
    assert link.other(second.id) == first.id and link.other_article(first.id) == second.article_id
    seen_from_second = link.as_json(second.id)
    assert seen_from_second["claim"] == first.id and seen_from_second["direction"] == "in"


def test_nonsense_links_are_refused(sample_project: Project, pair: tuple[Claim, Claim]) -> None:
    first, second = pair
    with pytest.raises(LinkError, match="itself"):
        sample_project.links.add(first.id, first.id, "same")
    with pytest.raises(LinkError, match="unknown relation"):
        sample_project.links.add(first.id, second.id, "supports")
    with pytest.raises(NotFound):
        sample_project.links.add(first.id, 9999, "same")
    sample_project.links.add(first.id, second.id, "same")
    with pytest.raises(LinkError, match="already linked"):
        sample_project.links.add(second.id, first.id, "same")
    assert len(sample_project.links.list()) == 1


def test_remove_and_restore(sample_project: Project, pair: tuple[Claim, Claim]) -> None:
    first, second = pair
    link = sample_project.links.add(first.id, second.id, "contradicts")
    snapshot = sample_project.links.remove(link.id)
    assert sample_project.links.list() == []
    assert sample_project.links.restore(snapshot) == link
    changed = sample_project.links.update(link.id, "same", "on reading again")
    assert (changed.relation, changed.note) == ("same", "on reading again")


def test_the_links_and_evidence_of_a_missing_or_deleted_claim_are_refused(
    sample_project: Project, pair: tuple[Claim, Claim]
) -> None:
    first, second = pair
    sample_project.links.add(first.id, second.id, "same")
    sample_project.claims.delete(second.id)
    for missing in (9999, second.id):
        with pytest.raises(NotFound, match=f"no claim with id {missing}"):
            sample_project.links.list(missing)
        with pytest.raises(NotFound, match=f"no claim with id {missing}"):
            sample_project.evidence.list(missing)
    assert sample_project.links.list(first.id) == []
    assert sample_project.evidence.list(first.id) == []
