"""Evidence of every kind, linked to claims; one item backs many claims; undo data exact."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from annotator.errors import NotFound
from annotator.evidence.service import MAX_DOCUMENT_BYTES, EvidenceError, clean_url
from annotator.evidence.statistic import parse_statistic
from annotator.models import Attach, Claim
from annotator.project import Project

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pay_index.csv"


@pytest.fixture
def claims(sample_project: Project) -> list[Claim]:
    articles = sample_project.articles.list()
    text = sample_project.articles.get(articles[0].id).text
    other = sample_project.articles.get(articles[2].id).text
    first = sample_project.claims.mark(articles[0].id, 0, text.index(" ", 20))
    second = sample_project.claims.mark(articles[2].id, 0, other.index(" ", 20))
    return [first, second]


def test_each_kind_attaches_to_a_claim(
    tmp_path: Path, sample_project: Project, claims: list[Claim]
) -> None:
    ev = sample_project.evidence
    claim = claims[0].id
    report = tmp_path / "ddrb report.pdf"
    report.write_bytes(b"%PDF-1.4 pretend report")
    sample_project.datasets.import_file(SAMPLE, "Pay index")
    article = sample_project.articles.list()[1]
    made = [
        ev.add_url(
            "https://www.gov.uk/ddrb", "DDRB report", attach=Attach(claim, "supports", "table 2")
        ),
        ev.add_document(report, attach=Attach(claim, "context")),
        ev.add_statistic_text(
            "resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA",
            attach=Attach(claim, "refutes"),
        ),
        ev.add_dataset_rows("Pay index", [18, 1], attach=Attach(claim)),
        ev.add_article_span(article.id, 0, 40, attach=Attach(claim, "context")),
        ev.add_note("Ask the BMA which index they used", attach=Attach(claim, "context")),
    ]
    links = ev.list(claim)
    assert [link.evidence.kind for link in links] == [
        "url",
        "document",
        "statistic",
        "dataset",
        "article_span",
        "note",
    ]
    assert [link.relation for link in links] == [
        "supports",
        "context",
        "refutes",
        "supports",
        "context",
        "context",
    ]
    assert links[0].note == "table 2"
    document = links[1].evidence
    assert document.file_name == "ddrb report.pdf"
    assert document.sha256 == hashlib.sha256(b"%PDF-1.4 pretend report").hexdigest()
    assert ev.document(made[1].id) == ("ddrb report.pdf", b"%PDF-1.4 pretend report")
    statistic = links[2].evidence
    assert (statistic.value, statistic.unit, statistic.period) == ("-20.6", "%", "2008 to 2025")
    assert (
        statistic.statistic_text
        == "resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA"
    )
    rows = links[3].evidence
    assert rows.rows == (1, 18) and rows.row_values[1]["year"] == 2025
    span = links[4].evidence
    assert span.quote == sample_project.articles.get(article.id).text[span.start : span.end]
    assert ev.list(claims[1].id) == []
    assert sample_project.check() == []


def test_one_item_backs_many_claims(sample_project: Project, claims: list[Claim]) -> None:
    ev = sample_project.evidence
    item = ev.add_url("ons.gov.uk/inflation", attach=Attach(claims[0].id))
    assert item.url == "https://ons.gov.uk/inflation"
    ev.link(claims[1].id, item.id, "refutes", "other side")
    assert ev.get(item.id).claims == 2
    with pytest.raises(EvidenceError, match="already linked"):
        ev.link(claims[1].id, item.id, "supports")
    assert len(ev.list()) == 2


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("https://exa mple.org", "spaces"),
        ("", "empty"),
        ("https://", "no host"),
    ],
)
def test_hostile_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(EvidenceError, match=reason):
        clean_url(url)


def test_links_need_real_claims_and_relations(sample_project: Project, claims: list[Claim]) -> None:
    ev = sample_project.evidence
    with pytest.raises(NotFound):
        ev.add_note("x", attach=Attach(9999))
    with pytest.raises(EvidenceError, match="unknown relation"):
        ev.add_note("x", attach=Attach(claims[0].id, "proves"))
    assert ev.items() == []  # nothing half-made
    with pytest.raises(NotFound):
        ev.link(claims[0].id, 12345, "supports")


def test_document_limits(tmp_path: Path, sample_project: Project) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(EvidenceError, match="over the 25 MB limit"):
        sample_project.evidence.add_document(big)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EvidenceError, match="is empty"):
        sample_project.evidence.add_document(empty)
    with pytest.raises(EvidenceError, match="cannot be read"):
        sample_project.evidence.add_document(tmp_path / "missing.pdf")


def test_same_file_is_stored_once(tmp_path: Path, sample_project: Project) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"same bytes")
    b.write_bytes(b"same bytes")
    first = sample_project.evidence.add_document(a)
    second = sample_project.evidence.add_document(b)
    assert first.document_id == second.document_id
    sample_project.evidence.delete(first.id)
    assert sample_project.evidence.document(second.id)[1] == b"same bytes"


def test_bad_spans_and_rows_are_refused(sample_project: Project, claims: list[Claim]) -> None:
    ev = sample_project.evidence
    article = sample_project.articles.list()[0]
    with pytest.raises(EvidenceError, match="outside"):
        ev.add_article_span(article.id, 10, 10**7)
    with pytest.raises(NotFound):
        ev.add_article_span(999, 0, 5)
    sample_project.datasets.import_file(SAMPLE, "Pay")
    with pytest.raises(NotFound, match="no row 19"):
        ev.add_dataset_rows("Pay", [19])
    with pytest.raises(NotFound, match="no dataset"):
        ev.add_dataset_rows("Nope", [1])
    assert ev.items() == []


def test_delete_restore_and_unlink_are_exact(
    tmp_path: Path, sample_project: Project, claims: list[Claim]
) -> None:
    ev = sample_project.evidence
    path = tmp_path / "memo.txt"
    path.write_text("memo", encoding="utf-8")
    item = ev.add_document(path, attach=Attach(claims[0].id, "refutes", "see p. 3"))
    ev.link(claims[1].id, item.id, "context")
    before = ev.list()
    snapshot = ev.delete(item.id)
    assert ev.list() == [] and ev.items() == []
    assert sample_project.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    ev.restore(snapshot)
    assert ev.list() == before
    link_snapshot = ev.unlink(claims[0].id, item.id)
    assert [link.claim_id for link in ev.list()] == [claims[1].id]
    ev.restore_link(link_snapshot)
    assert ev.list() == before


def test_deleting_a_claim_takes_its_links_and_restore_brings_them(
    sample_project: Project, claims: list[Claim]
) -> None:
    ev = sample_project.evidence
    ev.add_note("n", attach=Attach(claims[0].id))
    sample_project.links.add(claims[0].id, claims[1].id, "contradicts")
    snapshot = sample_project.claims.delete(claims[0].id)
    assert ev.list() == [] and sample_project.links.list() == []
    sample_project.claims.restore(snapshot)
    assert len(ev.list(claims[0].id)) == 1 and len(sample_project.links.list(claims[1].id)) == 1


def test_update_and_update_link(sample_project: Project, claims: list[Claim]) -> None:
    ev = sample_project.evidence
    item = ev.add_url("https://a.example/x", attach=Attach(claims[0].id))
    assert ev.update(item.id, title="A report").title == "A report"
    link = ev.update_link(claims[0].id, item.id, "refutes", "on reflection")
    assert (link.relation, link.note) == ("refutes", "on reflection")
    with pytest.raises(EvidenceError):
        ev.update(item.id, url="javascript:x")


@pytest.mark.parametrize(
    ("text", "measure", "value", "unit", "period", "source"),
    [
        (
            "resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA",
            "resident doctors' pay, real terms",
            "-20.6",
            "%",
            "2008 to 2025",
            "BMA",
        ),
        ("pay rise 2025/26: 4%", "pay rise", "4", "%", "2025/26", ""),
        ("consultant pay: £1.5bn", "consultant pay", "£1.5", "bn", "", ""),
        ("NHS waiting list is long", "NHS waiting list is long", "", "", "", ""),
        (
            "Strike days, 2023-2025: 44 days, source NHS England",
            "Strike days",
            "44",
            "days",
            "2023-2025",
            "NHS England",
        ),
    ],
)
def test_statistic_text_is_taken_apart(
    text: str, measure: str, value: str, unit: str, period: str, source: str
) -> None:
    parts = parse_statistic(text)
    assert (parts.measure, parts.value, parts.unit, parts.period, parts.source) == (
        measure,
        value,
        unit,
        period,
        source,
    )
