"""The codebook: sides, stances, verdicts (with rating values) and topics, with colours.

One tab per kind; names, ratings and descriptions are edited in place,
colours with the colour picker. A value in use is never deleted silently:
the user picks a replacement that takes its place on every claim and
speaker, or keeps it. Every change is one undoable command.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook.service import KINDS
from annotator.models import Changes, VocabEntry
from ui.reader.colours import swatch
from ui.shell.session import ProjectSession
from ui.shell.undo import perform, redo_step, undo_step

TAB_TITLES = {"side": "Sides", "stance": "Stances", "verdict": "Verdicts", "topic": "Topics"}
NAME, RATING, DESCRIPTION, USES = 0, 1, 2, 3
COLUMNS = ("Name", "Rating", "Description", "Uses")
NEW_COLOUR = "#888888"


class KindTable(QTableWidget):
    """The values of one kind; edits become commands through the dialog."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.kind = kind
        self.entries: list[VocabEntry] = []
        self.setAccessibleName(TAB_TITLES[kind])
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NAME, 170)
        self.setColumnHidden(RATING, kind != "verdict")

    def current(self) -> VocabEntry | None:
        row = self.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None


class CodebookDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Codebook")
        self.resize(760, 480)
        self._filling = False
        self.tabs = QTabWidget(self)
        self.tables: dict[str, KindTable] = {}
        for kind in KINDS:
            table = KindTable(kind, self)
            table.itemChanged.connect(lambda item, t=table: self._on_item(t, item))
            self.tables[kind] = table
            self.tabs.addTab(table, TAB_TITLES[kind])
        buttons = QHBoxLayout()
        for text, slot in (
            ("&Add…", self.add),
            ("&Colour…", self.recolour),
            ("&Delete…", self.delete),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        for keys, action in (
            ("Ctrl+Z", lambda: undo_step(session)),
            ("Ctrl+Shift+Z", lambda: redo_step(session)),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(action)
        session.changed.connect(self._on_changed)
        self.refresh()

    @property
    def table(self) -> KindTable:
        return self.tables[KINDS[self.tabs.currentIndex()]]

    def _on_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.claims or changes.speakers or changes.everything:
            self.refresh()

    def refresh(self) -> None:
        codebook = self.session.project.codebook
        self._filling = True
        for kind, table in self.tables.items():
            row_before = table.currentRow()
            table.entries = codebook.entries(kind)
            table.setRowCount(len(table.entries))
            for row, entry in enumerate(table.entries):
                name = QTableWidgetItem(swatch(entry.colour), entry.name)
                rating = QTableWidgetItem("" if entry.rating is None else f"{entry.rating:g}")
                description = QTableWidgetItem(entry.description)
                uses = QTableWidgetItem(str(codebook.usage(entry.id)))
                uses.setFlags(uses.flags() & ~Qt.ItemFlag.ItemIsEditable)
                for column, item in (
                    (NAME, name),
                    (RATING, rating),
                    (DESCRIPTION, description),
                    (USES, uses),
                ):
                    table.setItem(row, column, item)
            if table.entries:
                table.setCurrentCell(min(max(row_before, 0), len(table.entries) - 1), NAME)
        self._filling = False

    # -- editing -------------------------------------------------------------------
    def _push(self, kind: str, payload: dict[str, Any]) -> None:
        perform(self.session, kind, payload)

    def _on_item(self, table: KindTable, item: QTableWidgetItem) -> None:
        if self._filling or not 0 <= item.row() < len(table.entries):
            return
        entry = table.entries[item.row()]
        text = item.text().strip()
        if item.column() == NAME and text != entry.name:
            self._push("edit_codebook_entry", {"vocab_id": entry.id, "new": {"name": text}})
        elif item.column() == DESCRIPTION and text != entry.description:
            self._push("edit_codebook_entry", {"vocab_id": entry.id, "new": {"description": text}})
        elif item.column() == RATING:
            try:
                rating = float(text) if text else None
            except ValueError:
                self.session.report(f"A rating is a number (e.g. 1 to 6), not {text!r}.")
                self.refresh()
                return
            if rating != entry.rating:
                self._push("edit_codebook_entry", {"vocab_id": entry.id, "new": {"rating": rating}})
        self.refresh()  # a refused edit shows the stored value again

    def add(self) -> None:
        kind = self.table.kind
        name, ok = QInputDialog.getText(self, f"Add a {kind}", "Name:")
        if not ok or not name.strip():
            return
        colour = QColorDialog.getColor(QColor(NEW_COLOUR), self, f"Colour of “{name.strip()}”")
        fields = {
            "kind": kind,
            "name": name,
            "colour": colour.name() if colour.isValid() else NEW_COLOUR,
        }
        self._push("add_codebook_entry", {"fields": fields})

    def recolour(self) -> None:
        entry = self.table.current()
        if entry is None:
            return
        colour = QColorDialog.getColor(QColor(entry.colour), self, f"Colour of “{entry.name}”")
        if colour.isValid() and colour.name() != entry.colour.lower():
            self._push(
                "edit_codebook_entry", {"vocab_id": entry.id, "new": {"colour": colour.name()}}
            )

    def delete(self) -> None:
        """Delete the value; when in use, only with a replacement the user picks."""
        entry = self.table.current()
        if entry is None:
            return
        uses = self.session.project.codebook.usage(entry.id)
        if uses == 0:
            answer = QMessageBox.question(
                self, "Delete", f"Delete the {entry.kind} “{entry.name}”?"
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._push("delete_codebook_entry", {"vocab_id": entry.id})
            return
        others = [e for e in self.table.entries if e.id != entry.id]
        if not others:
            QMessageBox.warning(
                self,
                "Cannot delete",
                f"“{entry.name}” is used {uses} time(s) and is the only {entry.kind}: "
                f"add another {entry.kind} to replace it first.",
            )
            return
        names = [e.name for e in others]
        name, ok = QInputDialog.getItem(
            self,
            "Replace before deleting",
            f"“{entry.name}” is used {uses} time(s). Replace it everywhere with:",
            names,
            0,
            False,
        )
        if ok:
            self._push(
                "delete_codebook_entry",
                {"vocab_id": entry.id, "replace_with": others[names.index(name)].id},
            )
