"""Figures parsed out of a claim's statement."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from annotator.models import fields
from annotator.models.fields import declared


def _figure(name: str, default: Any = None) -> Any:
    """A field a checker corrects, in the JSON and the command line's JSON by its name."""
    return declared(json=name, cli=name, label=name.replace("_", " "), default=default)


@dataclass(frozen=True)
class Quantity:
    """A figure in a claim: 26% fall since 2008 (RPI, real), with the words it came from.

    start/end are code points in the text that was parsed (a claim's statement);
    corrected means a checker edited it, so re-parsing the statement keeps it.

    The one declaration of a figure's fields (see annotator.models.fields): the
    quantities table's columns, the row -> Quantity builder, the fields a
    checker corrects, a figure in the lossless JSON (in this order), the merge's
    quantity rows and the command line's JSON derive from it.
    """

    value: float = declared(json="value", cli="value", label="value")
    unit: str | None = declared(json="unit", cli="unit", label="unit")
    # "rise" | "fall" | None
    direction: str | None = _figure("direction")
    period: str | None = _figure("period")
    base_year: int | None = _figure("base_year")
    measure: str | None = _figure("measure")  # "RPI", "CPI", "CPIH", ...
    basis: str | None = _figure("basis")  # "cash" | "real" | None
    qualifier: str | None = _figure("qualifier")  # "nearly", "more than", "between", ...
    subject: str | None = _figure("subject")  # "resident doctors' pay"
    start: int = _figure("start", 0)
    end: int = _figure("end", 0)
    words: str = _figure("words", "")
    id: int | None = declared(fixed=True, default=None)
    claim_id: int | None = declared(fixed=True, default=None)
    corrected: bool = declared(json="corrected", default=False)

    def as_json(self) -> dict[str, Any]:
        """The command line's JSON of the figure (its keys and order: QUANTITY_CLI_KEYS)."""
        shown = dict(zip(_CLI_KEYS, _cli_values(self), strict=True))
        if float(self.value).is_integer() and abs(self.value) < 2**53:
            shown["value"] = int(self.value)
        return shown


# Derived from the declaration once, at import.
QUANTITY_FIELDS = fields.names(Quantity)
QUANTITY_COLUMNS = fields.columns(Quantity)
QUANTITY_EDITABLE = fields.editable(Quantity)
QUANTITY_CORRECTABLE = tuple(fields.labels(Quantity))
QUANTITY_JSON = fields.json_columns(Quantity)
QUANTITY_CLI_KEYS = fields.cli_keys(Quantity)
_CLI_KEYS = tuple(key for _, key in QUANTITY_CLI_KEYS)
_cli_values = attrgetter(*(name for name, _ in QUANTITY_CLI_KEYS))
