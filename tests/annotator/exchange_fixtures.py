"""A project with everything an export carries: speakers with aliases and roles, a
codebook value of our own, topics, verdicts, evidence (a URL, a document, an
article span), links, quantities, an orphan and a hostile article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.models import Attach, ImportedArticle
from annotator.project import Project

HOSTILE_TITLE = '<script>alert("t")</script> "><img src=x onerror=alert(1)> =SUM(A1)'
HOSTILE_TEXT = (
    "Intro line.\n"
    'The minister said: <script>alert("x")</script> pay rose 4.5% this year.\n'
    '"><img src=x onerror=alert(1)> and **bold** [link](javascript:alert(1)) | pipe\n'
    '=HYPERLINK("http://evil") -2 +3 @cmd\n'
    "Emoji 🙂 then the figure £1.5bn at the end."
)
PAY_TEXT = (
    "Resident doctors say pay has fallen by a fifth since 2008. The government says "
    "pay rose 22% over two years. Both figures are disputed; the union repeats that "
    "pay has fallen by a fifth since 2008 at every rally."
)


def _add(project: Project, text: str, title: str, **extra: Any) -> int:
    outcome = project.articles.add(
        ImportedArticle(text=text, title=title, source_format="txt", **extra)
    )
    assert outcome.article_id is not None
    return outcome.article_id


def build(project: Project, tmp_dir: Path | None = None) -> dict[str, int]:
    """Fill the project; returns the ids a test may want."""
    pay = _add(
        project,
        PAY_TEXT,
        "Pay row deepens",
        outlet="Daily Example",
        published="2025-11-05",
        url="https://news.example/pay-row",
        author="A. Reporter",
    )
    hostile = _add(project, HOSTILE_TEXT, HOSTILE_TITLE, outlet="<b>Outlet</b>")
    project.codebook.add("topic", "rallies", colour="#123456", description="Marches & rallies")
    streeting = project.speakers.create(
        "Wes Streeting",
        role="Health Secretary",
        side_id=project.codebook.find("side", "government").id,  # type: ignore[union-attr]
        aliases=["the Health Secretary"],
    )
    project.speakers.add_role(
        streeting.id, role="Shadow Health Secretary", valid_from="2021-11-29", valid_to="2024-07-05"
    )
    c1 = project.claims.mark_quote(pay, "pay has fallen by a fifth since 2008", occurrence=2)
    project.claims.tag(
        c1.id,
        speaker="BMA",
        side="union",
        stance="against",
        verdict="mostly true",
        topics=["pay", "rallies"],
        statement="Pay is 20% lower than in 2008",
    )
    project.claims.update(c1.id, note="=1+1 check the RPI series", status="checked")
    c2 = project.claims.mark_quote(pay, "pay rose 22% over two years")
    project.claims.tag(
        c2.id, speaker="the Health Secretary", stance="for", verdict="misleading", topics=["pay"]
    )
    c3 = project.claims.mark_quote(hostile, '<script>alert("x")</script> pay rose 4.5%')
    project.claims.tag(c3.id, verdict="false", statement='"><img src=x onerror=alert(2)>')
    project.claims.update(c3.id, note="-2 @SUM(1) <b>bold</b>")
    c4 = project.claims.mark_quote(hostile, "£1.5bn")
    db = project.db
    db.execute(
        'INSERT INTO claims (uid, article_id, start, "end", quote, anchor, statement, created_at, updated_at) '
        "VALUES ('orphan-uid', ?, NULL, NULL, 'a quote that went away', 'orphan', 'gone', '2025-01-01', '2025-01-01')",
        [pay],
    )
    db.execute(
        "INSERT INTO documents (sha256, name, media_type, size, data) VALUES (?, 'table.csv', 'text/csv', 3, ?)",
        ["ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", b"abc"],
    )
    db.execute(
        "INSERT INTO evidence (uid, kind, title, url, citation, accessed_at, created_at) VALUES "
        "('ev-url', 'url', 'NHS earnings statistics', 'https://stats.example/earnings', 'NHS Digital 2025', '2025-11-06', '2025-11-06')"
    )
    db.execute(
        "INSERT INTO evidence (uid, kind, title, document_id, created_at) VALUES ('ev-doc', 'document', 'Pay table', 1, '2025-11-06')"
    )
    db.execute(
        'INSERT INTO evidence (uid, kind, title, article_id, start, "end", quote, created_at) VALUES '
        "('ev-span', 'article_span', '=cmd span', ?, 0, 11, 'Intro line.', '2025-11-06')",
        [hostile],
    )
    db.execute(
        "INSERT INTO evidence (uid, kind, title, note, created_at) VALUES ('ev-unused', 'note', 'Unlinked note', 'n', '2025-11-06')"
    )
    for claim_id, evidence_id, relation in (
        (c1.id, 1, "supports"),
        (c1.id, 2, "context"),
        (c2.id, 3, "refutes"),
    ):
        db.execute(
            "INSERT INTO claim_evidence (claim_id, evidence_id, relation, note) VALUES (?, ?, ?, 'why')",
            [claim_id, evidence_id, relation],
        )
    db.execute(
        "INSERT INTO claim_links (from_claim, to_claim, relation, note) VALUES (?, ?, 'contradicts', 'opposite')",
        [c2.id, c1.id],
    )
    db.execute(
        "INSERT INTO quantities (claim_id, value, unit, words) VALUES (?, 22, '%', '22%')", [c2.id]
    )
    if tmp_dir is not None:
        table = tmp_dir / "earnings.csv"
        table.write_text(
            "year,median pay,note\n2008,30000,=base\n2024,24000,fell\n", encoding="utf-8"
        )
        project.datasets.import_file(table, "Median pay")
        project.evidence.add_dataset_rows("Median pay", [2], Attach(c1.id, "supports", "row 2"))
    return {"pay": pay, "hostile": hostile, "c1": c1.id, "c2": c2.id, "c3": c3.id, "c4": c4.id}


def snapshot(project: Project) -> dict[str, Any]:
    """Everything a lossless round trip must keep, keyed by uid or name, ids left out."""
    db = project.db
    articles = {
        r["uid"]: {
            k: r[k]
            for k in (
                "title",
                "outlet",
                "author",
                "published",
                "url",
                "text",
                "text_sha256",
                "metadata",
            )
        }
        for r in db.query("SELECT * FROM articles")
    }
    claims = {
        c.uid: {
            **{k: v for k, v in c.as_json().items() if k not in ("id", "article")},
            "article": db.execute(
                "SELECT uid FROM articles WHERE id = ?", [c.article_id]
            ).fetchone()[0],
        }
        for c in project.claims.list()
    }
    speakers = {
        s.uid: {
            **{k: v for k, v in s.as_json().items() if k != "id"},
            "roles": [{k: v for k, v in r.as_json().items() if k != "id"} for r in s.roles],
        }
        for s in project.speakers.list()
    }
    codebook = sorted(
        (e.kind, e.name, e.colour, e.rating, e.description) for e in project.codebook.entries()
    )
    evidence = {
        r["uid"]: {k: r[k] for k in r if k not in ("id", "article_id", "document_id", "dataset_id")}
        for r in db.query("SELECT * FROM evidence")
    }
    uses = sorted(
        tuple(r)
        for r in db.execute(
            "SELECT c.uid, e.uid, ce.relation, ce.note FROM claim_evidence ce JOIN claims c ON c.id = ce.claim_id "
            "JOIN evidence e ON e.id = ce.evidence_id"
        ).fetchall()
    )
    links = sorted(
        tuple(r)
        for r in db.execute(
            "SELECT a.uid, b.uid, l.relation, l.note FROM claim_links l JOIN claims a ON a.id = l.from_claim "
            "JOIN claims b ON b.id = l.to_claim"
        ).fetchall()
    )
    quantities = sorted(
        (
            r["claim_uid"],
            *(repr(r[k]) for k in sorted(r) if k not in ("id", "claim_id", "claim_uid")),
        )
        for r in db.query(
            "SELECT q.*, c.uid AS claim_uid FROM quantities q JOIN claims c ON c.id = q.claim_id"
        )
    )
    documents = sorted(
        tuple(r)
        for r in db.execute("SELECT sha256, name, media_type, data FROM documents").fetchall()
    )
    datasets = sorted(
        (
            d.name,
            tuple((c.name, c.type) for c in d.columns),
            tuple(tuple(r) for r in project.datasets.rows(d.name, limit=None)),
        )
        for d in project.datasets.list()
    )
    evidence_datasets = sorted(
        tuple(r)
        for r in db.execute(
            "SELECT e.uid, d.name FROM evidence e JOIN datasets d ON d.id = e.dataset_id"
        ).fetchall()
    )
    publisher = db.execute("SELECT name, url, logo FROM publisher").fetchall()
    return {
        "publisher": [tuple(r) for r in publisher],
        "articles": articles,
        "claims": claims,
        "speakers": speakers,
        "codebook": codebook,
        "evidence": evidence,
        "uses": uses,
        "links": links,
        "quantities": quantities,
        "documents": documents,
        "datasets": datasets,
        "evidence_datasets": evidence_datasets,
    }
