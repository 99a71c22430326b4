"""`import`, `articles`, `show`: articles in and out of a project."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli_support import (
    InputFailed,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
    report_failure,
)
from annotator.errors import NotFound


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@project_option
@json_option
@guarded
def import_command(paths: tuple[Path, ...], project_path: Path | None, as_json: bool) -> None:
    """Import articles (files or folders: txt, md, html, pdf, docx)."""
    with opened_project(project_path, create=True) as project:
        outcomes = []
        for path in paths:
            if not path.exists():
                outcomes.append(
                    project.articles.import_file(path)  # reports "cannot be read"
                )
                continue
            outcomes.extend(project.articles.import_paths([path]))
    failed = [o for o in outcomes if o.status == "failed"]
    if as_json:
        emit_json([o.as_json() for o in outcomes])
    else:
        for o in outcomes:
            if o.status != "failed":
                extra = f" (revision of {o.revision_of})" if o.revision_of else ""
                click.echo(f"{o.status:9} {o.article_id:>5}  {o.title}  [{o.source}]{extra}")
    for o in failed:
        report_failure(f"{o.source}: {o.reason}")
    if failed:
        raise InputFailed


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
        click.echo(f"{s.id:>5}  {date:10}  {s.claims:>4} claims  {s.title}  ({s.outlet or '-'})")


@click.command("show")
@click.argument("article_id", type=int)
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
    if as_json:
        emit_json(article.as_json())
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
        click.echo(f"{label + ':':11}{value if value is not None else '-'}")
    click.echo("")
    click.echo(article.text)
