"""Imported tables (datasets) and their columns, as evidence can cite their rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DatasetColumn:
    """A column as the user named it, the generated SQL name, its detected type."""

    name: str
    column: str
    type: str  # "integer" | "float" | "text"

    @property
    def numeric(self) -> bool:
        return self.type in ("integer", "float")


@dataclass(frozen=True)
class Dataset:
    """An imported table: the user's name, the generated table, its columns."""

    id: int
    name: str
    table_name: str
    source_name: str | None
    imported_at: str
    rows: int
    columns: tuple[DatasetColumn, ...]
    encoding: str | None = None
    delimiter: str | None = None

    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> DatasetColumn:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "rows": self.rows,
            "columns": [c.name for c in self.columns],
            "types": {c.name: c.type for c in self.columns},
            "source": self.source_name,
            "imported_at": self.imported_at,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
        }


# Everything needed to bring deleted rows back exactly (rows by table).
Snapshot = dict[str, list[dict[str, Any]]]
