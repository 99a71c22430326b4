"""`quantities` and `compare`: figures out of any text, and the sides side by side."""

from __future__ import annotations

import sys

import click

from annotator.cli_support import emit_json, guarded, json_option
from annotator.models import Quantity
from annotator.quantities import parse

STDIN = "-"


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
        click.echo("no figures found")
    for q in found:
        click.echo(quantity_line(q))
