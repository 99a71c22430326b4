"""Figures of claims (project.quantities): parsed from statements, corrected by checkers.

The parser's rows are a cache of the statement; a checker's correction is
data. So refresh() replaces only the parser's rows and keeps corrected ones,
and sync() re-parses exactly the claims whose statement changed since it was
last parsed (the text's hash is kept beside it), whoever changed it.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError, NotFound
from annotator.models import Changes, Quantity, Snapshot
from annotator.models.figures import (
    QUANTITY_COLUMNS,
    QUANTITY_CORRECTABLE,
    QUANTITY_EDITABLE,
    QUANTITY_FIELDS,
)
from db import figures as q

if TYPE_CHECKING:
    from annotator.claims.service import ClaimManager
    from db.projectfile.connection import ProjectDatabase

DIRECTIONS = ("rise", "fall")
BASES = ("cash", "real")
# Fields a checker may correct (declared on Quantity); positions move with the words.
CORRECTABLE = QUANTITY_CORRECTABLE
# Claims parsed per transaction by sync(): about 70 ms of parsing, so a background
# sync commits (and can stop) several times a second.
SYNC_BATCH = 250


class QuantityError(AnnotatorError):
    """A figure cannot be set as asked (unknown direction, a value that is not a number...)."""


def parse(text: str) -> builtins.list[Quantity]:
    """The parser's figures of `text`. Its module is imported on the first parse: its
    ~50 patterns took ~50 ms to compile, and a window asking only which claims are
    stale (the figures view opening) paid for them on the GUI thread."""
    from annotator.figures.parser import parse as parse_figures

    return parse_figures(text)


def quantity_from_row(row: dict[str, Any]) -> Quantity:
    """A figure from a quantities row (every declared field is a column of it)."""
    values = {f: row[f] for f in QUANTITY_FIELDS}
    values["value"] = float(row["value"]) if row["value"] is not None else 0.0
    values["start"] = row["start"] if row["start"] is not None else 0
    values["end"] = row["end"] if row["end"] is not None else 0
    values["corrected"] = bool(row["corrected"])
    return Quantity(**values)


def claim_text(statement: str, quote: str) -> str:
    """What figures are parsed from: the checker's statement, else the quote."""
    return statement if statement.strip() else quote


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


class QuantityManager:
    def __init__(self, db: ProjectDatabase, claims: ClaimManager) -> None:
        self._db = db
        self._claims = claims  # a claim's figures are parsed from its words

    # -- reading -------------------------------------------------------------
    def get(self, quantity_id: int) -> Quantity:
        row = q.get(self._db, quantity_id)
        if row is None:
            raise NotFound(f"no quantity with id {quantity_id}")
        return quantity_from_row(row)

    def list(self, claim_id: int) -> list[Quantity]:
        return [quantity_from_row(r) for r in q.for_claim(self._db, claim_id)]

    def subjects(self) -> builtins.list[tuple[str, int]]:
        """Subjects with their number of figures, most common first."""
        return q.subjects(self._db)

    # -- parsing ---------------------------------------------------------------
    def _refresh(self, claim_id: int, text: str) -> None:
        kept = [r for r in q.for_claim(self._db, claim_id) if r["corrected"]]
        q.delete_parsed(self._db, claim_id)
        for found in parse(text):
            if any(r["start"] < found.end and found.start < r["end"] for r in kept):
                continue  # the checker's own version of these words stands
            row = {k: v for k, v in found.as_json().items() if k in QUANTITY_COLUMNS}
            row.update(claim_id=claim_id, corrected=0, words=found.words)
            q.insert(self._db, row, QUANTITY_COLUMNS)
        q.set_parsed(self._db, claim_id, _sha(text))

    def refresh(self, claim_id: int) -> builtins.list[Quantity]:
        """Re-parse a claim's statement; corrected figures are kept as the checker left them."""
        claim = self._claims.get(claim_id)
        with self._db.atomic():
            self._refresh(claim_id, claim_text(claim.statement, claim.quote))
        return self.list(claim_id)

    def stale(self, claim_ids: builtins.list[int] | None = None) -> builtins.list[int]:
        """The claims (default: all) whose text changed since last parsed.

        Cheap next to parsing them (hashing 10,000 claims' texts takes about 30 ms,
        parsing them about 3 s), so a view asks this before starting a background sync.
        A claim never parsed is stale without hashing its text: on 10,000 new claims
        (an import, a merge) the hashing was half of the GUI thread's wait.
        """
        parsed = q.parsed_hashes(self._db)
        return [
            claim_id
            for claim_id, statement, quote in q.claim_texts(self._db, claim_ids)
            if (known := parsed.get(claim_id)) is None
            or known != _sha(claim_text(statement, quote))
        ]

    def sync(
        self,
        claim_ids: builtins.list[int] | None = None,
        report: Callable[[int, int, str], None] | None = None,
        stopped: Callable[[], bool] | None = None,
        batch: int = SYNC_BATCH,
        pause: Callable[[], object] | None = None,
    ) -> frozenset[int]:
        """Re-parse the claims (default: all) whose text changed since last parsed; their ids.

        A few hundred claims per transaction, each committed before the next, so
        readers on other connections see figures arrive and a stop between batches
        (`stopped()` true) keeps what was parsed. Each batch reads its claims' text
        again inside its transaction: a claim edited since the stale list was made
        is parsed as it now reads, and one no longer stale (or deleted) is skipped.
        `report(done, total, "")` after each batch; `pause()` before each claim is
        parsed (a window's job waits there while the GUI thread reads the figures, so
        the two do not take turns at the interpreter's lock).
        """
        stale = self.stale(claim_ids)
        done: builtins.list[int] = []
        for start in range(0, len(stale), max(1, batch)):
            if stopped is not None and stopped():
                break
            chunk = stale[start : start + max(1, batch)]
            with self._db.atomic():
                parsed = q.parsed_hashes(self._db, chunk)
                for claim_id, statement, quote in q.claim_texts(self._db, chunk):
                    text = claim_text(statement, quote)
                    if parsed.get(claim_id) != _sha(text):
                        if pause is not None:
                            pause()
                        self._refresh(claim_id, text)
                        done.append(claim_id)
            if report is not None:
                report(min(start + len(chunk), len(stale)), len(stale), "")
        return frozenset(done)

    # -- correcting -----------------------------------------------------------------
    def _clean(self, fields: dict[str, Any]) -> dict[str, Any]:
        unknown = set(fields) - set(CORRECTABLE)
        if unknown:
            raise QuantityError(f"not a field of a figure: {', '.join(sorted(unknown))}")
        clean = {k: _blank_to_none(v) for k, v in fields.items()}
        if "words" in clean:
            clean["words"] = clean["words"] or ""
        if "value" in clean:
            try:
                clean["value"] = float(str(clean["value"]).replace(",", ""))
            except (TypeError, ValueError) as exc:
                raise QuantityError(f"the value must be a number, not {fields['value']!r}") from exc
        if clean.get("direction") not in (None, *DIRECTIONS):
            raise QuantityError(
                f"direction must be rise, fall or empty, not {clean['direction']!r}"
            )
        if clean.get("basis") not in (None, *BASES):
            raise QuantityError(f"basis must be cash, real or empty, not {clean['basis']!r}")
        if clean.get("base_year") is not None:
            try:
                clean["base_year"] = int(clean["base_year"])
            except (TypeError, ValueError) as exc:
                raise QuantityError(
                    f"the base year must be a year, not {fields['base_year']!r}"
                ) from exc
        return clean

    def update(self, quantity_id: int, **fields: Any) -> Quantity:
        """Correct fields of a figure; it is then the checker's and survives re-parsing."""
        self.get(quantity_id)
        clean = self._clean(fields)
        with self._db.atomic():
            q.update(self._db, quantity_id, {**clean, "corrected": 1}, QUANTITY_EDITABLE)
        return self.get(quantity_id)

    def put_back(self, quantity: Quantity) -> Quantity:
        """Set every field (and the corrected flag) back as in `quantity`: undo of update()."""
        fields = {k: getattr(quantity, k) for k in CORRECTABLE}
        with self._db.atomic():
            q.update(
                self._db,
                int(quantity.id or 0),
                {**fields, "corrected": int(quantity.corrected)},
                QUANTITY_EDITABLE,
            )
        return self.get(int(quantity.id or 0))

    def add(self, claim_id: int, value: Any, unit: str | None = None, **fields: Any) -> Quantity:
        """A figure the parser missed, added by the checker (so marked corrected)."""
        self._claims.get(claim_id)
        clean = self._clean({"value": value, "unit": unit, **fields})
        row = {"claim_id": claim_id, "start": 0, "end": 0, "words": "", **clean, "corrected": 1}
        with self._db.atomic():
            quantity_id = q.insert(self._db, row, QUANTITY_COLUMNS)
        return self.get(quantity_id)

    def delete(self, quantity_id: int) -> Snapshot:
        row = q.get(self._db, quantity_id)
        if row is None:
            raise NotFound(f"no quantity with id {quantity_id}")
        with self._db.atomic():
            q.delete(self._db, quantity_id)
        return {"quantities": [row]}

    def restore(self, snapshot: Snapshot) -> Quantity:
        row = snapshot["quantities"][0]
        with self._db.atomic():
            q.insert(self._db, row, QUANTITY_COLUMNS)
        return self.get(int(row["id"]))

    @staticmethod
    def changes(claim_id: int) -> Changes:
        return Changes(claims=frozenset({claim_id}))
