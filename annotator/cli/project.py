"""`check`: integrity and schema check of a project file."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.support import (
    InputFailed,
    echo,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
    report_failure,
)
from db.projectfile import opening


@click.command("check")
@click.option(
    "--repair",
    is_flag=True,
    help="Back the file up, then drop schema objects the annotator did not make "
    "(triggers, views) and remake its own.",
)
@project_option
@json_option
@guarded
def check_command(project_path: Path | None, as_json: bool, repair: bool) -> None:
    """Check a project file's integrity and schema; exit 1 when it is damaged."""
    with opened_project(project_path) as project:
        path = project.path
        if repair:
            for done in project.repair():
                echo(f"{path}: {done}")
        problems = project.check()
        read_only = project.read_only_reason() == opening.READ_ONLY
    if as_json:
        emit_json(
            {"file": str(path), "ok": not problems, "read_only": read_only, "problems": problems}
        )
    elif not problems and read_only:
        echo(f"{path}: ok (read-only: it can be read, not changed)")
    elif not problems:
        echo(f"{path}: ok")
    for problem in problems:
        report_failure(f"{path}: {problem}")
    if problems:
        raise InputFailed
