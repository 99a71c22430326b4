"""What every sub-command shares: the --project option, output, failures.

Kept apart from the command modules so each noun's commands stay small and
all of them report errors the same way: one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.errors import AnnotatorError
from annotator.project import Project, ProjectFileError, default_project_path

F = TypeVar("F", bound=Callable[..., Any])


class InputFailed(Exception):
    """Raised by a command after it reported its failures; exits 1."""


def project_option(func: F) -> F:
    """`--project FILE` after the sub-command's name (default: the default project)."""
    return click.option(
        "--project",
        "project_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Project file (default: the default project in the user data folder).",
    )(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def resolve_project_path(project_path: Path | None) -> Path:
    if project_path is not None:
        return project_path
    parent = click.get_current_context().find_root().params.get("project_path")
    return Path(parent) if parent else default_project_path()


@contextmanager
def opened_project(project_path: Path | None, create: bool = False) -> Iterator[Project]:
    path = resolve_project_path(project_path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.open(path, create=create)
    try:
        yield project
    finally:
        project.close()


def emit_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def report_failure(line: str) -> None:
    click.echo(line, err=True)


def guarded(func: F) -> F:
    """Turn expected errors into one stderr line and exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputFailed:
            sys.exit(1)
        except (AnnotatorError, ProjectFileError) as exc:
            report_failure(str(exc))
            sys.exit(1)
        except OSError as exc:
            name = exc.filename or "annotator"
            report_failure(f"{name}: {exc.strerror or exc}")
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
