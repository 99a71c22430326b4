"""Start-up to first paint, next to a bare PySide6 window.

    uv run python bench/startup.py [--quick] [--repeat N]

The value runs the real entry point (`ui.app.main --project FILE`, the
`annotator` command) on a project holding the sample articles; the floor
starts a bare QMainWindow around a QPlainTextEdit. Each sample is a fresh
process and is timed from the moment the parent starts it to the first
painted frame, so interpreter start and every import count, as they do for
a user.

The phases (issue 19), each next to the bare child's same step:
interpreter (process start to the first line: the same in both), domain
imports (annotator.project; floor: import sqlite3), Qt (PySide6.QtWidgets
and the QApplication; the same in both), ui imports (ui.shell.main_window
and what it imports; floor: nothing, shown against 1 ms), the project
opened (Project.open; floor: sqlite3.connect and its article titles read),
MainWindow() (floor: a QMainWindow around a QPlainTextEdit) and from the
window built to its first paint (show, layout, paint; the same in the
floor). The child imports our modules in open_gui's order before calling
the entry point, so they can be timed; the entry point then finds them
loaded. The window paints its shell (reader, library, menus) first and
builds the features after that frame: two more figures time that work, from
the first paint until the features are built (floor: nothing, shown as 1 ms)
and from process start until then (floor: the bare window's first paint).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import child_env, emit, figure, parser, repeats

ROOT = Path(__file__).resolve().parents[1]

# Both children paint their first frame from the event loop's first turn and
# print, as one JSON line, the wall-clock time each phase ended; the parent
# subtracts its own start time and each phase's start.
CHILD = r"""
import json, sys, time
T = {"interpreter": time.time()}
mode, project = sys.argv[1], sys.argv[2]
if mode == "app":
    # Imported in the order ui.app.open_gui imports them (the domain first,
    # then Qt, then the ui modules), so each can be timed; the window itself
    # is built by the real entry point below.
    import annotator.project
    T["domain"] = time.time()
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
    app = QApplication(sys.argv[:1])
    T["qt"] = time.time()
    import ui.shell.main_window, ui.shell.session, ui.shell.settings
    T["ui"] = time.time()
    window_class = ui.shell.main_window.MainWindow
    opening, building = annotator.project.Project.open, window_class.__init__
    featuring = window_class.build_features
    def timed_open(*a, **k):
        found = opening(*a, **k)
        T["project"] = time.time()
        return found
    def timed_init(self, *a, **k):
        building(self, *a, **k)
        T["window"] = time.time()
    def timed_features(self):
        featuring(self)
        T.setdefault("ready", time.time())
    annotator.project.Project.open = timed_open
    window_class.__init__ = timed_init
    window_class.build_features = timed_features
else:
    # The floor of each phase: sqlite3 for the domain, the same Qt, nothing
    # of ours to import, the project file connected and its titles read, a
    # bare window built.
    import sqlite3
    T["domain"] = time.time()
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
    app = QApplication(sys.argv[:1])
    T["qt"] = T["ui"] = time.time()
    conn = sqlite3.connect(project)
    titles = conn.execute("SELECT id, title FROM articles").fetchall()
    T["project"] = time.time()
    w = QMainWindow(); w.setCentralWidget(QPlainTextEdit()); w.resize(1280, 800)
    T["window"] = time.time()
from PySide6.QtCore import QTimer

def painted():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    window.grab()
    T["painted"] = time.time()
    ready()

def ready():
    # The app builds its features after the first paint: wait for them (the
    # bare window is ready once painted), so the time to a usable window shows.
    if mode == "app" and "ready" not in T:
        QTimer.singleShot(1, ready)
        return
    T.setdefault("ready", T["painted"])
    print(json.dumps(T), flush=True)
    QApplication.instance().quit()

QTimer.singleShot(0, painted)
if mode == "bare":
    w.show()
    app.exec()
else:
    from ui.app import main
    main(["--project", project])
"""
# Phase name -> (the moment it starts, the moment it ends) in the child's record.
PHASES = {
    "startup_first_paint": ("started", "painted"),
    "startup_interpreter": ("started", "interpreter"),
    "startup_import_domain": ("interpreter", "domain"),
    "startup_import_qt": ("domain", "qt"),
    "startup_import_ui": ("qt", "ui"),
    "startup_open_project": ("ui", "project"),
    "startup_main_window": ("project", "window"),
    "startup_window_to_paint": ("window", "painted"),
    "startup_features_after_paint": ("painted", "ready"),
    "startup_ready": ("started", "ready"),
}


def sample(mode: str, project: Path) -> dict[str, float]:
    """Each phase's seconds in one fresh process of `mode` ("app" or "bare")."""
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(project)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(project.parent),
        timeout=120,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"start-up child failed: {out.stderr.strip()[-800:]}")
    marks = json.loads(out.stdout.strip().splitlines()[-1]) | {"started": started}
    return {name: marks[end] - marks[begin] for name, (begin, end) in PHASES.items()}


def main() -> int:
    args = parser(__doc__ or "", quick_repeat=5, full_repeat=11).parse_args()
    from annotator.project import Project
    from annotator.samples.articles import seed_samples

    with tempfile.TemporaryDirectory() as tmp:
        project_path = Path(tmp) / "samples.sqlite"
        with Project.open(project_path) as project:
            seed_samples(project)
        sample("app", project_path)  # warm the bytecode cache and the disk cache
        sample("bare", project_path)
        apps: list[dict[str, float]] = []
        bares: list[dict[str, float]] = []
        for _ in range(repeats(args)):  # taken in turn: a noisy neighbour slows both alike
            bares.append(sample("bare", project_path))
            apps.append(sample("app", project_path))
    figures = []
    for name in PHASES:
        value = statistics.median(a[name] for a in apps)
        floor = statistics.median(b[name] for b in bares)
        # the floor imports nothing of ours: its ui phase is nil; a millisecond stands in
        figures.append(
            figure(name, value, max(floor, 0.001), "s") | {"floor_is_nil": floor < 0.001}
        )
    emit(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
