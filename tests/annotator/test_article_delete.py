"""Deleting an article: its claims and what hangs off them go, passages quoted from
it go, the revision chain closes over it; restore brings every row back exactly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from annotator.cli.main import main as cli_main
from annotator.errors import AnnotatorError, NotFound
from annotator.models import Attach, ImportedArticle
from annotator.project import Project

UNIQUE_WORD = "Zanzibarite"


def _dump(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ordinary table but the undo history, sorted: the whole project."""
    db = project.db
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE '%_fts%' AND name NOT IN ('undo_history', '_sqlite_migrations')"
        ).fetchall()
    ]
    return {
        t: sorted(tuple(r) for r in db.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables
    }


def _article(project: Project, title: str, text: str, url: str | None = None) -> int:
    outcome = project.articles.add(
        ImportedArticle(text=text, title=title, source_format="txt", url=url, outlet="Gazette")
    )
    assert outcome.article_id is not None
    return outcome.article_id


@pytest.fixture
def web(claimed_project: Project) -> dict[str, int]:
    """A doomed article tied to the rest of the project in every way there is."""
    project = claimed_project
    url = "https://example.org/pay-talks"
    first = _article(project, "Talks, first version", "The talks began on Monday. Pay was 5%.", url)
    doomed = _article(
        project,
        "Talks, second version",
        f"The talks began on Monday. Pay was 6%, the {UNIQUE_WORD} minister said.",
        url,
    )
    newest = _article(
        project, "Talks, third version", "The talks began on Tuesday. Pay was 6%.", url
    )
    other = project.articles.list()[0].id
    assert project.articles.summary(doomed).revision_of == first
    assert project.articles.summary(newest).revision_of == doomed

    claim = project.claims.mark_quote(doomed, "Pay was 6%")
    project.claims.tag(claim.id, speaker="Wes Streeting", stance="for", topics=["pay"])
    project.quantities.add(claim.id, 6, "%")
    project.evidence.add_url("https://example.org/data", "Pay data", attach=Attach(claim.id))
    other_claim = project.claims.list(other)[0]
    project.links.add(other_claim.id, claim.id, "contradicts")
    # A passage of the doomed article backs a claim of another article.
    passage = project.evidence.add_article_span(doomed, 0, 25, attach=Attach(other_claim.id))
    return {
        "first": first,
        "doomed": doomed,
        "newest": newest,
        "claim": claim.id,
        "other_claim": other_claim.id,
        "passage": passage.id,
    }


def test_deletion_says_what_goes_with_the_article(
    claimed_project: Project, web: dict[str, int]
) -> None:
    deletion = claimed_project.articles.deletion(web["doomed"])
    assert deletion.title == "Talks, second version"
    assert (deletion.claims, deletion.passages, deletion.other_claims, deletion.revisions) == (
        1,
        1,
        1,
        1,
    )
    assert claimed_project.articles.get(web["doomed"])  # asking changed nothing


def test_delete_check_undo_check_redo(claimed_project: Project, web: dict[str, int]) -> None:
    project = claimed_project
    before = _dump(project)
    other_links_before = project.evidence.list(web["other_claim"])

    snapshot = project.articles.delete(web["doomed"])
    with pytest.raises(NotFound):
        project.articles.get(web["doomed"])
    with pytest.raises(NotFound):
        project.claims.get(web["claim"])
    assert project.articles.summary(web["newest"]).revision_of == web["first"]
    assert web["passage"] not in [e.id for e in project.evidence.items()]
    assert len(project.evidence.list(web["other_claim"])) == len(other_links_before) - 1
    assert not project.links.list(web["other_claim"])
    assert not project.search.search(UNIQUE_WORD).hits
    assert project.check() == []

    restored = project.articles.restore(json.loads(json.dumps(snapshot)))  # as the history keeps it
    assert restored.id == web["doomed"]
    assert _dump(project) == before
    assert [h.id for h in project.search.search(UNIQUE_WORD).hits if h.kind == "article"] == [
        web["doomed"]
    ]
    assert project.claims.get(web["claim"]).topics == ("pay",)
    assert project.check() == []

    project.articles.delete(web["doomed"])
    assert project.articles.summary(web["newest"]).revision_of == web["first"]
    assert project.check() == []


def test_an_article_without_claims_goes_alone(empty_project: Project) -> None:
    lone = _article(empty_project, "Lone", "Nothing marked here.")
    kept = _article(empty_project, "Kept", "Nor here.")
    deletion = empty_project.articles.deletion(lone)
    assert (deletion.claims, deletion.passages, deletion.other_claims, deletion.revisions) == (
        0,
        0,
        0,
        0,
    )
    empty_project.articles.delete(lone)
    assert [a.id for a in empty_project.articles.list()] == [kept]


def test_deleting_the_first_version_leaves_the_next_one_the_first(empty_project: Project) -> None:
    url = "https://example.org/a"
    first = _article(empty_project, "A", "One.", url)
    second = _article(empty_project, "A", "Two.", url)
    empty_project.articles.delete(first)
    assert empty_project.articles.summary(second).revision_of is None


def test_an_unknown_article_is_not_found(empty_project: Project) -> None:
    with pytest.raises(NotFound):
        empty_project.articles.delete(404)
    with pytest.raises(NotFound):
        empty_project.articles.deletion(404)


def test_restore_refuses_over_an_article_that_took_the_id(empty_project: Project) -> None:
    gone = _article(empty_project, "Gone", "Soon gone.")
    snapshot = empty_project.articles.delete(gone)
    again = _article(empty_project, "Another", "Took the id.")
    assert again == gone  # SQLite reuses the highest id
    with pytest.raises(AnnotatorError, match="exists again"):
        empty_project.articles.restore(snapshot)
    assert empty_project.articles.get(again).text == "Took the id."


def test_restore_refuses_cleanly_when_something_it_used_is_gone(
    claimed_project: Project, web: dict[str, int]
) -> None:
    snapshot = claimed_project.articles.delete(web["doomed"])
    with sqlite3.connect(claimed_project.path or Path()) as conn:  # another program
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM claims WHERE id = ?", [web["other_claim"]])
    with pytest.raises(AnnotatorError, match="cannot come back"):
        claimed_project.articles.restore(snapshot)
    with pytest.raises(NotFound):
        claimed_project.articles.get(web["doomed"])  # nothing half restored


def test_a_table_added_later_pointing_at_claims_is_kept_too(
    claimed_project: Project, web: dict[str, int]
) -> None:
    """Found from the schema: a future feature's rows are neither lost nor blocking."""
    db = claimed_project.db
    db.execute(
        "CREATE TABLE claim_flags (claim_id INTEGER NOT NULL REFERENCES claims(id) "
        "ON DELETE RESTRICT, flag TEXT)"
    )
    db.execute("INSERT INTO claim_flags VALUES (?, 'urgent')", [web["claim"]])
    snapshot = claimed_project.articles.delete(web["doomed"])
    assert db.execute("SELECT count(*) FROM claim_flags").fetchone()[0] == 0
    claimed_project.articles.restore(snapshot)
    assert db.execute("SELECT * FROM claim_flags").fetchall() == [(web["claim"], "urgent")]


# -- the command line ---------------------------------------------------------------


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli_main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_delete_reports_what_went(
    claimed_project: Project, web: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(claimed_project.path)
    claimed_project.close()
    code, out, err = _cli(["delete", str(web["doomed"]), "--project", path, "--json"], capsys)
    assert code == 0, err
    assert json.loads(out) == {
        "id": web["doomed"],
        "title": "Talks, second version",
        "claims": 1,
        "passages": 1,
        "other_claims": 1,
        "revisions": 1,
    }
    code, out, err = _cli(["articles", "--project", path, "--json"], capsys)
    assert web["doomed"] not in [a["id"] for a in json.loads(out)]


def test_cli_delete_text_line_and_unknown_id(
    claimed_project: Project, web: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(claimed_project.path)
    claimed_project.close()
    code, out, _ = _cli(["delete", str(web["doomed"]), "--project", path], capsys)
    assert code == 0
    assert out.strip() == (
        f"deleted   {web['doomed']:>5}  Talks, second version  "
        "(with 1 claim, 1 quoted passage, links of 1 claim in other articles)"
    )
    code, out, err = _cli(["delete", str(web["doomed"]), "--project", path], capsys)
    assert code == 1 and out == ""
    assert err.strip() == f"{path}: no article with id {web['doomed']}"
    code, _, _ = _cli(["delete", "not-a-number", "--project", path], capsys)
    assert code == 2


def test_marking_after_delete_and_reimport_uses_the_new_text(empty_project: Project) -> None:
    """The claims service keeps article texts; a deleted article must not be marked from it."""
    project = empty_project
    first = project.articles.add(
        ImportedArticle(text="Rents rose 9% last year.", title="A", source_format="txt")
    ).article_id
    assert first is not None and project.articles.exists(first)
    project.claims.mark(first, 0, 5)  # the text is now cached
    project.articles.delete(first)
    assert not project.articles.exists(first)
    with pytest.raises(NotFound):
        project.claims.mark(first, 0, 5)
    again = project.articles.add(
        ImportedArticle(text="Wages fell 2% in March.", title="B", source_format="txt")
    ).article_id
    assert again is not None
    claim = project.claims.mark(again, 0, 5)
    assert claim.quote == "Wages"
