"""Undoable actions on figures and matches: one project call each way, then notify."""

from __future__ import annotations

from typing import Any, Self

from annotator.figures.service import CORRECTABLE
from annotator.models import Changes, Quantity
from ui.shell.session import ProjectSession
from ui.shell.undo import ProjectCommand


def quantity_payload(q: Quantity) -> dict[str, Any]:
    return {"id": q.id, "claim_id": q.claim_id, "corrected": q.corrected,
            **{name: getattr(q, name) for name in CORRECTABLE}}  # fmt: skip


def quantity_from_payload(data: dict[str, Any]) -> Quantity:
    return Quantity(**{k: v for k, v in data.items() if k in Quantity.__dataclass_fields__})


class EditQuantity(ProjectCommand):
    """Correct fields of a figure (value, unit, base year...); undo puts the old figure back."""

    kind = "edit_quantity"

    def __init__(
        self,
        session: ProjectSession,
        old: Quantity,
        fields: dict[str, Any],
        label: str = "",
    ) -> None:
        super().__init__(session, label or "Correct figure " + ", ".join(fields))
        self.old, self.fields = old, dict(fields)

    def apply(self) -> Changes:
        q = self.session.project.quantities.update(int(self.old.id or 0), **self.fields)
        return Changes(claims=frozenset({int(q.claim_id or 0)}))

    def revert(self) -> Changes:
        q = self.session.project.quantities.put_back(self.old)
        return Changes(claims=frozenset({int(q.claim_id or 0)}))

    def payload(self) -> dict[str, Any]:
        return {"old": quantity_payload(self.old), "fields": self.fields}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, quantity_from_payload(payload["old"]), payload["fields"], label)


class AddQuantity(ProjectCommand):
    """A figure the parser missed; undo removes it, redo brings the same row back."""

    kind = "add_quantity"

    def __init__(
        self,
        session: ProjectSession,
        claim_id: int,
        fields: dict[str, Any],
        label: str = "Add figure",
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(session, label)
        self.claim_id, self.fields = claim_id, dict(fields)
        self.snapshot = snapshot
        self.quantity_id: int | None = None

    def apply(self) -> Changes:
        quantities = self.session.project.quantities
        if self.snapshot is None:
            self.quantity_id = quantities.add(self.claim_id, **self.fields).id
        else:
            self.quantity_id = quantities.restore(self.snapshot).id
        return Changes(claims=frozenset({self.claim_id}))

    def revert(self) -> Changes:
        self.snapshot = self.session.project.quantities.delete(int(self.quantity_id or 0))
        return Changes(claims=frozenset({self.claim_id}))

    def payload(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "fields": self.fields, "snapshot": self.snapshot,
                "quantity_id": self.quantity_id}  # fmt: skip

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        command = cls(session, payload["claim_id"], payload["fields"], label, payload["snapshot"])
        command.quantity_id = payload.get("quantity_id")
        return command


class DeleteQuantity(ProjectCommand):
    """Remove a figure that is not one; undo restores it exactly."""

    kind = "delete_quantity"

    def __init__(
        self,
        session: ProjectSession,
        quantity_id: int,
        claim_id: int,
        label: str = "Delete figure",
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(session, label)
        self.quantity_id, self.claim_id, self.snapshot = quantity_id, claim_id, snapshot

    def apply(self) -> Changes:
        self.snapshot = self.session.project.quantities.delete(self.quantity_id)
        return Changes(claims=frozenset({self.claim_id}))

    def revert(self) -> Changes:
        assert self.snapshot is not None
        self.session.project.quantities.restore(self.snapshot)
        return Changes(claims=frozenset({self.claim_id}))

    def payload(self) -> dict[str, Any]:
        return {
            "quantity_id": self.quantity_id,
            "claim_id": self.claim_id,
            "snapshot": self.snapshot,
        }

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["quantity_id"], payload["claim_id"], label, payload["snapshot"])


class ConfirmMatch(ProjectCommand):
    """The checker confirms a suggested match: a `same` link; undo removes it."""

    kind = "confirm_match"

    def __init__(
        self,
        session: ProjectSession,
        claim_id: int,
        other_id: int,
        label: str = "Confirm same claim",
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(session, label)
        self.claim_id, self.other_id = claim_id, other_id
        self.snapshot = snapshot
        self.link_id: int | None = None

    def apply(self) -> Changes:
        links = self.session.project.links
        if self.snapshot is None:
            link = self.session.project.matches.confirm(self.claim_id, self.other_id)
        else:
            link = links.restore(self.snapshot)
        self.link_id = link.id
        return links.changes(link)

    def revert(self) -> Changes:
        links = self.session.project.links
        link = links.get(int(self.link_id or 0))
        self.snapshot = links.remove(link.id)
        return links.changes(link)

    def payload(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "other_id": self.other_id, "snapshot": self.snapshot,
                "link_id": self.link_id}  # fmt: skip

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        command = cls(session, payload["claim_id"], payload["other_id"], label, payload["snapshot"])
        command.link_id = payload.get("link_id")
        return command
