"""`quantities` and `compare`: figures out of any text, and the sides side by side."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from annotator.cli.support import (
    ARTICLE_ID,
    echo,
    echo_text,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
)
from annotator.compare.service import BalanceRow, CompareFilter
from annotator.compare.tables import to_html, to_markdown
from annotator.errors import AnnotatorError
from annotator.figures.parser import parse
from annotator.models import Quantity

STDIN = "-"


def parse_date(value: str) -> str | None:
    """The ISO day of a YYYY-MM-DD string, or None when it is not one."""
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def quantity_line(q: Quantity) -> str:
    """One figure as a line a checker reads: value, unit, then what qualifies it."""
    value = f"{q.value:g}" if abs(q.value) < 1e15 else f"{q.value:.0f}"
    parts = [f"{q.start}-{q.end}", f"{value} {q.unit or '(no unit)'}"]
    parts += [p for p in (q.direction, q.qualifier and f"qualifier: {q.qualifier}",
                          q.period, q.base_year and f"base {q.base_year}", q.measure,
                          q.basis, q.subject and f"subject: {q.subject}") if p]  # fmt: skip
    return "  ".join(parts) + f"  “{q.words}”"


@click.command("quantities")
@click.argument("text")
@json_option
@guarded
def quantities_command(text: str, as_json: bool) -> None:
    """Parse the figures in TEXT (use - to read standard input): value, unit,
    direction, period, base year, measure, cash or real terms, qualifier."""
    if text == STDIN:
        text = sys.stdin.read()
    found = parse(text)
    if as_json:
        emit_json([q.as_json() for q in found])
        return
    if not found:
        echo("no figures found")
    for q in found:
        echo(quantity_line(q))


def _sides(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter("give two sides separated by a comma, e.g. union,government")
    return (parts[0], parts[1])


def _balance_lines(rows: list[BalanceRow], verdicts: list[str]) -> list[str]:
    header = ["side", "topic", "marked", "checked", *verdicts]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for r in rows:
        cells = [
            r.side,
            r.topic,
            str(r.marked),
            str(r.checked),
            *(str(r.verdicts[v]) for v in verdicts),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


@click.command("compare")
@click.option(
    "--sides", "sides", default=None, help="Two sides to compare, A,B (default: union,government)."
)
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md",
              show_default=True, help="Markdown table, JSON, or a standalone HTML page.")  # fmt: skip
@click.option(
    "--article",
    "articles",
    type=ARTICLE_ID,
    multiple=True,
    help="Only claims in this article (repeatable).",
)
@click.option("--speaker", default=None, help="Only claims by this speaker (any of their names).")
@click.option(
    "--from",
    "date_from",
    default=None,
    help="Only articles published on or after this date (YYYY-MM-DD).",
)
@click.option(
    "--to",
    "date_to",
    default=None,
    help="Only articles published on or before this date (YYYY-MM-DD).",
)
@click.option(
    "--status", default=None, help="Only claims with this status (to check, in progress, checked)."
)
@click.option(
    "--balance",
    is_flag=True,
    help="Print the balance report (marked, checked, verdicts per side and topic).",
)
@project_option
@json_option
@guarded
def compare_command(
    sides: str | None,
    fmt: str,
    articles: tuple[int, ...],
    speaker: str | None,
    date_from: str | None,
    date_to: str | None,
    status: str | None,
    balance: bool,
    project_path: Path | None,
    as_json: bool,
) -> None:
    """Print the compare table: per topic, what each of two sides claims, with
    speaker, stance, verdict and source article."""
    chosen = _sides(sides)
    for label, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and parse_date(value) is None:
            raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint=label)
    fmt = "json" if as_json else fmt
    filters = CompareFilter(
        article_ids=frozenset(articles) if articles else None,
        speaker=speaker,
        date_from=parse_date(date_from) if date_from else None,
        date_to=parse_date(date_to) if date_to else None,
        status=status,
    )
    with opened_project(project_path) as project:
        try:
            if balance:
                rows = project.compare.balance(filters)
                verdicts = project.compare.verdict_names()
            else:
                table = project.compare.table(chosen, filters)
        except AnnotatorError as exc:
            raise AnnotatorError(f"{project.path}: {exc}") from exc
    if balance:
        if fmt == "json":
            emit_json([r.as_json() for r in rows])
        else:
            echo_text("\n".join(_balance_lines(rows, verdicts)))
        return
    if fmt == "json":
        emit_json(table.as_json())
    elif fmt == "html":
        echo_text(to_html(table), nl=False)
    else:
        echo_text(to_markdown(table), nl=False)
