"""Import 1,000 saved web pages next to trafilatura alone on the same pages.

    uv run python bench/import_html.py [--quick] [--pages N] [--repeat N]

Each page is a realistic news page written here: 5-10 KB of article text in
headings, paragraphs and a list, wrapped in the furniture real pages carry
(navigation, a cookie banner, inline and remote scripts, JSON-LD and og: tags,
related links, reader comments, a footer). The value is our whole import, as
`annotator import FOLDER` runs it: in a fresh process (so starting the reader
processes is paid every time), list the folder, read, decode, parse, guard,
extract, and store each page in its own transaction in a fresh project. The
floor is the extraction library alone in one process:
`trafilatura.bare_extraction` on the same bytes with the same options. The
ratio, our time over trafilatura's, is the figure (aim: under 1.25). Wall
time and CPU time are both given: ours reads in worker processes, so its CPU
is counted over the whole process tree (from /proc, readers included),
against the floor's one process. Samples
are taken in turn, the order flipped each round, so a noisy neighbour slows
both alike.

"Extraction only" is our HTML importer on the same files in one process,
nothing stored: what our reading adds to trafilatura's, with no help from
worker processes.

"Both cores busy" takes the import and the floor again while one spinning
process per core runs beside them (started and ended here): what a user
whose machine is busy with other work waits (aim: under 1.25 as well).

"Text files" imports as many plain-text files (the pages' article text) the
same way, in a fresh process; floor: each file read and decoded, then
inserted in its own transaction into a bare SQLite table with an FTS5 index
on it. It leaves out splitting paragraphs, duplicate and revision checks,
the folded copy search matches against, and metadata: our storing on top of
SQLite's. (Plain text is read in-process: reader processes cost more than
they save on it.)

Last, the same pages are imported from a folder by the GUI's worker thread
while a 5 ms timer runs on the GUI thread: the longest wait between its ticks
is how long the window could fail to answer (floor: the idle event loop).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _html_pages import write_pages, write_texts
from common import emit, figure, parser, repeats, run_child

PAGES = 1_000
QUICK_PAGES = 200
TICK_MS = 5


def bare_text_store(folder: Path, database: Path) -> None:
    """The text floor: read, decode, one INSERT a file into a table with an FTS5 index
    (WAL and synchronous=NORMAL, as a project). Leaves out: paragraphs, duplicate and
    revision checks, the folded search copy, metadata."""
    import sqlite3

    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")  # as a project file is opened
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.executescript(
        "CREATE TABLE a (id INTEGER PRIMARY KEY, title TEXT, text TEXT);"
        "CREATE VIRTUAL TABLE a_fts USING fts5(title, text, content='a', content_rowid='id');"
    )
    for path in sorted(folder.iterdir()):
        text = path.read_bytes().decode("utf-8")
        conn.execute("BEGIN")
        rowid = conn.execute(
            "INSERT INTO a (title, text) VALUES (?, ?)", [text.split("\n", 1)[0], text]
        ).lastrowid
        conn.execute(
            "INSERT INTO a_fts (rowid, title, text) VALUES (?, ?, ?)",
            [rowid, text.split("\n", 1)[0], text],
        )
        conn.execute("COMMIT")
    conn.close()


def trafilatura_alone(pages: list[bytes]) -> None:
    import trafilatura

    for data in pages:
        trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
        )


def longest_event_gap(start: Callable[[], object], done: Callable[[], bool]) -> float:
    """The longest wait between ticks of a 5 ms timer on the GUI thread, in seconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    longest, last = 0.0, time.perf_counter()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(TICK_MS)

    def tick() -> None:
        nonlocal longest, last
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        if done():
            loop.quit()

    timer.timeout.connect(tick)
    timer.start()
    start()
    loop.exec()
    timer.stop()
    return longest


def gui_stall(folder: Path, project_path: Path) -> tuple[float, float]:
    """Longest GUI stall while the worker imports the folder, and with the loop idle as long."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.project import Project
    from ui.shell.jobs import ProjectJob

    _app = QApplication.instance() or QApplication([])
    Project.open(project_path).close()
    job = ProjectJob(
        "import",
        project_path,
        lambda project, report, stopped: project.articles.import_paths(
            [folder], progress=report, stop=stopped
        ),
    )
    began = time.perf_counter()
    busy = longest_event_gap(job.start, lambda: job.done)
    spent = time.perf_counter() - began
    idle_began = time.perf_counter()
    idle = longest_event_gap(lambda: None, lambda: time.perf_counter() - idle_began > spent)
    return busy, idle


# Runs in a fresh interpreter: the import as the CLI makes it, timed from the
# call (interpreter start-up is bench/startup.py's figure).
CHILD_IMPORT = """
import os, sys, time
from pathlib import Path
from annotator.project import Project

TICKS = os.sysconf("SC_CLK_TCK")

def tree_cpu():
    # CPU seconds of this process and every process below it (the reader
    # processes hang off a forkserver child), each with its reaped children.
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                raw = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            fields = raw[raw.rindex(")") + 2 :].split()
            stats[int(entry)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    mine, total, frontier = os.getpid(), 0, [os.getpid()]
    while frontier:
        pid = frontier.pop()
        total += stats.get(pid, (0, 0))[1]
        frontier.extend(p for p, (ppid, _) in stats.items() if ppid == pid)
    return total / TICKS

with Project.open(Path(sys.argv[2])) as project:
    began, cpu_began = time.perf_counter(), tree_cpu()
    outcomes = project.articles.import_paths([Path(sys.argv[1])])
    spent, cpu = time.perf_counter() - began, tree_cpu() - cpu_began
    assert all(o.status == "imported" for o in outcomes), [o for o in outcomes if o.reason][:3]
    print(len(outcomes), spent, cpu)
"""


def our_import(folder: Path, project_path: Path, count: int) -> tuple[float, float]:
    """Wall time of the import, and its CPU time over the whole process tree (Linux /proc)."""
    imported, spent, cpu = run_child(
        CHILD_IMPORT, str(folder), str(project_path), timeout=600
    ).split()
    assert int(imported) == count, f"only {imported} of {count} pages imported"
    return float(spent), float(cpu)


def cpu_timed(work: Callable[[], object]) -> tuple[float, float]:
    began, cpu_began = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - began, time.process_time() - cpu_began


BUSY_LOOP = "while True: pass"


@contextlib.contextmanager
def cores_busy() -> Iterator[None]:
    """One spinning process per core for the duration (the neighbours' work)."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(os.cpu_count() or 1)
    ]
    try:
        time.sleep(0.2)  # let them take their cores
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def main() -> int:
    cli = parser(__doc__ or "", quick_repeat=1, full_repeat=5)
    cli.add_argument("--pages", type=int, default=None, help="pages to import (default 1,000)")
    args = cli.parse_args()
    count = args.pages or (QUICK_PAGES if args.quick else PAGES)
    from annotator.exchange.importers import read_file

    totals: dict[str, list[float]] = {"ours": [], "extract": [], "floor": []}
    cpu: dict[str, list[float]] = {"ours": [], "floor": []}
    loaded: dict[str, list[float]] = {"ours": [], "floor": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        pages = write_pages(folder, count)
        files = sorted(folder.iterdir())
        trafilatura_alone(pages[:20])  # warm imports and caches for both sides
        [read_file(f) for f in files[:20]]
        for run in range(repeats(args)):
            sides: dict[str, Callable[[], tuple[float, float]]] = {
                "floor": lambda: cpu_timed(lambda: trafilatura_alone(pages)),
                "extract": lambda: cpu_timed(lambda: [read_file(f) for f in files]),
                "ours": lambda run=run: our_import(folder, Path(tmp) / f"run-{run}.sqlite", count),
            }
            order = list(sides) if run % 2 == 0 else list(reversed(sides))
            for side in order:
                wall, cpu_spent = sides[side]()
                totals[side].append(wall)
                if side in cpu:
                    cpu[side].append(cpu_spent)

        # the same import and floor while every core is busy with other work
        with cores_busy():
            for run in range(repeats(args)):
                sides = {
                    "floor": lambda: cpu_timed(lambda: trafilatura_alone(pages)),
                    "ours": lambda run=run: our_import(
                        folder, Path(tmp) / f"busy-{run}.sqlite", count
                    ),
                }
                for side in list(sides) if run % 2 == 0 else list(reversed(sides)):
                    loaded[side].append(sides[side]()[0])

        texts = Path(tmp) / "texts"
        texts.mkdir()
        write_texts(texts, count)
        text_ours, text_floor = [], []
        for run in range(repeats(args)):
            text_floor.append(
                cpu_timed(lambda run=run: bare_text_store(texts, Path(tmp) / f"bare-{run}.db"))[0]
            )
            text_ours.append(our_import(texts, Path(tmp) / f"texts-{run}.sqlite", count)[0])

        busy, idle = gui_stall(folder, Path(tmp) / "gui.sqlite")

    ours, extract, floor = (statistics.median(totals[k]) for k in ("ours", "extract", "floor"))
    ours_cpu, floor_cpu = (statistics.median(cpu[k]) for k in ("ours", "floor"))
    emit(
        [
            figure("import_html_pages", ours, floor, "s", digits=2),
            {
                "name": "import_html_pages_per_second",
                "value": round(count / ours, 1),
                "floor": round(count / floor, 1),
                # kept as our time over the library's, like every other ratio
                "ratio": round(ours / floor, 2),
                "unit": "pages/s",
            },
            # CPU seconds over the whole process tree (ours: the main process and
            # its reader processes; the floor: one process): what the import costs
            # a machine whose cores are busy with other work
            figure("import_html_pages_cpu", ours_cpu, floor_cpu, "s", digits=2),
            # wall time with one spinning process per core beside both sides
            figure(
                "import_html_pages_cores_busy",
                statistics.median(loaded["ours"]),
                statistics.median(loaded["floor"]),
                "s",
                digits=2,
            ),
            # the same pages read but not stored, in one process: what our extraction adds alone
            figure("import_html_extraction_only", extract, floor, "s", digits=2),
            # plain-text files, stored as ours are, against a bare INSERT and FTS5 row each
            figure(
                "import_text_files",
                statistics.median(text_ours),
                statistics.median(text_floor),
                "s",
                digits=3,
            ),
            # the window answering during a background import: the longest wait
            # of a 5 ms GUI timer, next to the same timer with nothing running
            figure("import_gui_longest_stall", busy * 1000, idle * 1000, "ms", digits=1),
        ]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
