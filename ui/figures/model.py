"""The figures table's model: one row per figure, and how new reads are put in.

While a job reads new claims' figures the view gets a fresh read every few
hundred milliseconds: 3,476 figures on one subject by the end, new ones
anywhere among the old (the table's order is the sides', then the articles').
fill() puts a read in as a walk down the rows: a figure already shown stays
(its row replaced in place), new ones go in as one insert per run of them, gone
ones come out, a few milliseconds of it per turn of the event loop, so the
window answers, the selection and the scroll stay where they were, and the
rows end as the read's, in its order. set_rows() resets, for a read the user
asked for (another subject, durations shown).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from annotator.models import Quantity
from ui.figures.reading import Row
from ui.widgets.table_model import ColumnsTableModel

if TYPE_CHECKING:  # the checks' module is imported where they run, not to open
    from annotator.figures.arithmetic import Finding

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Side", "Speaker", "Figure", "Period", "Base year", "Measure", "Cash/real", "Checks",
           "Words", "Article")  # fmt: skip
# What the Checks column says for each kind of finding (the full sentence is its tooltip).
CHECK_LABELS = {"restoration": "restoration", "percent-points": "% or points?",
                "real-without-base": "real, no base", "incompatible": "cannot both hold",
                "different-basis": "other baseline"}  # fmt: skip
CURRENCY_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}
# GUI time a fill spends per turn of the event loop (inserting 1,700 single rows
# took ~14 ms, so a turn puts in several hundred); rows are walked in steps of STEP.
FILL_SLICE_S = 0.003
STEP = 64


def show_value(value: float) -> str:
    """'2,500', '5.4': a figure's value as the tables show it (the editor's too; kept
    here so the view does not import the editor and its undo stack to open)."""
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _check_label(kind: str, q: Quantity) -> str:
    """A real-terms figure says which of base year and inflation measure it lacks."""
    if kind != "real-without-base":
        return CHECK_LABELS.get(kind, kind)
    missing = []
    if q.base_year is None and q.period is None:
        missing.append("base year")
    if q.measure is None:
        missing.append("inflation measure")
    return "real, no " + (" or ".join(missing) or "base")


def figure_text(q: Quantity) -> str:
    """'about −21 %', '+29 %', '£2.5bn': the figure as a checker would say it."""
    sign = {"rise": "+", "fall": "−"}.get(q.direction or "", "")
    value = show_value(q.value)
    if q.unit in CURRENCY_SIGNS:
        body = f"{sign}{CURRENCY_SIGNS[q.unit]}{value}"
    elif q.unit in ("%", None):
        body = f"{sign}{value}{'%' if q.unit else ''}"
    elif q.unit == "count":
        body = f"{sign}{value}"
    else:
        body = f"{sign}{value} {q.unit}"
    return f"{q.qualifier} {body}" if q.qualifier else body


def _key(row: Row) -> int:
    return int(row[0].id or 0)


class FiguresModel(ColumnsTableModel):
    columns = COLUMNS
    filled = Signal()  # a fill() has put every row of its read in

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.findings: dict[int, list[Finding]] = {}
        self.colours: dict[str, str] = {}
        self._target: list[Row] = []  # what fill() is making `rows`
        self._place: dict[int, int] = {}  # figure id -> its position in _target
        self._done = 0  # rows[:_done] are _target[:_done]
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._fill_some)

    @property
    def filling(self) -> bool:
        """A fill() is still putting rows in (a turn of the event loop at a time)."""
        return self._done < len(self._target) or len(self.rows) > len(self._target)

    def set_rows(
        self, rows: list[Row], findings: dict[int, list[Finding]], colours: dict[str, str]
    ) -> None:
        self._turn.stop()
        self.beginResetModel()
        self.rows, self.findings, self.colours = rows, findings, colours
        self._target, self._place, self._done = rows, {}, len(rows)
        self.endResetModel()

    def fill(
        self, rows: list[Row], findings: dict[int, list[Finding]], colours: dict[str, str]
    ) -> None:
        """Make the rows `rows`, a slice now and the rest over the next turns (a fill
        under way is overtaken: the walk starts again from the rows as they are)."""
        self.findings, self.colours = findings, colours
        self._target = rows
        self._place = {_key(row): n for n, row in enumerate(rows)}
        self._done = 0
        if self.rows:  # the checks and colours of rows already shown may have changed
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )
        self._fill_some()

    def _fill_some(self) -> None:
        until = time.perf_counter() + FILL_SLICE_S
        self._walk(STEP)  # at least a step a turn, however slow the machine
        while self.filling and time.perf_counter() < until:
            self._walk(STEP)
        if self.filling:
            self._turn.start()
        else:
            self.filled.emit()

    def _walk(self, steps: int) -> None:
        """Up to `steps` rows further down: keep, replace, insert or remove a run."""
        rows, target, place = self.rows, self._target, self._place
        while steps > 0 and self._done < len(target):
            at = self._done
            if at < len(rows):
                there = place.get(_key(rows[at]), -1)
                if there < at:  # gone from the read (or already placed above): out
                    end = at + 1
                    while (
                        end < len(rows) and end - at < steps and place.get(_key(rows[end]), -1) < at
                    ):
                        end += 1
                    self.beginRemoveRows(QModelIndex(), at, end - 1)
                    del rows[at:end]
                    self.endRemoveRows()
                    steps -= end - at
                    continue
                if there == at:  # the same figure: its row as read now
                    end = at
                    while (
                        end < min(len(rows), len(target), at + steps)
                        and place.get(_key(rows[end]), -1) == end
                    ):
                        rows[end] = target[end]
                        end += 1
                    self.dataChanged.emit(self.index(at, 0), self.index(end - 1, len(COLUMNS) - 1))
                    self._done = end
                    steps -= end - at
                    continue
                stop = there  # new figures up to the next one shown
            else:
                stop = len(target)
            end = min(stop, at + steps)
            self.beginInsertRows(QModelIndex(), at, end - 1)
            rows[at:at] = target[at:end]
            self.endInsertRows()
            self._done = end
            steps -= end - at
        if self._done >= len(target) and len(rows) > len(target) and steps > 0:
            self.beginRemoveRows(QModelIndex(), len(target), len(rows) - 1)
            del rows[len(target) :]
            self.endRemoveRows()

    def _checks(self, q: Quantity) -> str:
        found = self.findings.get(int(q.id or 0), [])
        ordered = sorted(found, key=lambda f: f.severity != "warning")
        labels = dict.fromkeys(
            ("⚠ " if f.severity == "warning" else "ℹ ") + _check_label(f.kind, q) for f in ordered
        )
        return ", ".join(labels)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q, info = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                info["side"] or "no side", info["speaker"] or "—", figure_text(q), q.period or "",
                "" if q.base_year is None else str(q.base_year), q.measure or "", q.basis or "",
                self._checks(q), q.words, info["article_title"] or "",
            )  # fmt: skip
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMNS.index("Checks"):
                return "\n\n".join(f.message for f in self.findings.get(int(q.id or 0), [])) or None
            return info["statement"] or info["quote"]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            colour = self.colours.get(info["side"] or "")
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column == COLUMNS.index("Checks"):
            warnings = any(f.severity == "warning" for f in self.findings.get(int(q.id or 0), []))
            return QColor("#b4451f") if warnings else QColor("#555555")
        return None
