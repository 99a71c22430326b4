"""A Markdown report: each article's text with its claims in bold, then a table.

Every character Markdown (or the HTML it may contain) gives a meaning to is
backslash-escaped, so nothing from an article becomes a link, an image, a
heading, a table cell break or raw HTML when the report is rendered.
"""

from __future__ import annotations

import re
from typing import IO

from annotator.exporters.collect import ExportSet, Progress, ticking
from annotator.exporters.report_parts import by_article, evidence_label, pieces, summary_line
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
    "Note",
)


def escape_line(line: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", line)
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


def quoted_text(text: str, claims: list[Claim]) -> str:
    """The article as a block quote, claims in bold with a [Cn] marker after each."""
    out: list[str] = []
    at_line_start = True
    for piece in pieces(text, claims):
        rendered = []
        for index, line in enumerate(piece.text.split("\n")):
            starts_line = at_line_start if index == 0 else True
            escaped = escape_line(line) if starts_line else _SPECIAL.sub(r"\\\1", line)
            if piece.claims and line.strip():
                lead = escaped[: len(escaped) - len(escaped.lstrip())]
                trail = escaped[len(escaped.rstrip()) :]
                escaped = f"{lead}**{escaped.strip()}**{trail}"
            rendered.append(escaped)
        out.append("\n".join(rendered))
        at_line_start = piece.text.endswith("\n") or (at_line_start and not piece.text)
        if piece.ending:
            out.extend(f" \\[C{claim_id}\\]" for claim_id in piece.ending)
            at_line_start = False
    body = "".join(out)
    return "\n".join(f"> {line}" if line.strip() else ">" for line in body.split("\n"))


def claim_row(data: ExportSet, claim: Claim) -> str:
    speaker = md(claim.speaker or "") + (f" ({md(claim.side)})" if claim.side else "")
    evidence = "; ".join(
        f"{md(u.relation)}: {md(evidence_label(u))}"
        + (f" {md(u.item['url'])}" if u.item["url"] else "")
        for u in data.evidence.get(claim.id, ())
    )
    quote = md(claim.quote) + (" _(not found in the text)_" if claim.anchor == "orphan" else "")
    cells = (
        f"C{claim.id}",
        quote,
        md(claim.statement),
        speaker,
        md(claim.stance or ""),
        md(claim.verdict or ""),
        md(", ".join(claim.topics)),
        md(claim.status),
        evidence,
        md(claim.note),
    )
    return "| " + " | ".join(cells) + " |"


def render(data: ExportSet, progress: Progress) -> str:
    grouped = by_article(data)
    lines = [
        f"# Claims report: {md(data.project_name)}",
        "",
        f"_{md(summary_line(data, len(grouped)))}_",
        "",
    ]
    tick = ticking(len(data.claims), progress)
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
            lines.append(claim_row(data, claim))
            done += 1
            tick(done)
        lines.append("")
    return "\n".join(lines)


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    out.write(render(data, progress).encode("utf-8"))
