"""The one undo command: a history entry on the QUndoStack, stepped by annotator.history.

Every edit is made and recorded by the annotator layer (`steps.do`, or
`steps.record` beside a service call, one transaction each), then pushed here
as a `HistoryCommand`: the push only repaints, since the edit is already made.
Undo and redo call `steps.undo` / `steps.redo`, notify the session with the
`Changes` they return and say in the status bar what they did. A step that no
longer applies (another program deleted the row) says so, changes nothing and
leaves the stack where it was. The stack is a mirror of the project's history,
rebuilt whenever a project is opened, so Ctrl+Z undoes yesterday's last edit
whatever its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ClassVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand

from annotator.errors import AnnotatorError
from annotator.history import steps
from annotator.history.actions import CannotApply, Payload, quoted
from annotator.history.service import HISTORY_LIMIT, HistoryEntry
from annotator.models import Changes
from ui.shell.session import ProjectSession

__all__ = ["HistoryCommand", "perform", "perform_many", "quote_label", "rebuild_stack", "record"]

quote_label = quoted  # "“The union…”", for labels built in the window


class HistoryCommand(QUndoCommand):
    """One entry of the project's history; the only QUndoCommand the window pushes."""

    # While the stack is rebuilt (or put back after a refused step) nothing runs.
    quiet: ClassVar[bool] = False

    def __init__(
        self, session: ProjectSession, entry: HistoryEntry, changes: Changes | None = None
    ) -> None:
        super().__init__(entry.label)
        self.session = session
        self.entry_id = entry.id
        self.kind = entry.kind
        # The edit is already made: the first redo (Qt calls it on push) only repaints.
        self._pending = changes
        # Why the last step was refused, None when it went through.
        self.failed: str | None = None

    def redo(self) -> None:
        if HistoryCommand.quiet:
            return
        if self._pending is not None:
            changes, self._pending = self._pending, None
            self.session.notify(changes)
            return
        self._step(forward=True)

    def undo(self) -> None:
        if not HistoryCommand.quiet:
            self._step(forward=False)

    def _step(self, forward: bool) -> None:
        try:
            done = (steps.redo if forward else steps.undo)(self.session.project, self.entry_id)
        except CannotApply as exc:
            self.failed = str(exc)
            self.session.report(self.failed)
            return
        self.failed = None
        self.session.notify(done.changes)
        self.session.report(f"{'Redid' if forward else 'Undid'}: {done.entry.label}")


@contextmanager
def _quiet() -> Iterator[None]:
    HistoryCommand.quiet = True
    try:
        yield
    finally:
        HistoryCommand.quiet = False


# -- making edits ------------------------------------------------------------------
def push_done(session: ProjectSession, done: steps.Done) -> steps.Done:
    session.undo_stack.push(HistoryCommand(session, done.entry, done.changes))
    return done


def perform(
    session: ProjectSession, kind: str, payload: Payload, label: str = ""
) -> steps.Done | None:
    """Make an edit of `kind` and push it; a refusal is a status message and None."""
    try:
        done = steps.do(session.project, kind, payload, label)
    except AnnotatorError as exc:
        session.report(str(exc))
        return None
    return push_done(session, done)


def refusal(session: ProjectSession, kind: str, payload: Payload) -> str | None:
    """Make an edit for a dialog: None when done, else the reason to show in the dialog."""
    try:
        push_done(session, steps.do(session.project, kind, payload))
    except AnnotatorError as exc:
        return str(exc)
    return None


def perform_many(
    session: ProjectSession, label: str, build: Callable[[steps.Batch], None]
) -> steps.Done | None:
    """Several edits as one undo step (Qt macros would not survive reopening)."""
    try:
        done = steps.do_many(session.project, label, build)
    except AnnotatorError as exc:
        session.report(str(exc))
        return None
    return push_done(session, done)


Made = tuple[str, Payload, Changes]


def record(session: ProjectSession, kind: str, make: Callable[[], Made]) -> steps.Done:
    """Run `make` (one service call returning label, payload and changes) and record it in
    the same transaction; its AnnotatorError comes through and nothing is recorded."""
    project = session.project
    with project.history.recording():
        label, payload, changes = make()
        done = steps.record(project, kind, label, payload, changes)
    return push_done(session, done)


# -- stepping ------------------------------------------------------------------------
def _step(session: ProjectSession, forward: bool) -> bool:
    stack = session.undo_stack
    if not (stack.canRedo() if forward else stack.canUndo()):
        session.report(f"Nothing to {'redo' if forward else 'undo'}.")
        return False
    command = stack.command(stack.index() if forward else stack.index() - 1)
    stack.redo() if forward else stack.undo()
    if isinstance(command, HistoryCommand) and command.failed:
        with _quiet():  # nothing changed: put the stack back where it was
            stack.undo() if forward else stack.redo()
        return False
    return True


def undo_step(session: ProjectSession) -> bool:
    """Edit > Undo: True when the step was undone."""
    return _step(session, forward=False)


def redo_step(session: ProjectSession) -> bool:
    return _step(session, forward=True)


class StepAction(QAction):
    """Edit > Undo or Redo, named after the step it would take ("Undo Mark claim “…”")."""

    def __init__(self, verb: str, parent: QObject) -> None:
        super().__init__(f"&{verb}", parent)
        self.verb = verb

    def follow_text(self, text: str) -> None:
        self.setText(f"&{self.verb} {text}".rstrip())


def undo_actions(session: ProjectSession, parent: QObject) -> tuple[QAction, QAction]:
    """Edit > Undo and Redo, stepping through `undo_step` / `redo_step`.

    Connected to the actions' own slots, so whichever of window and stack goes
    first, no signal reaches a deleted object.
    """
    stack = session.undo_stack
    undo, redo = StepAction("Undo", parent), StepAction("Redo", parent)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    undo.triggered.connect(lambda: undo_step(session))
    redo.triggered.connect(lambda: redo_step(session))
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(undo.follow_text)
    stack.redoTextChanged.connect(redo.follow_text)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    undo.follow_text(stack.undoText())
    redo.follow_text(stack.redoText())
    return undo, redo


def rebuild_stack(session: ProjectSession) -> int:
    """Refill the undo stack from the project's history; returns the entries restored.

    Commands are pushed without running (everything they did is already in the
    file), then the stack index is moved back over the undone ones.
    """
    stack = session.undo_stack
    stack.clear()
    stack.setUndoLimit(HISTORY_LIMIT)  # allowed on an empty stack only
    entries = session.project.history.headers()
    with _quiet():
        for entry in entries:
            stack.push(HistoryCommand(session, entry))
        stack.setIndex(sum(1 for e in entries if e.done))
    stack.setClean()
    return len(entries)


def in_step_with(session: ProjectSession) -> bool:
    """Whether the stack still mirrors the file's history (the CLI may have moved it)."""
    stack = session.undo_stack
    states = session.project.history.states()
    ids = [
        c.entry_id
        for c in (stack.command(i) for i in range(stack.count()))
        if isinstance(c, HistoryCommand)
    ]
    return ids == [i for i, _ in states] and stack.index() == sum(1 for _, d in states if d)


class UndoHistory(QObject):
    """The shell's job: the stack follows the open project's history (opened, replaced,
    or moved by another program such as `annotator undo`)."""

    def __init__(self, session: ProjectSession) -> None:
        super().__init__(session)
        self.session = session
        session.project_replaced.connect(self.rebuild)
        session.changed.connect(self._on_changed)
        self.rebuild()

    def rebuild(self) -> None:
        rebuild_stack(self.session)

    def _on_changed(self, changes: object) -> None:
        # Outside changes arrive as "everything"; our own steps keep the stack in step.
        # Checked once the current step is over: a push notifies before Qt adds it.
        if isinstance(changes, Changes) and changes.everything:
            QTimer.singleShot(0, self, self._check)

    def _check(self) -> None:
        if not in_step_with(self.session):
            self.rebuild()
