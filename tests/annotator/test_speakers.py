"""Speakers: names and aliases as one namespace, dated roles, merge/unmerge and delete/restore."""

from __future__ import annotations

import pytest

from annotator.errors import NotFound
from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.speakers.service import SpeakerError

TEXT = "The Health Secretary said pay rose. The union said pay fell by a fifth since 2008."


@pytest.fixture
def project(empty_project: Project) -> Project:
    return empty_project


def side(project: Project, name: str) -> int:
    entry = project.codebook.find("side", name)
    assert entry is not None
    return entry.id


def test_create_and_find_by_name_or_alias_ignoring_case(project: Project) -> None:
    wes = project.speakers.create(
        "  Wes   Streeting ",
        role="Health Secretary",
        side_id=side(project, "government"),
        aliases=["the Health Secretary", "Streeting"],
    )
    assert wes.name == "Wes Streeting" and wes.side == "government"
    assert wes.aliases == ("the Health Secretary", "Streeting")
    for typed in ("wes streeting", "THE HEALTH SECRETARY", "streeting", " the  health secretary "):
        found = project.speakers.find(typed)
        assert found is not None and found.id == wes.id
    assert project.speakers.find("Jack Fletcher") is None


def test_case_insensitive_beyond_ascii(project: Project) -> None:
    emile = project.speakers.create("Émile Ødegård")
    found = project.speakers.find("émile ødegård".upper())
    assert found is not None and found.id == emile.id
    with pytest.raises(SpeakerError, match="already used"):
        project.speakers.create("ÉMILE ØDEGÅRD")


@pytest.mark.parametrize("name", ["", "   ", "\n\t", "a\x00b", "x" * 201])
def test_blank_or_hostile_names_are_refused(project: Project, name: str) -> None:
    with pytest.raises(SpeakerError):
        project.speakers.create(name)
    assert project.speakers.list() == []


def test_a_name_or_alias_belongs_to_one_speaker(project: Project) -> None:
    wes = project.speakers.create("Wes Streeting", aliases=["Streeting"])
    with pytest.raises(SpeakerError, match="already used by speaker Wes Streeting"):
        project.speakers.create("streeting")
    with pytest.raises(SpeakerError, match="already used"):
        project.speakers.create("Jack Fletcher", aliases=["Wes Streeting"])
    jack = project.speakers.create("Jack Fletcher")
    with pytest.raises(SpeakerError, match="already used"):
        project.speakers.add_alias(jack.id, "STREETING")
    with pytest.raises(SpeakerError, match="already a name of"):
        project.speakers.add_alias(wes.id, "wes streeting")
    with pytest.raises(SpeakerError, match="already used"):
        project.speakers.update(jack.id, name="Streeting")
    with pytest.raises(SpeakerError, match="repeat"):
        project.speakers.create("Shivam Sharma", aliases=["shivam sharma"])
    # A failed create leaves nothing behind.
    assert [s.name for s in project.speakers.list()] == ["Jack Fletcher", "Wes Streeting"]


def test_rename_to_own_alias_folds_the_alias(project: Project) -> None:
    wes = project.speakers.create("Streeting", aliases=["Wes Streeting"])
    renamed = project.speakers.update(wes.id, name="Wes Streeting")
    assert renamed.name == "Wes Streeting" and renamed.aliases == ()


def test_search_is_type_ahead_over_names_and_aliases(project: Project) -> None:
    project.speakers.create("Wes Streeting", aliases=["the Health Secretary"])
    project.speakers.create("Jack Fletcher")
    project.speakers.create("Shivam Sharma")
    project.speakers.create("DHSC spokesperson", aliases=["a Department of Health spokesperson"])
    assert [s.name for s in project.speakers.search("s")] == [
        "Shivam Sharma",  # the whole name starts with it
        "DHSC spokesperson",  # then names with a word starting with it, A-Z
        "Wes Streeting",
    ]
    assert [s.name for s in project.speakers.search("the hea")] == ["Wes Streeting"]
    assert [s.name for s in project.speakers.search("depart")] == ["DHSC spokesperson"]
    assert project.speakers.search("zzz") == []
    assert len(project.speakers.search("")) == 4


def test_alias_add_remove(project: Project) -> None:
    wes = project.speakers.create("Wes Streeting")
    wes = project.speakers.add_alias(wes.id, "the Health Secretary")
    assert wes.aliases == ("the Health Secretary",)
    wes = project.speakers.remove_alias(wes.id, "THE HEALTH SECRETARY")
    assert wes.aliases == ()
    with pytest.raises(NotFound):
        project.speakers.remove_alias(wes.id, "nobody")


def test_dated_roles(project: Project) -> None:
    wes = project.speakers.create("Wes Streeting")
    gov = side(project, "government")
    wes = project.speakers.add_role(
        wes.id, "Shadow Health Secretary", "Labour", None, "2021-11-29", "2024-07-05"
    )
    wes = project.speakers.add_role(wes.id, "Health Secretary", "DHSC", gov, "5 July 2024", None)
    assert [(r.role, r.valid_from, r.valid_to, r.side) for r in wes.roles] == [
        ("Shadow Health Secretary", "2021-11-29", "2024-07-05", None),
        ("Health Secretary", "2024-07-05", None, "government"),
    ]
    with pytest.raises(SpeakerError, match="before it starts"):
        project.speakers.add_role(wes.id, "x", None, None, "2025-01-02", "2024-01-01")
    with pytest.raises(SpeakerError, match="not a date"):
        project.speakers.add_role(wes.id, "x", None, None, "someday", None)
    stance = project.codebook.find("stance", "for")
    assert stance is not None
    with pytest.raises(SpeakerError, match="no side"):
        project.speakers.add_role(wes.id, "x", None, stance.id, None, None)
    wes = project.speakers.remove_role(wes.id, wes.roles[0].id)
    assert len(wes.roles) == 1


def _article(project: Project) -> int:
    outcome = project.articles.add(ImportedArticle(text=TEXT, title="T", source_format="txt"))
    assert outcome.article_id is not None
    return outcome.article_id


def test_merge_moves_claims_and_aliases_and_unmerge_undoes_it(project: Project) -> None:
    article = _article(project)
    wes = project.speakers.create("Wes Streeting", aliases=["Streeting"])
    dup = project.speakers.create(
        "Health Secretary", aliases=["the Health Secretary"], role="minister"
    )
    dup = project.speakers.add_role(dup.id, "Health Secretary", "DHSC", None, "2024-07-05", None)
    claim = project.claims.mark_quote(article, "pay rose", speaker_id=dup.id)
    other = project.claims.mark_quote(article, "pay fell", speaker_id=wes.id)
    before = (project.speakers.get(wes.id), dup)

    record = project.speakers.merge(wes.id, dup.id)
    merged = project.speakers.get(wes.id)
    assert set(merged.aliases) == {"Streeting", "the Health Secretary", "Health Secretary"}
    assert [r.role for r in merged.roles] == ["Health Secretary"]
    assert project.claims.get(claim.id).speaker == "Wes Streeting"
    assert project.claims.get(other.id).speaker == "Wes Streeting"
    with pytest.raises(NotFound):
        project.speakers.get(dup.id)
    found = project.speakers.find("health secretary")
    assert found is not None and found.id == wes.id

    project.speakers.unmerge(record)
    assert (project.speakers.get(wes.id), project.speakers.get(dup.id)) == before
    assert project.claims.get(claim.id).speaker == "Health Secretary"
    assert project.claims.get(other.id).speaker == "Wes Streeting"
    with pytest.raises(SpeakerError):
        project.speakers.merge(wes.id, wes.id)
    assert project.check() == []


def test_delete_and_restore_a_speaker(project: Project) -> None:
    article = _article(project)
    wes = project.speakers.create(
        "Wes Streeting", aliases=["Streeting"], side_id=side(project, "government")
    )
    wes = project.speakers.add_role(wes.id, "Health Secretary", "DHSC", None, "2024-07-05", None)
    claim = project.claims.mark_quote(article, "pay rose", speaker_id=wes.id)
    snapshot = project.speakers.delete(wes.id)
    assert project.claims.get(claim.id).speaker is None
    assert project.speakers.find("Streeting") is None
    assert project.speakers.restore(snapshot) == wes
    assert project.claims.get(claim.id).speaker == "Wes Streeting"
    assert project.speakers.claim_counts() == {wes.id: 1}
