"""Doing, undoing and redoing recorded edits: the one undo path, for the window and the CLI.

Every step is one transaction holding the edit and its history row, so a
refused step changes nothing and leaves the history where it was. The
services come in as an argument (the Project, or anything with its managers)
rather than being held, so this module keeps no back-reference.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import AnnotatorError

# The kind modules register their actions on import.
from annotator.history import kinds_claims, kinds_evidence, kinds_library, kinds_registry
from annotator.history.actions import (
    ACTIONS,
    Action,
    CannotApply,
    Payload,
    Services,
    Step,
    action,
)
from annotator.history.service import HistoryEntry
from annotator.models import Changes

KIND_MODULES = (kinds_claims, kinds_evidence, kinds_library, kinds_registry)


class NothingToDo(CannotApply):
    """Undo with nothing done, or redo with nothing undone."""


@dataclass(frozen=True)
class Done:
    """One step taken: the history entry (as it now stands) and what it changed."""

    entry: HistoryEntry
    changes: Changes
    result: Any = field(default=None, compare=False)


def find(kind: str) -> Action:
    found = ACTIONS.get(kind)
    if found is None:
        raise CannotApply(f"this version cannot undo a step of kind {kind!r}")
    return found


def do(s: Services, kind: str, payload: Payload, label: str = "") -> Done:
    """Make an edit and record it: the edit's own refusal (AnnotatorError) comes through as is."""
    act = find(kind)
    with s.history.recording():
        step = act.apply(s, dict(payload))
        entry_id = s.history.push(kind, label or step.label or kind, step.payload)
    return Done(s.history.get(entry_id), step.changes, step.result)


class Batch:
    """Several edits that undo as one step (a new speaker given to a claim, say)."""

    def __init__(self, s: Services) -> None:
        self._s = s
        self.children: list[Payload] = []
        self.changes = Changes()

    def do(self, kind: str, payload: Payload) -> Step:
        step = find(kind).apply(self._s, dict(payload))
        self.children.append({"kind": kind, "payload": step.payload})
        self.changes = self.changes | step.changes
        return step


def do_many(s: Services, label: str, build: Callable[[Batch], None]) -> Done:
    """Run `build`'s edits in one transaction and record them as one `group` entry."""
    batch = Batch(s)
    with s.history.recording():
        build(batch)
        if not batch.children:
            raise AnnotatorError("nothing was changed")
        entry_id = s.history.push("group", label, {"steps": batch.children})
    return Done(s.history.get(entry_id), batch.changes)


def _run_group(forward: bool) -> Callable[[Services, Payload], Step]:
    def run(s: Services, p: Payload) -> Step:
        children = list(p["steps"]) if forward else list(reversed(p["steps"]))
        changes, out = Changes(), []
        for child in children:
            act = find(str(child["kind"]))
            step = (act.apply if forward else act.revert)(s, dict(child["payload"]))
            changes = changes | step.changes
            out.append({"kind": child["kind"], "payload": step.payload})
        return Step(changes, {**p, "steps": out if forward else list(reversed(out))})

    return run


action("group", _run_group(True), _run_group(False), "several edits undone as one")


def record(s: Services, kind: str, label: str, payload: Payload, changes: Changes) -> Done:
    """Record an edit the caller has just made (inside `s.history.recording()` with it)."""
    find(kind)
    entry_id = s.history.push(kind, label, payload)
    return Done(s.history.get(entry_id), changes)


def next_undo(s: Services) -> HistoryEntry | None:
    return s.history.next_undo()


def next_redo(s: Services) -> HistoryEntry | None:
    return s.history.next_redo()


def undo(s: Services, entry_id: int | None = None) -> Done:
    """Undo the newest done step (it must be `entry_id` when one is given)."""
    entry = next_undo(s)
    if entry is None:
        raise NothingToDo("nothing to undo")
    return _step(s, entry, entry_id, forward=False)


def redo(s: Services, entry_id: int | None = None) -> Done:
    """Redo the oldest undone step (it must be `entry_id` when one is given)."""
    entry = next_redo(s)
    if entry is None:
        raise NothingToDo("nothing to redo")
    return _step(s, entry, entry_id, forward=True)


def _step(s: Services, entry: HistoryEntry, expected: int | None, forward: bool) -> Done:
    verb = "redo" if forward else "undo"
    if expected is not None and entry.id != expected:
        raise CannotApply(
            f"Cannot {verb}: the history was changed by another program (reopen the project)"
        )
    act = find(entry.kind)
    try:
        with s.history.recording():
            step = (act.apply if forward else act.revert)(s, dict(entry.payload))
            s.history.set_done(entry.id, forward, step.payload)
    except CannotApply:
        raise
    except (AnnotatorError, sqlite3.Error, KeyError, TypeError, ValueError) as exc:
        # The rows it needs went (or came back) meanwhile: the transaction rolled
        # back, so nothing changed and the entry stays where it was.
        raise CannotApply(f"Cannot {verb} “{entry.label}”: {exc}") from exc
    return Done(s.history.get(entry.id), step.changes, step.result)
