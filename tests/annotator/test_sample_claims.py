"""The sample claims a first run shows: real quotes, speakers with aliases, every side."""

from __future__ import annotations

from annotator.project import Project
from annotator.samples.articles import seed_samples
from annotator.samples.claims import CLAIMS


def test_first_run_has_tagged_claims_on_every_sample(claimed_project: Project) -> None:
    project = claimed_project
    claims = project.claims.list()
    assert 12 <= len(claims) == len(CLAIMS) <= 20
    assert {c.article_id for c in claims} == {a.id for a in project.articles.list()}
    for claim in claims:
        text = project.articles.get(claim.article_id).text
        assert claim.anchor == "exact" and text[claim.start : claim.end] == claim.quote
        assert claim.side and claim.stance and claim.topics
    assert {c.side for c in claims} >= {"union", "government", "employer", "independent"}
    assert sum(1 for c in claims if c.verdict) >= 6
    assert project.check() == []


def test_sample_speakers_answer_to_their_aliases(claimed_project: Project) -> None:
    for alias, name in (
        ("the Health Secretary", "Wes Streeting"),
        ("Streeting", "Wes Streeting"),
        ("Dr Fletcher", "Jack Fletcher"),
        ("an economist at a health think tank", "Think-tank economist"),
    ):
        speaker = claimed_project.speakers.find(alias)
        assert speaker is not None and speaker.name == name
    wes = claimed_project.speakers.find("Wes Streeting")
    assert wes is not None and wes.side == "government"
    assert len(claimed_project.claims.filter(speaker="the health secretary")) == 3


def test_seeding_again_adds_nothing(claimed_project: Project) -> None:
    before = claimed_project.claims.count()
    assert {o.status for o in seed_samples(claimed_project)} == {"duplicate"}
    assert claimed_project.claims.count() == before


def test_samples_without_claims(sample_project: Project) -> None:
    assert sample_project.articles.count() == 3 and sample_project.claims.count() == 0
