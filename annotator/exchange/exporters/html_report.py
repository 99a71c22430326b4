"""A self-contained HTML report: each article with its claims highlighted, then a table.

Nothing from a project reaches the page unescaped: every text goes through
html.escape (quotes included), colours must be #rrggbb, and only http(s) URLs
become links. The page loads nothing (inline CSS, no scripts, no images) and
says so in its Content-Security-Policy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from html import escape
from typing import IO

from annotator.exchange.exporters.collect import EvidenceUse, ExportSet, Progress, ticking
from annotator.exchange.exporters.described import URL_LABELS, Describer, LinkLine, Pairs
from annotator.exchange.exporters.report_parts import (
    by_article,
    pieces,
    summary_line,
)
from annotator.models import Claim

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_WEB_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)
CSP = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 60em; color: #222; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
.meta, .summary { color: #666; font-size: 0.9em; }
.text { white-space: pre-wrap; background: #fafafa; border: 1px solid #e4e4e4; padding: 1em; }
mark { background: #ffe58a; padding: 0 1px; }
mark.overlap { background: #ffc94d; }
sup.ref { font-size: 0.7em; color: #8a5a00; font-family: sans-serif; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; font-family: sans-serif; font-size: 0.85em; }
th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
.verdict { display: inline-block; padding: 0 6px; border-radius: 3px; border-left: 6px solid #999; background: #f4f4f4; }
.orphan { color: #a00; font-style: italic; }
ul.evidence, ul.links { margin: 0; padding-left: 1.1em; }
.label { color: #666; }
"""


def e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def colour(value: str | None, default: str = "#999999") -> str:
    return value if value and _COLOUR.match(value) else default


def link(url: str | None) -> str:
    if url and _WEB_URL.match(url):
        return f'<a href="{e(url)}" rel="noreferrer">{e(url)}</a>'
    return e(url or "")


def highlighted(text: str, claims: list[Claim]) -> str:
    out: list[str] = []
    append = out.append
    titles: dict[tuple[int, ...], str] = {}
    for piece in pieces(text, claims):
        body = e(piece.text)
        covering = piece.claims
        if covering:
            opening = titles.get(covering)
            if opening is None:
                kind = "overlap" if len(covering) > 1 else "claim"
                names = ", ".join(f"C{i}" for i in covering)
                opening = titles[covering] = f'<mark class="{kind}" title="{names}">'
            body = f"{opening}{body}</mark>"
        append(body)
        for claim_id in piece.ending:
            append(f'<sup class="ref"><a href="#claim-{claim_id}">C{claim_id}</a></sup>')
    return "".join(out)


def row_builder(data: ExportSet) -> Callable[[Claim], str]:
    """A function from a claim to its table row, with the lookups and repeated cells made once.

    Speakers, sides, stances, verdicts, topics and statuses come from small
    sets, so their escaped cells are made once each (functools.cache); only
    the quote, statement and note are escaped per claim.
    """
    verdicts = {v.id: v for v in data.vocab("verdict")}
    describer = Describer(data)

    @functools.cache
    def plain(value: str) -> str:
        return e(value)

    @functools.cache
    def speaker_cell(speaker: str | None, side: str | None) -> str:
        cell = e(speaker or "")
        return f"{cell} ({e(side)})" if side else cell

    @functools.cache
    def verdict_cell(verdict_id: int | None, verdict: str | None) -> str:
        if not verdict:
            return ""
        entry = verdicts.get(verdict_id) if verdict_id is not None else None
        shade = colour(entry.colour if entry is not None else None)
        return f'<span class="verdict" style="border-left-color: {shade}">{e(verdict)}</span>'

    @functools.cache
    def topics_cell(topics: tuple[str, ...]) -> str:
        return e(", ".join(topics))

    def build(claim: Claim) -> str:
        quote = e(claim.quote)
        if claim.anchor == "orphan":
            quote = f'<span class="orphan">{quote} (not found in the text)</span>'
        return (
            f'<tr><td><a id="claim-{claim.id}"></a>C{claim.id}</td><td>{quote}</td>'
            f"<td>{e(claim.statement)}</td>"
            f"<td>{speaker_cell(claim.speaker, claim.side)}</td>"
            f"<td>{plain(claim.stance or '')}</td>"
            f"<td>{verdict_cell(claim.verdict_id, claim.verdict)}</td>"
            f"<td>{topics_cell(claim.topics)}</td>"
            f"<td>{plain(claim.status)}</td>"
            f"<td>{_evidence_cell(describer, uses) if (uses := data.evidence.get(claim.id)) else ''}</td>"
            f"<td>{_links_cell(describer.links(claim))}</td>"
            f"<td>{e(claim.note)}</td></tr>"
        )

    return build


def _pairs(pairs: Pairs) -> str:
    """The relation in bold, then each field labelled; only http(s) URLs become links."""
    (_, relation), *rest = pairs
    fields = "; ".join(
        f'<span class="label">{e(label)}:</span> '
        + (link(value) if label in URL_LABELS else e(value))
        for label, value in rest
    )
    return f"<li><strong>{e(relation)}</strong> {fields}</li>"


def _evidence_cell(describer: Describer, uses: tuple[EvidenceUse, ...]) -> str:
    return '<ul class="evidence">' + "".join(_pairs(describer.evidence(u)) for u in uses) + "</ul>"


def _links_cell(links: list[LinkLine]) -> str:
    if not links:
        return ""
    return '<ul class="links">' + "".join(_link_item(line) for line in links) + "</ul>"


def _link_item(line: LinkLine) -> str:
    """A link to another claim, its number a jump to that claim's row."""
    other = line.other
    parts = [
        f'<a href="#claim-{other.id}">C{other.id}</a>',
        f"“{e(other.quote)}”",
    ]
    if other.speaker:
        parts.append(f'<span class="label">speaker:</span> {e(other.speaker)}')
    parts.append(f'<span class="label">article:</span> {e(line.article_title)}')
    if line.note:
        parts.append(f'<span class="label">note:</span> {e(line.note)}')
    return f"<li><strong>{e(line.relation)}</strong> " + "; ".join(parts) + "</li>"


def claim_row(data: ExportSet, claim: Claim) -> str:
    """One claim's table row (for a whole report, row_builder makes its lookups once)."""
    return row_builder(data)(claim)


HEADERS = (
    "#",
    "Quote",
    "Statement",
    "Speaker (side)",
    "Stance",
    "Verdict",
    "Topics",
    "Status",
    "Evidence",
    "Links",
    "Note",
)


def render(data: ExportSet, progress: Progress) -> str:
    grouped = by_article(data)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>Claims report: {e(data.project_name)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Claims report: {e(data.project_name)}</h1>",
        f'<p class="summary">{e(summary_line(data, len(grouped)))}</p>',
    ]
    tick = ticking(len(data.claims), progress)
    row = row_builder(data)
    done = 0
    for article_id, claims in grouped.items():
        article = data.articles[article_id]
        meta = " · ".join(e(v) for v in (article.outlet, article.author, article.published) if v)
        parts.append(f'<section id="article-{article.id}"><h2>{e(article.title)}</h2>')
        parts.append(
            f'<p class="meta">{meta}{" · " if meta and article.url else ""}{link(article.url)}</p>'
        )
        parts.append(f'<div class="text">{highlighted(article.text, claims)}</div>')
        parts.append(
            "<table><thead><tr>"
            + "".join(f"<th>{h}</th>" for h in HEADERS)
            + "</tr></thead><tbody>"
        )
        for claim in claims:
            parts.append(row(claim))
            done += 1
            tick(done)
        parts.append("</tbody></table></section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    out.write(render(data, progress).encode("utf-8"))
