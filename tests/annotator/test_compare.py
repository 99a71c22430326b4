"""project.compare and `annotator compare`: sides by topic, filters, balance, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.compare.service import UNTAGGED, CompareError, CompareFilter
from annotator.compare.tables import to_html, to_markdown
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.sample_marks import mark_samples


def cell(project: Project, topic: str, side: int, **kw: object) -> list[str]:
    table = project.compare.table(**kw)  # type: ignore[arg-type]
    row = next(r for r in table.rows if r.topic == topic)
    return [c.quote for c in row.cells[side]]


def test_union_against_government_by_topic(sample_project: Project) -> None:
    mark_samples(sample_project)
    table = sample_project.compare.table()
    assert table.sides == ("union", "government")
    assert [r.topic for r in table.rows][-1] == UNTAGGED
    union_pay = cell(sample_project, "pay", 0)
    government_pay = cell(sample_project, "pay", 1)
    assert len(union_pay) == 6 and any("a fifth less" in q for q in union_pay)
    assert len(government_pay) == 3 and all("29" in q for q in government_pay)
    # claims of other sides never leak in
    assert not any("CPI" in q for q in union_pay + government_pay)


def test_filters(sample_project: Project) -> None:
    claims = mark_samples(sample_project)
    scrape = claims[5].article_id
    only_scrape = cell(
        sample_project, "pay", 0, filters=CompareFilter(article_ids=frozenset({scrape}))
    )
    assert len(only_scrape) == 2
    by_fletcher = cell(sample_project, "pay", 0, filters=CompareFilter(speaker="Dr Jack Fletcher"))
    assert len(by_fletcher) == 1
    since_november = cell(sample_project, "pay", 0, filters=CompareFilter(date_from="2025-11-01"))
    assert len(since_november) == 4
    sample_project.claims.tag(claims[1].id, status="checked")
    checked = cell(sample_project, "pay", 0, filters=CompareFilter(status="checked"))
    assert checked == [claims[1].quote]
    with pytest.raises(CompareError):
        sample_project.compare.table(filters=CompareFilter(status="done"))
    with pytest.raises(CompareError):
        sample_project.compare.table(filters=CompareFilter(speaker="Nobody at all"))


def test_untagged_row_and_empty_side(sample_project: Project) -> None:
    claims = mark_samples(sample_project)
    sample_project.claims.tag(claims[0].id, topics=[])
    assert cell(sample_project, UNTAGGED, 1) == [claims[0].quote]
    table = sample_project.compare.table(("union", "employer"))
    assert all(row.cells[1] == () for row in table.rows)
    with pytest.raises(CompareError):
        sample_project.compare.table(("union", "Union"))


def test_hundreds_of_claims_in_one_cell(empty_project: Project) -> None:
    text = " ".join(f"Claim {i}: pay fell {i % 30}% since 2008." for i in range(300))
    outcome = empty_project.articles.add(
        ImportedArticle(text=text, title="Many", source_format="txt")
    )
    assert outcome.article_id is not None
    for i in range(300):
        claim = empty_project.claims.mark_quote(outcome.article_id, f"Claim {i}:")
        empty_project.claims.tag(claim.id, side="union", topics=["pay"])
    assert len(cell(empty_project, "pay", 0)) == 300
    assert "pay" in to_markdown(empty_project.compare.table())


def test_balance_counts_marked_checked_and_verdicts(sample_project: Project) -> None:
    claims = mark_samples(sample_project)
    sample_project.claims.tag(claims[1].id, status="checked", verdict="mostly true")
    sample_project.claims.tag(claims[0].id, status="checked", verdict="misleading")
    rows = {(r.side, r.topic): r for r in sample_project.compare.balance()}
    union_pay = rows[("union", "pay")]
    assert (union_pay.marked, union_pay.checked) == (6, 1)
    assert union_pay.verdicts["mostly true"] == 1 and union_pay.verdicts["no verdict"] == 5
    assert rows[("government", "pay")].verdicts["misleading"] == 1
    assert rows[("no side", UNTAGGED)].marked == 1


def test_exports_escape_what_articles_say(empty_project: Project) -> None:
    text = "The union said <script>alert(1)</script> | pay | fell by a fifth."
    outcome = empty_project.articles.add(
        ImportedArticle(text=text, title="<b>T</b>", source_format="txt")
    )
    assert outcome.article_id is not None
    claim = empty_project.claims.mark(outcome.article_id, 0, len(text))
    empty_project.claims.tag(claim.id, side="union", topics=["pay"])
    table = empty_project.compare.table()
    html = to_html(table)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>T</b>" not in html
    markdown = to_markdown(table)
    pay_line = next(line for line in markdown.splitlines() if line.startswith("| pay"))
    assert len(re.findall(r"(?<!\\)\|", pay_line)) == 4  # the quote's pipes add no cells
    assert "<script>" not in markdown


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def marked_file(project_path: Path, sample_project: Project) -> Path:
    mark_samples(sample_project)
    return project_path


def test_cli_compare_json_and_markdown(
    marked_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["compare", "--project", str(marked_file), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["sides"] == ["union", "government"]
    pay = next(r for r in data["rows"] if r["topic"] == "pay")
    assert len(pay["cells"]["union"]) == 6 and len(pay["cells"]["government"]) == 3
    assert {"speaker", "quote", "stance", "verdict", "article"} <= set(pay["cells"]["union"][0])
    code, out, _ = run(
        ["compare", "--sides", "union,independent", "--project", str(marked_file)], capsys
    )
    assert code == 0 and out.startswith("| Topic | union | independent |")
    code, out, _ = run(["compare", "--balance", "--json", "--project", str(marked_file)], capsys)
    assert code == 0 and any(r["side"] == "union" and r["marked"] == 6 for r in json.loads(out))


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--sides", "union"], 2), (["--sides", "union,nobody"], 1), (["--from", "last week"], 2),
     (["--status", "done"], 1), (["--format", "pdf"], 2)],
)  # fmt: skip
def test_cli_compare_bad_input(
    marked_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int
) -> None:
    got, _, err = run(["compare", *args, "--project", str(marked_file)], capsys)
    assert got == code
    assert "Traceback" not in err
    if code == 1:
        assert err.startswith(str(marked_file)) and len(err.strip().splitlines()) == 1
