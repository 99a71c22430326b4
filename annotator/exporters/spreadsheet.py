"""CSV: one row a claim, safe to open in a spreadsheet.

A cell that begins with = + - @ (or a tab or carriage return) would be run as a
formula by Excel, LibreOffice and Google Sheets; such a cell gets a leading
apostrophe, which spreadsheets show as text and hide, so the full text stays.
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from annotator.exporters.collect import ExportSet, Progress, ticking

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "claim_id",
    "claim_uid",
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "published",
    "start",
    "end",
    "quote",
    "statement",
    "speaker",
    "side",
    "stance",
    "verdict",
    "topics",
    "status",
    "note",
    "evidence",
    "created_at",
    "updated_at",
)


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would take as a formula, escaped by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def evidence_cell(uses: tuple[Any, ...]) -> str:
    parts = []
    for use in uses:
        item = use.item
        label = item["title"] or item["citation"] or item["value"] or item["kind"]
        where = f" <{item['url']}>" if item["url"] else ""
        parts.append(f"{use.relation}: {label}{where}")
    return " | ".join(parts)


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    # utf-8-sig: the byte-order mark makes Excel read the file as UTF-8.
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    tick = ticking(len(data.claims), progress)
    for done, c in enumerate(data.claims, start=1):
        article = data.articles[c.article_id]
        row = (
            c.id,
            c.uid,
            c.article_id,
            article.title,
            article.url,
            article.outlet,
            article.published,
            c.start,
            c.end,
            c.quote,
            c.statement,
            c.speaker,
            c.side,
            c.stance,
            c.verdict,
            "; ".join(c.topics),
            c.status,
            c.note,
            evidence_cell(data.evidence.get(c.id, ())),
            c.created_at,
            c.updated_at,
        )
        writer.writerow([safe_cell(v) for v in row])
        tick(done)
    text.flush()
    text.detach()
