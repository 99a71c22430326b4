"""Search pages: a page of each kind best first, the totals, the next page, the CLI flags."""

from __future__ import annotations

import json

import pytest

from annotator.cli.main import main
from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.search.service import DEFAULT_LIMIT, ClaimFilter

FIGURES = 7  # claims that mention the figure


@pytest.fixture
def project(empty_project: Project) -> Project:
    text = (
        " ".join(f"Trust {n} says waiting lists rose 12% this year." for n in range(FIGURES))
        + " The union disputes the 12% figure. Nothing here."
    )
    article = empty_project.articles.add(
        ImportedArticle(text=text, title="Waiting lists", source_format="txt")
    ).article_id
    assert article is not None
    union = empty_project.codebook.find("side", "union")
    assert union is not None
    for n in range(FIGURES):
        empty_project.claims.mark_quote(article, f"Trust {n} says waiting lists rose 12%")
    empty_project.claims.mark_quote(article, "The union disputes the 12% figure", side_id=union.id)
    return empty_project


def test_pages_are_disjoint_cover_every_hit_and_keep_the_order(project: Project) -> None:
    whole = project.search.search("12%", kinds=("claim",))
    assert whole.totals == {"claim": FIGURES + 1} and not whole.truncated
    ids = [h.id for h in whole.hits]
    paged: list[int] = []
    for offset in range(0, FIGURES + 1, 3):
        page = project.search.search("12%", kinds=("claim",), limit=3, offset=offset)
        assert page.totals == {"claim": FIGURES + 1}
        assert len(page.hits) <= 3 and page.offset == offset and page.limit == 3
        assert page.truncated == (offset + 3 < FIGURES + 1)
        paged.extend(h.id for h in page.hits)
    assert paged == ids


def test_totals_count_every_kind_and_follow_the_filters(project: Project) -> None:
    result = project.search.search("12%", limit=2)
    assert result.totals == {"claim": FIGURES + 1, "article": 1, "evidence": 0}
    assert result.total == FIGURES + 2 and result.truncated
    assert [h.kind for h in result.hits] == ["claim", "claim", "article"]
    union = project.search.search("12%", ClaimFilter(side="union"))
    assert union.totals == {"claim": 1, "evidence": 0}  # articles have no side
    assert [h.kind for h in union.hits] == ["claim"] and not union.truncated
    short = project.search.search("12% no", kinds=("claim",), limit=1)  # "no": a LIKE term
    assert short.totals == {"claim": 0}
    assert project.search.search("Trust 3", kinds=("claim",)).totals == {"claim": 1}


def test_past_the_end_and_odd_pages_give_no_hits_but_the_totals(project: Project) -> None:
    far = project.search.search("12%", kinds=("claim",), offset=1_000)
    assert far.hits == () and far.totals == {"claim": FIGURES + 1} and not far.truncated
    none = project.search.search("12%", kinds=("claim",), limit=0)
    assert none.hits == () and none.totals == {"claim": FIGURES + 1} and none.truncated
    negative = project.search.search("12%", kinds=("claim",), limit=2, offset=-5)
    assert negative.offset == 0 and len(negative.hits) == 2
    empty = project.search.search("   ")
    assert empty.hits == () and empty.totals == {} and empty.total == 0


def test_cli_limit_offset_and_the_counts_in_json(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(project.path)
    code = main(
        [
            "search",
            "12%",
            "--kind",
            "claim",
            "--limit",
            "3",
            "--offset",
            "3",
            "--project",
            path,
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["total"] == FIGURES + 1 and out["totals"] == {"claim": FIGURES + 1}
    assert out["offset"] == 3 and out["limit"] == 3 and out["truncated"] is True
    assert len(out["hits"]) == 3 and {"query", "hits", "truncated"} <= set(out)
    assert main(["search", "12%", "--project", path, "--json"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert default["limit"] == DEFAULT_LIMIT and default["offset"] == 0
    assert main(["search", "12%", "--offset", "-1", "--project", path]) == 2
    assert main(["search", "12%", "--limit", "0", "--project", path]) == 2


def test_cli_text_says_which_hits_of_how_many_and_how_to_page_on(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["search", "12%", "--kind", "claim", "--limit", "5", "--project", str(project.path)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert f"claims 1-5 of {FIGURES + 1}" in out
    assert "--offset 5" in out
