"""`import`, `articles`, `show`, `delete`: articles in and out of a project."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import click

from annotator.cli.support import (
    ARTICLE_ID,
    InputFailed,
    echo,
    echo_text,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
    report_failure,
)
from annotator.errors import NotFound
from annotator.history import steps
from annotator.history.kinds_library import import_label
from annotator.models import Changes, ImportOutcome
from annotator.project import Project


@click.command("import")
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL...")
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Inside a folder, also read symbolic links that point outside it "
    "(skipped and reported otherwise).",
)
@project_option
@json_option
@guarded
def import_command(
    sources: tuple[str, ...], follow_symlinks: bool, project_path: Path | None, as_json: bool
) -> None:
    """Import articles: files or folders of .txt, .md, .html, .pdf and .docx, and web addresses.

    An http(s) address is fetched once (20 s at most, redirects followed) and
    read as a saved page would be; its response is kept as an archived copy
    (see `annotator archive`). Nothing else is ever fetched: no address found
    inside a page, nothing for a file. Prints one line per input (imported,
    duplicate, revision) and one stderr line per input that failed; exits 1
    if any failed, after importing the rest.
    """
    from annotator.exchange.importers import collect_files
    from annotator.web.addresses import looks_like_address

    outcomes: list[ImportOutcome] = []
    with opened_project(project_path, create=True) as project:
        for addresses, group in _runs(sources, looks_like_address):
            if addresses:
                outcomes.extend(project.web.import_addresses(group))
            else:
                files, failures = collect_files([Path(source) for source in group], follow_symlinks)
                outcomes.extend(failures)
                outcomes.extend(project.articles.import_files(files))
        _record_import(project, outcomes)
    failed = [o for o in outcomes if o.status == "failed"]
    if as_json:
        emit_json([o.as_json() for o in outcomes])
    else:
        for o in outcomes:
            if o.status != "failed":
                echo(f"{o.status:9} {o.article_id:>5}  {o.title}  [{o.source}]{_note(o)}")
    for o in failed:
        report_failure(f"{o.source}: {o.reason}")
    if failed:
        raise InputFailed


def _record_import(project: Project, outcomes: list[ImportOutcome]) -> None:
    """The new articles as one undo step, as File > Import records them (revisions stay out:
    deleting one would take the claims that moved to it)."""
    new = [o.article_id for o in outcomes if o.status == "imported" and o.article_id is not None]
    if new:
        changes = Changes(articles=frozenset(new))
        steps.record(project, "import_articles", import_label(len(new)),
                     {"article_ids": new}, changes)  # fmt: skip


def _runs(
    sources: tuple[str, ...], is_address: Callable[[str], bool]
) -> Iterator[tuple[bool, list[str]]]:
    """Consecutive addresses and consecutive paths, in the order given (files go in batches)."""
    group: list[str] = []
    kind = False
    for source in sources:
        this = is_address(source)
        if group and this != kind:
            yield kind, group
            group = []
        kind = this
        group.append(source)
    if group:
        yield kind, group


def _note(outcome: ImportOutcome) -> str:
    notes = "".join(f"  (note: {note})" for note in outcome.notes)
    if outcome.status == "revision":
        return f"  (new revision of {outcome.revision_of}){notes}"
    if outcome.status == "duplicate":
        return "  (same text already in the project)"
    return notes


@click.command("articles")
@project_option
@json_option
@guarded
def articles_command(project_path: Path | None, as_json: bool) -> None:
    """List the articles of a project."""
    with opened_project(project_path) as project:
        summaries = project.articles.list()
    if as_json:
        emit_json([s.as_json() for s in summaries])
        return
    for s in summaries:
        date = (s.published or "")[:10]
        echo(f"{s.id:>5}  {date:10}  {s.claims:>4} claims  {s.title}  ({s.outlet or '-'})")


@click.command("show")
@click.argument("article_id", type=ARTICLE_ID)
@project_option
@json_option
@guarded
def show_command(article_id: int, project_path: Path | None, as_json: bool) -> None:
    """Show one article with its metadata and canonical text."""
    with opened_project(project_path) as project:
        try:
            article = project.articles.get(article_id)
        except NotFound as exc:
            raise NotFound(f"{project.path}: {exc}") from exc
        captures = project.web.captures(article_id)
    fetched = (
        {
            "url": captures[0].requested_url,
            "final_url": captures[0].final_url,
            "fetched_at": captures[0].fetched_at,
            "checked_at": captures[-1].checked_at,
            "captures": len(captures),
        }
        if captures
        else None
    )
    if as_json:
        emit_json({**article.as_json(), "fetched": fetched})
        return
    s = article.summary
    for label, value in (
        ("Title", s.title),
        ("Outlet", s.outlet),
        ("Author", s.author),
        ("Published", s.published),
        ("URL", s.url),
        ("Claims", s.claims),
    ):
        echo(f"{label + ':':11}{value if value is not None else '-'}")
    if fetched is not None:
        echo(
            f"{'Fetched:':11}{fetched['final_url']} at {fetched['fetched_at']}"
            f" (last checked {fetched['checked_at']}; archived copy: `annotator archive`)"
        )
    echo("")
    echo_text(article.text)


@click.command("delete")
@click.argument("article_id", type=ARTICLE_ID)
@project_option
@json_option
@guarded
def delete_command(article_id: int, project_path: Path | None, as_json: bool) -> None:
    """Delete an article with its claims (and their tags, figures and links).

    Evidence quoting a passage of the article goes too; a newer revision of
    it then follows its previous one. Exits 1 for an unknown id. The
    deletion is kept in the project's history: `annotator undo` (or Ctrl+Z
    in the window) brings everything back.
    """
    with opened_project(project_path) as project:
        try:
            deletion = project.articles.deletion(article_id)
            steps.do(project, "delete_article", {"article_id": article_id})
        except NotFound as exc:
            raise NotFound(f"{project.path}: {exc}") from exc
    if as_json:
        emit_json(deletion.as_json())
        return
    gone = [_count(deletion.claims, "claim")]
    if deletion.passages:
        gone.append(_count(deletion.passages, "quoted passage"))
    if deletion.other_claims:
        gone.append(f"links of {_count(deletion.other_claims, 'claim')} in other articles")
    echo(f"deleted   {deletion.article_id:>5}  {deletion.title}  (with {', '.join(gone)})")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
