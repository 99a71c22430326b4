"""Tagging and filtering claims by name, as the CLI and quick-entry fields do."""

from __future__ import annotations

import pytest

from annotator.claims.service import ClaimError
from annotator.codebook.service import CodebookError
from annotator.errors import NotFound
from annotator.models import ImportedArticle
from annotator.project import Project

TEXT = (
    "The Health Secretary said pay rose 28.9% over three years. "
    "Dr Fletcher said pay is a fifth lower than in 2008. "
    "NHS England said 54,000 appointments were rescheduled."
)


@pytest.fixture
def project(empty_project: Project) -> Project:
    return empty_project


@pytest.fixture
def article(project: Project) -> int:
    article_id = project.articles.add(
        ImportedArticle(text=TEXT, title="T", source_format="txt")
    ).article_id
    assert article_id is not None
    return article_id


def test_unknown_speaker_is_created_with_the_side_given(project: Project, article: int) -> None:
    claim = project.claims.mark_quote(article, "pay is a fifth lower than in 2008")
    tagged = project.claims.tag(
        claim.id, speaker="Jack Fletcher", side="union", stance="for", topics=["pay"]
    )
    assert (tagged.speaker, tagged.side, tagged.stance, tagged.topics) == (
        "Jack Fletcher",
        "union",
        "for",
        ("pay",),
    )
    jack = project.speakers.find("jack fletcher")
    assert jack is not None and jack.side == "union"


def test_claim_takes_its_speakers_side_when_it_has_none(project: Project, article: int) -> None:
    gov = project.codebook.find("side", "government")
    assert gov is not None
    project.speakers.create("Wes Streeting", side_id=gov.id, aliases=["the Health Secretary"])
    claim = project.claims.mark_quote(article, "pay rose 28.9% over three years")
    tagged = project.claims.tag(claim.id, speaker="the health secretary")
    assert (tagged.speaker, tagged.side) == ("Wes Streeting", "government")
    # A side already set is not overwritten by the speaker's.
    other = project.claims.mark_quote(article, "54,000 appointments")
    project.claims.tag(other.id, side="employer")
    assert project.claims.tag(other.id, speaker="Streeting?").side == "employer"


def test_none_keeps_blank_clears(project: Project, article: int) -> None:
    claim = project.claims.mark_quote(article, "54,000 appointments were rescheduled")
    project.claims.tag(
        claim.id,
        speaker="NHS England",
        side="employer",
        stance="neutral",
        verdict="true",
        topics=["patient care", "strike action"],
        status="checked",
        statement="  54,000 appointments moved  ",
    )
    kept = project.claims.tag(claim.id)
    assert (kept.speaker, kept.side, kept.verdict, kept.status, kept.statement) == (
        "NHS England",
        "employer",
        "true",
        "checked",
        "54,000 appointments moved",
    )
    assert kept.topics == ("strike action", "patient care")
    cleared = project.claims.tag(claim.id, speaker="", side="", stance="", verdict="", topics=[])
    assert (cleared.speaker, cleared.side, cleared.stance, cleared.verdict, cleared.topics) == (
        None,
        None,
        None,
        None,
        (),
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"side": "unions"}, "unknown side 'unions' (use one of: union, government"),
        ({"stance": "pro"}, "unknown stance 'pro' (use one of: for, against, neutral)"),
        ({"verdict": "pants on fire"}, "unknown verdict"),
        ({"topics": ["pay", "beds"]}, "unknown topic 'beds'"),
        ({"status": "done"}, "unknown status"),
    ],
)
def test_unknown_names_are_refused_and_nothing_changes(
    project: Project, article: int, kwargs: dict, message: str
) -> None:
    claim = project.claims.mark_quote(article, "pay rose")
    with pytest.raises(
        (CodebookError, ClaimError), match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        project.claims.tag(claim.id, speaker="New Person", **kwargs)
    assert project.claims.get(claim.id) == claim
    assert project.speakers.find("New Person") is None


def test_filter_by_names_and_aliases(project: Project, article: int) -> None:
    a = project.claims.mark_quote(article, "pay rose 28.9%")
    b = project.claims.mark_quote(article, "a fifth lower")
    c = project.claims.mark_quote(article, "54,000 appointments")
    project.speakers.create("Wes Streeting", aliases=["the Health Secretary"])
    project.claims.tag(
        a.id, speaker="Wes Streeting", side="government", stance="against", topics=["pay"]
    )
    project.claims.tag(
        b.id,
        speaker="Jack Fletcher",
        side="union",
        stance="for",
        topics=["pay"],
        verdict="mostly true",
    )
    project.claims.tag(c.id, speaker="NHS England", side="employer", topics=["patient care"])

    def ids(**kw: str) -> list[int]:
        return [x.id for x in project.claims.filter(**kw)]

    assert ids(speaker="the health secretary") == [a.id]
    assert ids(side="UNION") == [b.id]
    assert ids(topic="pay") == [a.id, b.id]
    assert ids(topic="pay", stance="for") == [b.id]
    assert ids(verdict="mostly true") == [b.id]
    assert ids(status="to check") == [a.id, b.id, c.id]
    assert project.claims.filter(article_id=article + 1) == []
    with pytest.raises(NotFound, match="no speaker called"):
        project.claims.filter(speaker="Nobody")
    with pytest.raises(CodebookError, match="unknown side"):
        project.claims.filter(side="nobody")
