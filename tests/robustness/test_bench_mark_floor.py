"""bench/_mark_floor.py: the same-work floor of marking a claim does the work it claims.

A floor that skipped the commit, the highlight or the table's new row would
flatter the app; here, on a small text, one mark leaves each of them done and
the undo puts everything back (no timing is asserted).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]


def test_one_mark_commits_highlights_inserts_selects_and_fills(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from _mark_floor import SameWorkFloor
    finally:
        sys.path.remove(str(ROOT / "bench"))
    text = "".join(f"Sentence number {n} says something. " for n in range(200))
    rows = [(s, s + 20, text[s : s + 20]) for s in range(0, 6000, 100)]
    floor = SameWorkFloor(tmp_path, text, rows)
    try:
        floor.prepare(150, 170)
        floor.mark(150, 170)
        quote = text[150:170]
        count = "SELECT count(*) FROM claims"
        assert floor.conn.execute(count).fetchone()[0] == len(rows) + 1
        hits = floor.conn.execute(
            "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", [f'"{quote}"']
        ).fetchall()
        assert hits, "the claim's FTS row is committed"
        (selection,) = floor.plain.extraSelections()
        assert selection.cursor.selectedText() == quote
        assert not floor.plain.textCursor().hasSelection()
        current = floor.table.currentIndex()
        assert current.row() == 2 and current.data() == quote
        assert floor.table.selectionModel().isRowSelected(2)
        assert floor.model.rowCount() == len(rows) + 1
        assert floor.statement.toPlainText() == quote
        assert floor.library.index(0, 1).data() == str(len(rows) + 1)

        floor.undo()
        assert floor.conn.execute(count).fetchone()[0] == len(rows)
        assert floor.model.rowCount() == len(rows)
        assert floor.plain.extraSelections() == []
    finally:
        floor.close()
