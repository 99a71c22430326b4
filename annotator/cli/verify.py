"""`verify`: a claim's figure computed from a dataset, with the steps a checker can paste."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.support import (
    CLAIM_ID,
    echo,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
)
from annotator.errors import AnnotatorError
from annotator.figures.checking import verify


class VerifyFailed(AnnotatorError):
    """The check could not be done; one line naming the project file."""


def _deflator(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, str] | None:
    if value is None:
        return None
    name, sep, column = value.rpartition(":")
    if not sep or not name.strip() or not column.strip():
        raise click.BadParameter(f"{value!r} is not DATASET:COLUMN")
    return name, column


def _value(computed: dict[str, object]) -> str:
    for key, suffix in (("change_pct", "%"), ("change_points", " points"), ("change", ""),
                        ("value", "")):  # fmt: skip
        if key in computed:
            return f"{computed[key]}{suffix}"
    return "?"


@click.command("verify")
@click.argument("claim_id", type=CLAIM_ID)
@click.option("--dataset", required=True, help="The dataset holding the series.")
@click.option("--column", required=True, help="The series' column.")
@click.option("--by", "by", required=True, help="The column holding the year.")
@click.option("--deflator", callback=_deflator, default=None,
              help="DATASET:COLUMN of a price index; the change is then in real terms.")  # fmt: skip
@click.option("--from", "start", type=int, default=None, help="First year (default: the claim's).")
@click.option("--to", "end", type=int, default=None, help="Last year (default: the article's).")
@click.option("--figure", type=click.IntRange(min=1), default=None,
              help="Which of the claim's figures (1 = first; default: its first change).")  # fmt: skip
@project_option
@json_option
@guarded
def verify_command(
    claim_id: int,
    dataset: str,
    column: str,
    by: str,
    deflator: tuple[str, str] | None,
    start: int | None,
    end: int | None,
    figure: int | None,
    project_path: Path | None,
    as_json: bool,
) -> None:
    """Compute a claimed figure from a series and say whether the claim's words allow it."""
    with opened_project(project_path) as project:
        try:
            result = verify(project, claim_id, dataset, column, by, deflator, start, end, figure)
        except AnnotatorError as exc:
            raise VerifyFailed(f"{project.path}: {exc}") from exc
    if as_json:
        emit_json({"claim": claim_id, **result.as_json()})
        return
    c, r = result.claimed, result.computed
    echo(f"claimed   {c['words'] or c['value']} ({c['unit']}; {c['from'] or ''}"
         f"{' to ' if c['from'] else ''}{c['to']}; {c['basis']}"
         f"{'; ' + str(c['qualifier']) if c['qualifier'] else ''})")  # fmt: skip
    echo(f"computed  {_value(r)} ({r['basis']})")
    agrees = {True: "yes", False: "no", None: f"cannot compare: {result.reason}"}[result.agrees]
    echo(f"agrees    {agrees}")
    for step in result.steps:
        echo(f"  {step}")
