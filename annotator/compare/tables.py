"""The comparison as a Markdown or HTML table, for a report or a newsroom chat.

Everything from articles is escaped: a quote can never add markup, links or
table cells to the output.
"""

from __future__ import annotations

from html import escape

from annotator.compare.service import CompareClaim, CompareTable

EMPTY = "—"
MD_BREAK = "<br>"


def claim_line(claim: CompareClaim) -> str:
    """'“quote” — speaker · stance · verdict · article (date)' in plain words."""
    details = [
        claim.speaker or "speaker unknown",
        claim.stance or "",
        f"verdict: {claim.verdict}" if claim.verdict else claim.status,
        claim.article_title + (f" ({claim.published[:10]})" if claim.published else ""),
    ]
    words = claim.statement if claim.statement.strip() else claim.quote
    return f"“{words}” — " + " · ".join(d for d in details if d)


def _md(text: str) -> str:
    text = escape(" ".join(text.split()), quote=False)
    for char in "\\|*_`[]":
        text = text.replace(char, "\\" + char)
    return text


def to_markdown(table: CompareTable) -> str:
    a, b = table.sides
    lines = [f"| Topic | {_md(a)} | {_md(b)} |", "| --- | --- | --- |"]
    for row in table.rows:
        cells = [MD_BREAK.join(_md(claim_line(c)) for c in cell) or EMPTY for cell in row.cells]
        lines.append(f"| {_md(row.topic)} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines) + "\n"


STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #ccc;padding:6px 8px;vertical-align:top;text-align:left}"
    "th{background:#f3f3f3}td.empty{color:#999}li{margin-bottom:4px}.who{color:#555}"
)


def to_html(table: CompareTable, title: str = "Compare sides") -> str:
    a, b = table.sides
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}: {escape(a)} and {escape(b)}</h1>",
        f"<table><thead><tr><th>Topic</th><th>{escape(a)}</th><th>{escape(b)}</th></tr></thead><tbody>",
    ]
    for row in table.rows:
        out.append(f"<tr><th>{escape(row.topic)}</th>")
        for cell in row.cells:
            if not cell:
                out.append(f'<td class="empty">{EMPTY}</td>')
                continue
            items = "".join(f"<li>{escape(claim_line(c))}</li>" for c in cell)
            out.append(f"<td><ul>{items}</ul></td>")
        out.append("</tr>")
    out.append("</tbody></table></body></html>")
    return "\n".join(out) + "\n"
