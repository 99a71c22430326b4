"""Start-up to first paint, next to a bare PySide6 window.

    uv run python bench/startup.py [--quick] [--repeat N]

The value runs the real entry point (`ui.app.main --project FILE`, the
`annotator` command) on a project holding the sample articles; the floor
starts a bare QMainWindow around a QPlainTextEdit. Each sample is a fresh
process and is timed from the moment the parent starts it to the first
painted frame, so interpreter start and every import count, as they do for
a user.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import child_env, emit, figure, interleaved, parser, repeats

ROOT = Path(__file__).resolve().parents[1]

# Both children paint their first frame from the event loop's first turn,
# print the wall-clock time and quit; the parent subtracts its own start time.
CHILD = r"""
import sys, time
mode, project = sys.argv[1], sys.argv[2]
if mode == "app":
    # The order ui.app.open_gui imports in: the domain first, then Qt.
    import annotator.project
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

def painted():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    window.grab()
    print(time.time(), flush=True)
    QApplication.instance().quit()

app = QApplication(sys.argv[:1])
QTimer.singleShot(0, painted)
if mode == "bare":
    w = QMainWindow(); w.setCentralWidget(QPlainTextEdit()); w.resize(1280, 800); w.show()
    app.exec()
else:
    from ui.app import main
    main(["--project", project])
"""


def sample(mode: str, project: Path) -> float:
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
    return float(out.stdout.strip().splitlines()[-1]) - started


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
        value, floor = interleaved(
            lambda: sample("app", project_path), lambda: sample("bare", project_path), repeats(args)
        )
    emit([figure("startup_first_paint", value, floor, "s")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
