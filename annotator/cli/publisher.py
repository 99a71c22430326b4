"""`publisher`: the organisation a project's ClaimReviews are published by."""

from __future__ import annotations

from pathlib import Path

import click

from annotator import publisher as pub
from annotator.cli.support import (
    echo,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
)
from annotator.errors import AnnotatorError
from annotator.history import steps


class CommandFailed(AnnotatorError):
    """An expected failure, reported as one line naming the project file."""


@click.command("publisher")
@click.option("--name", default=None, help="The fact-checking organisation's name.")
@click.option("--url", default=None, help="Its home page (http or https).")
@click.option("--logo", default=None, help="Its logo image (http or https; '' clears).")
@project_option
@json_option
@guarded
def publisher_command(
    name: str | None,
    url: str | None,
    logo: str | None,
    project_path: Path | None,
    as_json: bool,
) -> None:
    """Set the publisher (any option given) and show it."""
    with opened_project(project_path) as project:
        try:
            if name is None and url is None and logo is None:
                found = pub.get(project.db)
            else:
                # Recorded, so `annotator undo` (or Ctrl+Z in the window) puts the old one back.
                steps.do(project, "set_publisher", {"name": name, "url": url, "logo": logo})
                found = pub.get(project.db)
        except AnnotatorError as exc:
            raise CommandFailed(f"{project.path}: {exc}") from exc
    if as_json:
        emit_json(None if found is None else found.as_json())
    elif found is None:
        echo("no publisher set (use --name and --url)")
    else:
        echo(f"{found.name}  {found.url}" + (f"  logo {found.logo}" if found.logo else ""))
