"""`archive` and `refetch`: the archived copy of a fetched article, and catching stealth edits."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.backups.service import project_part
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
from annotator.errors import AnnotatorError, NotFound
from annotator.models.web import RefetchOutcome, TextChange

# Changes printed per revision (the rest is counted); --json has them all.
SHOWN_CHANGES = 5
SNIPPET_CHARS = 72


@click.command("archive")
@click.argument("article_id", type=ARTICLE_ID)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The WARC file to write (FILE.warc.gz).",
)
@project_option
@json_option
@guarded
def archive_command(
    article_id: int, output: Path, project_path: Path | None, as_json: bool
) -> None:
    """Write the archived copy of a fetched article as a WARC file (ISO 28500).

    The file holds the request sent and the response as received (status,
    headers, body), with when and from which address it was fetched; replay
    tools and warcio read it. Exits 1 for an article not fetched from the web.
    """
    with opened_project(project_path) as project:
        try:
            summary = project.articles.summary(article_id)
        except NotFound as exc:
            raise NotFound(f"{project.path}: {exc}") from exc
        refused = project.path and project_part(project.path, output)
        if refused:
            raise AnnotatorError(f"{output}: {refused}; choose another file for the archive")
        records = project.web.write_archive(article_id, output)
        captures = project.web.captures(article_id)
    if as_json:
        emit_json(
            {
                "id": article_id,
                "file": str(output),
                "records": records,
                "captures": [c.as_json() for c in captures],
            }
        )
        return
    fetched = ", ".join(f"{c.final_url} at {c.fetched_at}" for c in captures)
    echo(f"wrote     {article_id:>5}  {summary.title}  -> {output}  ({records} records: {fetched})")


@click.command("refetch")
@click.argument("article_ids", nargs=-1, type=ARTICLE_ID, metavar="[ARTICLE_ID]...")
@project_option
@json_option
@guarded
def refetch_command(article_ids: tuple[int, ...], project_path: Path | None, as_json: bool) -> None:
    """Fetch fetched articles' addresses again and bring in a changed text as a revision.

    With no id, every article fetched from the web (each revision chain once).
    Prints per article `unchanged`, or `revision` with how many claims moved,
    were re-found fuzzily (to review) or became orphans, and the changed
    passages; one stderr line per failure. Exits 1 if any failed.
    """
    with opened_project(project_path) as project:
        outcomes = project.web.refetch(list(article_ids) or None)
    failed = [o for o in outcomes if o.status == "failed"]
    if as_json:
        emit_json([o.as_json() for o in outcomes])
    else:
        if not outcomes:
            echo("no article in this project was fetched from a web address")
        for outcome in outcomes:
            if outcome.status != "failed":
                _echo(outcome)
    for outcome in failed:
        where = outcome.url or f"article {outcome.article_id}"
        report_failure(f"{where}: {outcome.reason} (article {outcome.article_id})")
    if failed:
        raise InputFailed


def _echo(outcome: RefetchOutcome) -> None:
    head = f"{outcome.status:9} {outcome.article_id:>5}"
    if outcome.status != "revision":
        echo(f"{head}  {outcome.title}  [{outcome.url}]")
        return
    counts = (
        f"{_count(outcome.moved, 'claim')} moved, {outcome.fuzzy} re-found fuzzily, "
        f"{_count(outcome.orphans, 'orphan')}"
    )
    echo(f"{head} -> {outcome.revision}  {outcome.title}  [{outcome.url}]  ({counts})")
    for change in outcome.changes[:SHOWN_CHANGES]:
        for line in _change_lines(change):
            echo(f"          {line}")
    hidden = len(outcome.changes) - SHOWN_CHANGES
    if hidden > 0:
        echo(f"          ... and {_count(hidden, 'more change')}")


def _change_lines(change: TextChange) -> list[str]:
    """The passage before and after, with the same unchanged words around it."""
    lead = ("…" if change.before else "") + _flat(change.before)
    tail = _flat(change.after) + ("…" if change.after else "")
    lines = []
    if change.old:
        lines.append(f'- "{lead}{_flat(change.old, SNIPPET_CHARS)}{tail}"')
    if change.new:
        lines.append(f'+ "{lead}{_flat(change.new, SNIPPET_CHARS)}{tail}"')
    if not change.old:
        lines.insert(0, f'- "{lead}{tail}"')
    if not change.new:
        lines.append(f'+ "{lead}{tail}"')
    return lines


def _flat(text: str, limit: int | None = None) -> str:
    """White space as single spaces (kept at the edges, where words join the context)."""
    flat = " ".join(text.split())
    if text[:1].isspace() and flat:
        flat = " " + flat
    if text[-1:].isspace() and flat:
        flat += " "
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
