"""Codebook values: the sides, stances, verdicts and topics claims are tagged with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.models import fields
from annotator.models.fields import declared


@dataclass(frozen=True)
class VocabEntry:
    """A codebook value: a side, stance, verdict or topic.

    The one declaration of a value's fields (see annotator.models.fields): the
    vocab table's columns, the row -> VocabEntry builder, update()'s fields, a
    value in the lossless JSON (in this order; the file groups them by kind),
    the native merger's reading and its vocab row derive from it.
    """

    id: int = declared(fixed=True)
    kind: str = declared(fixed=True)
    name: str = declared(json="name", read="text")
    colour: str = declared(json="colour", read="text?", missing="#cccccc")
    rating: float | None = declared(json="rating", read="number?")
    description: str = declared(json="description", read="text?", missing="")
    # Its place in its kind's list; a merge puts a new value at the end.
    position: int = declared(json="position")


# Derived from the declaration once, at import.
VOCAB_FIELDS = fields.names(VocabEntry)
VOCAB_COLUMNS = fields.columns(VocabEntry)
VOCAB_EDITABLE = fields.editable(VocabEntry)
VOCAB_JSON = fields.json_keys(VocabEntry)
VOCAB_READS = fields.json_reads(VocabEntry)
VOCAB_WRITES = fields.json_columns(VocabEntry)


# Everything needed to bring a deleted codebook value back exactly.
VocabSnapshot = dict[str, Any]
