"""Two writers on one project at once: the window and `annotator import`.

Both commit through their own connections; neither may fail, corrupt or lose
the other's work, and the window shows the rows the other one wrote.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.models import ImportedArticle
from annotator.project import Project
from tests.robustness.crash_support import _env, _write_corpus
from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 60


def _writer(path: Path, name: str, errors: list[BaseException], start: threading.Barrier) -> None:
    """Adds articles: each add reads (is it a duplicate?) then writes, in one transaction."""
    try:
        with Project.open(path, create=False) as project:
            start.wait()
            for n in range(ROUNDS):
                project.articles.add(
                    ImportedArticle(
                        text=f"{name} article {n}: pay fell.",
                        title=f"{name} {n}",
                        source_format="txt",
                    )
                )
                if n % 3 == 0:  # and some read-then-write claim edits
                    article = project.articles.list()[-1].id
                    project.claims.mark(article, 0, 4)
    except BaseException as exc:  # reported to the test thread
        errors.append(exc)


def test_concurrent_read_then_write_transactions_wait_instead_of_failing(
    empty_project: Project, project_path: Path
) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(2)
    threads = [
        threading.Thread(target=_writer, args=(project_path, name, errors, start))
        for name in ("window", "cli")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert empty_project.articles.count() == 2 * ROUNDS
    assert empty_project.claims.count() == 2 * len(range(0, ROUNDS, 3))
    assert empty_project.check() == []


def test_window_and_cli_import_at_once_lose_nothing(
    qtbot: QtBot, window: MainWindow, project_path: Path, tmp_path: Path
) -> None:
    corpus = _write_corpus(tmp_path / "corpus", 9)
    session = window.session
    before = len(window.library.visible_titles())
    article = session.project.articles.list()[0].id
    text = session.project.articles.get(article).text
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ui.app",
            "import",
            str(tmp_path / "corpus"),
            "--project",
            str(project_path),
        ],
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    marked: list[int] = []
    # The user keeps marking claims while the import runs.
    while proc.poll() is None or len(marked) < 20:
        start = (len(marked) * 41) % (len(text) - 30)
        marked.append(session.project.claims.mark(article, start, start + 20).id)
        qtbot.wait(10)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.count("imported") == len(corpus)

    project = session.project
    assert {c.id for c in project.claims.list()} >= set(marked)
    assert project.articles.count() == before + len(corpus)
    assert project.check() == []
    # The window picks up the other writer's rows without being asked.
    qtbot.waitUntil(
        lambda: len(window.library.visible_titles()) == before + len(corpus), timeout=5000
    )
    assert os.path.exists(project_path)
