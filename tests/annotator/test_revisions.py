"""Claims follow an article to its new revision: moved, never copied or dropped."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from annotator.claims.service import ClaimError
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.annotator.reanchor_cases import BASE

URL = "https://news.example/strike"


def add(project: Project, text: str) -> int:
    outcome = project.articles.add(
        ImportedArticle(text=text, title="Strike", source_format="txt", url=URL)
    )
    assert outcome.article_id is not None
    return outcome.article_id


def assert_invariants(project: Project) -> None:
    """Exact claims quote their text; fuzzy ones keep the quote as marked; orphans have no span."""
    assert project.check() == []
    for claim in project.claims.list():
        text = project.articles.get(claim.article_id).text
        if claim.anchor == "exact":
            assert text[claim.start : claim.end] == claim.quote
        elif claim.anchor == "fuzzy":
            assert claim.start is not None and claim.original_quote
            assert text[claim.start : claim.end] == claim.quote
        else:
            assert claim.start is None and claim.end is None and claim.original_quote


def test_claims_move_to_the_new_revision(empty_project: Project) -> None:
    project = empty_project
    old = add(project, BASE)
    kept = project.claims.mark_quote(old, "pay has fallen by a fifth since 2008")
    project.claims.tag(kept.id, speaker="Jack Fletcher", side="union", topics=["pay"])
    typo = project.claims.mark_quote(old, "54,000 appointments were rescheduled")
    gone = project.claims.mark_quote(old, "would ballot members again in the new year")

    new_text = "Updated.\n" + BASE.replace("rescheduled", "re-scheduled").replace(
        "The BMA said it would ballot members again in the new year.\n", ""
    )
    new = add(project, new_text)
    assert project.articles.summary(new).revision_of == old
    assert project.claims.list(old) == []
    moved = {c.id: c for c in project.claims.list(new)}
    assert set(moved) == {kept.id, typo.id, gone.id}

    assert moved[kept.id].anchor == "exact" and moved[kept.id].speaker == "Jack Fletcher"
    assert moved[kept.id].topics == ("pay",) and moved[kept.id].original_quote is None
    assert new_text[moved[kept.id].start : moved[kept.id].end] == kept.quote

    assert moved[typo.id].anchor == "fuzzy" and moved[typo.id].needs_review
    assert moved[typo.id].quote == "54,000 appointments were re-scheduled"
    assert moved[typo.id].original_quote == typo.quote

    assert moved[gone.id].anchor == "orphan" and moved[gone.id].start is None
    assert moved[gone.id].quote == gone.quote == moved[gone.id].original_quote
    assert_invariants(project)

    # A reviewed fuzzy claim becomes exact; an orphan cannot be confirmed in place.
    confirmed = project.claims.confirm(typo.id)
    assert (confirmed.anchor, confirmed.original_quote) == ("exact", None)
    with pytest.raises(ClaimError, match="orphaned"):
        project.claims.confirm(gone.id)


def test_an_orphan_is_found_again_in_a_later_revision(empty_project: Project) -> None:
    project = empty_project
    old = add(project, BASE)
    claim = project.claims.mark_quote(old, "would ballot members again in the new year")
    middle = add(
        project, BASE.replace("The BMA said it would ballot members again in the new year.\n", "")
    )
    assert project.claims.get(claim.id).anchor == "orphan"
    latest = add(project, BASE + "More later.\n")
    back = project.claims.get(claim.id)
    assert back.article_id == latest != middle
    # Found again, but it was lost once: a person should look at it.
    assert back.anchor == "fuzzy" and back.quote == claim.quote
    assert_invariants(project)


def test_a_failed_revision_hook_rolls_back_the_import(empty_project: Project) -> None:
    project = empty_project
    old = add(project, BASE)
    project.claims.mark_quote(old, "pay has fallen")

    def broken(old_id: int, new_id: int) -> None:
        raise RuntimeError("disk on fire")

    project.articles.revision_hooks.append(broken)
    with pytest.raises(RuntimeError):
        add(project, BASE + "x")
    assert project.articles.count() == 1
    assert [c.article_id for c in project.claims.list()] == [old]


def test_diff_between_revisions(empty_project: Project) -> None:
    project = empty_project
    old = add(project, BASE)
    new = add(project, BASE.replace("five-day", "six-day"))
    spans = project.articles.diff(old, new)
    assert [(s.kind, BASE[s.old_start : s.old_end]) for s in spans] == [("replace", "five")]


# -- the invariant over random marks, adjustments and revisions -----------------
WORDS = [
    "pay ",
    "fell ",
    "rose ",
    "😀 ",
    "“",
    "”",
    '"',
    "—",
    "-",
    "\n",
    "  ",
    "\u00a0",
    "a",
    "é",
    "e\u0301",
    "28.9% ",
]
fragment = st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map("".join)
# Small edits (a typo, a retypeset quote) as well as big ones (a cut paragraph).
edit = st.tuples(st.floats(0, 1), st.one_of(st.integers(0, 3), st.integers(0, 120)), fragment)
step = st.one_of(
    st.tuples(st.just("mark"), st.floats(0, 1), st.integers(1, 90)),
    st.tuples(st.just("adjust"), st.floats(0, 1), st.integers(1, 90)),
    st.tuples(st.just("revise"), st.lists(edit, min_size=1, max_size=4)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=1, max_size=12))
def test_the_database_never_holds_a_wrong_exact_claim(steps: list[tuple]) -> None:
    run_steps(steps)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=1, max_size=30))
def test_the_invariant_over_many_more_histories(steps: list[tuple]) -> None:
    run_steps(steps)


def run_steps(steps: list[tuple]) -> None:
    """Apply marks, adjustments and revisions in order, then check every claim."""
    with Project.in_memory() as project:
        text = BASE
        article = add(project, text)
        for action, *args in steps:
            if action == "revise":
                for at, length, words in args[0]:
                    start = int(at * len(text))
                    end = min(len(text), start + length)
                    text = text[:start] + words + text[end:]
                if not text.strip():
                    continue  # an empty text is refused at import, as it should be
                outcome = project.articles.add(
                    ImportedArticle(text=text, title="Strike", source_format="txt", url=URL)
                )
                if outcome.status == "revision":
                    article = project.articles.list()[-1].id
                continue
            start = int(args[0] * len(text))
            try:
                if action == "mark":
                    project.claims.mark(article, start, start + args[1])
                else:
                    placed = [c for c in project.claims.list(article) if c.start is not None]
                    if placed:
                        project.claims.adjust(placed[0].id, start, start + args[1])
            except ClaimError:
                pass  # a blank selection is refused, as it should be
        assert_invariants(project)
        for claim in project.claims.list():
            event(f"anchor {claim.anchor}")
