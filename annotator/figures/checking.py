"""Check a claim's figure against a dataset in the project: read the rows, call verify.check.

The series and the price index are read by year from the dataset's rows as
stored (the year column may hold 2022, 2022.0 or "2022"); a cell that is not
a number is refused with its year and row when that year is needed, never
guessed, and a year that appears twice is refused, since either row could be
the one meant.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

from annotator.errors import NotFound
from annotator.figures.verify import Point, Verification, VerifyError, check, kind_of, period_of
from annotator.models import Attach, Evidence, Quantity

if TYPE_CHECKING:
    from annotator.articles.service import ArticleManager
    from annotator.claims.service import ClaimManager
    from annotator.datasets.service import DatasetManager
    from annotator.evidence.service import EvidenceManager
    from annotator.figures.service import QuantityManager

YEAR_IN_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class CheckSource(Protocol):
    """The managers a check reads and saves through (an open Project is one):
    stated here so this module sits below the Project, not beside it."""

    @property
    def claims(self) -> ClaimManager: ...
    @property
    def articles(self) -> ArticleManager: ...
    @property
    def quantities(self) -> QuantityManager: ...
    @property
    def datasets(self) -> DatasetManager: ...
    @property
    def evidence(self) -> EvidenceManager: ...


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if value == value and abs(value) != float("inf") else None
    try:
        found = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return found if found == found and abs(found) != float("inf") else None


def _year(value: Any) -> int | None:
    number = _number(value)
    if number is None or not number.is_integer() or not 1000 <= number <= 2999:
        return None
    return int(number)


def read_series(
    project: CheckSource, dataset: str, column: str, by: str
) -> dict[int, tuple[int, float | None, Any]]:
    """year -> (row number, the number or None, the cell as stored)."""
    found = project.datasets.get(dataset)
    for name in (column, by):
        if name not in found.column_names():
            raise VerifyError(f"dataset {dataset!r} has no column {name!r} "
                              f"(it has {', '.join(found.column_names())})")  # fmt: skip
    series: dict[int, tuple[int, float | None, Any]] = {}
    for row, cells in project.datasets.rows(dataset, limit=None):
        year = _year(cells.get(by))
        if year is None:
            continue
        if year in series:
            raise VerifyError(f"dataset {dataset!r} has {year} twice (rows {series[year][0]} "
                              f"and {row}) in {by!r}")  # fmt: skip
        series[year] = (row, _number(cells.get(column)), cells.get(column))
    return series


def figure_of(project: CheckSource, claim_id: int, figure: int | None) -> Quantity:
    """The claim's figure to check: the one asked for (1 = first), else its first change."""
    project.claims.get(claim_id)
    project.quantities.sync([claim_id])
    figures = project.quantities.list(claim_id)
    if not figures:
        raise VerifyError(f"claim {claim_id} has no figure to check")
    if figure is not None:
        if not 1 <= figure <= len(figures):
            raise VerifyError(f"claim {claim_id} has {len(figures)} figure(s), not {figure}")
        return figures[figure - 1]
    return next((f for f in figures if kind_of(f) != "level"), figures[0])


def article_year(project: CheckSource, claim_id: int) -> int | None:
    claim = project.claims.get(claim_id)
    try:
        published = project.articles.summary(claim.article_id).published
    except NotFound:
        return None
    match = YEAR_IN_DATE.search(published or "")
    return int(match.group(1)) if match else None


def verify(
    project: CheckSource,
    claim_id: int,
    dataset: str,
    column: str,
    by: str,
    deflator: tuple[str, str] | None = None,
    start: int | None = None,
    end: int | None = None,
    figure: int | None = None,
) -> Verification:
    """The claim's figure computed from `column` of `dataset` by year (`by`)."""
    quantity = figure_of(project, claim_id, figure)
    series = read_series(project, dataset, column, by)
    index = read_series(project, deflator[0], deflator[1], by) if deflator else None
    wanted = _years_needed(quantity, series, index, project, claim_id, start, end)
    points: dict[int, Point] = {}
    for year, (row, value, cell) in series.items():
        if year not in wanted:
            if value is not None:
                points[year] = Point(year, row, value)
            continue
        if value is None:
            shown = "empty" if cell in (None, "") else f"{cell!r}, not a number"
            raise VerifyError(f"{column!r} in {year} (row {row}) is {shown}")
        if index is None:
            points[year] = Point(year, row, value)
            continue
        if year not in index or index[year][1] is None:
            cell = index[year][2] if year in index else None
            shown = (
                " has no row"
                if year not in index
                else (" is empty" if cell in (None, "") else f" is {cell!r}, not a number")
            )
            raise VerifyError(
                f"the price index {deflator[1] if deflator else ''!r} in {year}{shown}"
            )
        points[year] = Point(year, row, value, index[year][1], index[year][0])
    return check(quantity, points, index is not None, article_year(project, claim_id), start, end)


def _years_needed(
    quantity: Quantity,
    series: dict[int, tuple[int, float | None, Any]],
    index: dict[int, tuple[int, float | None, Any]] | None,
    project: CheckSource,
    claim_id: int,
    start: int | None,
    end: int | None,
) -> set[int]:
    years = sorted(y for y, (_, value, _) in series.items() if value is not None) or sorted(series)
    try:
        first, last = period_of(quantity, years, article_year(project, claim_id), start, end)
    except VerifyError:
        return set()
    return {y for y in (first, last) if y is not None}


RELATION_BY_RESULT = {True: "supports", False: "refutes", None: "context"}


def save_as_evidence(
    project: CheckSource, claim_id: int, dataset: str, column: str, result: Verification
) -> Evidence:
    """The check kept as evidence: the rows used pinned, linked as the result says
    (agrees: supports, disagrees: refutes, not comparable: context), the steps as its note."""
    rows = [int(point["row"]) for point in result.computed.get("rows", [])]
    note = f"Checked against {dataset!r}, column {column!r}: " + " ".join(result.steps)
    attach = Attach(claim_id, RELATION_BY_RESULT[result.agrees], note)
    return project.evidence.add_dataset_rows(dataset, rows, attach=attach)
