"""Speakers: who said a claim, their dated roles, and what a merge changed."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from annotator.models import fields
from annotator.models.fields import declared


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


@dataclass(frozen=True, kw_only=True)
class Speaker:
    """Who said a claim: a person or body, the names they go by, and where they stand.

    The one declaration of a speaker's fields (see annotator.models.fields):
    the speakers table's columns, the row -> Speaker builder, update()'s
    fields, the lossless JSON (in this order) and the command line's JSON
    derive from it.
    """

    id: int = declared(fixed=True, cli="id")
    uid: str = declared(fixed=True, json="uid", read="text", cli="uid")
    name: str = declared(json="name", read="text", cli="name", label="name")
    # "person" or "organisation": a ClaimReview types the claim's author by it.
    kind: str = declared(json="kind", cli="kind", label="kind", default="person")
    role: str | None = declared(json="role", read="text?", cli="role", label="role")
    organisation: str | None = declared(
        json="organisation", read="text?", cli="organisation", label="organisation"
    )
    side_id: int | None = declared(label="side")
    side: str | None = declared(
        column=False, name_of="side_id", json="side", read="text?", cli="side"
    )
    note: str = declared(json="note", read="text?", cli="note", cli_after="roles", label="note")
    aliases: tuple[str, ...] = declared(column=False, json="aliases", cli="aliases")
    roles: tuple[SpeakerRole, ...] = declared(column=False, json="roles", cli="roles")

    def as_json(self) -> dict[str, Any]:
        """The command line's JSON of the speaker (its keys and order: SPEAKER_CLI_KEYS)."""
        shown = dict(zip(_CLI_KEYS, _cli_values(self), strict=True))
        shown["aliases"] = list(self.aliases)
        shown["roles"] = [r.as_json() for r in self.roles]
        return shown


# Derived from the declaration once, at import.
SPEAKER_FIELDS = fields.names(Speaker)
SPEAKER_COLUMNS = fields.columns(Speaker)
SPEAKER_EDITABLE = fields.editable(Speaker)
SPEAKER_JSON = fields.json_keys(Speaker)
SPEAKER_READS = fields.json_reads(Speaker)
SPEAKER_CLI_KEYS = fields.cli_keys(Speaker)
_CLI_KEYS = tuple(key for _, key in SPEAKER_CLI_KEYS)
_cli_values = attrgetter(*(name for name, _ in SPEAKER_CLI_KEYS))


@dataclass(frozen=True)
class MergeRecord:
    """What merging two speakers changed, so unmerge() can put both back exactly."""

    keep_id: int
    drop: dict[str, list[dict[str, Any]]]  # the dropped speaker's rows by table
    claim_ids: tuple[int, ...]  # claims that moved from drop to keep
    added_alias_ids: tuple[int, ...]  # alias rows made on keep (drop's name and aliases)


# Everything needed to bring a deleted speaker back exactly.
SpeakerSnapshot = dict[str, list[dict[str, Any]]]
