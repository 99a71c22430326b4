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


@click.command("check")
@project_option
@json_option
@guarded
def check_command(project_path: Path | None, as_json: bool) -> None:
    """Check a project file's integrity; exit 1 when it is damaged."""
    with opened_project(project_path) as project:
        problems = project.check()
        path = project.path
    if as_json:
        emit_json({"file": str(path), "ok": not problems, "problems": problems})
    elif not problems:
        echo(f"{path}: ok")
    for problem in problems:
        report_failure(f"{path}: {problem}")
    if problems:
        raise InputFailed
