"""Peak memory of opening the 1 MB article with 10,000 claims, next to a bare text view.

    uv run python bench/memory.py [--quick] [--repeat N]

The value is the peak resident set (getrusage ru_maxrss) of a fresh process
that opens the project in the real main window, shows the article with its
claims and paints it; the floor is a fresh process showing the same text in a
bare QPlainTextEdit. Peak memory hardly varies between runs, so few samples
are taken.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import (
    CLAIMS_IN_BIG_CASE,
    emit,
    figure,
    interleaved,
    make_big_project,
    one_mb_text,
    parser,
    repeats,
    run_child,
)

CHILD = r"""
import resource, sys
mode, project, text_file = sys.argv[1:4]
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication(sys.argv[:1])
if mode == "bare":
    window = QPlainTextEdit()
    window.resize(1280, 800)
    window.setPlainText(open(text_file, encoding="utf-8").read())
else:
    from annotator.project import Project
    from ui.shell.main_window import MainWindow
    from ui.shell.session import ProjectSession
    window = MainWindow(ProjectSession(Project.open(project, create=False)))
    window.resize(1280, 800)
    window.open_article(1)
window.show()
app.processEvents()
window.grab()
app.processEvents()
# ru_maxrss is in kilobytes on Linux (bytes on macOS).
scale = 1 if sys.platform == "darwin" else 1024
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6)
"""


def main() -> int:
    cli = parser(__doc__ or "", quick_repeat=1, full_repeat=3)
    cli.add_argument("--claims", type=int, default=CLAIMS_IN_BIG_CASE, help="a smoke test: 50")
    args = cli.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = folder / "big.sqlite"
        make_big_project(project, args.claims)
        text_file = folder / "one_mb.txt"
        text_file.write_text(one_mb_text(), encoding="utf-8")

        def peak(mode: str) -> float:
            return float(run_child(CHILD, mode, str(project), str(text_file), sandbox=folder))

        value, floor = interleaved(lambda: peak("app"), lambda: peak("bare"), repeats(args))
    emit([figure("peak_memory_open_1mb_10k_claims", value, floor, "MB", digits=1)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
