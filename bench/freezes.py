"""How long the window freezes while it opens a big article, next to the idle event loop.

    uv run python bench/freezes.py [--quick]

- open_<N>mb_longest_stall: the main window opens an N MB article (5 and 10;
  5 only with --quick) while a 5 ms timer runs on the GUI thread; the figure
  is the longest wait between two ticks from the moment the open is asked
  for until the article is shown and the loop is quiet again. Floor: the
  longest wait of the same idle event loop over the same time. A window that
  paints the first screen first and lays out the rest in slices stays near
  the floor; one that lays out the whole text at once freezes for as long.
- export_<format>_longest_stall: the export dialog's background job
  (ui.exchange.export_dialog.export_work on a ProjectJob, its own thread and
  connection) writes the claims of bench/_claims_corpus.py (20,000; 4,000
  with --quick) while the same timer runs; the figure is the longest wait
  from its start until it has finished and its signals are handled. Floor:
  the idle event loop over the same time. What stalls the window here is the
  job's thread holding the GIL (and the progress signals), not the GUI's own
  work.
- figures_view_longest_stall: a window on 10,000 claims never parsed (bench/
  _claims_corpus.py, as after an import or a merge) opens the figures view
  while the timer runs; the figure is the longest wait from the click until
  every claim's figures are read (on the view's background job, the table
  refreshed from committed batches) and the loop is quiet again. Floor: the
  idle event loop over the same time. Parsing on the GUI thread froze the
  window for the whole parse (and 20 s more checking the figures pair by pair).

`--size-mb` and `--claims` make a tiny run (the smoke test; `--claims` also sets the
claims of the figures view, 10,000 otherwise).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _claims_corpus import build
from common import ONE_MB, emit, figure, one_mb_text, parser

TICK_MS = 5
SETTLE_S = 1.5


def main() -> int:
    cli = parser(__doc__ or "", quick_repeat=1, full_repeat=3)
    cli.add_argument("--size-mb", type=float, nargs="*", default=None, help="article sizes")
    cli.add_argument("--claims", type=int, default=None, help="claims in the exported corpus")
    args = cli.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.models import ImportedArticle
    from annotator.project import Project
    from ui.shell.main_window import MainWindow
    from ui.shell.session import ProjectSession

    app = QApplication.instance() or QApplication([])
    sizes = tuple(args.size_mb) if args.size_mb else (5, 10)
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        project = Project.open(Path(tmp) / "big.sqlite")
        small = project.articles.add(
            ImportedArticle(text="A short article.", title="Short", source_format="txt")
        ).article_id
        ids = {}
        for mb in sizes:
            text = (one_mb_text() * (int(mb) + 1))[: int(mb * ONE_MB) - 1] + f"{mb}"
            ids[mb] = project.articles.add(
                ImportedArticle(text=text, title=f"{mb} MB", source_format="txt")
            ).article_id
        window = MainWindow(ProjectSession(project))
        window.resize(1280, 800)
        window.show()
        app.processEvents()

        def longest_stall(action: object, busy: object = None, settle: float = SETTLE_S) -> float:
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
            if callable(action):
                QTimer.singleShot(20, action)
            end = time.perf_counter() + settle
            while time.perf_counter() < end or (callable(busy) and busy()):
                app.processEvents()
                time.sleep(0.0005)
            timer.stop()
            return worst[0]

        for mb in sizes:
            values, floors = [], []
            for _ in range(1 if args.quick else 3):
                window.open_article(small)
                app.processEvents()
                floors.append(longest_stall(None))
                values.append(longest_stall(lambda m=mb: window.open_article(ids[m])))
            figures.append(
                figure(f"open_{mb:g}mb_longest_stall", max(values) * 1000, max(floors) * 1000, "ms")
            )
        window.close()
        project.close()

        from annotator.exchange.exporters import FORMATS
        from annotator.search.service import ClaimFilter
        from ui.exchange.export_dialog import export_work
        from ui.shell.jobs import ProjectJob

        corpus = Path(tmp) / "claims.sqlite"
        claims = args.claims or (4_000 if args.quick else 20_000)
        build(corpus, max(1, claims // 10_000), min(claims, 10_000))
        for name, fmt in FORMATS.items():
            work = export_work(name, Path(tmp) / f"out{fmt.extension}", ClaimFilter())
            worker = ProjectJob(f"Export {name}", corpus, work)
            finished = [False]
            worker.finished.connect(lambda *_end, f=finished: f.__setitem__(0, True))
            began = time.perf_counter()
            value = longest_stall(worker.start, lambda f=finished: not f[0], settle=0.2)
            floor = longest_stall(None, settle=time.perf_counter() - began)
            worker.wait()
            figures.append(figure(f"export_{name}_longest_stall", value * 1000, floor * 1000, "ms"))
        figures.append(figures_view(Path(tmp), args.claims or 10_000, longest_stall))
    emit(figures)
    return 0


def figures_view(tmp: Path, claims: int, longest_stall: Callable[..., float]) -> dict[str, Any]:
    """The figures view opened on `claims` claims whose figures were never read."""
    from PySide6.QtWidgets import QApplication

    from annotator.project import Project
    from ui.shell.main_window import MainWindow
    from ui.shell.session import ProjectSession

    path = tmp / "figures.sqlite"
    build(path, max(1, claims // 10_000), min(claims, 10_000))
    project = Project.open(path)
    window = MainWindow(ProjectSession(project))
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()

    def reading() -> bool:
        parsing = getattr(window.compare.figures, "parsing", None)  # none before the job
        return bool(parsing is not None and parsing.running)

    began = time.perf_counter()
    value = longest_stall(window.actions["figures_view"].trigger, reading)
    floor = longest_stall(None, settle=time.perf_counter() - began)
    assert not project.quantities.stale(), "the figures view left claims unread"
    window.close()
    project.close()
    return figure("figures_view_longest_stall", value * 1000, floor * 1000, "ms")


if __name__ == "__main__":
    sys.exit(main())
