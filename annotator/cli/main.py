"""The `annotator` command line: a thin click group over the Project service.

With no sub-command it opens the GUI through a callback the ui layer passes
in, so this module (and every sub-command) runs without Qt.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import click

from annotator import __version__
from annotator.cli import (
    articles,
    backup,
    claims,
    compare,
    evidence,
    export,
    history,
    project,
    publisher,
    verify,
    web,
)
from annotator.cli.support import safe_line

OpenGui = Callable[[Path | None], int]


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="annotator")
@click.option(
    "--project",
    "project_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Project file to open in the window (default: the default project).",
)
@click.pass_context
def cli(ctx: click.Context, project_path: Path | None) -> None:
    """Fact-checking annotator: mark claims in articles, tag, link evidence, export."""
    if ctx.invoked_subcommand is not None:
        return
    open_gui: OpenGui | None = (ctx.obj or {}).get("open_gui")
    if open_gui is None:
        click.echo(ctx.get_help())
        return
    ctx.exit(open_gui(project_path))


COMMANDS: tuple[click.Command, ...] = (
    articles.import_command,
    articles.articles_command,
    articles.show_command,
    articles.delete_command,
    web.refetch_command,
    web.archive_command,
    project.check_command,
    export.search_command,
    evidence.evidence_command,
    evidence.link_command,
    evidence.datasets_command,
    evidence.dataset_group,
    compare.quantities_command,
    compare.compare_command,
    export.export_command,
    export.merge_command,
    backup.backup_command,
    backup.restore_command,
    claims.mark_command,
    claims.tag_command,
    claims.claims_command,
    claims.speakers_command,
    claims.speaker_command,
    publisher.publisher_command,
    history.history_command,
    history.undo_command,
    history.redo_command,
    verify.verify_command,
)
for _command in COMMANDS:
    cli.add_command(_command)


# Bytes of an argument that were not UTF-8 arrive as lone surrogates (PEP 383).
_UNDECODED = re.compile("[\udc80-\udcff]")


def _undecodable_argument(argv: list[str]) -> str | None:
    for number, arg in enumerate(argv, start=1):
        if _UNDECODED.search(arg):
            return f"annotator: argument {number} ({safe_line(arg)}) is not valid UTF-8"
    return None


def _show(exc: click.ClickException) -> None:
    """Click's own message, with whatever the user typed in it shown escaped."""
    buffer = io.StringIO()
    exc.show(file=buffer)
    for line in buffer.getvalue().splitlines():
        click.echo(safe_line(line), err=True)


def _tolerant_output() -> None:
    """A terminal whose encoding cannot show a character gets an escape, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None, open_gui: OpenGui | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    refused = _undecodable_argument(args)
    if refused is not None:
        click.echo(refused, err=True)
        return 1  # refused input, like any other: nothing was read or written
    _tolerant_output()
    try:
        result = cli.main(args=args, obj={"open_gui": open_gui}, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.UsageError as exc:
        _show(exc)
        return 2
    except click.Abort:
        click.echo("annotator: aborted", err=True)
        return 1
    except click.ClickException as exc:
        _show(exc)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 1
    except Exception as exc:  # last line of defence: never a traceback
        click.echo(safe_line(f"annotator: internal error: {type(exc).__name__}: {exc}"), err=True)
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
