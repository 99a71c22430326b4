"""What every sub-command shares: the --project option, output, failures.

Kept apart from the command modules so each noun's commands stay small and
all of them report errors the same way: one line on stderr, never a traceback.

All output goes through `echo`, `echo_text`, `emit_json` and `report_failure`
here, because titles, file names, notes and cells come from articles and
files, which are untrusted: an ESC sequence in a title would otherwise rewrite
the terminal's title, clear the screen or hide text, a newline in a file name
would forge an extra output line, and a bidi override would show text in
another order than it is stored. Such characters are shown as visible escapes
(`\\x1b`, `\\n`, `\\u202e`); bytes of a file name that are not UTF-8 (Python
keeps them as lone surrogates) as `\\xff`. JSON stays exact: the same
characters become JSON escapes, which parse back to the very same text.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.errors import AnnotatorError
from annotator.project import Project, ProjectFileError, default_project_path
from db.projectfile import opening

F = TypeVar("F", bound=Callable[..., Any])

# DEL, C1 controls, the bidi embedding/override/isolate marks, the Arabic
# letter mark, LRM/RLM, the line and paragraph separators, and lone surrogates
# (undecodable bytes of a file name, or broken text); C0 controls are added below.
_NOT_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_RE = re.compile(f"[\x00-\x1f{_NOT_C0}]")
# A multi-line text (an article shown whole) keeps its newlines and tabs.
_UNSAFE_IN_TEXT_RE = re.compile(f"[\x00-\x08\x0b-\x1f{_NOT_C0}]")
# JSON escapes C0 itself; the rest become \uXXXX escapes, which decode to the same text.
_JSON_UNSAFE_RE = re.compile(f"[{_NOT_C0}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def safe_line(text: str) -> str:
    """One line for the terminal: every control, newline and bidi mark shown escaped."""
    if _UNSAFE_RE.search(text) is None:
        return text
    return _UNSAFE_RE.sub(_escape, text)


def safe_text(text: str) -> str:
    """A multi-line text (an article's words): lines and tabs kept, the rest escaped."""
    if _UNSAFE_IN_TEXT_RE.search(text) is None:
        return text
    return _UNSAFE_IN_TEXT_RE.sub(_escape, text)


def _finite(value: Any) -> Any:
    """The value with every non-finite float (inf, -inf, nan) as None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def json_text(value: Any) -> str:
    """Strict JSON (RFC 8259): no NaN or Infinity (they become null), terminal-safe escapes."""
    try:
        text = json.dumps(value, ensure_ascii=False, indent=2, default=str, allow_nan=False)
    except ValueError:  # a non-finite float somewhere: the rare case pays for the walk
        text = json.dumps(_finite(value), ensure_ascii=False, indent=2, default=str)
    if _JSON_UNSAFE_RE.search(text) is None:
        return text
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Every id SQLite can hold; a larger one names no row of any project.
_MAX_ROW_ID = 2**63 - 1


class RowId(click.ParamType):
    """An id of a row on the command line (an article, a claim, a dataset row).

    Any whole number is accepted here; one past SQLite's 64 bits cannot name a
    row (binding it would raise OverflowError), so `guarded` answers
    "no claim with id N" for it before the command runs, as for any id that
    is not there.
    """

    name = "integer"

    def __init__(self, noun: str) -> None:
        self.noun = noun

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip(), 10)
        except ValueError:
            self.fail(f"{value!r} is not a valid integer", param, ctx)


def _id_past_sqlite() -> tuple[str, int] | None:
    """The first id argument of the running command that no row can have."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    for param in ctx.command.params:
        if not isinstance(param.type, RowId) or param.name is None:
            continue
        value = ctx.params.get(param.name)
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if isinstance(item, int) and not -_MAX_ROW_ID - 1 <= item <= _MAX_ROW_ID:
                return param.type.noun, item
    return None


ARTICLE_ID = RowId("article")
CLAIM_ID = RowId("claim")
ROW_NUMBER = RowId("dataset row")


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


def echo(line: str = "", err: bool = False) -> None:
    """Print one line whose values may come from articles or files (escaped)."""
    click.echo(safe_line(line), err=err)


def echo_text(text: str, nl: bool = True) -> None:
    """Print a multi-line text (an article, a table): its lines kept, controls escaped."""
    click.echo(safe_text(text), nl=nl)


def emit_json(value: Any) -> None:
    click.echo(json_text(value))


def report_failure(line: str) -> None:
    """One stderr line per failure: a newline in a file name cannot make it two."""
    click.echo(safe_line(line), err=True)


def guarded(func: F) -> F:
    """Turn expected errors into one stderr line and exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        past = _id_past_sqlite()
        if past is not None:
            noun, value = past
            path = resolve_project_path(kwargs.get("project_path"))
            report_failure(f"{path}: no {noun} with id {value}")
            sys.exit(1)
        try:
            return func(*args, **kwargs)
        except InputFailed:
            sys.exit(1)
        except (AnnotatorError, ProjectFileError) as exc:
            report_failure(str(exc))
            sys.exit(1)
        except sqlite3.Error as exc:  # the project file is not as we made it
            path = resolve_project_path(kwargs.get("project_path"))
            report_failure(f"{path}: {opening.explain(exc, path, 'could not be used')}")
            sys.exit(1)
        except OSError as exc:
            name = exc.filename or "annotator"
            report_failure(f"{name}: {exc.strerror or exc}")
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
