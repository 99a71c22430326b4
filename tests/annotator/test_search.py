"""Search as a user types it: punctuation is literal, short words work, filters narrow."""

from __future__ import annotations

import json

import pytest

from annotator.cli.main import main
from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.search.service import ClaimFilter, split_terms
from db.projectfile import connection, migrations

TEXT = (
    "The union says pay fell 29% since 2008. The minister said pay rose by 4.5% "
    "this year. A re-run of the ballot is due. Doctors' pay-restoration demands cost £1.5bn. "
    "Es ist so. 医生罢工 continues."
)


def _article(project: Project, text: str = TEXT, title: str = "Pay row", **extra: str) -> int:
    outcome = project.articles.add(
        ImportedArticle(text=text, title=title, source_format="txt", **extra)
    )
    assert outcome.article_id is not None
    return outcome.article_id


@pytest.fixture
def project(empty_project: Project) -> Project:
    article = _article(empty_project, published="2025-11-05")
    side = {e.name: e.id for e in empty_project.codebook.entries("side")}
    verdict = {e.name: e.id for e in empty_project.codebook.entries("verdict")}
    empty_project.claims.mark_quote(
        article, "pay fell 29% since 2008", side_id=side["union"], verdict_id=verdict["true"]
    )
    empty_project.claims.mark_quote(
        article,
        "pay rose by 4.5% this year",
        side_id=side["government"],
        note="check the ONS series",
    )
    return empty_project


def kinds_ids(project: Project, query: str, **filters: object) -> list[tuple[str, int]]:
    result = project.search.search(query, ClaimFilter(**filters))  # type: ignore[arg-type]
    return [(h.kind, h.id) for h in result.hits]


@pytest.mark.parametrize(
    "query",
    [
        "29%",
        '"',
        '""',
        "*",
        "-",
        "NEAR(a b)",
        "pay AND",
        "a OR b",
        "re-run",
        "'",
        "(",
        "^x",
        "col:pay",
        '"29%',
        "%",
        "_",
    ],
)
def test_no_query_raises_a_syntax_error(project: Project, query: str) -> None:
    project.search.search(query)  # must not raise


def test_percent_finds_the_figure_not_everything(project: Project) -> None:
    hits = project.search.search("29%").hits
    claims = [h for h in hits if h.kind == "claim"]
    assert len(claims) == 1 and "29%" in claims[0].snippet
    assert {h.kind for h in hits} == {"claim", "article"}
    assert project.search.search("39%").hits == ()


def test_short_terms_use_like_and_wildcards_are_literal(project: Project) -> None:
    assert [k for k, _ in kinds_ids(project, "so")] == ["article"]  # "Es ist so."
    assert kinds_ids(project, "%") != []  # literal percent sign is in the text
    assert kinds_ids(project, "_") == []  # not a wildcard
    assert kinds_ids(project, "*") == []  # not a wildcard
    assert [k for k, _ in kinds_ids(project, "医生")] == ["article"]


def test_every_word_must_match_and_quotes_make_a_phrase(project: Project) -> None:
    assert (
        len(
            kinds_ids(
                project,
                "pay 2008",
            )
        )
        == 2
    )  # the claim and the article
    assert [k for k, _ in kinds_ids(project, "minister 2008")] == ["article"]
    assert kinds_ids(project, '"2008 pay"') == []
    assert kinds_ids(project, '"pay fell"') != []


def test_case_is_ignored_and_hyphens_are_text(project: Project) -> None:
    assert kinds_ids(project, "PAY-RESTORATION") != []
    assert kinds_ids(project, "ons series") == [("claim", 2)]  # found in the note


def test_filters_narrow_claims_and_drop_articles(project: Project) -> None:
    assert kinds_ids(project, "pay", side="government") == [("claim", 2)]
    assert kinds_ids(project, "pay", side="GOVERNMENT") == [("claim", 2)]
    assert kinds_ids(project, "pay", verdict="true") == [("claim", 1)]
    assert kinds_ids(project, "pay", side="employer") == []
    assert len(kinds_ids(project, "pay", date_from="2025-11-01", date_to="2025-11-30")) == 3
    assert kinds_ids(project, "pay", date_from="2025-12-01") == []


def test_edits_and_deletes_reach_the_index(project: Project) -> None:
    project.claims.update(2, statement="Government figure: wages up by a quarter")
    assert ("claim", 2) in kinds_ids(project, "quarter")
    snapshot = project.claims.delete(2)
    assert ("claim", 2) not in kinds_ids(project, "quarter")
    project.claims.restore(snapshot)
    assert ("claim", 2) in kinds_ids(project, "quarter")
    project.claims.restore(snapshot)  # a second restore replaces the row: still one hit
    assert kinds_ids(project, "quarter").count(("claim", 2)) == 1
    assert project.db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    project.claims.update(2, statement="Something else")
    assert ("claim", 2) not in kinds_ids(project, "quarter")


def test_evidence_is_searchable_and_opens_its_claim(project: Project) -> None:
    project.db.execute(
        "INSERT INTO evidence (uid, kind, title, url, created_at) VALUES ('e1', 'url', "
        "'ONS earnings table', 'https://ons.example/earn', '2025-01-01')"
    )
    project.db.execute(
        "INSERT INTO claim_evidence (claim_id, evidence_id, relation) VALUES (2, 1, 'refutes')"
    )
    hits = [h for h in project.search.search("earnings").hits if h.kind == "evidence"]
    assert len(hits) == 1 and hits[0].claim_id == 2 and hits[0].article_id == 1
    assert kinds_ids(project, "earnings", side="union") == []


def test_migration_backfills_existing_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = connection.connect(tmp_path / "old.sqlite")
    migrations.migrations.apply(db, stop_before="search_fts")
    db.execute(
        "INSERT INTO articles (uid, title, source_format, imported_at, text, text_sha256) "
        "VALUES ('a', 'Old article', 'txt', 'now', 'Inflation ran at 11.1% in 2022.', 'x')"
    )
    db.execute(
        'INSERT INTO claims (uid, article_id, start, "end", quote, statement, created_at, updated_at) '
        "VALUES ('c', 1, 0, 9, 'Inflation', 'Inflation peaked', 'now', 'now')"
    )
    applied = migrations.migrate(db)
    assert "search_fts" in applied
    project = Project(db, None)
    assert kinds_ids(project, "11.1%") == [("article", 1)]
    assert kinds_ids(project, "peaked") == [("claim", 1)]


def test_split_terms_keeps_phrases_and_tolerates_lone_quotes() -> None:
    assert split_terms('pay "final offer" 29%') == ["pay", "final offer", "29%"]
    assert split_terms('say "') == ["say", '"']
    assert split_terms("   ") == []


def test_cli_search_json_and_filters(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(project.path)
    code = main(["search", "29%", "--project", path, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [h["kind"] for h in out["hits"]] == ["claim", "article"]
    hit = out["hits"][0]
    assert {"kind", "id", "article", "claim", "title", "snippet", "highlights"} <= set(hit)
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "29%"
    code = main(
        ["search", "pay", "--side", "union", "--kind", "claim", "--project", path, "--json"]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and [h["id"] for h in out["hits"]] == [1]
    assert main(["search", "--project", path]) == 2
