"""Datasets: a CSV, TSV or Excel sheet imported as a real table (project.datasets).

The file is read twice: first every row is checked and the column types are
detected, then, in one transaction, the table is created and filled. A bad
row, a cancel or a crash therefore leaves nothing behind. The table and its
columns get generated names (`dataset_<id>`, `c1..cN`); the names the user
knows live in the `datasets` register only.
"""

from __future__ import annotations

import builtins
import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.clock import new_uid, now_iso
from annotator.datasets.column_types import (
    StrictValueTracker,
    converter,
    evaluate_batch,
    typed_batches,
)
from annotator.datasets.tabular import TableFile, read_table
from annotator.errors import AnnotatorError, Cancelled, ImportFailure, NotFound
from annotator.models import Changes, Dataset, DatasetColumn, Snapshot
from db import datasets as q
from db import evidence as evidence_q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

Progress = Callable[[int, int], None]  # (done, total) steps
Cancel = Callable[[], bool]
BATCH_ROWS = 2_000
MAX_NAME = 120
DEFAULT_PAGE = 200


class DatasetError(AnnotatorError):
    """A dataset cannot be imported, found or removed as asked."""


class ImportCancelled(Cancelled):
    """The user cancelled an import; nothing was written."""

    def __init__(self, source: str) -> None:
        super().__init__(f"{source}: import cancelled; nothing was imported")


def _dataset(row: dict[str, Any]) -> Dataset:
    columns = tuple(
        DatasetColumn(name=c["name"], column=c["column"], type=c["type"])
        for c in json.loads(row["columns"] or "[]")
    )
    return Dataset(
        id=row["id"],
        name=row["name"],
        table_name=row["table_name"],
        source_name=row["source_name"],
        imported_at=row["imported_at"],
        rows=row["row_count"],
        columns=columns,
        encoding=row.get("encoding"),
        delimiter=row.get("delimiter"),
    )


class DatasetManager:
    def __init__(self, db: ProjectDatabase) -> None:
        self._db = db

    # -- reading -------------------------------------------------------------
    def list(self) -> list[Dataset]:
        return [_dataset(r) for r in q.all_meta(self._db)]

    def get(self, name: str) -> Dataset:
        row = q.meta_by_name(self._db, name)
        if row is None:
            raise NotFound(f"no dataset named {name!r}")
        return _dataset(row)

    def by_id(self, dataset_id: int) -> Dataset:
        row = q.meta_by_id(self._db, dataset_id)
        if row is None:
            raise NotFound(f"no dataset with id {dataset_id}")
        return _dataset(row)

    def _sql_columns(self, dataset: Dataset) -> builtins.list[str]:
        return [c.column for c in dataset.columns]

    def _as_dict(self, dataset: Dataset, values: tuple[Any, ...]) -> dict[str, Any]:
        return {c.name: v for c, v in zip(dataset.columns, values[1:], strict=True)}

    def rows(
        self,
        name: str,
        offset: int = 0,
        limit: int | None = DEFAULT_PAGE,
        order_by: str | None = None,
        filter: str | None = None,
        descending: bool = False,
    ) -> builtins.list[tuple[int, dict[str, Any]]]:
        """A page of (row number, {column: value}); order_by is a column's name as shown,
        limit None means every row."""
        dataset = self.get(name)
        sql_order = None
        if order_by is not None:
            try:
                sql_order = dataset.column(order_by).column
            except KeyError:
                raise DatasetError(f"dataset {name!r} has no column {order_by!r}") from None
        found = q.select_rows(
            self._db,
            dataset.table_name,
            self._sql_columns(dataset),
            max(0, offset),
            -1 if limit is None else max(0, limit),
            sql_order,
            descending,
            filter or None,
        )
        return [(int(r[0]), self._as_dict(dataset, r)) for r in found]

    def count(self, name: str, filter: str | None = None) -> int:
        dataset = self.get(name)
        return q.count_rows(
            self._db, dataset.table_name, self._sql_columns(dataset), filter or None
        )

    def row(self, name: str, n: int) -> dict[str, Any]:
        """Row n (counted from 1) as {column: value}; NotFound past the end."""
        dataset = self.get(name)
        found = q.row(self._db, dataset.table_name, self._sql_columns(dataset), n)
        if found is None:
            raise NotFound(f"dataset {name!r} has no row {n} (it has {dataset.rows} rows)")
        return self._as_dict(dataset, found)

    def series(
        self, name: str, columns: builtins.list[str], limit: int = 10_000
    ) -> builtins.list[tuple[Any, ...]]:
        """Values of some columns in row order, for a chart."""
        dataset = self.get(name)
        sql_columns = [dataset.column(c).column for c in columns]
        return q.column_values(self._db, dataset.table_name, sql_columns, limit)

    # -- importing -------------------------------------------------------------
    def _check_name(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise DatasetError("a dataset needs a name")
        if len(name) > MAX_NAME:
            raise DatasetError(f"a dataset name is at most {MAX_NAME} characters")
        if q.meta_by_name(self._db, name) is not None:
            raise DatasetError(f"a dataset named {name!r} already exists; choose another name")
        return name

    def import_file(
        self,
        path: Path | str,
        name: str,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> Dataset:
        """Import a CSV, TSV or Excel file as dataset `name`; all or nothing."""
        path = Path(path)
        name = self._check_name(name)
        table = read_table(path)
        total = table.estimated_rows * 2
        types, count = self._detect_types(table, progress, cancel, total)
        if count == 0:
            raise ImportFailure(table.source, "has a header but no rows of data")
        total = table.estimated_rows + count
        columns = [
            {"name": header, "column": q.column_name(i), "type": kind}
            for i, (header, kind) in enumerate(zip(table.header, types, strict=True), start=1)
        ]
        with self._db.atomic():
            dataset_id = q.insert_meta(
                self._db,
                {
                    "name": name,
                    "table_name": f"pending_{new_uid()}",
                    "source_name": path.name,
                    "imported_at": now_iso(),
                    "row_count": 0,
                    "columns": "[]",
                    "encoding": table.encoding,
                    "delimiter": table.delimiter,
                },
            )
            table_name = q.table_name(dataset_id)
            q.create_table(self._db, table_name, [(c["column"], c["type"]) for c in columns])
            done = table.estimated_rows
            for batch in typed_batches(table.rows(), types, BATCH_ROWS):
                if cancel is not None and cancel():
                    raise ImportCancelled(table.source)
                q.insert_rows(self._db, table_name, [c["column"] for c in columns], batch)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
            q.update_meta(self._db, dataset_id, table_name, count, json.dumps(columns))
        return self.by_id(dataset_id)

    def _detect_types(
        self, table: TableFile, progress: Progress | None, cancel: Cancel | None, total: int
    ) -> tuple[builtins.list[str], int]:
        trackers = [StrictValueTracker() for _ in table.header]
        count = 0
        rows = table.rows()
        while batch := list(itertools.islice(rows, BATCH_ROWS)):
            evaluate_batch(trackers, batch)
            count += len(batch)
            if cancel is not None and cancel():
                raise ImportCancelled(table.source)
            if progress is not None:
                progress(min(count, total // 2), total)
        return [t.guessed_type for t in trackers], count

    # -- removing ----------------------------------------------------------------
    def delete(self, name: str) -> Snapshot:
        """Drop a dataset; refused while evidence points at its rows."""
        dataset = self.get(name)
        pinned = evidence_q.count_for_dataset(self._db, dataset.id)
        if pinned:
            raise DatasetError(
                f"dataset {name!r} is pinned as evidence by {pinned} item(s); remove those first"
            )
        with self._db.atomic():
            meta = q.meta_by_id(self._db, dataset.id)
            columns = self._sql_columns(dataset)
            rows = q.select_rows(self._db, dataset.table_name, columns, 0, -1)
            q.drop_table(self._db, dataset.table_name)
            q.delete_meta(self._db, dataset.id)
        return {"datasets": [meta or {}], "rows": [{"values": list(r)} for r in rows]}

    def restore(self, snapshot: Snapshot) -> Dataset:
        meta = snapshot["datasets"][0]
        dataset = _dataset(meta)
        with self._db.atomic():
            evidence_q.insert_row(self._db, "datasets", meta)
            q.create_table(
                self._db, dataset.table_name, [(c.column, c.type) for c in dataset.columns]
            )
            rows = [tuple(r["values"]) for r in snapshot["rows"]]
            q.insert_rows(self._db, dataset.table_name, self._sql_columns(dataset), rows)
        return self.by_id(dataset.id)

    @staticmethod
    def changes() -> Changes:
        return Changes(datasets=True)


def _typed_rows(table: TableFile, types: list[str]) -> Iterator[tuple[Any, ...]]:
    converters = [converter(kind) for kind in types]
    for n, row in enumerate(table.rows(), start=1):
        yield (n, *[to(v) for to, v in zip(converters, row, strict=True)])


def _batches(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
