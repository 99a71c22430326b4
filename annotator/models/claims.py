"""Claims as marked in an article, and the links between claims."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from annotator.models import fields
from annotator.models.fields import declared


@dataclass(frozen=True, kw_only=True)
class Claim:
    """A marked claim with its anchor and its tags (names resolved for display).

    The one declaration of a claim's fields (see annotator.models.fields): the
    claims table's columns, the SELECT lists, the row -> Claim builders, the
    lossless JSON (in this order), the native merger's reading, the command
    line's JSON and the undo labels all derive from it.
    """

    id: int = declared(fixed=True, cli="id")
    uid: str = declared(fixed=True, json="uid", read="text", cli="uid")
    article_id: int = declared(
        json="article", ref="articles", read="text", into="article", cli="article"
    )
    start: int | None = declared(json="start", read="int?", cli="start")
    end: int | None = declared(json="end", read="int?", cli="end")
    quote: str = declared(json="quote", read="text", cli="quote")
    prefix: str = declared(json="prefix", read="text?", missing="", cli="prefix")
    suffix: str = declared(json="suffix", read="text?", missing="", cli="suffix")
    # "exact" | "fuzzy" | "orphan"
    anchor: str = declared(json="anchor", read="anchor", cli="anchor", cli_after="note")
    # The quote as marked, when a revision moved the claim onto other
    # characters (fuzzy), lost it (orphan) or retypeset it; None otherwise.
    original_quote: str | None = declared(
        json="original_quote", read="text?", cli="original_quote", cli_after="note", default=None
    )
    statement: str = declared(
        json="statement", read="text?", missing="", cli="statement", label="statement"
    )
    speaker_id: int | None = declared(
        json="speaker", ref="speakers", read="text?", into="speaker_uid", label="speaker"
    )
    speaker: str | None = declared(column=False, name_of="speaker_id", cli="speaker")
    side_id: int | None = declared(label="side")
    side: str | None = declared(
        column=False, name_of="side_id", json="side", read="text?", cli="side"
    )
    stance_id: int | None = declared(label="stance")
    stance: str | None = declared(
        column=False, name_of="stance_id", json="stance", read="text?", cli="stance"
    )
    verdict_id: int | None = declared(label="verdict")
    verdict: str | None = declared(
        column=False, name_of="verdict_id", json="verdict", read="text?", cli="verdict"
    )
    topics: tuple[str, ...] = declared(column=False, json="topics", read="texts", cli="topics")
    status: str = declared(
        json="status", read="text?", missing="to check", cli="status", label="status"
    )
    note: str = declared(json="note", read="text?", missing="", cli="note", label="note")
    # The checker's published fact-check page (a ClaimReview's `url`).
    review_url: str | None = declared(
        json="review_url", read="web", cli="review_url", label="review URL", default=None
    )
    created_by: str = declared(
        fixed=True, json="created_by", read="text?", missing="", cli="created_by"
    )
    created_at: str = declared(fixed=True, json="created_at", read="text?", cli="created_at")
    updated_at: str = declared(json="updated_at", read="text?", cli="updated_at")

    @property
    def needs_review(self) -> bool:
        return self.anchor != "exact"

    def as_json(self) -> dict[str, Any]:
        """The command line's JSON of the claim (its keys and order: CLAIM_CLI_KEYS)."""
        shown = dict(zip(_CLI_KEYS, _cli_values(self), strict=True))
        shown["topics"] = list(self.topics)
        return shown


# Derived from the declaration once, at import: the per-row code uses these.
CLAIM_FIELDS = fields.names(Claim)
CLAIM_COLUMNS = fields.columns(Claim)
CLAIM_EDITABLE = fields.editable(Claim)
CLAIM_LABELS = fields.labels(Claim)
CLAIM_NAMES_OF = fields.names_of(Claim)
CLAIM_JSON = fields.json_keys(Claim)
CLAIM_READS = fields.json_reads(Claim)
CLAIM_CLI_KEYS = fields.cli_keys(Claim)
_CLI_KEYS = tuple(key for _, key in CLAIM_CLI_KEYS)
_cli_values = attrgetter(*(name for name, _ in CLAIM_CLI_KEYS))
_NEW = object.__new__
_SET = object.__setattr__


def claim_from(values: dict[str, Any]) -> Claim:
    """A Claim built the way pickle and copy rebuild one: its fields straight into __dict__.

    `values` holds every name in CLAIM_FIELDS. The frozen dataclass __init__
    makes one object.__setattr__ call per field (26 of them); for 100,000
    claims that alone is a third of a second.
    """
    claim = _NEW(Claim)
    _SET(claim, "__dict__", values)
    return claim


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
