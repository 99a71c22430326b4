"""The search dock on 100,000 claims, next to the service alone.

    uv run python bench/search_dock.py [--quick] [--repeat N]

- search_dock_<query>: from the search being asked for (the debounce over)
  until its first page is in the dock's list, counted, and the list's event
  pass that paints it has run (each sample starts and ends with an idle
  event loop: the page's later rows, sized a batch a turn, are not left to
  run inside the next sample); floor: the
  same call of project.search.search in the same process (the service
  alone, which bench/export_search.py sets against the bare FTS5 query).
  The dock runs the query on its own thread and connection, so the figure
  is the service plus the hand-over between threads and the list's update.
- search_dock_longest_stall_<query>: the longest wait between ticks of a
  5 ms timer on the GUI thread while that search runs; floor: the idle
  event loop over the same time. A search on the GUI thread would freeze
  the window for the whole query.

--quick takes fewer samples of the same 100,000 claims (issue 19's scale): on
20,000 the service takes ~2 ms and the fixed cost of drawing a page's rows
(~16 rows of wrapped, bold-marked text, ~1.5 ms) is as large as the query.

Queries: a figure (`29%`, about 1 claim in 200) and a word in every claim
(`since`: every claim ranked, the worst case).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _claims_corpus import CLAIMS_PER_ARTICLE, build
from common import emit, figure, parser, repeats, settle

QUERIES = (("figure", "29%"), ("worst_case_every_claim", "since"))
TICK_MS = 5


def main() -> int:
    cli = parser(__doc__ or "", quick_repeat=3, full_repeat=7)
    cli.add_argument("--articles", type=int, default=None, help="1 MB articles (smoke: 1)")
    cli.add_argument("--claims-per-article", type=int, default=CLAIMS_PER_ARTICLE)
    args = cli.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.project import Project
    from annotator.search.service import KINDS
    from ui.search.panel import PAGE_SIZE, SearchPanel
    from ui.search.rows import HitDelegate
    from ui.shell.session import ProjectSession

    app = QApplication.instance() or QApplication([])
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        path = Path(tmp) / "search.sqlite"
        articles = args.articles or 10
        total = build(path, articles, args.claims_per_article)
        project = Project.open(path, create=False)
        panel = SearchPanel(ProjectSession(project))
        panel.resize(400, 700)
        panel.show()
        app.processEvents()

        painted, reset = [False], [False]
        panel.model.modelReset.connect(lambda: reset.__setitem__(0, True))

        class PaintSeen(HitDelegate):
            """The dock's own delegate, noting that it drew a row of the new page."""

            def paint(self, *args: object) -> None:
                super().paint(*args)
                painted[0] = painted[0] or reset[0]

        panel.results.setItemDelegate(PaintSeen(panel.results))

        def dock(query: str) -> float:
            panel.box.setText(query)
            panel.timer.stop()
            settle()  # nothing of the last sample left to run inside this one
            painted[0] = reset[0] = False  # a row drawn after the list's reset is the new page's
            loop = QEventLoop()  # waits as the window's own loop does: asleep, not spinning
            panel.client.result.connect(loop.quit)
            began = time.perf_counter()
            panel.run()
            if panel.pending:
                loop.exec()
            deadline = time.perf_counter() + 2.0
            while not painted[0] and time.perf_counter() < deadline:
                app.processEvents()  # until the pass that draws the page's rows has run
            spent = time.perf_counter() - began
            panel.client.result.disconnect(loop.quit)
            assert painted[0] and panel.model.rowCount() > 0
            settle()  # the rest of the page's rows sized (a batch a turn), not timed
            return spent

        def service(query: str) -> float:
            began = time.perf_counter()
            project.search.search(query, panel.filters(), KINDS, PAGE_SIZE, 0)
            return time.perf_counter() - began

        def stall(work: object) -> float:
            clock = QElapsedTimer()
            worst, last = [0.0], [0.0]

            def tick() -> None:
                now = clock.nsecsElapsed() / 1e9
                worst[0], last[0] = max(worst[0], now - last[0]), now

            timer = QTimer()
            timer.setInterval(TICK_MS)
            timer.timeout.connect(tick)
            clock.start()
            timer.start()
            end = time.perf_counter() + 0.6
            if callable(work):
                QTimer.singleShot(20, work)
            while time.perf_counter() < end or panel.pending:
                app.processEvents()
                time.sleep(0.002)
            timer.stop()
            return worst[0]

        for label, query in QUERIES:
            dock(query)  # the thread and its connection started, caches warm
            values, floors = [], []
            for _ in range(repeats(args)):
                floors.append(service(query))
                values.append(dock(query))
            figures.append(
                figure(
                    f"search_dock_{label}",
                    statistics.median(values) * 1000,
                    statistics.median(floors) * 1000,
                    "ms",
                )
                | {"claims": total}
            )

            def ask(q: str = query) -> None:
                panel.box.setText(q + " ")  # a different text: a new search
                panel.timer.stop()
                panel.run()

            busy = stall(ask)
            idle = stall(None)
            figures.append(
                figure(f"search_dock_longest_stall_{label}", busy * 1000, idle * 1000, "ms")
                | {"claims": total}
            )
        panel.client.stop()
        project.close()
    emit(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
