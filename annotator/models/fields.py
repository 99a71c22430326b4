"""Where a record's values live, said once on its dataclass fields.

A field's metadata says whether it is a column of the record's table, what
the lossless JSON calls it (and whether it goes there as a reference to
another record's uid), how a merge reads it back, what the command line's
JSON calls it and, for the fields a user edits, how an undo label names it.
The SELECT lists, the row -> record builders, the exporters and the native
merger derive from these, so a new field is one line here (and a migration).
Claim, Speaker, SpeakerRole, Evidence, Quantity, VocabEntry and ArticleSummary
are declared so.
"""

from __future__ import annotations

import dataclasses
from dataclasses import Field
from typing import Any, NamedTuple

# How the native merger reads a value back (the merger owns the functions).
READS = ("text", "text?", "int?", "number?", "anchor", "evidence kind", "web", "texts")


def declared(
    *,
    column: bool | str = True,
    fixed: bool = False,
    name_of: str | None = None,
    json: str | None = None,
    ref: str | None = None,
    read: str | None = None,
    missing: Any = None,
    into: str | None = None,
    cli: str | None = None,
    cli_after: str | None = None,
    label: str | None = None,
    coded: bool = False,
    shown: str | None = None,
    shown_after: str | None = None,
    default: Any = dataclasses.MISSING,
) -> Any:
    """A dataclass field with its declaration.

    column: stored in the record's table (False: joined or derived on read); a
      text names the column where it is not the field's name (Evidence.rows is
      stored in dataset_rows).
    fixed: written once, when the record is made (never in an UPDATE).
    name_of: the name of the record the id field `name_of` points to (joined on read).
    json: its key in the lossless JSON (None: not written there).
    ref: the JSON holds the uid of this kind of record ("articles", "speakers"), not the id.
    read: how the merger reads the JSON value (one of READS); missing: the value
      when the file leaves it out; into: the merger's attribute, if named otherwise.
    cli: its key in the command line's JSON; cli_after: listed there after that field.
    label: a user edits it with update(); undo labels name it so.
    coded: the column holds the value as JSON text (a list), decoded on the way out.
    shown: its label where the formats people read (CSV, HTML, Markdown) list
      it; shown_after: listed there after that field.
    """
    if read is not None and read not in READS:
        raise ValueError(f"unknown read {read!r}")
    metadata = {
        "column": column,
        "fixed": fixed,
        "name_of": name_of,
        "json": json,
        "ref": ref,
        "read": read,
        "missing": missing,
        "into": into,
        "cli": cli,
        "cli_after": cli_after,
        "label": label,
        "coded": coded,
        "shown": shown,
        "shown_after": shown_after,
    }
    return dataclasses.field(default=default, metadata=metadata)


def declaration(record: type) -> tuple[Field[Any], ...]:
    return dataclasses.fields(record)


def names(record: type) -> tuple[str, ...]:
    """Every field, in declaration order."""
    return tuple(f.name for f in declaration(record))


def column_of(f: Field[Any]) -> str | None:
    """The table column a field is stored in (None: not stored)."""
    column = f.metadata.get("column", True)
    if isinstance(column, str):
        return column
    return f.name if column else None


def stored(record: type) -> tuple[tuple[str, str], ...]:
    """(field, column) of the stored fields, in declaration order."""
    return tuple(
        (f.name, column) for f in declaration(record) if (column := column_of(f)) is not None
    )


def columns(record: type) -> tuple[str, ...]:
    """The stored columns, in declaration order."""
    return tuple(column for _, column in stored(record))


def editable(record: type) -> tuple[str, ...]:
    """The stored columns an UPDATE may set (all but the fixed ones)."""
    return tuple(
        column
        for f in declaration(record)
        if (column := column_of(f)) is not None and not f.metadata.get("fixed")
    )


def names_of(record: type) -> tuple[tuple[str, str, str | None], ...]:
    """(name field, id field, the id field's ref) of the names joined on read."""
    by_name = {f.name: f for f in declaration(record)}
    return tuple(
        (f.name, f.metadata["name_of"], by_name[f.metadata["name_of"]].metadata.get("ref"))
        for f in declaration(record)
        if f.metadata.get("name_of")
    )


def labels(record: type) -> dict[str, str]:
    """The fields a user edits -> how an undo label names them."""
    return {f.name: f.metadata["label"] for f in declaration(record) if f.metadata.get("label")}


def json_keys(record: type) -> tuple[tuple[str, str, str | None], ...]:
    """(field, JSON key, ref) of what the lossless JSON holds, in its order."""
    return tuple(
        (f.name, f.metadata["json"], f.metadata["ref"])
        for f in declaration(record)
        if f.metadata.get("json")
    )


class JsonColumn(NamedTuple):
    """A table column as the lossless JSON holds it: what a merge writes from a
    record's JSON object, and what the records exported as table rows
    (Evidence) are written from."""

    key: str  # in the JSON
    column: str  # in the table row
    ref: str | None  # the JSON holds the uid (or hash, or name) of this kind of record
    coded: bool  # the column is JSON text, the file holds it decoded
    missing: Any  # what a merge stores when the file leaves it out or blank (None: nothing)
    # The JSON holds the name of a codebook value of this kind (the name field's
    # own name: side, stance, verdict), the column its id.
    named: str | None = None


def json_columns(record: type) -> tuple[JsonColumn, ...]:
    """The columns the lossless JSON holds, in its order: each stored field it holds,
    and the id column behind each name it holds (Speaker.side -> side_id)."""
    by_name = {f.name: f for f in declaration(record)}
    found = []
    for f in declaration(record):
        key, column = f.metadata.get("json"), column_of(f)
        if not key:
            continue
        if column is not None:
            coded = bool(f.metadata.get("coded"))
            found.append(JsonColumn(key, column, f.metadata["ref"], coded, f.metadata["missing"]))
        elif f.metadata.get("name_of"):
            id_column = column_of(by_name[f.metadata["name_of"]])
            assert id_column is not None, f"{f.name} names a field that is not stored"
            found.append(JsonColumn(key, id_column, None, False, f.metadata["missing"], f.name))
    return tuple(found)


def json_reads(record: type) -> tuple[tuple[str, str, str, Any], ...]:
    """(JSON key, read, merger attribute, value when missing) of what a merge reads."""
    return tuple(
        (
            f.metadata["json"],
            f.metadata["read"],
            f.metadata["into"] or f.name,
            f.metadata["missing"],
        )
        for f in declaration(record)
        if f.metadata.get("json") and f.metadata.get("read")
    )


def _ordered(record: type, key: str, after_key: str) -> list[Field[Any]]:
    """The fields with `key`, in declaration order but each with `after_key` moved
    after the field it names (several after one field keep their own order)."""
    listed = [f for f in declaration(record) if f.metadata.get(key)]
    order = [f for f in listed if not f.metadata.get(after_key)]
    for f in listed:
        after = f.metadata.get(after_key)
        if after:
            at = next(i for i, g in enumerate(order) if g.name == after)
            while at + 1 < len(order) and order[at + 1].metadata.get(after_key) == after:
                at += 1
            order.insert(at + 1, f)
    return order


def cli_keys(record: type) -> tuple[tuple[str, str], ...]:
    """(field, key) of the command line's JSON, in its order."""
    return tuple((f.name, f.metadata["cli"]) for f in _ordered(record, "cli", "cli_after"))


def shown(record: type) -> tuple[tuple[str, str], ...]:
    """(column, label) of what the formats people read list, in their order."""
    return tuple(
        (column_of(f) or f.name, f.metadata["shown"])
        for f in _ordered(record, "shown", "shown_after")
    )
