"""`history`, `undo`, `redo`: the project's persisted undo history, as the Edit menu sees it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from annotator.cli.support import (
    echo,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
    safe_line,
)
from annotator.errors import AnnotatorError
from annotator.history import steps
from annotator.history.actions import CannotApply
from annotator.history.service import HistoryEntry
from annotator.models import Changes


def history_rows(entries: list[HistoryEntry]) -> list[dict[str, Any]]:
    """Newest first; `next_undo` / `next_redo` mark what Ctrl+Z / Ctrl+Shift+Z would do next.

    The stack is linear: the newest done entry is the next undo, the oldest
    undone entry the next redo; every done entry can be undone and every
    undone one redone, in that order.
    """
    done = [e for e in entries if e.done]
    undone = [e for e in entries if not e.done]
    next_undo = done[-1].id if done else None
    next_redo = undone[0].id if undone else None
    return [
        {
            "id": e.id,
            "kind": e.kind,
            "label": e.label,
            "done": e.done,
            "can_undo": e.done,
            "can_redo": not e.done,
            "next_undo": e.id == next_undo,
            "next_redo": e.id == next_redo,
            "created_at": e.created_at,
        }
        for e in reversed(entries)
    ]


@click.command("history")
@project_option
@json_option
@guarded
def history_command(project_path: Path | None, as_json: bool) -> None:
    """Show the undo history kept in the project, newest first."""
    with opened_project(project_path) as project:
        rows = history_rows(project.history.headers())
    if as_json:
        emit_json(rows)
        return
    if not rows:
        echo("no history")
        return
    for row in rows:
        state = "done" if row["done"] else "undone"
        mark = (
            "  <- next undo" if row["next_undo"] else "  <- next redo" if row["next_redo"] else ""
        )
        echo(f"{row['id']}  {row['created_at']}  {state:6}  {safe_line(row['label'])}{mark}")


def changes_json(changes: Changes) -> dict[str, Any]:
    """What a step changed, as `--json` shows it (ids sorted, flags as booleans)."""
    return {
        "articles": sorted(changes.articles),
        "claims": sorted(changes.claims),
        "speakers": changes.speakers,
        "codebook": changes.codebook,
        "evidence": changes.evidence,
        "datasets": changes.datasets,
        "everything": changes.everything,
    }


def _take_step(project_path: Path | None, as_json: bool, forward: bool) -> None:
    verb, key = ("Redid", "redone") if forward else ("Undid", "undone")
    with opened_project(project_path) as project:
        try:
            done = steps.redo(project) if forward else steps.undo(project)
        except CannotApply as exc:
            raise StepRefused(f"{project.path}: {exc}") from exc
    entry = done.entry
    if as_json:
        emit_json(
            {
                key: {"id": entry.id, "kind": entry.kind, "label": entry.label},
                "changes": changes_json(done.changes),
            }
        )
        return
    echo(f"{verb}: {entry.label}")


class StepRefused(AnnotatorError):
    """Nothing to undo or redo, or a step that no longer applies: one line, exit 1."""


@click.command("undo")
@project_option
@json_option
@guarded
def undo_command(project_path: Path | None, as_json: bool) -> None:
    """Undo the last edit kept in the project's history (as Ctrl+Z in the window)."""
    _take_step(project_path, as_json, forward=False)


@click.command("redo")
@project_option
@json_option
@guarded
def redo_command(project_path: Path | None, as_json: bool) -> None:
    """Redo the last undone edit kept in the project's history (as Ctrl+Shift+Z)."""
    _take_step(project_path, as_json, forward=True)
