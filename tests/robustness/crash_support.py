"""What the crash-safety tests share: running the real command line in a
subprocess, killing it at a moment, checking the project, and a corpus to import.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from annotator.cli.main import main as cli_main
from annotator.exchange.importers import read_file
from annotator.models import ImportedArticle
from annotator.project import Project

ROOT = Path(__file__).resolve().parents[2]
QUICK_RUNS = 3
SLOW_RUNS = 25
SEED = 20251126


# Bytecode for the subprocesses goes to a cache of these tests' own, so
# each run does not compile every module again (the suite disables writing
# bytecode next to the sources).
_PYCACHE = Path(tempfile.mkdtemp(prefix="annotator-crash-pycache-"))


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    env["PYTHONPATH"] = str(ROOT)
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["ANNOTATOR_DATA_DIR"] = str(tmp / "data")
    return env


def _cli(tmp: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ui.app", *args],
        cwd=ROOT,
        env=_env(tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def warm_bytecode(tmp: Path) -> None:
    """Compile what the commands import once, so the timed runs are warm ones."""
    modules = "ui.app, annotator.exchange.importers, annotator.exchange.exporters, annotator.exchange.merge, annotator.project"
    subprocess.run(
        [sys.executable, "-c", f"import {modules}"],
        cwd=ROOT,
        env=_env(tmp),
        check=True,
        timeout=300,
    )


def _finish(proc: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def _kill_after(proc: subprocess.Popen[str], delay: float) -> bool:
    """SIGKILL the process after `delay` seconds; False when it had already finished."""
    try:
        proc.wait(timeout=delay)
        finished = True
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        finished = False
    proc.communicate(timeout=60)
    return not finished


def _timed_run(tmp: Path, *args: str) -> float:
    start = time.perf_counter()
    code, _, err = _finish(_cli(tmp, *args))
    assert code == 0, err
    return time.perf_counter() - start


def _assert_checks(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`annotator check` passes: integrity, foreign keys (no claim without its article), quotes."""
    code = cli_main(["check", "--project", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["ok"] is True


# -- the corpus ---------------------------------------------------------------

TOPICS = ("pay", "strikes", "rotas", "training posts", "exams", "pensions")


def _write_corpus(folder: Path, count: int) -> list[Path]:
    """Articles in the three text formats, each with its own text."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for n in range(count):
        topic = TOPICS[n % len(TOPICS)]
        body = " ".join(
            f"Paragraph {p} of article {n}: the union says {topic} fell by {n + p}% since 2008, "
            f"while ministers point to a {p}.{n % 10}% rise this year."
            for p in range(40)
        )
        kind = n % 3
        if kind == 0:
            path = folder / f"article-{n:03}.txt"
            path.write_text(f"Article {n} on {topic}\n\n{body}\n", encoding="utf-8")
        elif kind == 1:
            path = folder / f"article-{n:03}.md"
            path.write_text(
                f"---\ntitle: Article {n} on {topic}\nurl: https://news.example/{n}\n---\n\n{body}\n",
                encoding="utf-8",
            )
        else:
            path = folder / f"article-{n:03}.html"
            paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in body.split(". "))
            path.write_text(
                f"<html><head><title>Article {n} on {topic}</title></head><body>"
                f"<nav>Home | News</nav><article><h1>Article {n} on {topic}</h1>{paragraphs}"
                "</article></body></html>",
                encoding="utf-8",
            )
        paths.append(path)
    return paths


def _expected_texts(paths: list[Path]) -> dict[str, str]:
    """text -> title, as the importers read each file."""
    expected: dict[str, str] = {}
    for path in paths:
        article = read_file(path)
        expected[article.text] = article.title
    assert len(expected) == len(paths), "every corpus file must have its own text"
    return expected


def _project_with_claims(path: Path) -> list[tuple[int, str, int, int]]:
    """A project that already holds claims; returns (id, quote, start, end) of each."""
    with Project.open(path) as project:
        text = "Pay fell by a fifth since 2008, the union says; ministers disagree. " * 20
        article_id = project.articles.add(
            ImportedArticle(text=text, title="Before the crash", source_format="txt")
        ).article_id
        assert article_id is not None
        for occurrence in range(1, 11):
            project.claims.mark_quote(article_id, "a fifth", occurrence)
        return [(c.id, c.quote, c.start or 0, c.end or 0) for c in project.claims.list()]


def _claims_of(path: Path) -> list[tuple[int, str, int, int]]:
    with Project.open(path, create=False) as project:
        return [(c.id, c.quote, c.start or 0, c.end or 0) for c in project.claims.list()]
