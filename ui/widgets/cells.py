"""One call into Python per painted cell instead of about twenty.

Qt's item delegate asks each cell it paints for seven roles at once (font,
alignment, foreground, check state, icon, text, background) through
`multiData`. A Python model that writes only `data()` is entered once per role
and, behind a QSortFilterProxyModel, twice more per role (the rowCount and
columnCount QAbstractTableModel::index() checks when the proxy maps the cell
back): 23 calls a cell, ~1,100 for the claims table's 49 visible cells, about
0.7 ms of every paint of that table. `CellsProxy` hands `multiData` to its
source in one call, and a source model answering it (over `role_slots`) looks its
row up once for every role.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

Index = QModelIndex | QPersistentModelIndex
RoleData = QModelRoleDataSpan | QModelRoleData


def role_slots(span: RoleData) -> Iterable[QModelRoleData]:
    """The roles a `multiData` call asks for, each to be answered with `setData`."""
    # PySide iterates a span (its stubs do not say so).
    return [span] if isinstance(span, QModelRoleData) else cast(Iterable[QModelRoleData], span)


class CellsProxy(QSortFilterProxyModel):
    """A sort and filter proxy whose cells are read from the source in one call each."""

    def multiData(self, index: Index, roleDataSpan: RoleData) -> None:
        source = self.mapToSource(index)
        if source.isValid():
            self.sourceModel().multiData(source, roleDataSpan)
