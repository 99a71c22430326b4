"""Datasets: CSV, TSV and Excel in as real tables; hostile files refused whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.datasets.service import DatasetError, ImportCancelled
from annotator.datasets.tabular import MAX_DATASET_BYTES
from annotator.errors import ImportFailure, NotFound
from annotator.project import Project

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pay_index.csv"


def tables(project: Project) -> set[str]:
    return set(project.db.table_names())


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def test_sample_csv_becomes_a_typed_table(empty_project: Project) -> None:
    dataset = empty_project.datasets.import_file(SAMPLE, "Pay index")
    assert dataset.rows == 18
    assert [(c.name, c.type) for c in dataset.columns] == [
        ("year", "integer"),
        ("basic_pay_gbp", "integer"),
        ("cpi_index", "float"),
        ("real_pay_index", "float"),
        ("note", "text"),
    ]
    assert dataset.table_name == f"dataset_{dataset.id}"
    assert empty_project.datasets.row("Pay index", 18)["year"] == 2025
    assert [d.name for d in empty_project.datasets.list()] == ["Pay index"]


def test_rows_page_sort_and_filter(empty_project: Project) -> None:
    empty_project.datasets.import_file(SAMPLE, "Pay")
    page = empty_project.datasets.rows("Pay", offset=2, limit=3)
    assert [n for n, _ in page] == [3, 4, 5]
    lowest = empty_project.datasets.rows("Pay", 0, 1, order_by="real_pay_index")
    assert lowest[0][1]["year"] == 2023
    highest = empty_project.datasets.rows("Pay", 0, 1, order_by="year", descending=True)
    assert highest[0][0] == 18
    assert empty_project.datasets.count("Pay", filter="202") == 6
    assert empty_project.datasets.count("Pay", filter="%") == 0  # a literal %, not a wildcard
    with pytest.raises(DatasetError, match="no column"):
        empty_project.datasets.rows("Pay", order_by="year; DROP TABLE claims")


def test_semicolon_cp1252_file_is_detected(tmp_path: Path, empty_project: Project) -> None:
    text = "Région;Montant\nÎle-de-France;1,5 €\nBretagne;2 €\n"
    path = write(tmp_path, "fr.csv", text, encoding="cp1252")
    dataset = empty_project.datasets.import_file(path, "fr")
    assert dataset.delimiter == ";" and dataset.encoding == "cp1252"
    assert empty_project.datasets.row("fr", 1) == {"Région": "Île-de-France", "Montant": "1,5 €"}


def test_tsv_and_codes_with_leading_zeros_stay_text(tmp_path: Path, empty_project: Project) -> None:
    path = write(tmp_path, "areas.tsv", "code\tname\tvalue\n007\tA\t1\n010\tB\t2\n")
    dataset = empty_project.datasets.import_file(path, "areas")
    assert dataset.delimiter == "\t"
    assert dataset.column("code").type == "text"
    assert empty_project.datasets.row("areas", 1)["code"] == "007"


def test_header_names_are_data_not_sql(tmp_path: Path, empty_project: Project) -> None:
    header = '"a"" ; DROP TABLE claims; --",,a"b,a"b\n'
    path = write(tmp_path, "evil.csv", header + "1,2,3,4\n")
    dataset = empty_project.datasets.import_file(path, 'x"; DROP TABLE claims; --')
    assert dataset.column_names() == ['a" ; DROP TABLE claims; --', "column 2", 'a"b', 'a"b (2)']
    assert "claims" in tables(empty_project)
    assert all(c.column.startswith("c") for c in dataset.columns)


def test_excel_sheet_is_imported(tmp_path: Path, empty_project: Project) -> None:
    import datetime as dt

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["year", "index", "when"])
    sheet.append([2008, 100.0, dt.datetime(2008, 4, 1)])
    sheet.append([2009, 99.5, dt.datetime(2009, 4, 1)])
    path = tmp_path / "pay.xlsx"
    workbook.save(path)
    dataset = empty_project.datasets.import_file(path, "xl")
    assert dataset.rows == 2 and dataset.delimiter is None
    assert empty_project.datasets.row("xl", 2) == {
        "year": 2009,
        "index": 99.5,
        "when": "2009-04-01",
    }


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.csv", b"", "is empty"),
        ("blank.csv", b"\n\n  \n", "is empty"),
        ("ragged.csv", b"a,b,c\n1,2,3\n4,5\n6,7,8\n", "line 3 has 2 fields where the header has 3"),
        ("long.csv", b"a,b\n1,2\n3,4,5\n", "line 3 has 3 fields"),
        ("headerless.csv", b"2008,100.5\n2009,99.1\n", "no header row"),
        ("only_header.csv", b"a,b\n", "no rows of data"),
        ("binary.csv", b"a,b\n\x00\x01\x02\x03", "NUL"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Excel .xls"),
        ("corrupt.csv", "a,b\nx,é\n".encode() + b"\xff\xfe,1\n", "invalid bytes"),
    ],
)
def test_bad_files_are_refused_and_leave_nothing(
    tmp_path: Path, empty_project: Project, name: str, data: bytes, reason: str
) -> None:
    before = tables(empty_project)
    with pytest.raises(ImportFailure, match=reason) as info:
        empty_project.datasets.import_file(write(tmp_path, name, data), "d")
    assert name in str(info.value)
    assert tables(empty_project) == before
    assert empty_project.datasets.list() == []


def test_trailing_blank_cells_are_not_ragged(tmp_path: Path, empty_project: Project) -> None:
    dataset = empty_project.datasets.import_file(
        write(tmp_path, "t.csv", "a,b\n1,2,\n3,4,,\n"), "t"
    )
    assert dataset.rows == 2


def test_oversized_file_is_refused_before_reading(tmp_path: Path, empty_project: Project) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_DATASET_BYTES + 1)
    with pytest.raises(ImportFailure, match="over the 50 MB limit"):
        empty_project.datasets.import_file(path, "huge")


def test_duplicate_and_blank_names_are_refused(empty_project: Project) -> None:
    empty_project.datasets.import_file(SAMPLE, "Pay")
    with pytest.raises(DatasetError, match="already exists"):
        empty_project.datasets.import_file(SAMPLE, "Pay")
    with pytest.raises(DatasetError, match="needs a name"):
        empty_project.datasets.import_file(SAMPLE, "  ")


def test_cancel_rolls_everything_back(tmp_path: Path, empty_project: Project) -> None:
    rows = "\n".join(f"{i},{i * 2}" for i in range(10_000))
    path = write(tmp_path, "big.csv", "a,b\n" + rows + "\n")
    before = tables(empty_project)
    seen: list[tuple[int, int]] = []

    def cancel() -> bool:
        return len(seen) >= 2

    with pytest.raises(ImportCancelled, match="nothing was imported"):
        empty_project.datasets.import_file(
            path, "big", progress=lambda d, t: seen.append((d, t)), cancel=cancel
        )
    assert tables(empty_project) == before
    assert empty_project.datasets.list() == []
    dataset = empty_project.datasets.import_file(
        path, "big", progress=lambda d, t: seen.append((d, t))
    )
    assert dataset.rows == 10_000
    assert seen[-1][0] == seen[-1][1]  # progress ends at 100 %


def test_row_past_the_end_is_not_found(empty_project: Project) -> None:
    empty_project.datasets.import_file(SAMPLE, "Pay")
    with pytest.raises(NotFound, match="has no row 19"):
        empty_project.datasets.row("Pay", 19)
    with pytest.raises(NotFound):
        empty_project.datasets.row("Nope", 1)


def test_delete_and_restore(empty_project: Project) -> None:
    dataset = empty_project.datasets.import_file(SAMPLE, "Pay")
    before = empty_project.datasets.rows("Pay", 0, 100)
    snapshot = empty_project.datasets.delete("Pay")
    assert dataset.table_name not in tables(empty_project)
    restored = empty_project.datasets.restore(snapshot)
    assert restored == dataset
    assert empty_project.datasets.rows("Pay", 0, 100) == before


def test_a_pinned_dataset_cannot_be_deleted(empty_project: Project) -> None:
    empty_project.datasets.import_file(SAMPLE, "Pay")
    empty_project.evidence.add_dataset_rows("Pay", [3])
    with pytest.raises(DatasetError, match="pinned"):
        empty_project.datasets.delete("Pay")


def test_the_table_opens_in_plain_sqlite(project_path: Path, empty_project: Project) -> None:
    dataset = empty_project.datasets.import_file(SAMPLE, "Pay")
    empty_project.close()
    with sqlite3.connect(project_path) as conn:
        count = conn.execute(f"SELECT count(*) FROM {dataset.table_name}").fetchone()[0]
    assert count == 18


@pytest.mark.parametrize(
    ("first", "later", "kind"),
    [
        ("100.0", "57", "float"),  # a point in the first row, whole numbers after
        ("1e3", "12", "float"),  # an exponent
        ("2.5", "n/a", "text"),  # a point, then a word in the same batch
        ("12", "0.5", "float"),
        ("12", "13", "integer"),
    ],
)
def test_a_long_number_column_is_typed_by_every_cell(
    tmp_path: Path, empty_project: Project, first: str, later: str, kind: str
) -> None:
    lines = ["region,value", f"North,{first}"] + [f"South {n},{later}" for n in range(4_999)]
    path = write(tmp_path, "long.csv", "\n".join(lines) + "\n")
    dataset = empty_project.datasets.import_file(path, "long")
    assert dataset.column("value").type == kind
    stored = empty_project.datasets.row("long", 5_000)["value"]
    expected = {"float": float(later) if kind == "float" else None, "integer": 13, "text": later}
    assert stored == expected[kind]
