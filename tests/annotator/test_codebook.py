"""The codebook: the defaults a fact-checker needs, adding, editing, deleting values in use."""

from __future__ import annotations

import pytest

from annotator.codebook.service import CodebookError, InUse, default_codebook
from annotator.models import ImportedArticle
from annotator.project import Project


def names(project: Project, kind: str) -> list[str]:
    return [e.name for e in project.codebook.entries(kind)]


def test_defaults_hold_what_the_issue_requires(empty_project: Project) -> None:
    assert {"union", "government", "employer", "independent"} <= set(names(empty_project, "side"))
    assert names(empty_project, "stance") == ["for", "against", "neutral"]
    verdicts = {e.name: e.rating for e in empty_project.codebook.entries("verdict")}
    assert list(verdicts) == [
        "true",
        "mostly true",
        "half true",
        "misleading",
        "mostly false",
        "false",
        "unproven",
    ]
    assert all(rating is not None for rating in verdicts.values())
    # Ratings fall as the verdict worsens (ClaimReview: higher is truer).
    scale = [verdicts[n] for n in list(verdicts)[:6]]
    assert scale == sorted(scale, reverse=True)
    assert {"pay", "training places", "exam fees", "strike action", "patient care"} <= set(
        names(empty_project, "topic")
    )
    colours = [e.colour for e in empty_project.codebook.entries()]
    assert all(c.startswith("#") and len(c) == 7 for c in colours)
    assert set(default_codebook()) == {"sides", "stances", "verdicts", "topics"}


def test_find_ignores_case_and_spacing(empty_project: Project) -> None:
    entry = empty_project.codebook.find("verdict", "  Mostly   TRUE ")
    assert entry is not None and entry.name == "mostly true"
    assert empty_project.codebook.find("verdict", "pants on fire") is None
    with pytest.raises(CodebookError, match="use one of: true, mostly true"):
        empty_project.codebook.resolve("verdict", "pants on fire")


def test_add_and_update(empty_project: Project) -> None:
    entry = empty_project.codebook.add(
        "topic", "  waiting lists ", colour="#AABBCC", description="RTT"
    )
    assert (entry.name, entry.colour, entry.kind) == ("waiting lists", "#aabbcc", "topic")
    assert names(empty_project, "topic")[-1] == "waiting lists"
    with pytest.raises(CodebookError, match="already a topic"):
        empty_project.codebook.add("topic", "Waiting Lists")
    with pytest.raises(CodebookError, match="needs a name"):
        empty_project.codebook.add("topic", "  ")
    with pytest.raises(CodebookError, match="#rrggbb"):
        empty_project.codebook.add("topic", "beds", colour="red; drop table")
    with pytest.raises(CodebookError, match="unknown codebook kind"):
        empty_project.codebook.add("mood", "angry")
    # The same name in another kind is fine.
    assert empty_project.codebook.add("side", "pay").kind == "side"
    updated = empty_project.codebook.update(entry.id, name="waits", colour="#000000", rating=2)
    assert (updated.name, updated.colour, updated.rating) == ("waits", "#000000", 2.0)
    with pytest.raises(CodebookError, match="already a topic"):
        empty_project.codebook.update(entry.id, name="PAY")


def test_delete_in_use_needs_a_replacement_and_restore_undoes_it(empty_project: Project) -> None:
    project = empty_project
    article = project.articles.add(
        ImportedArticle(text="Pay fell. Training places are short.", title="T", source_format="txt")
    ).article_id
    assert article is not None
    pay = project.codebook.find("topic", "pay")
    jobs = project.codebook.find("topic", "jobs")
    union = project.codebook.find("side", "union")
    assert pay and jobs and union
    both = project.claims.mark_quote(
        article, "Pay fell", topic_ids=[pay.id, jobs.id], side_id=union.id
    )
    only_pay = project.claims.mark_quote(article, "Training places", topic_ids=[pay.id])
    speaker = project.speakers.create("Jack Fletcher", side_id=union.id)
    assert project.codebook.usage(pay.id) == 2
    assert project.codebook.usage(union.id) == 2  # one claim, one speaker

    with pytest.raises(InUse, match="used by 2 claim"):
        project.codebook.delete(pay.id)
    assert project.codebook.find("topic", "pay") is not None

    with pytest.raises(CodebookError, match="only be replaced by another topic"):
        project.codebook.delete(pay.id, replace_with=union.id)

    snapshot = project.codebook.delete(pay.id, replace_with=jobs.id)
    assert project.codebook.find("topic", "pay") is None
    assert project.claims.get(both.id).topics == ("jobs",)
    assert project.claims.get(only_pay.id).topics == ("jobs",)

    restored = project.codebook.restore(snapshot)
    assert restored == pay
    assert project.claims.get(both.id).topics == ("pay", "jobs")
    assert project.claims.get(only_pay.id).topics == ("pay",)

    independent = project.codebook.find("side", "independent")
    assert independent is not None
    snap = project.codebook.delete(union.id, replace_with=independent.id)
    assert project.claims.get(both.id).side == "independent"
    assert project.speakers.get(speaker.id).side == "independent"
    project.codebook.restore(snap)
    assert project.claims.get(both.id).side == "union"
    assert project.speakers.get(speaker.id).side == "union"
    assert project.check() == []


def test_unused_value_deletes_freely(empty_project: Project) -> None:
    entry = empty_project.codebook.add("stance", "mixed")
    assert empty_project.codebook.usage(entry.id) == 0
    snapshot = empty_project.codebook.delete(entry.id)
    assert empty_project.codebook.find("stance", "mixed") is None
    assert empty_project.codebook.restore(snapshot) == entry
