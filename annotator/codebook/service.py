"""The codebook: sides, stances, verdicts and topics (project.codebook).

Seeded from resources/codebook.json so a new project starts with the values
every fact-checker needs for the sample dispute.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError, NotFound
from annotator.models import VocabEntry, VocabSnapshot
from annotator.models.codebook import VOCAB_EDITABLE, VOCAB_FIELDS, VOCAB_WRITES
from db import vocab as q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

KINDS = ("side", "stance", "verdict", "topic")
DEFAULT_COLOUR = "#cccccc"
MAX_NAME_CHARS = 80
COLOUR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")
UPDATABLE = VOCAB_EDITABLE


class CodebookError(AnnotatorError):
    """A codebook value cannot be added or changed as asked (blank, taken, bad colour...)."""


class InUse(CodebookError):
    """A value still used by claims or speakers cannot be deleted without a replacement."""


def _entry(r: dict[str, Any]) -> VocabEntry:
    """A value from a vocab row (every declared field is a column)."""
    return VocabEntry(**{f: r[f] for f in VOCAB_FIELDS})


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _clean_name(kind: str, name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise CodebookError(f"a {kind} needs a name")
    if len(cleaned) > MAX_NAME_CHARS:
        raise CodebookError(f"a {kind} name is longer than {MAX_NAME_CHARS} characters")
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise CodebookError(f"a {kind} name cannot hold control characters")
    return cleaned


def _clean_colour(colour: str) -> str:
    if not COLOUR_PATTERN.fullmatch(str(colour)):
        raise CodebookError(f"colour {colour!r} is not of the form #rrggbb")
    return str(colour).lower()


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise CodebookError(f"unknown codebook kind {kind!r} (use one of: {', '.join(KINDS)})")


def default_codebook() -> dict[str, list[dict[str, Any]]]:
    # Imported here: importlib.resources costs every start-up ~5 ms, and only a
    # new project is seeded (issue 19).
    from importlib import resources

    text = resources.files("resources").joinpath("codebook.json").read_text("utf-8")
    return dict(json.loads(text))


class Codebook:
    def __init__(self, db: ProjectDatabase) -> None:
        self._db = db

    def entries(self, kind: str | None = None) -> list[VocabEntry]:
        rows = q.all_rows(self._db)
        return [_entry(r) for r in rows if kind is None or r["kind"] == kind]

    def get(self, vocab_id: int) -> VocabEntry:
        row = q.row(self._db, vocab_id)
        if row is None:
            raise NotFound(f"no codebook value with id {vocab_id}")
        return _entry(row)

    def find(self, kind: str, name: str) -> VocabEntry | None:
        """The value of this kind called name, ignoring case and spacing."""
        key = _key(name)
        return next((e for e in self.entries(kind) if _key(e.name) == key), None)

    def resolve(self, kind: str, name: str) -> VocabEntry:
        """Like find(), but an unknown name is an error listing the valid ones."""
        _check_kind(kind)
        entry = self.find(kind, name)
        if entry is None:
            names = ", ".join(e.name for e in self.entries(kind))
            raise CodebookError(f"unknown {kind} {name!r} (use one of: {names})")
        return entry

    def add(
        self,
        kind: str,
        name: str,
        colour: str = DEFAULT_COLOUR,
        rating: float | None = None,
        description: str = "",
    ) -> VocabEntry:
        """A new value at the end of its kind's list; blank or taken names are refused."""
        _check_kind(kind)
        name = _clean_name(kind, name)
        if self.find(kind, name) is not None:
            raise CodebookError(f"there is already a {kind} called {name!r}")
        db = self._db
        with db.atomic():
            vocab_id = q.insert(
                db,
                {
                    "kind": kind,
                    "name": name,
                    "colour": _clean_colour(colour),
                    "rating": None if rating is None else float(rating),
                    "description": description or "",
                    "position": q.next_position(db, kind),
                },
            )
        return self.get(vocab_id)

    def update(self, vocab_id: int, **fields: Any) -> VocabEntry:
        """Rename, recolour, re-rate, describe or reorder a value."""
        entry = self.get(vocab_id)
        unknown = set(fields) - set(UPDATABLE)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if "name" in fields:
            fields["name"] = _clean_name(entry.kind, fields["name"])
            other = self.find(entry.kind, fields["name"])
            if other is not None and other.id != vocab_id:
                raise CodebookError(f"there is already a {entry.kind} called {fields['name']!r}")
        if "colour" in fields:
            fields["colour"] = _clean_colour(fields["colour"])
        if "rating" in fields and fields["rating"] is not None:
            fields["rating"] = float(fields["rating"])
        if "description" in fields:
            fields["description"] = fields["description"] or ""
        with self._db.atomic():
            q.update(self._db, vocab_id, fields, VOCAB_EDITABLE)
        return self.get(vocab_id)

    def usage(self, vocab_id: int) -> int:
        """How many claims and speakers use the value (0: it can go freely)."""
        self.get(vocab_id)
        counts = q.usage(self._db, vocab_id)
        return counts["claims"] + counts["speakers"]

    def delete(self, vocab_id: int, replace_with: int | None = None) -> VocabSnapshot:
        """Delete a value; when in use, replace_with (same kind) takes its place everywhere.

        Returns what restore() needs to put the value and every reference back.
        """
        entry = self.get(vocab_id)
        db = self._db
        counts = q.usage(db, vocab_id)
        if replace_with is None and (counts["claims"] or counts["speakers"]):
            raise InUse(
                f"{entry.kind} {entry.name!r} is used by {counts['claims']} claim(s) and "
                f"{counts['speakers']} speaker(s); choose a {entry.kind} to replace it"
            )
        if replace_with is not None:
            other = self.get(replace_with)
            if other.kind != entry.kind or other.id == entry.id:
                raise CodebookError(
                    f"{entry.kind} {entry.name!r} can only be replaced by another {entry.kind}"
                )
        with db.atomic():
            row = q.row(db, vocab_id)
            refs = q.referencing(db, vocab_id)
            had = sorted(
                set(q.topic_pairs(db, replace_with)) & set(refs["claim_topics.topic_id"])
                if replace_with is not None
                else set()
            )
            q.repoint(db, refs, to_id=replace_with, from_id=vocab_id)
            q.delete(db, vocab_id)
        return {"row": row, "refs": refs, "replace_with": replace_with, "had_replacement": had}

    def restore(self, snapshot: VocabSnapshot) -> VocabEntry:
        """Undo delete(): the value comes back with the same id and every use it had."""
        db = self._db
        replaced = snapshot["replace_with"]
        keep_topic = set(snapshot["had_replacement"])
        with db.atomic():
            q.restore(db, snapshot["row"])
            refs = dict(snapshot["refs"])
            topic_claims = refs.pop("claim_topics.topic_id", [])
            q.repoint(db, refs, to_id=snapshot["row"]["id"], from_id=None)
            q.repoint(
                db,
                {"claim_topics.topic_id": topic_claims},
                to_id=snapshot["row"]["id"],
                from_id=None,
            )
            if replaced is not None:
                leave = [c for c in topic_claims if c not in keep_topic]
                q.repoint(db, {"claim_topics.topic_id": leave}, to_id=None, from_id=replaced)
        return self.get(snapshot["row"]["id"])

    def seed_defaults(self) -> None:
        """Fill an empty codebook with the defaults (idempotent)."""
        db = self._db
        if q.count(db):
            return
        with db.atomic():
            for kind_plural, values in default_codebook().items():
                kind = kind_plural.removesuffix("s")
                for position, value in enumerate(values):
                    # name, colour, rating, description as the defaults file has them
                    row = {c.column: value.get(c.key, c.missing) for c in VOCAB_WRITES}
                    q.insert(db, {**row, "kind": kind, "position": position})
