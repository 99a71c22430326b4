"""A Markdown report: each article's text with its claims in bold, then a table.

Every character Markdown (or the HTML it may contain) gives a meaning to is
backslash-escaped, so nothing from an article becomes a link, an image, a
heading, a table cell break or raw HTML when the report is rendered.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import IO

from annotator.exchange.exporters.collect import ExportSet, Progress, ticking
from annotator.exchange.exporters.described import Describer, Pairs
from annotator.exchange.exporters.report_parts import (
    by_article,
    pieces,
    summary_line,
)
from annotator.models import Claim

# Characters with a meaning anywhere in a line (emphasis, links, images, HTML,
# entities, table cells, code); CommonMark lets a backslash escape each.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#!|~&])")
# At the start of a line: list markers, setext underlines, ordered-list numbers.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
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


def escape_line(line: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", line) if _SPECIAL.search(line) else line
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "2008. " would start an ordered list: escape the dot
        rest = escaped[match.end() :]
        return f"{lead}{marker}\\{rest}"
    return f"{lead}\\{escaped[len(lead) :]}"


def md(value: object) -> str:
    """Inline text, escaped; line breaks become spaces (for headings and cells)."""
    return escape_line(" ".join(("" if value is None else str(value)).split()))


def _inline(line: str) -> str:
    """Characters escaped as in the middle of a line (no line-start markers)."""
    return _SPECIAL.sub(r"\\\1", line) if _SPECIAL.search(line) else line


def quoted_text(text: str, claims: list[Claim]) -> str:
    """The article as a block quote, claims in bold with a [Cn] marker after each."""
    out: list[str] = []
    at_line_start = True
    for piece in pieces(text, claims):
        piece_text = piece.text
        if "\n" not in piece_text:  # most pieces: one line, no splitting
            escaped = escape_line(piece_text) if at_line_start else _inline(piece_text)
            if piece.claims and piece_text.strip():
                stripped = escaped.strip()
                lead = escaped[: len(escaped) - len(escaped.lstrip())]
                trail = escaped[len(escaped.rstrip()) :]
                escaped = f"{lead}**{stripped}**{trail}"
            out.append(escaped)
        else:
            rendered = []
            for index, line in enumerate(piece_text.split("\n")):
                starts_line = at_line_start if index == 0 else True
                escaped = escape_line(line) if starts_line else _inline(line)
                if piece.claims and line.strip():
                    lead = escaped[: len(escaped) - len(escaped.lstrip())]
                    trail = escaped[len(escaped.rstrip()) :]
                    escaped = f"{lead}**{escaped.strip()}**{trail}"
                rendered.append(escaped)
            out.append("\n".join(rendered))
        at_line_start = piece_text.endswith("\n") or (at_line_start and not piece_text)
        if piece.ending:
            out.extend(f" \\[C{claim_id}\\]" for claim_id in piece.ending)
            at_line_start = False
    body = "".join(out)
    return "\n".join(f"> {line}" if line.strip() else ">" for line in body.split("\n"))


def _pairs(pairs: Pairs) -> str:
    """The relation in bold, then each field labelled, all escaped (URLs stay plain text)."""
    (_, relation), *rest = pairs
    return f"**{md(relation)}** " + "; ".join(f"{md(label)}: {md(value)}" for label, value in rest)


def row_builder(data: ExportSet) -> Callable[[Claim], str]:
    """A function from a claim to its table row; cells from small sets (speakers, tags,
    statuses) are escaped once each, only the quote, statement and note per claim."""
    cached = functools.cache(md)
    describer = Describer(data)

    @functools.cache
    def speaker_cell(speaker: str | None, side: str | None) -> str:
        return md(speaker or "") + (f" ({md(side)})" if side else "")

    @functools.cache
    def topics_cell(topics: tuple[str, ...]) -> str:
        return md(", ".join(topics))

    def build(claim: Claim) -> str:
        uses = data.evidence.get(claim.id, ())
        evidence = " • ".join(_pairs(describer.evidence(u)) for u in uses)
        links = " • ".join(_pairs(line.pairs()) for line in describer.links(claim))
        quote = md(claim.quote) + (" _(not found in the text)_" if claim.anchor == "orphan" else "")
        note = md(claim.note) if claim.note else ""  # md("") is ""
        return (
            f"| C{claim.id} | {quote} | {md(claim.statement)} | "
            f"{speaker_cell(claim.speaker, claim.side)} | {cached(claim.stance or '')} | "
            f"{cached(claim.verdict or '')} | {topics_cell(claim.topics)} | "
            f"{cached(claim.status)} | {evidence} | {links} | {note} |"
        )

    return build


def claim_row(data: ExportSet, claim: Claim) -> str:
    """One claim's table row (for a whole report, row_builder makes its lookups once)."""
    return row_builder(data)(claim)


def render(data: ExportSet, progress: Progress) -> str:
    grouped = by_article(data)
    lines = [
        f"# Claims report: {md(data.project_name)}",
        "",
        f"_{md(summary_line(data, len(grouped)))}_",
        "",
    ]
    tick = ticking(len(data.claims), progress)
    row = row_builder(data)
    done = 0
    for article_id, claims in grouped.items():
        article = data.articles[article_id]
        lines += [f"## {md(article.title)}", ""]
        meta = " · ".join(
            md(v) for v in (article.outlet, article.author, article.published, article.url) if v
        )
        if meta:
            lines += [meta, ""]
        lines += [quoted_text(article.text, claims), ""]
        lines.append("| " + " | ".join(HEADERS) + " |")
        lines.append("|" + "---|" * len(HEADERS))
        for claim in claims:
            lines.append(row(claim))
            done += 1
            tick(done)
        lines.append("")
    return "\n".join(lines)


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    out.write(render(data, progress).encode("utf-8"))
