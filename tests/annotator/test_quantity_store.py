"""project.quantities: figures follow the statement, a checker's corrections stay."""

from __future__ import annotations

import pytest

from annotator.errors import NotFound
from annotator.figures.service import QuantityError
from annotator.models import ImportedArticle
from annotator.project import Project

TEXT = (
    "The BMA says pay is a fifth lower than in 2008. Ministers say pay rose by almost 29% "
    "in three years."
)


@pytest.fixture
def claim_id(empty_project: Project) -> int:
    outcome = empty_project.articles.add(ImportedArticle(text=TEXT, title="T", source_format="txt"))
    assert outcome.article_id is not None
    claim = empty_project.claims.mark_quote(outcome.article_id, "pay is a fifth lower than in 2008")
    return claim.id


def test_refresh_parses_the_statement(empty_project: Project, claim_id: int) -> None:
    (fifth,) = empty_project.quantities.refresh(claim_id)
    assert (fifth.value, fifth.unit, fifth.direction, fifth.base_year) == (20, "%", "fall", 2008)
    assert fifth.words == "a fifth" and not fifth.corrected
    again = empty_project.quantities.refresh(claim_id)
    assert len(again) == 1  # refresh replaces, never piles up


def test_correction_survives_a_new_statement(empty_project: Project, claim_id: int) -> None:
    (fifth,) = empty_project.quantities.refresh(claim_id)
    fixed = empty_project.quantities.update(fifth.id, measure="RPI", basis="real")
    assert fixed.corrected and fixed.measure == "RPI"
    empty_project.claims.update(
        claim_id, statement="pay is a fifth lower than in 2008, and 5% lower than in 2010"
    )
    changed = empty_project.quantities.sync()
    assert changed == {claim_id}
    figures = empty_project.quantities.list(claim_id)
    assert [(f.value, f.corrected) for f in figures] == [(20, True), (5, False)]
    assert figures[0].measure == "RPI"


def test_sync_only_touches_changed_claims(empty_project: Project, claim_id: int) -> None:
    assert empty_project.quantities.sync() == {claim_id}
    assert empty_project.quantities.sync() == frozenset()
    empty_project.claims.update(claim_id, statement="pay fell 26%")
    assert empty_project.quantities.sync() == {claim_id}
    assert [f.value for f in empty_project.quantities.list(claim_id)] == [26]


def test_put_back_undoes_a_correction(empty_project: Project, claim_id: int) -> None:
    (before,) = empty_project.quantities.refresh(claim_id)
    empty_project.quantities.update(before.id, value="21", direction="")
    after = empty_project.quantities.get(before.id)
    assert after.value == 21 and after.direction is None and after.corrected
    assert empty_project.quantities.put_back(before) == before


def test_add_delete_restore(empty_project: Project, claim_id: int) -> None:
    added = empty_project.quantities.add(claim_id, 35, "%", direction="rise", subject="pay")
    assert added.corrected and added.words == ""
    snapshot = empty_project.quantities.delete(added.id)
    with pytest.raises(NotFound):
        empty_project.quantities.get(added.id)
    assert empty_project.quantities.restore(snapshot) == added


@pytest.mark.parametrize(
    "fields",
    [{"value": "lots"}, {"direction": "sideways"}, {"basis": "nominal"}, {"base_year": "long ago"},
     {"colour": "red"}],
)  # fmt: skip
def test_bad_corrections_are_refused_and_change_nothing(
    empty_project: Project, claim_id: int, fields: dict[str, str]
) -> None:
    (before,) = empty_project.quantities.refresh(claim_id)
    with pytest.raises(QuantityError):
        empty_project.quantities.update(before.id, **fields)
    assert empty_project.quantities.get(before.id) == before


def test_figures_go_and_come_back_with_their_claim(empty_project: Project, claim_id: int) -> None:
    empty_project.quantities.refresh(claim_id)
    snapshot = empty_project.claims.delete(claim_id)
    empty_project.claims.restore(snapshot)
    assert [f.value for f in empty_project.quantities.list(claim_id)] == [20]
