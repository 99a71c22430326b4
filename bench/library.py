"""The library with 1,000 and 10,000 articles, next to a bare Qt table of the same rows.

    uv run python bench/library.py [--quick] [--repeat N]

Figures, for N = 1,000 and 10,000 articles:

- library_open_<N>: our library panel built on the open project (rows read
  through the service, model, proxy, header sizing), shown and painted.
  Floor: the same rows (id, title, outlet, date, claim count) read with one
  sqlite3 SELECT into a plain QAbstractTableModel under a QTableView of the
  same size, shown and painted, no auto-sizing of columns, no proxy. It
  leaves out our service and model, sorting and filtering, drag and drop
  and live updates.
- library_filter_keystroke_<N>: one more letter typed in the filter box until
  the table is repainted; floor: a bare QSortFilterProxyModel over the plain
  model given the same string (setFilterFixedString), repainted.
- library_clear_filter_<N>: the filter emptied, repainted; floor: the same on
  the bare proxy.
- library_typing_longest_stall_<N>: a word typed letter by letter, one every
  50 ms, while a 5 ms timer runs on the GUI thread: the longest wait between
  ticks; floor: the longest wait of the idle event loop over the same time.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import emit, figure, interleaved, parser, repeats, timed

SIZES = (1_000, 10_000)
OUTLETS = ("BBC News", "The Guardian", "Union blog", "Health Service Journal", "The Times")
WORD = "strike"
TICK_MS = 5
KEY_GAP_MS = 50

FLOOR_ROWS = """
SELECT a.id, a.title, a.outlet, a.published,
       (SELECT count(*) FROM claims c WHERE c.article_id = a.id)
FROM articles a ORDER BY a.id
"""


def build(path: Path, count: int) -> None:
    """A project of `count` short articles, added through the service in one transaction."""
    from annotator.models import ImportedArticle
    from annotator.project import Project

    with Project.open(path) as project, project.db.atomic():
        for i in range(count):
            project.articles.add(
                ImportedArticle(
                    text=f"Article {i}: resident doctors and ministers on pay, strike day {i % 31}.",
                    title=f"Pay dispute, day {i % 365}: story {i} on the strike and the offer",
                    outlet=OUTLETS[i % len(OUTLETS)],
                    published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    source_format="txt",
                )
            )


def main() -> int:
    cli = parser(__doc__ or "", quick_repeat=3, full_repeat=7)
    cli.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="smoke: 20")
    args = cli.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import (
        QAbstractTableModel,
        QElapsedTimer,
        QModelIndex,
        QSortFilterProxyModel,
        Qt,
        QTimer,
    )
    from PySide6.QtWidgets import QApplication, QTableView

    from annotator.project import Project
    from ui.library.view import LibraryPanel
    from ui.shell.session import ProjectSession

    app = QApplication.instance() or QApplication([])

    class PlainModel(QAbstractTableModel):
        def __init__(self, rows: list[tuple[Any, ...]]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 4

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column() + 1]
            return None

    def longest_stall(during: Any, seconds: float) -> float:
        clock = QElapsedTimer()
        worst = [0.0]
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e9
            worst[0] = max(worst[0], now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        clock.start()
        timer.start()
        end = time.perf_counter() + seconds
        during()
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        return worst[0]

    figures = []
    repeat = repeats(args)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")

        def one_size(size: int) -> None:
            path = Path(tmp) / f"library-{size}.sqlite"
            build(path, size)
            project = Project.open(path, create=False)
            session = ProjectSession(project)
            conn = sqlite3.connect(path)
            panels: list[LibraryPanel] = []
            plains: list[QTableView] = []

            def ours() -> float:
                def work() -> None:
                    panel = LibraryPanel(session)
                    panel.resize(360, 700)
                    panel.show()
                    panel.repaint()
                    app.processEvents()
                    panels.append(panel)

                spent = timed(work)
                while len(panels) > 1:
                    panels.pop(0).deleteLater()
                return spent

            def bare() -> float:
                # The open floor: the same rows by one SELECT into a plain model under a
                # bare QTableView. It leaves out our service and model, the proxy (sorting,
                # filtering), sizing the columns to their contents, drag and drop.
                def work() -> None:
                    model = PlainModel(conn.execute(FLOOR_ROWS).fetchall())
                    table = QTableView()
                    table.setModel(model)
                    table.resize(360, 700)
                    table.show()
                    table.repaint()
                    app.processEvents()
                    model.setParent(table)
                    plains.append(table)

                spent = timed(work)
                while len(plains) > 1:
                    plains.pop(0).deleteLater()
                return spent

            value, floor = interleaved(ours, bare, repeat)
            figures.append(figure(f"library_open_{size}", value, floor, "s") | {"articles": size})
            panel = panels[-1]
            # The filter floors: a bare QSortFilterProxyModel over the plain model,
            # matching any column case-insensitively, under a bare table.
            # They leave out our filter's parsing and the panel's own updates.
            proxy = QSortFilterProxyModel()
            proxy.setSourceModel(PlainModel(conn.execute(FLOOR_ROWS).fetchall()))
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            proxy.setFilterKeyColumn(-1)
            table = QTableView()
            table.setModel(proxy)
            table.resize(360, 700)
            table.show()
            app.processEvents()

            def type_ours(text: str) -> float:
                panel.filter_box.setText(text[:-1])
                app.processEvents()

                def work() -> None:
                    panel.filter_box.setText(text)
                    panel.table.repaint()
                    app.processEvents()

                return timed(work)

            def type_bare(text: str) -> float:
                proxy.setFilterFixedString(text[:-1])
                app.processEvents()

                def work() -> None:
                    proxy.setFilterFixedString(text)
                    table.repaint()
                    app.processEvents()

                return timed(work)

            value, floor = interleaved(
                lambda: type_ours("stri"), lambda: type_bare("stri"), repeat * 2
            )
            figures.append(
                figure(f"library_filter_keystroke_{size}", value * 1000, floor * 1000, "ms")
                | {"articles": size}
            )

            def clear_ours() -> float:
                panel.filter_box.setText("story 9")
                app.processEvents()
                return timed(
                    lambda: (panel.filter_box.clear(), panel.table.repaint(), app.processEvents())
                )

            def clear_bare() -> float:
                proxy.setFilterFixedString("story 9")
                app.processEvents()
                return timed(
                    lambda: (proxy.setFilterFixedString(""), table.repaint(), app.processEvents())
                )

            value, floor = interleaved(clear_ours, clear_bare, repeat)
            figures.append(
                figure(f"library_clear_filter_{size}", value * 1000, floor * 1000, "ms")
                | {"articles": size}
            )

            def typing() -> None:
                panel.filter_box.clear()
                for i in range(1, len(WORD) + 1):
                    QTimer.singleShot(
                        KEY_GAP_MS * i, lambda t=WORD[:i]: panel.filter_box.setText(t)
                    )

            seconds = KEY_GAP_MS * (len(WORD) + 2) / 1000
            value = longest_stall(typing, seconds)
            floor = longest_stall(lambda: None, seconds)
            figures.append(
                figure(f"library_typing_longest_stall_{size}", value * 1000, floor * 1000, "ms")
                | {"articles": size}
            )
            for p in panels:
                p.deleteLater()
            for t in (*plains, table):
                t.deleteLater()
            app.processEvents()
            conn.close()
            project.close()

        for size in args.sizes:
            one_size(size)
    emit(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
