"""Claim-to-claim links (project.links): the same claim made twice, one claim
contradicting another, or responding to it, across articles.

A link has a direction (from, to) because "responds to" does; list() shows a
claim's links both ways, so each end sees the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError, NotFound
from annotator.models import CLAIM_RELATIONS, Changes, ClaimLink, Snapshot
from db import evidence as rows_q
from db import links as q

if TYPE_CHECKING:
    from annotator.claims.service import ClaimManager
    from db.projectfile.connection import ProjectDatabase


class LinkError(AnnotatorError):
    """Two claims cannot be linked as asked."""


def _link(row: dict[str, Any]) -> ClaimLink:
    return ClaimLink(
        id=row["id"],
        from_claim=row["from_claim"],
        to_claim=row["to_claim"],
        relation=row["relation"],
        note=row["note"],
        from_article=row["from_article"],
        to_article=row["to_article"],
        from_quote=row["from_quote"],
        to_quote=row["to_quote"],
    )


class LinkManager:
    def __init__(self, db: ProjectDatabase, claims: ClaimManager) -> None:
        self._db = db
        self._claims = claims  # both ends of a link must be claims

    def get(self, link_id: int) -> ClaimLink:
        row = q.get(self._db, link_id)
        if row is None:
            raise NotFound(f"no claim link with id {link_id}")
        return _link(row)

    def list(self, claim_id: int | None = None) -> list[ClaimLink]:
        """A claim's links in both directions (or every link)."""
        if claim_id is not None:
            self._claims.require(claim_id)
        return [_link(r) for r in q.for_claim(self._db, claim_id)]

    def add(self, from_claim: int, to_claim: int, relation: str, note: str = "") -> ClaimLink:
        if relation not in CLAIM_RELATIONS:
            raise LinkError(
                f"unknown relation {relation!r} (use one of: {', '.join(CLAIM_RELATIONS)})"
            )
        if from_claim == to_claim:
            raise LinkError("a claim cannot be linked to itself")
        self._claims.get(from_claim)
        self._claims.get(to_claim)
        if q.find(self._db, from_claim, to_claim, relation) is not None:
            raise LinkError(f"claims {from_claim} and {to_claim} are already linked as {relation}")
        with self._db.atomic():
            link_id = q.insert(self._db, from_claim, to_claim, relation, note.strip())
        return self.get(link_id)

    def update(self, link_id: int, relation: str, note: str) -> ClaimLink:
        link = self.get(link_id)
        if relation not in CLAIM_RELATIONS:
            raise LinkError(f"unknown relation {relation!r}")
        clash = q.find(self._db, link.from_claim, link.to_claim, relation)
        if clash is not None and clash != link_id:
            raise LinkError(f"these claims are already linked as {relation}")
        with self._db.atomic():
            q.update(self._db, link_id, relation, note.strip())
        return self.get(link_id)

    def remove(self, link_id: int) -> Snapshot:
        self.get(link_id)
        with self._db.atomic():
            row = q.raw(self._db, link_id)
            q.delete(self._db, link_id)
        return {"claim_links": [row or {}]}

    def restore(self, snapshot: Snapshot) -> ClaimLink:
        row = snapshot["claim_links"][0]
        with self._db.atomic():
            rows_q.insert_row(self._db, "claim_links", row)
        return self.get(int(row["id"]))

    @staticmethod
    def changes(link: ClaimLink) -> Changes:
        return Changes(claims=frozenset({link.from_claim, link.to_claim}), evidence=True)
