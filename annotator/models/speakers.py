"""Speakers: who said a claim, their dated roles, and what a merge changed."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from annotator.models import fields
from annotator.models.fields import declared


@dataclass(frozen=True, kw_only=True)
class SpeakerRole:
    """A dated role: people change jobs and sides, so a quote is read against the role it was said in.

    The one declaration of a role's fields (see annotator.models.fields): the
    speaker_roles table's columns, the row -> SpeakerRole builder, a role in
    the lossless JSON (in this order), the native merger's role rows and the
    command line's JSON derive from it.
    """

    id: int = declared(fixed=True, cli="id")
    speaker_id: int = declared(fixed=True)  # whose role it is
    role: str | None = declared(json="role", cli="role")
    organisation: str | None = declared(json="organisation", cli="organisation")
    side_id: int | None = declared()
    side: str | None = declared(column=False, name_of="side_id", json="side", cli="side")
    valid_from: str | None = declared(json="valid_from", cli="valid_from")
    valid_to: str | None = declared(json="valid_to", cli="valid_to")

    def as_json(self) -> dict[str, Any]:
        """The command line's JSON of the role (its keys and order: ROLE_CLI_KEYS)."""
        return dict(zip(_ROLE_CLI, _role_cli_values(self), strict=True))


# Derived from the declaration once, at import.
ROLE_FIELDS = fields.names(SpeakerRole)
ROLE_COLUMNS = fields.columns(SpeakerRole)
ROLE_JSON = fields.json_keys(SpeakerRole)
ROLE_WRITES = fields.json_columns(SpeakerRole)
ROLE_CLI_KEYS = fields.cli_keys(SpeakerRole)
_ROLE_CLI = tuple(key for _, key in ROLE_CLI_KEYS)
_role_cli_values = attrgetter(*(name for name, _ in ROLE_CLI_KEYS))


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
    kind: str = declared(json="kind", missing="person", cli="kind", label="kind", default="person")
    role: str | None = declared(json="role", read="text?", cli="role", label="role")
    organisation: str | None = declared(
        json="organisation", read="text?", cli="organisation", label="organisation"
    )
    side_id: int | None = declared(label="side")
    side: str | None = declared(
        column=False, name_of="side_id", json="side", read="text?", cli="side"
    )
    note: str = declared(
        json="note", read="text?", missing="", cli="note", cli_after="roles", label="note"
    )
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
SPEAKER_WRITES = fields.json_columns(Speaker)
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
