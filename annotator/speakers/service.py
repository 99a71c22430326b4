"""Speakers: who said a claim, the names they go by, their dated roles (project.speakers).

Names and aliases share one namespace, compared case-insensitively (casefold,
so "ÉMILE" finds "Émile"): "the Health Secretary" must lead to exactly one
person, or tagging by name would be a guess.
"""

from __future__ import annotations

import builtins
import unicodedata
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from annotator.clock import new_uid
from annotator.errors import AnnotatorError, NotFound
from annotator.models import MergeRecord, Speaker, SpeakerRole, SpeakerSnapshot, fields
from annotator.models.speakers import ROLE_FIELDS, SPEAKER_COLUMNS, SPEAKER_EDITABLE
from annotator.text.dates import to_iso
from db import speakers as q
from db import vocab as vocab_q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

MAX_NAME_CHARS = 200
SEARCH_LIMIT = 20
UPDATABLE = SPEAKER_EDITABLE
SPEAKER_KINDS = ("person", "organisation")


class SpeakerError(AnnotatorError):
    """A speaker cannot be made or changed as asked (blank or taken name, unknown side...)."""


def clean_name(text: str, what: str = "name") -> str:
    """One line, single spaces, no control characters: how a name is stored and compared."""
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise SpeakerError(f"a speaker's {what} cannot be blank")
    if len(cleaned) > MAX_NAME_CHARS:
        raise SpeakerError(f"a speaker's {what} is longer than {MAX_NAME_CHARS} characters")
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise SpeakerError(f"a speaker's {what} cannot hold control characters")
    return cleaned


# What a row of db.speakers.rows holds of a Speaker: its columns and the side's name.
_ROW_FIELDS = (*SPEAKER_COLUMNS, *(name for name, _, _ in fields.names_of(Speaker)))
_row_values = itemgetter(*_ROW_FIELDS)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _optional(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = " ".join(str(text).split())
    return cleaned or None


def _role(row: dict[str, Any]) -> SpeakerRole:
    """A role from a row of db.speakers.roles: its columns and the side's name."""
    return SpeakerRole(**{f: row[f] for f in ROLE_FIELDS})


class SpeakerManager:
    def __init__(self, db: ProjectDatabase) -> None:
        self._db = db

    # -- reading -----------------------------------------------------------
    def _build(self, rows: list[dict[str, Any]], single: int | None = None) -> list[Speaker]:
        aliases: dict[int, list[str]] = {}
        for a in q.aliases(self._db, single):
            aliases.setdefault(a["speaker_id"], []).append(a["alias"])
        roles: dict[int, list[SpeakerRole]] = {}
        for r in q.roles(self._db, single):
            roles.setdefault(r["speaker_id"], []).append(_role(r))
        speakers = []
        for row in rows:
            values = dict(zip(_ROW_FIELDS, _row_values(row), strict=True))
            values["kind"] = values["kind"] or "person"
            values["aliases"] = tuple(aliases.get(row["id"], ()))
            values["roles"] = tuple(roles.get(row["id"], ()))
            speakers.append(Speaker(**values))
        return speakers

    def list(self) -> list[Speaker]:
        return self._build(q.rows(self._db))

    def get(self, speaker_id: int) -> Speaker:
        rows = q.rows(self._db, speaker_id)
        if not rows:
            raise NotFound(f"no speaker with id {speaker_id}")
        return self._build(rows, speaker_id)[0]

    def _names(self) -> dict[str, int]:
        """Every name and alias (casefolded) to its speaker's id."""
        index = {_key(r["name"]): r["id"] for r in q.rows(self._db)}
        for a in q.aliases(self._db):
            index.setdefault(_key(a["alias"]), a["speaker_id"])
        return index

    def find(self, name_or_alias: str) -> Speaker | None:
        """The speaker called this, by name or alias, ignoring case and spacing."""
        speaker_id = self._names().get(_key(name_or_alias))
        return None if speaker_id is None else self.get(speaker_id)

    def search(self, prefix: str, limit: int = SEARCH_LIMIT) -> builtins.list[Speaker]:
        """Type-ahead: names or aliases starting with prefix first, then any word starting with it."""
        key = _key(prefix)
        speakers = self.list()
        if not key:
            return speakers[:limit]
        ranked: list[tuple[int, str, Speaker]] = []
        for speaker in speakers:
            names = [_key(n) for n in (speaker.name, *speaker.aliases)]
            if any(n.startswith(key) for n in names):
                rank = 0
            elif any(word.startswith(key) for n in names for word in n.split()):
                rank = 1
            elif any(key in n for n in names):
                rank = 2
            else:
                continue
            ranked.append((rank, speaker.name.casefold(), speaker))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [speaker for _, _, speaker in ranked[:limit]]

    def claim_counts(self) -> dict[int, int]:
        """Claims per speaker id (speakers without claims are absent)."""
        return q.claim_counts(self._db)

    # -- checks ------------------------------------------------------------
    def _check_free(self, name: str, owner: int | None = None) -> None:
        taken_by = self._names().get(_key(name))
        if taken_by is not None:
            other = self.get(taken_by)
            if taken_by == owner:
                raise SpeakerError(f"{name!r} is already a name of {other.name}")
            raise SpeakerError(f"{name!r} is already used by speaker {other.name} (id {other.id})")

    def _check_side(self, side_id: int | None) -> None:
        if side_id is None:
            return
        row = vocab_q.row(self._db, side_id)
        if row is None or row["kind"] != "side":
            raise SpeakerError(f"no side with id {side_id}")

    # -- making and changing -------------------------------------------------
    def create(
        self,
        name: str,
        role: str | None = None,
        organisation: str | None = None,
        side_id: int | None = None,
        aliases: tuple[str, ...] | builtins.list[str] = (),
        note: str = "",
    ) -> Speaker:
        """A new speaker; a blank name, or a name or alias someone already has, is refused."""
        name = clean_name(name)
        cleaned = [clean_name(a, "alias") for a in aliases]
        keys = [_key(n) for n in (name, *cleaned)]
        if len(set(keys)) != len(keys):
            raise SpeakerError(f"the names given for {name!r} repeat one another")
        for each in (name, *cleaned):
            self._check_free(each)
        self._check_side(side_id)
        with self._db.atomic():
            speaker_id = q.insert(
                self._db,
                {
                    "uid": new_uid(),
                    "name": name,
                    "role": _optional(role),
                    "organisation": _optional(organisation),
                    "side_id": side_id,
                    "note": note or "",
                },
            )
            for alias in cleaned:
                q.insert_alias(self._db, speaker_id, alias)
        return self.get(speaker_id)

    def update(self, speaker_id: int, **fields: Any) -> Speaker:
        """Change name, role, organisation, side_id or note."""
        self.get(speaker_id)
        unknown = set(fields) - set(UPDATABLE)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if "name" in fields:
            fields["name"] = clean_name(fields["name"])
            taken_by = self._names().get(_key(fields["name"]))
            if taken_by is not None and taken_by != speaker_id:
                self._check_free(fields["name"])
        for text_field in ("role", "organisation"):
            if text_field in fields:
                fields[text_field] = _optional(fields[text_field])
        if "note" in fields:
            fields["note"] = fields["note"] or ""
        if "side_id" in fields:
            self._check_side(fields["side_id"])
        if "kind" in fields and fields["kind"] not in SPEAKER_KINDS:
            raise SpeakerError(
                f"unknown speaker kind {fields['kind']!r} (use one of: {', '.join(SPEAKER_KINDS)})"
            )
        with self._db.atomic():
            if "name" in fields:
                # Renaming to one's own alias: the alias is now the name.
                for a in q.aliases(self._db, speaker_id):
                    if _key(a["alias"]) == _key(fields["name"]):
                        q.delete_alias(self._db, a["id"])
            q.update(self._db, speaker_id, fields, SPEAKER_EDITABLE)
        return self.get(speaker_id)

    def add_alias(self, speaker_id: int, alias: str) -> Speaker:
        self.get(speaker_id)
        alias = clean_name(alias, "alias")
        self._check_free(alias, owner=speaker_id)
        with self._db.atomic():
            q.insert_alias(self._db, speaker_id, alias)
        return self.get(speaker_id)

    def remove_alias(self, speaker_id: int, alias: str) -> Speaker:
        speaker = self.get(speaker_id)
        matches = [a for a in q.aliases(self._db, speaker_id) if _key(a["alias"]) == _key(alias)]
        if not matches:
            raise NotFound(f"{speaker.name} has no alias {alias!r}")
        with self._db.atomic():
            for a in matches:
                q.delete_alias(self._db, a["id"])
        return self.get(speaker_id)

    def add_role(
        self,
        speaker_id: int,
        role: str | None,
        organisation: str | None = None,
        side_id: int | None = None,
        valid_from: str | None = None,
        valid_to: str | None = None,
    ) -> Speaker:
        """Record a role held between two dates (either may be open)."""
        self.get(speaker_id)
        role, organisation = _optional(role), _optional(organisation)
        if role is None and organisation is None:
            raise SpeakerError("a role needs a title or an organisation")
        dates: list[str | None] = []
        for label, value in (("start", valid_from), ("end", valid_to)):
            if value in (None, ""):
                dates.append(None)
                continue
            iso = to_iso(value)
            if iso is None:
                raise SpeakerError(f"the role's {label} date {value!r} is not a date")
            dates.append(iso[:10])
        if dates[0] and dates[1] and dates[0] > dates[1]:
            raise SpeakerError(f"the role ends ({dates[1]}) before it starts ({dates[0]})")
        self._check_side(side_id)
        with self._db.atomic():
            q.insert_role(
                self._db,
                {
                    "speaker_id": speaker_id,
                    "role": role,
                    "organisation": organisation,
                    "side_id": side_id,
                    "valid_from": dates[0],
                    "valid_to": dates[1],
                },
            )
        return self.get(speaker_id)

    def remove_role(self, speaker_id: int, role_id: int) -> Speaker:
        speaker = self.get(speaker_id)
        if all(r.id != role_id for r in speaker.roles):
            raise NotFound(f"{speaker.name} has no role with id {role_id}")
        with self._db.atomic():
            q.delete_role(self._db, role_id)
        return self.get(speaker_id)

    # -- merging and deleting ---------------------------------------------------
    def merge(self, keep_id: int, drop_id: int) -> MergeRecord:
        """Fold drop into keep: its claims, aliases and roles move, its name becomes an alias."""
        if keep_id == drop_id:
            raise SpeakerError("a speaker cannot be merged with itself")
        self.get(keep_id)
        drop = self.get(drop_id)
        with self._db.atomic():
            rows = q.snapshot(self._db, drop_id)
            claim_ids = [int(r["id"]) for r in rows["claim_ids"]]
            q.set_claims_speaker(self._db, claim_ids, keep_id)
            q.move_dependents(self._db, drop_id, keep_id)
            q.delete(self._db, drop_id)
            added = (q.insert_alias(self._db, keep_id, drop.name),)
        return MergeRecord(
            keep_id=keep_id, drop=rows, claim_ids=tuple(claim_ids), added_alias_ids=added
        )

    def unmerge(self, record: MergeRecord) -> Speaker:
        """Undo merge(): the dropped speaker comes back with its claims, aliases and roles."""
        with self._db.atomic():
            for alias_id in record.added_alias_ids:
                q.delete_alias(self._db, alias_id)
            q.restore(self._db, record.drop)
        return self.get(int(record.drop["speakers"][0]["id"]))

    def delete(self, speaker_id: int) -> SpeakerSnapshot:
        """Delete a speaker (its claims lose their speaker); the snapshot undoes it."""
        self.get(speaker_id)
        with self._db.atomic():
            snapshot = q.snapshot(self._db, speaker_id)
            q.delete(self._db, speaker_id)
        return snapshot

    def restore(self, snapshot: SpeakerSnapshot) -> Speaker:
        with self._db.atomic():
            q.restore(self._db, snapshot)
        return self.get(int(snapshot["speakers"][0]["id"]))
