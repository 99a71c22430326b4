"""CSV: one row a claim, safe to open in a spreadsheet.

A cell that begins with = + - @ (or a tab or carriage return) would be run as a
formula by Excel, LibreOffice and Google Sheets; such a cell gets a leading
apostrophe, which spreadsheets show as text and hide, so the full text stays.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import IO, Any

from annotator.exchange.exporters.collect import PROGRESS_EVERY, EvidenceUse, ExportSet, Progress
from annotator.exchange.exporters.described import Describer
from annotator.models import Claim

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_RISKY = frozenset(FORMULA_STARTS)
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
    "links",
    "created_at",
    "updated_at",
)


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would take as a formula, escaped by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def evidence_cell(describer: Describer, uses: tuple[EvidenceUse, ...]) -> str:
    """Every piece of evidence in full, one a line (spreadsheets wrap a cell at its line breaks)."""
    return "\n".join(describer.evidence_line(use) for use in uses)


def links_cell(describer: Describer, claim: Claim) -> str:
    return "\n".join(describer.link_line(link) for link in describer.links(claim))


def _escaped(cells: list[Any]) -> list[Any]:
    """safe_cell over a row, inlined: it runs on two million cells in a big export."""
    return [("'" + v) if v.__class__ is str and v[:1] in _RISKY else v for v in cells]


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    # utf-8-sig: the byte-order mark makes Excel read the file as UTF-8.
    out.write(codecs.BOM_UTF8)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    # Rows are encoded and written a batch at a time: one encode and one
    # write call per PROGRESS_EVERY rows, not one per row.
    articles = {a.id: (a.title, a.url, a.outlet, a.published) for a in data.articles.values()}
    evidence = data.evidence
    describer = Describer(data)
    linked = {link["from_claim"] for link in data.links} | {link["to_claim"] for link in data.links}
    total = len(data.claims)
    for done, c in enumerate(data.claims, start=1):
        title, url, outlet, published = articles[c.article_id]
        uses = evidence.get(c.id)
        writer.writerow(
            _escaped(
                [
                    c.id,
                    c.uid,
                    c.article_id,
                    title,
                    url,
                    outlet,
                    published,
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
                    evidence_cell(describer, uses) if uses else "",
                    links_cell(describer, c) if c.id in linked else "",
                    c.created_at,
                    c.updated_at,
                ]
            )
        )
        if done % PROGRESS_EVERY == 0 or done == total:
            out.write(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
            progress(done, total)
    out.write(buffer.getvalue().encode("utf-8"))
