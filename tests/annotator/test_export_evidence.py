"""CSV, the HTML report and the Markdown report carry each claim's evidence and links in full.

The project is a checker's morning: a union figure checked against the ONS
statistic and two pinned rows of a pay table, a web page that refutes the
minister, and the two claims linked as contradicting each other.
"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from annotator.exchange.exporters import export_to_path
from annotator.models import Attach, ImportedArticle
from annotator.project import Project

TEXT = (
    "Pay row deepens\n\n"
    "The BMA says resident doctors' pay has fallen by a fifth since 2008. "
    "The Health Secretary says pay rose 22% over two years.\n"
)
PAY_TABLE = "year,median pay (£),source\n2008,38500,NHS Digital\n2016,34100,NHS Digital\n2024,30800,NHS Digital\n"


@pytest.fixture
def checked(empty_project: Project, tmp_path: Path) -> tuple[Project, dict[str, int]]:
    project = empty_project
    article = project.articles.add(
        ImportedArticle(
            text=TEXT,
            title="Pay row deepens",
            source_format="html",
            url="https://news.example/pay-row",
        )
    ).article_id
    assert article is not None
    fifth = project.claims.mark_quote(
        article, "resident doctors' pay has fallen by a fifth since 2008"
    )
    project.claims.tag(fifth.id, speaker="BMA")
    rose = project.claims.mark_quote(article, "pay rose 22% over two years")
    project.claims.tag(rose.id, speaker="Wes Streeting")
    project.evidence.add_statistic(
        "Real-terms FY1 basic pay",
        value="-21.4",
        unit="%",
        period="2008/09 to 2023/24",
        source="ONS ASHE, CPIH-deflated",
        attach=Attach(fifth.id, "supports", "within rounding of a fifth"),
    )
    table = tmp_path / "pay.csv"
    table.write_text(PAY_TABLE, encoding="utf-8")
    project.datasets.import_file(table, "Median pay")
    project.evidence.add_dataset_rows(
        "Median pay", [1, 3], Attach(fifth.id, "supports", "2008 and 2024")
    )
    project.evidence.add_url(
        "https://stats.example/pay-awards",
        title="Pay awards 2023-2025",
        attach=Attach(rose.id, "refutes", "22% is cash, not real"),
    )
    project.links.add(rose.id, fifth.id, "contradicts", "cash against real terms")
    return project, {"fifth": fifth.id, "rose": rose.id}


EXPECTED_FIFTH = [
    "supports",
    "statistic",
    "Real-terms FY1 basic pay",
    "-21.4",
    "2008/09 to 2023/24",
    "ONS ASHE, CPIH-deflated",
    "within rounding of a fifth",
    "Median pay",
    "year=2008, median pay (£)=38500, source=NHS Digital",
    "year=2024, median pay (£)=30800, source=NHS Digital",
    "2008 and 2024",
]
EXPECTED_ROSE = [
    "refutes",
    "url",
    "Pay awards 2023-2025",
    "https://stats.example/pay-awards",
    "22% is cash, not real",
]


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def test_csv_carries_the_evidence_and_the_links(
    checked: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = checked
    out = tmp_path / "claims.csv"
    export_to_path(project, "csv", out)
    rows = {int(r["claim_id"]): r for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig")))}
    fifth, rose = rows[ids["fifth"]], rows[ids["rose"]]
    assert _in_order(fifth["evidence"], EXPECTED_FIFTH), fifth["evidence"]
    assert "2016" not in fifth["evidence"]  # only the pinned rows
    assert "unit: %" in fifth["evidence"] and "period: 2008/09 to 2023/24" in fifth["evidence"]
    assert len(fifth["evidence"].splitlines()) == 2  # one piece of evidence a line
    assert _in_order(rose["evidence"], EXPECTED_ROSE)
    assert rose["links"] == (
        f"contradicts; claim: C{ids['fifth']}; quote: resident doctors' pay has fallen by a fifth"
        " since 2008; speaker: BMA; article: Pay row deepens; note: cash against real terms"
    )
    assert fifth["links"].startswith(f"contradicted by; claim: C{ids['rose']}; quote: pay rose 22%")
    assert "speaker: Wes Streeting" in fifth["links"]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.hrefs: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_html_report_carries_the_evidence_and_the_links(
    checked: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = checked
    out = tmp_path / "report.html"
    export_to_path(project, "html", out)
    page = _Text()
    page.feed(out.read_text("utf-8"))
    text = "".join(page.text)
    table = text[text.index("Links") :]
    assert _in_order(table, EXPECTED_FIFTH)
    assert _in_order(table, EXPECTED_ROSE)
    assert _in_order(
        table, ["contradicts", f"C{ids['fifth']}", "resident doctors", "BMA", "Pay row deepens"]
    )
    assert "https://stats.example/pay-awards" in page.hrefs
    assert f"#claim-{ids['fifth']}" in page.hrefs  # the link jumps to the other claim's row


def test_markdown_report_carries_the_evidence_and_the_links(
    checked: tuple[Project, dict[str, int]], tmp_path: Path
) -> None:
    project, ids = checked
    out = tmp_path / "report.md"
    export_to_path(project, "md", out)
    tokens = MarkdownIt("commonmark").enable("table").parse(out.read_text("utf-8"))
    cells = [t.content for t in tokens if t.type == "inline"]
    header = cells.index("Links")
    rows = cells[header + 2 :]  # after "Links" and "Note"
    rendered = MarkdownIt("commonmark").enable("table").render(out.read_text("utf-8"))
    assert rendered.count("<tr>") == 3  # the header and two claims: no cell broken by a pipe
    joined = " ".join(rows).replace("\\", "")
    assert _in_order(joined, EXPECTED_FIFTH)
    assert _in_order(joined, EXPECTED_ROSE)
    assert "contradicted by" in joined and f"C{ids['rose']}" in joined
