"""`history`: the project's persisted undo history, newest first, as the Edit menu sees it."""

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
from annotator.history.service import HistoryEntry


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
        rows = history_rows(project.history.entries())
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
