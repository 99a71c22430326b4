"""Floors for the HTML and Markdown reports: each article's text with its claims
marked, then its claims' table, written by a string join."""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _floor_rows import claim_rows


def _report(
    conn: sqlite3.Connection,
    out: Path,
    mark: Callable[[str, int], str],
    row: Callable[[dict[str, Any]], str],
    head: Callable[[str], str],
) -> None:
    """Each article's text with its claims marked, then its claims' table: a string join."""
    claims: dict[int, list[dict[str, Any]]] = {}
    for r in claim_rows(conn):
        claims.setdefault(r["article_id"], []).append(r)
    parts: list[str] = []
    for article_id, title, text in conn.execute("SELECT id, title, text FROM articles"):
        parts.append(head(title))
        cursor = 0
        for r in claims.get(article_id, ()):
            if r["start"] < cursor:
                continue  # nested claims: the floor marks the outer one only
            parts.append(text[cursor : r["start"]])
            parts.append(mark(text[r["start"] : r["end"]], r["id"]))
            cursor = r["end"]
        parts.append(text[cursor:])
        parts.extend(row(r) for r in claims.get(article_id, ()))
    out.write_text("".join(parts), encoding="utf-8")


def html_floor(conn: sqlite3.Connection, out: Path) -> None:
    """html.escape and a string join: marks with their references, a 10-cell row a claim.
    Leaves out: overlapping highlights, verdict colours, links checked as http(s), the
    page's head and style."""
    e = html.escape
    _report(
        conn,
        out,
        lambda s, i: (
            f'<mark class="claim" title="C{i}">{e(s)}</mark>'
            f'<sup class="ref"><a href="#claim-{i}">C{i}</a></sup>'
        ),
        lambda r: (
            f'<tr><td><a id="claim-{r["id"]}"></a>C{r["id"]}</td><td>{e(r["quote"])}</td>'
            f"<td>{e(r['statement'])}</td><td>{e(r['speaker'] or '')} ({e(r['side'] or '')})</td>"
            f"<td>{e(r['stance'] or '')}</td><td>{e(r['verdict'] or '')}</td>"
            f"<td>{e(r['topics'] or '')}</td><td>{r['status']}</td>"
            f"<td>{e(r['evidence'] or '')}</td><td>{e(r['note'])}</td></tr>\n"
        ),
        lambda title: f'<section><h2>{e(title)}</h2><div class="text">',
    )


def md_floor(conn: sqlite3.Connection, out: Path) -> None:
    """A string join: claims in bold with a [Cn] reference, a 10-cell row a claim.
    Leaves out: escaping Markdown's characters, the block quote's '> ' a line."""
    _report(
        conn,
        out,
        lambda s, i: f"**{s}** \\[C{i}\\]",
        lambda r: (
            f"| C{r['id']} | {r['quote']} | {r['statement']} | {r['speaker'] or ''} "
            f"({r['side'] or ''}) | {r['stance'] or ''} | {r['verdict'] or ''} | "
            f"{r['topics'] or ''} | {r['status']} | {r['evidence'] or ''} | {r['note']} |\n"
        ),
        lambda title: f"\n## {title}\n\n",
    )
