"""Undo commands for evidence, claim links and datasets: one per user action.

The action is done once before the command is pushed (so a refusal becomes a
message and nothing lands on the stack); after that, undo and redo each call
one service method (delete/restore, unlink/restore_link, ...) and notify, so
every view repaints from `session.changed`, never from the command.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from annotator.models import Changes, ClaimLink, Evidence, EvidenceLink, Snapshot
from ui.shell.session import ProjectSession

LABEL_CHARS = 40


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


class _DoneCommand(QUndoCommand):
    """The first redo (Qt calls it on push) only repaints: the action already ran."""

    def __init__(self, session: ProjectSession, label: str) -> None:
        super().__init__(label)
        self.session = session
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            self.session.notify(self.changes())
            return
        self.again()
        self.session.notify(self.changes())

    def undo(self) -> None:
        self.back()
        self.session.notify(self.changes())

    def again(self) -> None:
        raise NotImplementedError

    def back(self) -> None:
        raise NotImplementedError

    def changes(self) -> Changes:
        raise NotImplementedError


class AddEvidence(_DoneCommand):
    """A new evidence item (maybe already linked to a claim): undo deletes it exactly."""

    def __init__(
        self, session: ProjectSession, item: Evidence, claim_ids: tuple[int, ...] = ()
    ) -> None:
        super().__init__(session, f"Add evidence {short(item.label())}")
        self.evidence_id = item.id
        self.claim_ids = claim_ids
        self.snapshot: Snapshot | None = None

    def again(self) -> None:
        assert self.snapshot is not None
        self.session.project.evidence.restore(self.snapshot)

    def back(self) -> None:
        self.snapshot = self.session.project.evidence.delete(self.evidence_id)

    def changes(self) -> Changes:
        return Changes(evidence=True, claims=frozenset(self.claim_ids))


class DeleteEvidence(AddEvidence):
    """Delete an item everywhere; undo brings it back with its links and file."""

    def __init__(self, session: ProjectSession, item: Evidence, snapshot: Snapshot) -> None:
        claims = tuple(int(r["claim_id"]) for r in snapshot.get("claim_evidence", []))
        super().__init__(session, item, claims)
        self.setText(f"Delete evidence {short(item.label())}")
        self.snapshot = snapshot

    def again(self) -> None:
        self.snapshot = self.session.project.evidence.delete(self.evidence_id)

    def back(self) -> None:
        assert self.snapshot is not None
        self.session.project.evidence.restore(self.snapshot)


class LinkEvidence(_DoneCommand):
    """An existing item linked to one more claim."""

    def __init__(self, session: ProjectSession, link: EvidenceLink) -> None:
        super().__init__(session, f"Link evidence {short(link.evidence.label())}")
        self.claim_id = link.claim_id
        self.evidence_id = link.evidence.id
        self.snapshot: Snapshot | None = None

    def again(self) -> None:
        assert self.snapshot is not None
        self.session.project.evidence.restore_link(self.snapshot)

    def back(self) -> None:
        self.snapshot = self.session.project.evidence.unlink(self.claim_id, self.evidence_id)

    def changes(self) -> Changes:
        return Changes(evidence=True, claims=frozenset({self.claim_id}))


class UnlinkEvidence(LinkEvidence):
    def __init__(self, session: ProjectSession, link: EvidenceLink, snapshot: Snapshot) -> None:
        super().__init__(session, link)
        self.setText(f"Unlink evidence {short(link.evidence.label())}")
        self.snapshot = snapshot

    def again(self) -> None:
        self.snapshot = self.session.project.evidence.unlink(self.claim_id, self.evidence_id)

    def back(self) -> None:
        assert self.snapshot is not None
        self.session.project.evidence.restore_link(self.snapshot)


class EditEvidenceLink(_DoneCommand):
    """Change how an item bears on a claim (relation, note)."""

    def __init__(self, session: ProjectSession, before: EvidenceLink, after: EvidenceLink) -> None:
        super().__init__(session, f"Change link to {short(after.evidence.label())}")
        self.claim_id, self.evidence_id = after.claim_id, after.evidence.id
        self.before = (before.relation, before.note)
        self.after = (after.relation, after.note)

    def again(self) -> None:
        self.session.project.evidence.update_link(self.claim_id, self.evidence_id, *self.after)

    def back(self) -> None:
        self.session.project.evidence.update_link(self.claim_id, self.evidence_id, *self.before)

    def changes(self) -> Changes:
        return Changes(evidence=True, claims=frozenset({self.claim_id}))


class EditEvidence(_DoneCommand):
    """Change an item's own fields (title, figures, note text)."""

    def __init__(
        self,
        session: ProjectSession,
        evidence_id: int,
        before: dict[str, object],
        after: dict[str, object],
    ) -> None:
        super().__init__(session, "Edit evidence")
        self.evidence_id, self.before, self.after = evidence_id, before, after

    def again(self) -> None:
        self.session.project.evidence.update(self.evidence_id, **self.after)

    def back(self) -> None:
        self.session.project.evidence.update(self.evidence_id, **self.before)

    def changes(self) -> Changes:
        return Changes(evidence=True)


class AddClaimLink(_DoneCommand):
    def __init__(self, session: ProjectSession, link: ClaimLink) -> None:
        super().__init__(session, f"Link claims ({link.relation})")
        self.link = link
        self.snapshot: Snapshot | None = None

    def again(self) -> None:
        assert self.snapshot is not None
        self.session.project.links.restore(self.snapshot)

    def back(self) -> None:
        self.snapshot = self.session.project.links.remove(self.link.id)

    def changes(self) -> Changes:
        return Changes(evidence=True, claims=frozenset({self.link.from_claim, self.link.to_claim}))


class RemoveClaimLink(AddClaimLink):
    def __init__(self, session: ProjectSession, link: ClaimLink, snapshot: Snapshot) -> None:
        super().__init__(session, link)
        self.setText(f"Remove claim link ({link.relation})")
        self.snapshot = snapshot

    def again(self) -> None:
        self.snapshot = self.session.project.links.remove(self.link.id)

    def back(self) -> None:
        assert self.snapshot is not None
        self.session.project.links.restore(self.snapshot)


class ImportDataset(_DoneCommand):
    """A dataset imported (on a worker thread); undo drops its table, redo puts it back."""

    def __init__(self, session: ProjectSession, name: str) -> None:
        super().__init__(session, f"Import dataset {short(name)}")
        self.name = name
        self.snapshot: Snapshot | None = None

    def again(self) -> None:
        assert self.snapshot is not None
        self.session.project.datasets.restore(self.snapshot)

    def back(self) -> None:
        self.snapshot = self.session.project.datasets.delete(self.name)

    def changes(self) -> Changes:
        return Changes(datasets=True)


class DeleteDataset(ImportDataset):
    def __init__(self, session: ProjectSession, name: str, snapshot: Snapshot) -> None:
        super().__init__(session, name)
        self.setText(f"Delete dataset {short(name)}")
        self.snapshot = snapshot

    def again(self) -> None:
        self.snapshot = self.session.project.datasets.delete(self.name)

    def back(self) -> None:
        assert self.snapshot is not None
        self.session.project.datasets.restore(self.snapshot)


class EditClaimLink(_DoneCommand):
    def __init__(self, session: ProjectSession, before: ClaimLink, after: ClaimLink) -> None:
        super().__init__(session, f"Change claim link ({after.relation})")
        self.link_id = after.id
        self.claims = frozenset({after.from_claim, after.to_claim})
        self.before = (before.relation, before.note)
        self.after = (after.relation, after.note)

    def again(self) -> None:
        self.session.project.links.update(self.link_id, *self.after)

    def back(self) -> None:
        self.session.project.links.update(self.link_id, *self.before)

    def changes(self) -> Changes:
        return Changes(evidence=True, claims=self.claims)
