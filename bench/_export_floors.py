"""Floors for the exports: each format written from the same rows with the plain library.

A floor is the same work without our code: the same claim rows read with one
SELECT (joined to what each format names: speaker, article), the same shape
of output built with the library a programmer would reach for (csv, orjson,
lxml, a string join), written to a file. What each floor leaves out is said
in its docstring; the ratio against it is what our code costs on top.

`streaming_json` is the memory floor: rows written as they are read, so the
peak is the interpreter plus one batch, which a streaming export should stay
near.
"""

from __future__ import annotations

import csv
import html
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from lxml import etree

# The columns the exports name for each claim, joined once (plain SQL).
CLAIM_ROWS = """
SELECT c.id, c.uid, c.article_id, c.start, c."end", c.quote, c.prefix, c.suffix,
       c.statement, c.status, c.note, c.created_at, c.updated_at,
       s.name AS speaker, a.title AS article_title, a.url AS article_url,
       a.published AS article_published
FROM claims c
LEFT JOIN speakers s ON s.id = c.speaker_id
JOIN articles a ON a.id = c.article_id
ORDER BY c.article_id, c.start, c.id
"""
BATCH = 2_000


def _rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(CLAIM_ROWS)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def csv_floor(conn: sqlite3.Connection, out: Path) -> None:
    """csv.writer over the joined rows. Leaves out: topics, verdict and evidence columns,
    formula escaping."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        header = False
        for row in _rows(conn):
            if not header:
                writer.writerow(row.keys())
                header = True
            writer.writerow(row.values())


def json_floor(conn: sqlite3.Connection, out: Path) -> None:
    """orjson of every joined row in one array. Leaves out: speakers, codebook, evidence,
    figures and links sections."""
    out.write_bytes(orjson.dumps(list(_rows(conn))))


def w3c_floor(conn: sqlite3.Connection, out: Path) -> None:
    """An Annotation dict a row (target, both selectors, a commenting body), orjson.
    Leaves out: tag and verdict bodies, the collection's paging."""
    items = [
        {
            "id": f"urn:uuid:{r['uid']}",
            "type": "Annotation",
            "created": r["created_at"],
            "body": [{"type": "TextualBody", "value": r["statement"], "purpose": "commenting"}],
            "target": {
                "source": r["article_url"] or f"urn:article:{r['article_id']}",
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
        }
        for r in _rows(conn)
    ]
    out.write_bytes(
        orjson.dumps({"type": "AnnotationCollection", "total": len(items), "items": items})
    )


def claimreview_floor(conn: sqlite3.Connection, out: Path) -> None:
    """A ClaimReview dict a row (claim, appearance, rating), orjson. Leaves out: the
    verdict lookup, publisher and first appearance."""
    reviews = [
        {
            "@type": "ClaimReview",
            "claimReviewed": r["statement"],
            "datePublished": r["updated_at"],
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": r["speaker"] or ""},
                "appearance": {
                    "@type": "CreativeWork",
                    "url": r["article_url"],
                    "headline": r["article_title"],
                },
            },
            "reviewRating": {"@type": "Rating", "alternateName": r["status"]},
        }
        for r in _rows(conn)
    ]
    out.write_bytes(orjson.dumps({"@context": "https://schema.org", "@graph": reviews}))


def refi_floor(conn: sqlite3.Connection, out: Path) -> None:
    """lxml builds a project.qde of one coding a claim; the article texts go in the zip.
    Leaves out: the code tree, users, notes and variables."""
    root = etree.Element("Project", name="floor")
    sources = etree.SubElement(root, "Sources")
    texts: dict[int, str] = {}
    by_article: dict[int, etree._Element] = {}
    for article_id, title, text in conn.execute("SELECT id, title, text FROM articles"):
        texts[article_id] = text
        by_article[article_id] = etree.SubElement(
            sources, "TextSource", name=title or "", plainTextPath=f"internal://{article_id}.txt"
        )
    for r in _rows(conn):
        sel = etree.SubElement(
            by_article[r["article_id"]],
            "PlainTextSelection",
            guid=r["uid"],
            startPosition=str(r["start"]),
            endPosition=str(r["end"]),
        )
        etree.SubElement(sel, "Coding", guid=r["uid"])
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "project.qde", etree.tostring(root, xml_declaration=True, encoding="utf-8")
        )
        for article_id, text in texts.items():
            archive.writestr(f"sources/{article_id}.txt", text)


def _report(conn: sqlite3.Connection, out: Path, mark: Callable[[str], str], row: str) -> None:
    """Each article's text with its claims marked, then a table: a string join."""
    claims: dict[int, list[dict[str, Any]]] = {}
    for r in _rows(conn):
        claims.setdefault(r["article_id"], []).append(r)
    parts: list[str] = []
    for article_id, title, text in conn.execute("SELECT id, title, text FROM articles"):
        parts.append(f"\n{title}\n")
        cursor = 0
        for r in claims.get(article_id, ()):
            if r["start"] < cursor:
                continue  # nested claims: the floor paints the outer one only
            parts.append(text[cursor : r["start"]])
            parts.append(mark(text[r["start"] : r["end"]]))
            cursor = r["end"]
        parts.append(text[cursor:])
    for rows in claims.values():
        parts.extend(row.format(**r) for r in rows)
    out.write_text("".join(parts), encoding="utf-8")


def html_floor(conn: sqlite3.Connection, out: Path) -> None:
    """html.escape and a string join. Leaves out: nested highlights, colours, evidence."""
    _report(
        conn,
        out,
        lambda s: f"<mark>{html.escape(s)}</mark>",
        "<tr><td>{id}</td><td>{quote}</td><td>{speaker}</td><td>{status}</td></tr>\n",
    )


def md_floor(conn: sqlite3.Connection, out: Path) -> None:
    """A string join with claims in bold. Leaves out: escaping Markdown, evidence."""
    _report(conn, out, lambda s: f"**{s}**", "| {id} | {quote} | {speaker} | {status} |\n")


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
    "csv": "one joined SELECT of the claims through csv.writer",
    "json": "one joined SELECT of the claims, orjson to a file",
    "w3c": "one joined SELECT, an Annotation dict a claim, orjson",
    "claimreview": "one joined SELECT, a ClaimReview dict a claim, orjson",
    "refi": "one joined SELECT, lxml codings and the texts in a zip",
    "html": "the texts and claims joined with html.escape",
    "md": "the texts and claims joined with ** marks",
}


def streaming_json(conn: sqlite3.Connection, out: Path) -> None:
    """The memory floor: rows written as they are read, a batch at a time."""
    with out.open("wb") as handle:
        handle.write(b"[")
        first = True
        for row in _rows(conn):
            handle.write((b"" if first else b",") + orjson.dumps(row))
            first = False
        handle.write(b"]")
