"""One QUndoCommand per user action; each step is one project call, then notify.

Commands never touch widgets: views repaint from `session.changed`, so undo
and redo repaint exactly as the action did. Every step is written to the
project's undo history in the same transaction as the action itself
(project.history), so the stack can be rebuilt when the project is reopened
and Ctrl+Z still undoes yesterday's last edit. A step that can no longer be
done (the claim was deleted from the command line meanwhile) is reported in
the status bar and dropped from the stack, never half applied.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from PySide6.QtGui import QUndoCommand

from annotator.errors import AnnotatorError, NotFound
from annotator.models import Changes, Claim
from ui.shell.session import ProjectSession

# How much of a quote the Edit menu shows ("Undo Mark claim “The union…”").
LABEL_QUOTE_CHARS = 40


def quote_label(text: str) -> str:
    short = " ".join(text.split())
    if len(short) > LABEL_QUOTE_CHARS:
        short = short[: LABEL_QUOTE_CHARS - 1] + "…"
    return f"“{short}”"


class ProjectCommand(QUndoCommand):
    """Base: a forward and a backward project call, persisted in project.history."""

    kind: ClassVar[str] = ""
    registry: ClassVar[dict[str, type[ProjectCommand]]] = {}
    # While the stack is rebuilt from the history nothing may run again.
    replaying: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            ProjectCommand.registry[cls.kind] = cls

    def __init__(self, session: ProjectSession, label: str) -> None:
        super().__init__(label)
        self.session = session
        self.entry_id: int | None = None
        # Why the last step failed, readable even after Qt deleted the command.
        self.failed: str | None = None

    # -- what subclasses write -------------------------------------------------
    def apply(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError

    def payload(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        raise NotImplementedError

    # -- the undo stack's side -------------------------------------------------
    def redo(self) -> None:
        if ProjectCommand.replaying:
            return
        history = self.session.project.history
        try:
            with history.recording():
                changes = self.apply()
                if self.entry_id is None:
                    self.entry_id = history.push(self.kind, self.text(), self.payload())
                else:
                    history.set_done(self.entry_id, True, self.payload())
        except AnnotatorError as exc:
            self._give_up("redo" if self.entry_id else "do", exc)
            return
        self.session.notify(changes)

    def undo(self) -> None:
        if ProjectCommand.replaying:
            return
        history = self.session.project.history
        try:
            with history.recording():
                changes = self.revert()
                if self.entry_id is not None:
                    history.set_done(self.entry_id, False, self.payload())
        except AnnotatorError as exc:
            self._give_up("undo", exc)
            return
        self.session.notify(changes)

    def _give_up(self, step: str, exc: Exception) -> None:
        self.failed = str(exc)
        self.setObsolete(True)  # QUndoStack drops it
        if self.entry_id is not None:
            self.session.project.history.discard(self.entry_id)
        if step != "do":
            # The project moved on without us (a claim deleted from the command
            # line...): views may show what no longer exists, so refresh them.
            # A refused first step changed nothing (its transaction rolled back).
            self.session.notify(Changes(everything=True))
        self.session.report(f"Cannot {step} “{self.text()}”: {exc}")


def rebuild_stack(session: ProjectSession) -> int:
    """Refill the undo stack from the project's history; returns the entries restored.

    Commands are pushed without running (everything they did is already in the
    file), then the stack index is moved back over the undone ones.
    """
    stack = session.undo_stack
    stack.clear()
    entries = session.project.history.entries()
    known = [e for e in entries if e.kind in ProjectCommand.registry]
    done = sum(1 for e in known if e.done)
    ProjectCommand.replaying = True
    try:
        for entry in known:
            command = ProjectCommand.registry[entry.kind].from_payload(
                session, entry.label, entry.payload
            )
            command.entry_id = entry.id
            stack.push(command)
        stack.setIndex(done)
    finally:
        ProjectCommand.replaying = False
    stack.setClean()
    return len(known)


# -- claims ------------------------------------------------------------------
def _ensure_free(session: ProjectSession, claim_id: int) -> None:
    """Refuse to restore over a claim that took the same id meanwhile."""
    try:
        session.project.claims.get(claim_id)
    except NotFound:
        return
    raise AnnotatorError(f"claim {claim_id} exists again (made elsewhere meanwhile)")


class MarkClaim(ProjectCommand):
    """Select text, press M: a new claim; undo deletes it, redo brings back the same claim."""

    kind = "mark_claim"

    def __init__(
        self,
        session: ProjectSession,
        article_id: int,
        start: int,
        end: int,
        label: str = "Mark claim",
        claim_id: int | None = None,
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(session, label)
        self.article_id, self.start, self.end = article_id, start, end
        self.claim_id = claim_id
        self.snapshot = snapshot

    def apply(self) -> Changes:
        claims = self.session.project.claims
        if self.snapshot is None:
            claim = claims.mark(self.article_id, self.start, self.end)
            self.claim_id = claim.id
            self.setText(f"Mark claim {quote_label(claim.quote)}")
        else:
            _ensure_free(self.session, int(self.snapshot["claims"][0]["id"]))
            claim = claims.restore(self.snapshot)
            self.snapshot = None
        return claims.changes_for(claim)

    def revert(self) -> Changes:
        claims = self.session.project.claims
        assert self.claim_id is not None
        claim = claims.get(self.claim_id)
        self.snapshot = claims.delete(self.claim_id)
        return claims.changes_for(claim)

    def payload(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "claim_id": self.claim_id,
            "snapshot": self.snapshot,
        }

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(
            session,
            payload["article_id"],
            payload["start"],
            payload["end"],
            label=label,
            claim_id=payload["claim_id"],
            snapshot=payload["snapshot"],
        )


class DeleteClaim(ProjectCommand):
    """Delete a claim with everything hanging off it; undo puts it back exactly."""

    kind = "delete_claim"

    def __init__(
        self,
        session: ProjectSession,
        claim_id: int,
        label: str = "",
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        if not label:
            label = f"Delete claim {quote_label(session.project.claims.get(claim_id).quote)}"
        super().__init__(session, label)
        self.claim_id = claim_id
        self.snapshot = snapshot

    def apply(self) -> Changes:
        claims = self.session.project.claims
        claim = claims.get(self.claim_id)
        self.snapshot = claims.delete(self.claim_id)
        return claims.changes_for(claim)

    def revert(self) -> Changes:
        claims = self.session.project.claims
        assert self.snapshot is not None
        _ensure_free(self.session, self.claim_id)
        claim = claims.restore(self.snapshot)
        self.snapshot = None
        return claims.changes_for(claim)

    def payload(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "snapshot": self.snapshot}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["claim_id"], label=label, snapshot=payload["snapshot"])


class AdjustClaim(ProjectCommand):
    """Move a claim onto the selected words."""

    kind = "adjust_claim"

    def __init__(
        self,
        session: ProjectSession,
        claim_id: int,
        old: tuple[int, int],
        new: tuple[int, int],
        label: str = "Adjust claim span",
    ) -> None:
        super().__init__(session, label)
        self.claim_id = claim_id
        self.old, self.new = tuple(old), tuple(new)

    def _move(self, span: tuple[int, ...]) -> Changes:
        claims = self.session.project.claims
        return claims.changes_for(claims.adjust(self.claim_id, span[0], span[1]))

    def apply(self) -> Changes:
        return self._move(self.new)

    def revert(self) -> Changes:
        return self._move(self.old)

    def payload(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "old": list(self.old), "new": list(self.new)}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(
            session, payload["claim_id"], tuple(payload["old"]), tuple(payload["new"]), label
        )


# Editable claim fields and how the Edit menu names them.
FIELD_NAMES = {
    "statement": "statement",
    "speaker_id": "speaker",
    "side_id": "side",
    "stance_id": "stance",
    "verdict_id": "verdict",
    "status": "status",
    "note": "note",
    "topic_ids": "topics",
    "review_url": "review URL",
}


def claim_fields(claim: Claim, topic_ids: list[int], names: list[str]) -> dict[str, Any]:
    """The current values of some editable fields, to undo an edit to them."""
    values: dict[str, Any] = {}
    for name in names:
        values[name] = list(topic_ids) if name == "topic_ids" else getattr(claim, name)
    return values


class EditClaim(ProjectCommand):
    """Tag or edit a claim: any of statement, speaker, side, stance, verdict, topics, status, note."""

    kind = "edit_claim"

    def __init__(
        self,
        session: ProjectSession,
        claim_id: int,
        new: dict[str, Any],
        old: dict[str, Any] | None = None,
        label: str = "",
    ) -> None:
        unknown = set(new) - set(FIELD_NAMES)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if old is None:
            claims = session.project.claims
            old = claim_fields(claims.get(claim_id), claims.topic_ids(claim_id), list(new))
        if not label:
            label = "Set " + ", ".join(FIELD_NAMES[name] for name in new)
        super().__init__(session, label)
        self.claim_id = claim_id
        self.new, self.old = dict(new), dict(old)

    def _set(self, values: dict[str, Any]) -> Changes:
        claims = self.session.project.claims
        fields = dict(values)
        topic_ids = fields.pop("topic_ids", None)
        return claims.changes_for(claims.update(self.claim_id, topic_ids=topic_ids, **fields))

    def apply(self) -> Changes:
        return self._set(self.new)

    def revert(self) -> Changes:
        return self._set(self.old)

    def payload(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "new": self.new, "old": self.old}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["claim_id"], payload["new"], payload["old"], label)
