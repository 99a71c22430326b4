"""Reading a table file (CSV, TSV, Excel) into a header and rows of strings.

Pure and strict: a ragged row, a missing header, an undecodable or oversized
file is refused with a reason naming the file and where it went wrong, before
anything is written. The rows can be walked twice (once to check and detect
types, once to store), so a bad line deep in the file never leaves a
half-imported table behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import ImportFailure
from annotator.files import FileRefused, read_capped
from annotator.text.decode import decode_text

MAX_DATASET_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 1000
SNIFF_CHARS = 16 * 1024  # csv.Sniffer's cost grows fast with the sample
DELIMITERS = ",;\t|"
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
# What a workbook's parts may unpack to: sheet XML is ten or more times its
# cells' text, and openpyxl parses it at a few MB a second.
MAX_WORKBOOK_UNPACKED_BYTES = 256 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
# A header cell that is a plain number is data, not a column name; but a
# year (a wide table with one column per year) is a fair column name.
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?$")
_YEAR = re.compile(r"^(1[5-9]|2[0-9])\d\d$")
# Delimited files up to this size keep their parsed rows between the two walks.
KEEP_PARSED_CHARS = 4 * 1024 * 1024


@dataclass(frozen=True)
class TableFile:
    """A table file checked far enough to name its columns; rows() walks it."""

    source: str
    header: tuple[str, ...]
    format: str  # "csv" | "tsv" | "excel"
    encoding: str | None
    delimiter: str | None
    estimated_rows: int
    _text: str = ""
    _data: bytes = b""
    _dialect: Any = None

    _parsed: list[list[str]] = field(default_factory=list, compare=False, repr=False)

    def rows(self) -> Iterator[list[str]]:
        """Every data row as strings of the header's width; raises ImportFailure on a ragged one.

        An import walks the rows twice (types first, then storing): a small
        delimited file's rows are kept from the first walk for the second.
        """
        if self.format == "excel":
            yield from _excel_rows(self._data, self.source, len(self.header))
            return
        if len(self._text) > KEEP_PARSED_CHARS:
            yield from _csv_rows(self._text, self._dialect, self.source, len(self.header))
            return
        if not self._parsed:
            self._parsed.extend(
                _csv_rows_at_once(self._text, self._dialect, self.source, self.header)
            )
        yield from self._parsed


def read_table(path: Path) -> TableFile:
    source = str(path)
    try:
        data = read_capped(path, MAX_DATASET_BYTES, "limit for a dataset")
    except FileRefused as exc:
        raise ImportFailure(source, exc.reason) from exc
    if not data.strip():
        raise ImportFailure(source, "is empty")
    if data.startswith(OLE_MAGIC) or path.suffix.lower() == ".xls":
        raise ImportFailure(
            source, "is an old Excel .xls workbook; save it as .xlsx or CSV and import that"
        )
    if data.startswith(ZIP_MAGIC) or path.suffix.lower() in EXCEL_SUFFIXES:
        return _read_excel(data, source)
    return _read_delimited(data, source, tab=path.suffix.lower() in (".tsv", ".tab"))


# -- delimited text -----------------------------------------------------------------
def _pick_dialect(text: str, tab: bool) -> type[csv.Dialect] | csv.Dialect:
    if tab:
        return csv.excel_tab
    sample = text[:SNIFF_CHARS]
    lines = re.split(r"\r\n|\r|\n", sample)  # a file may end its lines with CR alone
    first_line = next((line for line in lines if line.strip()), "")
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
        if dialect.delimiter in first_line or not any(d in first_line for d in DELIMITERS):
            return dialect
    except csv.Error:
        pass
    # The sniffer gives up on short or irregular samples: take the candidate
    # the header line uses most, or a comma (a one-column file).
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])

    class Fallback(csv.excel):
        delimiter = best if counts[best] else ","

    return Fallback


def _read_delimited(data: bytes, source: str, tab: bool) -> TableFile:
    # Cells are stored exactly as the file holds them ("\r=1" stays "\r=1"):
    # escaping a cell a spreadsheet would run is the exports' job.
    decoded = decode_text(data, source, keep_newlines=True)
    text, encoding = decoded.text, decoded.encoding
    dialect = _pick_dialect(text, tab)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header: list[str] | None = None
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                header = row
                break
    except csv.Error as exc:
        raise ImportFailure(source, f"line {reader.line_num}: {exc}") from exc
    if header is None:
        raise ImportFailure(source, "holds no rows")
    names = _column_names(header, source)
    delimiter = dialect.delimiter
    table = TableFile(
        source=source,
        header=names,
        format="tsv" if delimiter == "\t" else "csv",
        encoding=encoding,
        delimiter=delimiter,
        estimated_rows=max(1, text.count("\n") or text.count("\r")),
        _text=text,
        _dialect=dialect,
    )
    return table


def _csv_rows(text: str, dialect: Any, source: str, width: int) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    seen_header = False
    try:
        for row in reader:
            first = row[0] if row else ""
            # a blank row (every cell empty or white space) is skipped; most
            # rows are told apart by their first cell alone
            if (not first or first.isspace()) and not "".join(row).strip():
                continue
            if not seen_header:
                seen_header = True
                continue
            yield row if len(row) == width else _fit(row, width, source, f"line {reader.line_num}")
    except csv.Error as exc:
        raise ImportFailure(source, f"line {reader.line_num}: {exc}") from exc


def _csv_rows_at_once(
    text: str, dialect: Any, source: str, header: tuple[str, ...]
) -> list[list[str]]:
    """_csv_rows for a small file, parsed in one call and filtered in one comprehension;
    a file with ragged rows or a CSV error goes the row-by-row way, which names the line."""
    width = len(header)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error:
        return list(_csv_rows(text, dialect, source, width))
    kept = [r for r in rows if (r and r[0] and not r[0].isspace()) or "".join(r).strip()][1:]
    if any(len(row) != width for row in kept):
        return list(_csv_rows(text, dialect, source, width))
    return kept


def _fit(row: list[str], width: int, source: str, where: str) -> list[str]:
    """The row at the header's width; extra cells may only be blank (a trailing comma)."""
    if len(row) == width:
        return row
    if len(row) > width and not any(cell.strip() for cell in row[width:]):
        return row[:width]
    raise ImportFailure(
        source,
        f"{where} has {len(row)} fields where the header has {width}: the rows are ragged; "
        "fix the file (or save it again from a spreadsheet) and import it again",
    )


def _column_names(header: list[str], source: str) -> tuple[str, ...]:
    cells = [cell.strip() for cell in header]
    while cells and not cells[-1]:
        cells.pop()
    if not cells:
        raise ImportFailure(source, "has an empty first row where the column names should be")
    if len(cells) > MAX_COLUMNS:
        raise ImportFailure(source, f"has {len(cells)} columns, over the limit of {MAX_COLUMNS}")
    numeric = [c for c in cells if _NUMBER.match(c) and not _YEAR.match(c)]
    if numeric:
        raise ImportFailure(
            source,
            f"has no header row (the first row holds values such as {numeric[0]!r}); "
            "add a first row with the column names",
        )
    names: list[str] = []
    for position, cell in enumerate(cells, start=1):
        base = cell or f"column {position}"
        name, copy = base, 1
        while name in names:
            copy += 1
            name = f"{base} ({copy})"
        names.append(name)
    return tuple(names)


# -- Excel ------------------------------------------------------------------------------
def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _check_workbook_size(data: bytes, source: str) -> None:
    """Refuse a workbook whose parts would inflate past the limit, before inflating any.

    A ZIP entry never yields more than its declared size (zipfile stops there),
    so the declared sizes bound what openpyxl could ever unpack.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(entry.file_size for entry in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFailure(source, f"is not a readable Excel workbook ({exc})") from exc
    if unpacked > MAX_WORKBOOK_UNPACKED_BYTES:
        raise ImportFailure(
            source,
            f"would unpack to {unpacked // (1024 * 1024):,} MB, over the "
            f"{MAX_WORKBOOK_UNPACKED_BYTES // (1024 * 1024)} MB limit for a workbook "
            "(a zip bomb? save the sheet as CSV)",
        )


def _open_sheet(data: bytes, source: str) -> tuple[Any, Any]:
    import openpyxl  # a few hundred ms to import: only when a workbook is read

    _check_workbook_size(data, source)

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors all mean "not a workbook"
        raise ImportFailure(source, f"is not a readable Excel workbook ({exc})") from exc
    if not workbook.worksheets:
        workbook.close()
        raise ImportFailure(source, "has no worksheets")
    return workbook, workbook.worksheets[0]


def _read_excel(data: bytes, source: str) -> TableFile:
    workbook, sheet = _open_sheet(data, source)
    try:
        header: list[str] | None = None
        for values in sheet.iter_rows(values_only=True):
            cells = [_cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                header = cells
                break
        estimated = int(sheet.max_row or 1)
    except Exception as exc:
        raise ImportFailure(source, f"is not a readable Excel workbook ({exc})") from exc
    finally:
        workbook.close()
    if header is None:
        raise ImportFailure(source, "has an empty first worksheet")
    names = _column_names(header, source)
    return TableFile(
        source=source,
        header=names,
        format="excel",
        encoding=None,
        delimiter=None,
        estimated_rows=max(1, estimated),
        _data=data,
    )


def _excel_rows(data: bytes, source: str, width: int) -> Iterator[list[str]]:
    workbook, sheet = _open_sheet(data, source)
    try:
        seen_header = False
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if not any(c.strip() for c in cells):
                continue
            if not seen_header:
                seen_header = True
                continue
            cells += [""] * (width - len(cells))
            yield _fit(cells, width, source, f"sheet row {number}")
    finally:
        workbook.close()
