"""Where a record's values live, said once on its dataclass fields.

A field's metadata says whether it is a column of the record's table, what
the lossless JSON calls it (and whether it goes there as a reference to
another record's uid), how a merge reads it back, what the command line's
JSON calls it and, for the fields a user edits, how an undo label names it.
The SELECT lists, the row -> record builders, the exporters and the native
merger derive from these, so a new field is one line here (and a migration).
"""

from __future__ import annotations

import dataclasses
from dataclasses import Field
from typing import Any

# How the native merger reads a value back (the merger owns the functions).
READS = ("text", "text?", "int?", "anchor", "web", "texts")


def declared(
    *,
    column: bool = True,
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
    default: Any = dataclasses.MISSING,
) -> Any:
    """A dataclass field with its declaration.

    column: stored in the record's table (False: joined or derived on read).
    fixed: written once, when the record is made (never in an UPDATE).
    name_of: the name of the record the id field `name_of` points to (joined on read).
    json: its key in the lossless JSON (None: not written there).
    ref: the JSON holds the uid of this kind of record ("articles", "speakers"), not the id.
    read: how the merger reads the JSON value (one of READS); missing: the value
      when the file leaves it out; into: the merger's attribute, if named otherwise.
    cli: its key in the command line's JSON; cli_after: listed there after that field.
    label: a user edits it with update(); undo labels name it so.
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
    }
    return dataclasses.field(default=default, metadata=metadata)


def declaration(record: type) -> tuple[Field[Any], ...]:
    return dataclasses.fields(record)


def names(record: type) -> tuple[str, ...]:
    """Every field, in declaration order."""
    return tuple(f.name for f in declaration(record))


def columns(record: type) -> tuple[str, ...]:
    """The stored columns, in declaration order."""
    return tuple(f.name for f in declaration(record) if f.metadata.get("column", True))


def editable(record: type) -> tuple[str, ...]:
    """The stored columns an UPDATE may set (all but the fixed ones)."""
    return tuple(
        f.name
        for f in declaration(record)
        if f.metadata.get("column", True) and not f.metadata.get("fixed")
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


def cli_keys(record: type) -> tuple[tuple[str, str], ...]:
    """(field, key) of the command line's JSON, in its order."""
    shown = [f for f in declaration(record) if f.metadata.get("cli")]
    order = [f for f in shown if not f.metadata.get("cli_after")]
    for f in shown:
        after = f.metadata.get("cli_after")
        if after:
            at = next(i for i, g in enumerate(order) if g.name == after)
            while at + 1 < len(order) and order[at + 1].metadata.get("cli_after") == after:
                at += 1
            order.insert(at + 1, f)
    return tuple((f.name, f.metadata["cli"]) for f in order)
