"""`search`, `export` and `merge`: find anything, write claim sets out, bring a colleague's in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.cli_support import (
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
)
from annotator.search import DEFAULT_LIMIT, KINDS, ClaimFilter

F = TypeVar("F", bound=Callable[..., Any])


def claim_filter_options(func: F) -> F:
    """The filters of `annotator claims`: --article ID --speaker --side --stance --verdict."""
    options = (
        click.option(
            "--article", "article_id", type=int, default=None, help="Only this article's claims."
        ),
        click.option(
            "--speaker", default=None, help="Only claims by this speaker (name or alias)."
        ),
        click.option("--side", default=None, help="Only claims on this side."),
        click.option("--stance", default=None, help="Only claims with this stance."),
        click.option("--verdict", default=None, help="Only claims with this verdict."),
    )
    for option in reversed(options):
        func = option(func)
    return func


def _filter(**values: Any) -> ClaimFilter:
    return ClaimFilter(**{k: v for k, v in values.items() if v is not None})


@click.command("search")
@click.argument("query")
@claim_filter_options
@click.option("--topic", default=None, help="Only claims with this topic.")
@click.option("--status", default=None, help="Only claims with this status.")
@click.option(
    "--from", "date_from", default=None, help="Articles published on or after (YYYY-MM-DD)."
)
@click.option("--to", "date_to", default=None, help="Articles published on or before (YYYY-MM-DD).")
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(KINDS),
    multiple=True,
    help="Search only these kinds (repeatable; default: all).",
)
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="Most hits of each kind.",
)
@project_option
@json_option
@guarded
def search_command(
    query: str,
    kinds: tuple[str, ...],
    limit: int,
    project_path: Path | None,
    as_json: bool,
    **filter_values: Any,
) -> None:
    """Full-text search over articles, claims, notes and evidence.

    QUERY is plain text: every word must occur (any punctuation is literal);
    "quoted words" must occur together.
    """
    filters = _filter(**filter_values)
    with opened_project(project_path) as project:
        result = project.search.search(query, filters, kinds or KINDS, limit)
    if as_json:
        emit_json(
            {
                "query": query,
                "hits": [h.as_json() for h in result.hits],
                "truncated": result.truncated,
            }
        )
        return
    for hit in result.hits:
        where = f"article {hit.article_id}" if hit.article_id is not None else "-"
        click.echo(f"{hit.kind:8} {hit.id:>6}  {where:14} {hit.title}")
        click.echo(f"{'':16}{hit.snippet}")
    if result.truncated:
        click.echo(f"(more than {limit} hits of a kind; narrow the query or raise --limit)")
