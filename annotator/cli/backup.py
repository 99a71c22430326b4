"""`backup` and `restore`: copies of a project file, and bringing one back."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.backups import service as backups
from annotator.cli.support import (
    InputFailed,
    echo,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
    report_failure,
    resolve_project_path,
)
from annotator.project import Project


@click.command("backup")
@click.option(
    "--list", "list_only", is_flag=True, help="List the project's backups instead of making one."
)
@project_option
@json_option
@guarded
def backup_command(list_only: bool, project_path: Path | None, as_json: bool) -> None:
    """Back up a project into FILE.backups/ (SQLite's backup API; safe while it is open)."""
    with opened_project(project_path) as project:
        path = project.path
        made = None if list_only else project.backups.create(backups.MANUAL)
        listed = project.backups.list()
    if list_only:
        if as_json:
            emit_json([{"file": str(path), **b.as_json()} for b in listed])
            return
        for b in listed:
            echo(f"{b.created_at:%Y-%m-%d %H:%M:%S}  {b.kind:18} {b.size:>12,}  {b.path}")
        return
    assert made is not None
    if as_json:
        emit_json({"file": str(path), **made.as_json()})
    else:
        echo(f"backed up {path} to {made.path}")


@click.command("restore")
@click.argument("backup", type=click.Path(path_type=Path, dir_okay=False))
@project_option
@json_option
@guarded
def restore_command(backup: Path, project_path: Path | None, as_json: bool) -> None:
    """Restore a backup over a project; the current file is first kept in FILE.backups/."""
    path = resolve_project_path(project_path)
    if not path.exists():
        raise backups.BackupError(f"{path}: no such project file to restore into")
    outcome = backups.restore(path, backup)
    with Project.open(path, create=False) as project:  # brings an older schema up to date
        problems = project.check()
    if as_json:
        emit_json({**outcome.as_json(), "ok": not problems, "problems": problems})
    else:
        echo(f"restored {path} from {backup}")
        echo(f"the file as it was before is kept as {outcome.safety_copy}")
    for problem in problems:
        report_failure(f"{path}: {problem}")
    if problems:
        raise InputFailed
