"""The same visible work as marking a claim, done with bare PySide6 and sqlite3.

The floor of `mark_claim_1mb_10k_same_work` (bench/reader_paint.py): a
1280x800 window with the 1 MB text in a QPlainTextEdit, a QTableView over a
plain 10,000-row model and a few form fields. One sample commits the claim's
row and its FTS row, highlights the new span (one extra selection), inserts,
selects and scrolls to the new row, fills the fields, shows a status message,
repaints the text and runs the event loop until idle: what a user sees the
app do, with none of our code (no undo stack, history, highlighter, proxy,
evidence panel or library).
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from operator import itemgetter
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QWidget,
)

COLUMNS = ("Quote", "Speaker", "Side", "Stance", "Verdict", "Status", "Anchor")
Row = tuple[int, int, str]  # (start, end, quote)
Index = QModelIndex | QPersistentModelIndex
SCHEMA = (
    'CREATE TABLE claims (id INTEGER PRIMARY KEY, article_id INTEGER, start INTEGER, "end" INTEGER, '
    "quote TEXT, prefix TEXT, suffix TEXT, statement TEXT, status TEXT, note TEXT, "
    "created_at TEXT, updated_at TEXT)",
    "CREATE VIRTUAL TABLE claims_fts USING fts5(quote, statement, note, content='claims', "
    "content_rowid='id', tokenize='trigram')",
)
INSERT = (
    'INSERT INTO claims (article_id, start, "end", quote, prefix, suffix, statement, status, '
    "note, created_at, updated_at) VALUES (1, ?, ?, ?, '', '', ?, 'to check', '', "
    "'2026-12-04T00:00:00Z', '2026-12-04T00:00:00Z')"
)


class BareClaims(QAbstractTableModel):
    """Rows as plain tuples, display text only."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][2] if index.column() == 0 else "to check"

    def insert(self, row: int, value: Row) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, value)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()


class SameWorkFloor:
    """The bare window; `prepare(start, end)` selects the words, `mark(start, end)` is timed."""

    def __init__(self, folder: Path, text: str, rows: list[Row]) -> None:
        self.text = text
        self.conn = sqlite3.connect(str(folder / "floor.sqlite"), isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        for statement in SCHEMA:
            self.conn.execute(statement)
        with self.conn:
            self.conn.execute("BEGIN")
            for start, end, quote in rows:
                self._insert(start, end, quote)
        self.window = QMainWindow()
        self.window.resize(1280, 800)
        self.window.menuBar().addMenu("&File")
        self.window.addToolBar("Claims").addAction("Mark claim")
        self.plain = QPlainTextEdit(self.window)
        self.plain.setReadOnly(True)
        self.plain.setPlainText(text)
        self.window.setCentralWidget(self.plain)
        # The app's docks: the library left, the claim form right, the claims table
        # below the text only, at the app's default sizes (ui/shell/dock_plan.py).
        self.window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.library = QStandardItemModel(1, 2)
        self.library.setItem(0, 0, QStandardItem("A 1 MB article"))
        self.library.setItem(0, 1, QStandardItem(str(len(rows))))
        library = QTableView()
        library.setModel(self.library)
        left = self._dock("Library", library, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.model = BareClaims(list(rows))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()  # the app shows no row numbers either
        bottom = self._dock("Claims", self.table, Qt.DockWidgetArea.BottomDockWidgetArea)
        form = QWidget()
        layout = QFormLayout(form)
        self.statement, self.speaker = QPlainTextEdit(form), QLineEdit(form)
        self.combos = [QComboBox(form) for _ in ("side", "stance", "verdict")]
        self.statement.setMaximumHeight(60)  # the app's is a few lines high too
        layout.addRow("Statement", self.statement)
        layout.addRow("Speaker", self.speaker)
        for name, combo in zip(("Side", "Stance", "Verdict"), self.combos, strict=True):
            combo.addItems(["", "supports", "opposes", "neutral"])
            layout.addRow(name, combo)
        right = self._dock("Claim", form, Qt.DockWidgetArea.RightDockWidgetArea)
        self.window.resizeDocks([left, right], [400, 350], Qt.Orientation.Horizontal)
        self.window.resizeDocks([bottom], [230], Qt.Orientation.Vertical)
        self.highlight = QTextCharFormat()
        self.highlight.setBackground(QColor("#f2c9a0"))
        self.window.show()
        self._last: int | None = None

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def _insert(self, start: int, end: int, quote: str) -> int:
        claim_id = int(self.conn.execute(INSERT, [start, end, quote, quote]).lastrowid or 0)
        self.conn.execute(
            "INSERT INTO claims_fts (rowid, quote, statement, note) VALUES (?, ?, ?, '')",
            [claim_id, quote, quote],
        )
        return claim_id

    def prepare(self, start: int, end: int) -> None:
        """Select the words (not timed), as the user does before pressing M."""
        cursor = self.plain.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.plain.setTextCursor(cursor)

    def mark(self, start: int, end: int) -> None:
        quote = self.text[start:end]
        self.conn.execute("BEGIN")
        self._insert(start, end, quote)
        self.conn.execute("COMMIT")
        cursor = self.plain.textCursor()
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(cursor)
        selection.format = self.highlight
        self.plain.setExtraSelections([selection])
        cursor.clearSelection()
        self.plain.setTextCursor(cursor)
        row = bisect_right(self.model.rows, start, key=itemgetter(0))
        self.model.insert(row, (start, end, quote))
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self.statement.setPlainText(quote)
        self.speaker.setText("")
        for combo in self.combos:
            combo.setCurrentIndex(0)
        self.library.setData(self.library.index(0, 1), str(len(self.model.rows)))
        self.window.statusBar().showMessage("Marked.", 4000)
        self._last = row
        self.plain.viewport().repaint()

    def undo(self) -> None:
        """Take the sample's claim out again (not timed), so every sample starts alike."""
        if self._last is None:
            return
        row = self._last
        self.model.remove(row)
        claim_id, quote = self.conn.execute(
            "SELECT id, quote FROM claims ORDER BY id DESC LIMIT 1"
        ).fetchone()
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.execute(
                "INSERT INTO claims_fts (claims_fts, rowid, quote, statement, note) "
                "VALUES ('delete', ?, ?, ?, '')",
                [claim_id, quote, quote],
            )
            self.conn.execute("DELETE FROM claims WHERE id = ?", [claim_id])
        self.plain.setExtraSelections([])
        self._last = None

    def close(self) -> None:
        self.window.close()
        self.conn.close()
