"""Claims as marked in an article, and the links between claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Claim:
    """A marked claim with its anchor and its tags (names resolved for display)."""

    id: int
    uid: str
    article_id: int
    start: int | None
    end: int | None
    quote: str
    prefix: str
    suffix: str
    anchor: str  # "exact" | "fuzzy" | "orphan"
    statement: str
    speaker_id: int | None
    speaker: str | None
    side_id: int | None
    side: str | None
    stance_id: int | None
    stance: str | None
    verdict_id: int | None
    verdict: str | None
    topics: tuple[str, ...]
    status: str
    note: str
    created_by: str
    created_at: str
    updated_at: str
    # The quote as marked, when a revision moved the claim onto other
    # characters (fuzzy), lost it (orphan) or retypeset it; None otherwise.
    original_quote: str | None = None
    # The checker's published fact-check page (a ClaimReview's `url`).
    review_url: str | None = None

    @property
    def needs_review(self) -> bool:
        return self.anchor != "exact"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "article": self.article_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "statement": self.statement,
            "speaker": self.speaker,
            "side": self.side,
            "stance": self.stance,
            "verdict": self.verdict,
            "topics": list(self.topics),
            "status": self.status,
            "note": self.note,
            "anchor": self.anchor,
            "original_quote": self.original_quote,
            "review_url": self.review_url,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


# Everything needed to bring a deleted claim back exactly (rows by table).
ClaimSnapshot = dict[str, list[dict[str, Any]]]


CLAIM_RELATIONS = ("same", "contradicts", "responds-to")


@dataclass(frozen=True)
class ClaimLink:
    """Claim to claim: the same claim, one contradicting or responding to another."""

    id: int
    from_claim: int
    to_claim: int
    relation: str
    note: str
    from_article: int
    to_article: int
    from_quote: str
    to_quote: str

    def other(self, claim_id: int) -> int:
        return self.to_claim if claim_id == self.from_claim else self.from_claim

    def other_article(self, claim_id: int) -> int:
        return self.to_article if claim_id == self.from_claim else self.from_article

    def other_quote(self, claim_id: int) -> str:
        return self.to_quote if claim_id == self.from_claim else self.from_quote

    def as_json(self, claim_id: int | None = None) -> dict[str, Any]:
        """Seen from claim_id (the owner); without it, from the link's source."""
        owner = self.from_claim if claim_id is None else claim_id
        return {
            "link_id": self.id,
            "kind": "claim",
            "claim_id": owner,
            "relation": self.relation,
            "note": self.note,
            "claim": self.other(owner),
            "article": self.other_article(owner),
            "quote": self.other_quote(owner),
            "direction": "out" if owner == self.from_claim else "in",
        }
