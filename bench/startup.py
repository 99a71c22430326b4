"""Start-up to first paint, and opening a 1 MB article, each next to its floor.

    uv run python bench/startup.py [--repeat N]

The floor is a bare PySide6 window (for start-up) and a bare QPlainTextEdit
showing the same text (for opening); the ratio is the figure. Each sample runs
in a fresh process so import time counts, as it does for a user.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, sys, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
mode, project = sys.argv[1], sys.argv[2]
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication([])
if mode == "bare":
    w = QMainWindow(); w.setCentralWidget(QPlainTextEdit()); w.resize(1280, 800)
elif mode == "bare_text":
    w = QPlainTextEdit(); w.resize(1280, 800)
    w.setPlainText(open(sys.argv[3], encoding="utf-8").read())
else:
    from annotator.project import Project
    from ui.main_window import MainWindow
    from ui.session import ProjectSession
    w = MainWindow(ProjectSession(Project.open(project, create=False)))
    if mode == "open_article":
        w.open_article(1)
w.show()
w.repaint()
app.processEvents()
w.grab()
print(time.perf_counter() - t0)
"""


def one_mb_text() -> str:
    paragraph = (
        "The union says resident doctors’ pay is a fifth lower than in 2008 once inflation "
        "is counted, while ministers point to rises of almost 29% over three years — £1,000 "
        "exams, 30,000 applicants for 10,000 posts, and a 5.4% award for 2025-26. 😀\n"
    )
    return (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]


def sample(mode: str, project: Path, text_file: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(project), str(text_file)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import tempfile

    sys.path.insert(0, str(ROOT))
    from annotator.models import ImportedArticle
    from annotator.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        project_path = Path(tmp) / "bench.sqlite"
        text = one_mb_text()
        text_file = Path(tmp) / "one_mb.txt"
        text_file.write_text(text, encoding="utf-8")
        with Project.open(project_path) as project:
            project.articles.add(ImportedArticle(text=text, title="1 MB", source_format="txt"))
        figures = []
        for name, mode, floor_mode in (
            ("startup_first_paint", "app", "bare"),
            ("open_1mb_article", "open_article", "bare_text"),
        ):
            values, floors = [], []
            for _ in range(args.repeat):  # interleaved so noise hits both alike
                floors.append(sample(floor_mode, project_path, text_file))
                values.append(sample(mode, project_path, text_file))
            value, floor = statistics.median(values), statistics.median(floors)
            figures.append(
                {"name": name, "value": round(value, 4), "floor": round(floor, 4),
                 "ratio": round(value / floor, 2), "unit": "s"}
            )
    print(json.dumps({"figures": figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
