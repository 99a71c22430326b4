"""Floors for the exports: each format's same rows and fields written with the plain library.

A floor is the same work without our code: the same claims with what each
format says about them (speaker, side, stance, verdict, topics, evidence,
article) read with plain SQL, the same fields written with the library a
programmer would reach for (csv, orjson, lxml, a string join) to a file.
Each floor's docstring says what it leaves out; `bench/export_search.py`
prints the bytes each side wrote, and a ratio whose floor writes a different
amount (more than BYTES_TOLERANCE apart) is marked reference only.

`streaming_json` is the memory floor: rows written as they are read, so the
peak is the interpreter plus one batch, which a streaming export should stay
near.
"""

from __future__ import annotations

import base64
import csv
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from _floor_rows import claim_rows, table
from _report_floors import html_floor, md_floor
from lxml import etree

# The floor's bytes may differ from ours by this share before its ratio is reference only.
BYTES_TOLERANCE = 0.15

CSV_COLUMNS = (
    "id", "uid", "article_id", "article_title", "article_url", "outlet", "published", "start",
    "end", "quote", "statement", "speaker", "side", "stance", "verdict", "topics", "status",
    "note", "evidence", "created_at", "updated_at",
)  # fmt: skip


# The fields our JSON gives a claim (speaker and article by uid; topics, evidence, figures added).
JSON_CLAIM_FIELDS = (
    "uid", "article_uid", "start", "end", "quote", "prefix", "suffix", "anchor", "statement",
    "speaker_uid", "side", "stance", "verdict", "status", "note", "created_by", "created_at",
    "updated_at", "review_url",
)  # fmt: skip


def csv_floor(conn: sqlite3.Connection, out: Path) -> None:
    """csv.writer of our 21 columns. Leaves out: formula escaping, the byte-order mark,
    topics in codebook order."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for r in claim_rows(conn):
            writer.writerow([r[c] for c in CSV_COLUMNS])


def json_floor(conn: sqlite3.Connection, out: Path) -> None:
    """orjson of the tables our JSON holds (codebook, speakers, articles with their texts,
    evidence, claims with topics, evidence uses and figures, links) in one document.
    Leaves out: uids in place of ids, metadata parsed, datasets' rows, streaming."""
    uses: dict[int, list[dict[str, Any]]] = {}
    for u in table(conn, "SELECT claim_id, evidence_id, relation, note FROM claim_evidence"):
        uses.setdefault(u.pop("claim_id"), []).append(u)
    figures: dict[int, list[dict[str, Any]]] = {}
    for q in table(conn, "SELECT * FROM quantities"):
        figures.setdefault(q.pop("claim_id"), []).append(q)
    claims = [
        {k: r[k] for k in JSON_CLAIM_FIELDS}
        | {
            "topics": r["topics"].split("; ") if r["topics"] else [],
            "evidence": uses.get(r["id"], []),
            "quantities": figures.get(r["id"], []),
        }
        for r in claim_rows(conn)
    ]
    documents = table(conn, "SELECT sha256, name, media_type, size, data FROM documents")
    for d in documents:
        d["data"] = base64.b64encode(d["data"]).decode("ascii")
    document = {
        "codebook": table(conn, "SELECT * FROM vocab"),
        "speakers": table(conn, "SELECT * FROM speakers"),
        "articles": table(conn, "SELECT * FROM articles"),
        "documents": documents,
        "evidence": table(conn, "SELECT * FROM evidence"),
        "claims": claims,
        "links": table(conn, "SELECT * FROM claim_links"),
        "publisher": table(conn, "SELECT * FROM publisher"),
    }
    out.write_bytes(orjson.dumps(document))


def _body(purpose: str, value: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def w3c_floor(conn: sqlite3.Connection, out: Path) -> None:
    """An Annotation dict a claim with our bodies (statement, verdict, note, tags, status,
    evidence links) and both selectors, orjson. Leaves out: checking dates are RFC 3339,
    orphans without a position, streaming."""
    items = []
    for r in claim_rows(conn):
        bodies = [_body("describing", r["statement"] or r["quote"])]
        if r["verdict"]:
            bodies.append(_body("assessing", r["verdict"]))
        if r["note"]:
            bodies.append(_body("commenting", r["note"]))
        for kind in ("speaker", "side", "stance", "verdict"):
            if r[kind]:
                bodies.append(_body("tagging", f"{kind}:{r[kind]}"))
        for topic in r["topics"].split("; ") if r["topics"] else ():
            bodies.append(_body("tagging", f"topic:{topic}"))
        bodies.append(_body("tagging", f"status:{r['status']}"))
        for url in r["evidence_urls"].split(" ") if r["evidence_urls"] else ():
            bodies.append({"type": "SpecificResource", "purpose": "linking", "source": url})
        items.append(
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": f"urn:uuid:{r['uid']}",
                "type": "Annotation",
                "motivation": "assessing" if r["verdict"] else "describing",
                "body": bodies,
                "target": {
                    "source": r["article_url"] or f"urn:sha256:{r['text_sha256']}",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": r["quote"],
                            "prefix": r["prefix"],
                            "suffix": r["suffix"],
                        },
                        {"type": "TextPositionSelector", "start": r["start"], "end": r["end"]},
                    ],
                },
                "created": r["created_at"],
                "modified": r["updated_at"],
                "creator": {"type": "Person", "name": r["created_by"]},
            }
        )
    collection = {"type": "AnnotationCollection", "total": len(items)}
    out.write_bytes(
        orjson.dumps(collection | {"first": {"type": "AnnotationPage", "items": items}})
    )


def claimreview_floor(conn: sqlite3.Connection, out: Path) -> None:
    """A ClaimReview dict a claim with a verdict (review URL, publisher, the claim's author
    by the speaker's kind, its appearance and first appearance, the rating on the codebook's
    scale), orjson. Leaves out: appearances in articles linked as the same claim, ratings
    off the scale, dates cut to the day, URLs checked as http(s), streaming."""
    scale = conn.execute(
        "SELECT min(rating), max(rating) FROM vocab WHERE kind = 'verdict' AND rating >= 1"
    ).fetchone()
    name, url = conn.execute("SELECT name, url FROM publisher").fetchone()
    publisher = {"@type": "Organization", "name": name, "url": url}
    reviews = []
    for r in claim_rows(conn):
        if r["verdict"] is None or not r["review_url"]:
            continue
        appearance = {
            "@type": "CreativeWork",
            "url": r["article_url"],
            "headline": r["article_title"],
            "datePublished": r["published"],
            "publisher": {"@type": "Organization", "name": r["outlet"]},
        }
        author = (
            {"@type": "Organization", "name": r["speaker"]}
            if r["speaker_kind"] == "organisation"
            else {
                "@type": "Person",
                "name": r["speaker"],
                "jobTitle": r["speaker_role"],
                "affiliation": {"@type": "Organization", "name": r["speaker_organisation"]},
            }
        )
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": r["review_url"],
                "claimReviewed": r["statement"] or r["quote"],
                "itemReviewed": {
                    "@type": "Claim",
                    "author": author,
                    "datePublished": r["published"],
                    "appearance": [appearance],
                    "firstAppearance": appearance,
                },
                "author": publisher,
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": r["verdict"],
                    "bestRating": scale[1],
                    "worstRating": scale[0],
                    "ratingValue": r["rating"],
                },
                "datePublished": r["updated_at"],
            }
        )
    out.write_bytes(orjson.dumps(reviews))


def refi_floor(conn: sqlite3.Connection, out: Path) -> None:
    """lxml builds project.qde: a code a codebook entry or speaker, a PlainTextSelection a
    claim with its description (statement, note, status, evidence) and a Coding a tag;
    the texts go in the zip (deflate level 1, as ours). Leaves out: GUIDs made from uids,
    cleaning characters XML cannot hold, streaming the XML."""
    ns = "{urn:QDA-XML:project:1.0}"
    nsmap: dict[Any, str] = {None: ns[1:-1]}  # the default namespace (lxml's key is None)
    root = etree.Element(ns + "Project", nsmap=nsmap, name="floor")
    codes = etree.SubElement(etree.SubElement(root, ns + "CodeBook"), ns + "Codes")
    guids: dict[tuple[str, str], str] = {}
    names = "SELECT kind, name FROM vocab UNION ALL SELECT 'speaker', name FROM speakers"
    for kind, name in conn.execute(names):
        guids[(kind, name)] = f"00000000-0000-4000-8000-{len(guids):012x}"
        etree.SubElement(codes, ns + "Code", guid=guids[(kind, name)], name=name)
    sources = etree.SubElement(root, ns + "Sources")
    texts: dict[int, str] = {}
    by_article: dict[int, etree._Element] = {}
    for article_id, title, text in conn.execute("SELECT id, title, text FROM articles"):
        texts[article_id] = text
        by_article[article_id] = etree.SubElement(
            sources, ns + "TextSource", name=title, plainTextPath=f"internal://{article_id}.txt"
        )
    count = 0
    user = "6f1c8f4e-3c0b-4f57-9a43-2a3b1c1d6a10"
    for r in claim_rows(conn):
        count += 1
        sel = etree.SubElement(
            by_article[r["article_id"]],
            ns + "PlainTextSelection",
            guid=f"{user[:24]}{count:012x}",
            name=r["quote"][:200],
            startPosition=str(r["start"]),
            endPosition=str(r["end"]),
            creatingUser=user,
            creationDateTime=r["created_at"],
        )
        lines = [r["statement"], f"Note: {r['note']}", f"Status: {r['status']}"]
        if r["evidence"]:
            lines.append(f"Evidence: {r['evidence']}")
        etree.SubElement(sel, ns + "Description").text = "\n".join(lines)
        tags = [(k, r[k]) for k in ("speaker", "side", "stance", "verdict") if r[k]]
        tags += [("topic", t) for t in (r["topics"].split("; ") if r["topics"] else ())]
        for kind, name in tags:
            count += 1
            coding = etree.SubElement(
                sel, ns + "Coding", guid=f"{user[:24]}{count:012x}", creatingUser=user
            )
            etree.SubElement(coding, ns + "CodeRef", targetGUID=guids[(kind, name)])
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(
            "project.qde",
            etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True),
        )
        for article_id, text in texts.items():
            archive.writestr(f"sources/{article_id}.txt", text)


FLOORS: dict[str, Callable[[sqlite3.Connection, Path], None]] = {
    "csv": csv_floor,
    "json": json_floor,
    "w3c": w3c_floor,
    "claimreview": claimreview_floor,
    "refi": refi_floor,
    "html": html_floor,
    "md": md_floor,
}
FLOOR_MEANINGS: dict[str, str] = {
    "csv": "the same 21 columns from one joined SELECT through csv.writer",
    "json": "the same tables (codebook, speakers, articles, evidence, claims with topics, evidence and figures, links) read by SELECT, orjson to a file",
    "w3c": "one joined SELECT, an Annotation dict a claim with the same bodies and selectors, orjson",
    "claimreview": "one joined SELECT, a ClaimReview dict a claim with a verdict and review URL, orjson",
    "refi": "one joined SELECT, lxml codes, selections with descriptions and codings, the texts in a zip",
    "html": "the texts with marked claims and a 10-cell row a claim, html.escape and a string join",
    "md": "the texts with claims in bold and a 10-cell row a claim, a string join",
}


def payload_bytes(path: Path) -> int:
    """What a file holds: a zip's members uncompressed (deflate sizes differ by chance)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    return path.stat().st_size


def streaming_json(conn: sqlite3.Connection, out: Path) -> None:
    """The memory floor: rows written as they are read, a batch at a time."""
    with out.open("wb") as handle:
        handle.write(b"[")
        first = True
        for row in claim_rows(conn):
            handle.write((b"" if first else b",") + orjson.dumps(row))
            first = False
        handle.write(b"]")
