"""Opening the 1 MB article with 10,000 claims, and marking one more, next to their floors.

    uv run python bench/reader_paint.py [--quick] [--repeat N]

Figures, each measured in the same window and interleaved with its floor:

- open_1mb_10k_claims_painted: the real main window opens the article (text
  laid out, 10,000 claims highlighted, the claims table filled) and paints;
  floor: a bare QPlainTextEdit of the reader's size in the same process
  showing the same text (setPlainText and a paint). It leaves out reading
  the article and its claims from the project, paragraphs, highlights and
  the claims table: everything our window does on top of Qt's own layout.
- open_1mb_no_claims_painted: our window opening the same text without
  claims, against the same bare QPlainTextEdit (what the reader costs
  before any claim is painted).
- mark_claim_1mb_10k_committed_painted: select words, trigger Mark claim
  (undo command, one transaction, history row, highlighter, table, editor),
  then paint, until the event loop is idle again (the layout and paints the
  mark posts count); floor: one bare SQLite INSERT committed plus a repaint
  of the bare QPlainTextEdit holding the same text. Both start from an idle
  loop: before, one processEvents() per sample left the previous undo's
  paints to be timed inside the floor (~5 ms on a ~1.5 ms floor).
- mark_claim_1mb_10k_same_work: the same marks (the same samples) against a
  floor doing the same visible work with bare PySide6 and sqlite3
  (bench/_mark_floor.py): the claim's row and its FTS row committed, the new
  span highlighted in a QPlainTextEdit holding the megabyte, a row inserted
  into a plain 10,000-row model, selected and scrolled to in a QTableView,
  a few form fields filled, a status message, in a 1280x800 window, until the
  event loop is idle.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from common import (
    CLAIM_CHARS,
    CLAIMS_IN_BIG_CASE,
    emit,
    figure,
    interleaved,
    make_big_project,
    one_mb_text,
    parser,
    repeats,
    settle,
    timed,
)


def main() -> int:
    cli = parser(__doc__ or "", quick_repeat=3, full_repeat=9)
    cli.add_argument("--claims", type=int, default=CLAIMS_IN_BIG_CASE, help="a smoke test: 50")
    args = cli.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        path = Path(tmp) / "big.sqlite"
        article_id = make_big_project(path, args.claims)

        from PySide6.QtWidgets import QApplication, QPlainTextEdit

        from annotator.models import ImportedArticle
        from annotator.project import Project
        from ui.shell.main_window import MainWindow
        from ui.shell.session import ProjectSession

        app = QApplication.instance() or QApplication([])
        project = Project.open(path, create=False)
        # The floor article: the same megabyte (one character apart, so it is
        # not a duplicate), no claims.
        bare = project.articles.add(
            ImportedArticle(text=one_mb_text() + ".", title="Bare copy", source_format="txt")
        ).article_id
        assert bare is not None
        window = MainWindow(ProjectSession(project))
        window.resize(1280, 800)
        window.show()
        app.processEvents()

        def open_painted(target: int) -> float:
            window.open_article(bare if target == article_id else article_id)  # away first
            app.processEvents()

            def work() -> None:
                window.open_article(target)
                window.repaint()
                app.processEvents()

            return timed(work)

        text = project.articles.get(article_id).text
        plain = QPlainTextEdit()
        plain.setReadOnly(True)
        plain.resize(window.reader.view.viewport().size())
        plain.show()

        def bare_painted() -> float:
            plain.setPlainText("")
            app.processEvents()

            def work() -> None:
                plain.setPlainText(text)
                plain.repaint()
                app.processEvents()

            return timed(work)

        open_value, open_floor = interleaved(
            lambda: open_painted(article_id), bare_painted, repeats(args)
        )
        bare_value, bare_floor = interleaved(
            lambda: open_painted(bare), bare_painted, repeats(args)
        )
        window.open_article(article_id)
        app.processEvents()
        assert window.claims.panel.model.rowCount() == args.claims
        view = window.reader.view
        plain.setPlainText(text)
        # Claims cover CLAIM_CHARS of every 100 characters; mark words in a gap.
        starts = iter(range(CLAIM_CHARS + 5, len(text) // 2, 100 * 37))
        project.db.execute("CREATE TEMP TABLE floor_rows (id INTEGER PRIMARY KEY, quote TEXT)")

        # Each sample starts from an idle event loop and runs it until idle
        # again (settle), so no sample's follow-on work (the layout and paints
        # the mark posts, the undo's) is left to be timed in the next one.
        def mark_one() -> float:
            start = next(starts)
            view.select_span(start, start + 20)
            settle()

            def work() -> None:
                window.actions["mark_claim"].trigger()
                view.viewport().repaint()
                settle()

            spent = timed(work)
            assert project.claims.count(article_id) == args.claims + 1
            window.actions["undo"].trigger()
            settle()
            return spent

        def floor_one() -> float:
            settle()

            def work() -> None:
                with project.db.atomic():
                    project.db.execute(
                        "INSERT INTO floor_rows (quote) VALUES (?)", ["twenty characters.."]
                    )
                plain.viewport().repaint()
                settle()

            return timed(work)

        from _mark_floor import SameWorkFloor

        spans = project.claims.spans(article_id)
        same = SameWorkFloor(Path(tmp), text, [(s[1], s[2], text[s[1] : s[2]]) for s in spans])
        same_starts = iter(range(CLAIM_CHARS + 5, len(text) // 2, 100 * 37))

        def same_one() -> float:
            start = next(same_starts)
            same.prepare(start, start + 20)
            settle()

            def work() -> None:
                same.mark(start, start + 20)
                settle()

            spent = timed(work)
            same.undo()
            settle()
            return spent

        # One loop, the three taken in turn: both figures share the marks' samples.
        marks: list[float] = []
        floors: list[float] = []
        sames: list[float] = []
        for _ in range(repeats(args)):
            floors.append(floor_one())
            sames.append(same_one())
            marks.append(mark_one())
        mark_value = statistics.median(marks)
        mark_floor, same_floor = statistics.median(floors), statistics.median(sames)
        same.close()
        window.close()
        project.close()
    emit(
        [
            figure("open_1mb_10k_claims_painted", open_value, open_floor, "s"),
            figure("open_1mb_no_claims_painted", bare_value, bare_floor, "s"),
            figure("mark_claim_1mb_10k_committed_painted", mark_value, mark_floor, "s"),
            figure("mark_claim_1mb_10k_same_work", mark_value, same_floor, "s"),
        ]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
