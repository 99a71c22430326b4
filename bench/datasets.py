"""Dataset import and paging, next to their floors.

    uv run python bench/datasets.py [--quick] [--repeat N]

dataset_import: project.datasets.import_file on a CSV of 100,000 rows x 5
columns (delimiter, encoding and header checked, every row checked for
raggedness and typed, then stored in one transaction); floor: csv.reader over
the same file and executemany into a bare table of the same shape in one
transaction, with no checks and no type detection.

dataset_page: one page (200 rows) from the middle of that table, sorted by a
column and filtered by a substring, through project.datasets.rows(); floor:
the same SELECT run directly with sqlite3.
"""

from __future__ import annotations

import csv
import sqlite3
import tempfile
from pathlib import Path

from common import emit, figure, interleaved, parser, repeats, timed

from annotator.project import Project

ROWS_FULL = 100_000
ROWS_QUICK = 20_000
PAGE = 200


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["year", "region", "pay_gbp", "index", "note"])
        for i in range(rows):
            writer.writerow(
                [
                    2008 + i % 18,
                    f"region {i % 97}",
                    30_000 + i % 9_000,
                    round(100 - (i % 300) / 7, 2),
                    "illustrative",
                ]
            )


def floor_import(csv_path: Path, db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        with conn:
            conn.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, c1, c2, c3, c4, c5)")
            conn.executemany(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                ((n, *row) for n, row in enumerate(reader, 1)),
            )
    conn.close()


def main() -> None:
    args = parser(__doc__ or "", quick_repeat=2, full_repeat=5).parse_args()
    rows = ROWS_QUICK if args.quick else ROWS_FULL
    repeat = repeats(args)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "rows.csv"
        write_csv(source, rows)
        counter = iter(range(10_000))

        def ours() -> float:
            with Project.open(folder / f"p{next(counter)}.sqlite") as project:
                return timed(lambda: project.datasets.import_file(source, "rows"))

        def bare() -> float:
            return timed(lambda: floor_import(source, folder / f"f{next(counter)}.sqlite"))

        value, floor = interleaved(ours, bare, repeat)
        figures = [figure(f"dataset_import_{rows // 1000}k_rows", value, floor, "s", 3)]

        project = Project.open(folder / "page.sqlite")
        dataset = project.datasets.import_file(source, "rows")
        conn = sqlite3.connect(folder / "page.sqlite")
        table, order = dataset.table_name, dataset.column("pay_gbp").column
        columns = ", ".join(["n", *(c.column for c in dataset.columns)])
        where = " OR ".join(f"CAST({c.column} AS TEXT) LIKE ? ESCAPE '\\'" for c in dataset.columns)
        sql = f"SELECT {columns} FROM {table} WHERE ({where}) ORDER BY {order} ASC, n LIMIT ? OFFSET ?"
        params = ["%region 4%"] * len(dataset.columns) + [PAGE, rows // 20]

        def page() -> float:
            return timed(
                lambda: project.datasets.rows("rows", rows // 20, PAGE, "pay_gbp", "region 4")
            )

        def bare_page() -> float:
            return timed(lambda: conn.execute(sql, params).fetchall())

        value, floor = interleaved(page, bare_page, max(5, repeat * 3))
        figures.append(figure("dataset_page_sorted_filtered", value * 1000, floor * 1000, "ms", 2))
        conn.close()
        project.close()
    emit(figures)


if __name__ == "__main__":
    main()
