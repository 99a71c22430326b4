"""`search`, `export` and `merge`: find anything, write claim sets out, bring a colleague's in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.cli.support import (
    ARTICLE_ID,
    InputFailed,
    echo,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
    report_failure,
)
from annotator.exchange.exporters import FORMATS, export_to_path
from annotator.history import steps
from annotator.search.service import DEFAULT_LIMIT, KINDS, ClaimFilter

F = TypeVar("F", bound=Callable[..., Any])


def claim_filter_options(func: F) -> F:
    """The filters of `annotator claims`: --article --speaker --side --stance --verdict --topic --status."""
    options = (
        click.option(
            "--article",
            "article_id",
            type=ARTICLE_ID,
            default=None,
            help="Only this article's claims.",
        ),
        click.option(
            "--speaker", default=None, help="Only claims by this speaker (name or alias)."
        ),
        click.option("--side", default=None, help="Only claims on this side."),
        click.option("--stance", default=None, help="Only claims with this stance."),
        click.option("--verdict", default=None, help="Only claims with this verdict."),
        click.option("--topic", default=None, help="Only claims with this topic."),
        click.option("--status", default=None, help="Only claims with this status."),
    )
    for option in reversed(options):
        func = option(func)
    return func


def _filter(**values: Any) -> ClaimFilter:
    return ClaimFilter(**{k: v for k, v in values.items() if v is not None})


@click.command("search")
@click.argument("query")
@claim_filter_options
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
    help="Hits of each kind on the page.",
)
@click.option(
    "--offset",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Hits of each kind to skip (the next page: --offset 100 with --limit 100).",
)
@project_option
@json_option
@guarded
def search_command(
    query: str,
    kinds: tuple[str, ...],
    limit: int,
    offset: int,
    project_path: Path | None,
    as_json: bool,
    **filter_values: Any,
) -> None:
    """Full-text search over articles, claims, notes and evidence.

    QUERY is plain text: every word must occur (any punctuation is literal);
    "quoted words" must occur together. One page of hits of each kind is shown,
    best first, with how many there are in all.
    """
    filters = _filter(**filter_values)
    with opened_project(project_path) as project:
        result = project.search.search(query, filters, kinds or KINDS, limit, offset)
    if as_json:
        emit_json(result.as_json())
        return
    for hit in result.hits:
        where = f"article {hit.article_id}" if hit.article_id is not None else "-"
        echo(f"{hit.kind:8} {hit.id:>6}  {where:14} {hit.title}")
        echo(f"{'':16}{hit.snippet}")
    if not result.totals:
        return
    shown = {kind: sum(1 for h in result.hits if h.kind == kind) for kind in result.totals}
    echo(
        "; ".join(
            f"{kind}s {offset + 1}-{offset + shown[kind]} of {total:,}"
            if shown[kind]
            else f"{kind}s: {total:,}"
            for kind, total in result.totals.items()
        )
    )
    if result.truncated:
        echo(f"(more: --offset {offset + limit} for the next page, or narrow the query)")


@click.command("export")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="csv, json (ours, lossless), w3c, claimreview, refi (.qdpx), html or md.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="File to write (replaced whole; never left half-written).",
)
@click.option(
    "--draft",
    is_flag=True,
    help="ClaimReview: also write reviews without a review URL (and without a publisher).",
)
@claim_filter_options
@project_option
@json_option
@guarded
def export_command(
    format_name: str,
    output: Path,
    draft: bool,
    project_path: Path | None,
    as_json: bool,
    **filter_values: Any,
) -> None:
    """Export the claims (all, or what the filters select) in one of several formats.

    Says how many claims were written and lists each claim the format cannot
    carry with the reason (an orphan has no position for REFI-QDA; a claim
    without a verdict or a review URL is no ClaimReview). The file is whole
    either way, so skipped claims do not change the exit code.
    """
    filters = _filter(**filter_values)
    with opened_project(project_path) as project:
        result = export_to_path(project, format_name, output, filters, draft=draft)
    if as_json:
        emit_json(result.as_json())
    else:
        echo(result.summary())
        for skipped in result.skipped:
            echo(skipped.line())


@click.command("merge")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@project_option
@json_option
@guarded
def merge_command(file: Path, project_path: Path | None, as_json: bool) -> None:
    """Merge a claim set into the project: our JSON, W3C Web Annotation or a Hypothesis export.

    Articles are matched by URL or text hash; claims are anchored by their quote.
    Exits 1 (having merged the rest) when an annotation's article is not in the project.
    """
    with opened_project(project_path, create=True) as project:  # a fresh project, as import
        # Recorded as File > Merge records it: `annotator undo` removes what it added.
        report = steps.do(project, "merge_file", {"path": str(file)}).result
    if as_json:
        emit_json(report.as_json())
    else:
        added = ", ".join(f"{n} {k}" for k, n in report.added.items() if n) or "nothing"
        existing = ", ".join(f"{n} {k}" for k, n in report.existing.items() if n) or "none"
        echo(f"{file}: added {added}; already there: {existing}")
        for orphan in report.orphans:
            echo(
                f"orphan (quote not found in article {orphan['article']}): {orphan['quote'][:60]!r}"
            )
        for found in report.by_quote:
            echo(
                f"{found['id']}: names no page; matched by its quote to article {found['article']}"
            )
        for near in report.fuzzy:
            echo(
                f"fuzzy (found approximately in article {near['article']}, to review): "
                f"{near['quote'][:60]!r}"
            )
    for item in report.left_out:
        report_failure(f"{file}: left out {item['id']}: {item['reason']}")
    if report.left_out:
        raise InputFailed
