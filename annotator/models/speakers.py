"""Speakers: who said a claim, their dated roles, and what a merge changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SpeakerRole:
    """A dated role: people change jobs and sides, so a quote is read against the role it was said in."""

    id: int
    role: str | None
    organisation: str | None
    side_id: int | None
    side: str | None
    valid_from: str | None
    valid_to: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "organisation": self.organisation,
            "side": self.side,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
        }


@dataclass(frozen=True)
class Speaker:
    """Who said a claim: a person or body, the names they go by, and where they stand."""

    id: int
    uid: str
    name: str
    role: str | None
    organisation: str | None
    side_id: int | None
    side: str | None
    aliases: tuple[str, ...]
    roles: tuple[SpeakerRole, ...]
    note: str
    # "person" or "organisation": a ClaimReview types the claim's author by it.
    kind: str = "person"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "organisation": self.organisation,
            "side": self.side,
            "aliases": list(self.aliases),
            "roles": [r.as_json() for r in self.roles],
            "note": self.note,
        }


@dataclass(frozen=True)
class MergeRecord:
    """What merging two speakers changed, so unmerge() can put both back exactly."""

    keep_id: int
    drop: dict[str, list[dict[str, Any]]]  # the dropped speaker's rows by table
    claim_ids: tuple[int, ...]  # claims that moved from drop to keep
    added_alias_ids: tuple[int, ...]  # alias rows made on keep (drop's name and aliases)


# Everything needed to bring a deleted speaker back exactly.
SpeakerSnapshot = dict[str, list[dict[str, Any]]]
