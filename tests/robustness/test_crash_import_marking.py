"""Killed at a random moment, the project keeps exactly what was committed.

Each test runs the real command line (`python -m ui.app ...`, what the
`annotator` command runs) in a subprocess, sends it SIGKILL at a random
moment of its work (no clean-up code runs), and then checks that the project
passes `annotator check` and holds whole articles only, every claim with its
article, every claim committed before the kill, and that finishing the work
afterwards gives exactly the result of an uninterrupted run. The default
suite kills each command a handful of times; `-m slow` many more.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.project import Project
from tests.robustness.crash_support import (
    QUICK_RUNS,
    ROOT,
    SEED,
    SLOW_RUNS,
    _assert_checks,
    _claims_of,
    _cli,
    _env,
    _expected_texts,
    _finish,
    _kill_after,
    _project_with_claims,
    _timed_run,
    _write_corpus,
    warm_bytecode,
)


@pytest.fixture(scope="module", autouse=True)
def _warm_bytecode(tmp_path_factory: pytest.TempPathFactory) -> None:
    warm_bytecode(tmp_path_factory.mktemp("warm"))


# -- import ---------------------------------------------------------------------


def _import_kills(tmp_path: Path, runs: int, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED)
    corpus = _write_corpus(tmp_path / "corpus", 9)
    expected = _expected_texts(corpus)
    template = tmp_path / "template.sqlite"
    claims_before = _project_with_claims(template)
    # How long an uninterrupted import takes, so kills land all through it.
    reference = tmp_path / "reference.sqlite"
    shutil.copy(template, reference)
    duration = _timed_run(tmp_path, "import", str(tmp_path / "corpus"), "--project", str(reference))
    killed = 0
    for run in range(runs):
        path = tmp_path / f"run-{run}.sqlite"
        shutil.copy(template, path)
        proc = _cli(tmp_path, "import", str(tmp_path / "corpus"), "--project", str(path))
        killed += _kill_after(proc, rng.uniform(0.05, 1.0) * duration)

        _assert_checks(path, capsys)
        with Project.open(path, create=False) as project:
            articles = [project.articles.get(s.id) for s in project.articles.list()]
        imported = [a for a in articles if a.title != "Before the crash"]
        for article in imported:  # whole articles only, each one a corpus file
            assert article.text in expected, f"run {run}: a partial or unknown article"
            assert article.title == expected[article.text]
        assert len({a.text for a in imported}) == len(imported), "no article twice"
        assert _claims_of(path) == claims_before, "claims committed before the import survive"

        # Finishing the import afterwards gives what an uninterrupted one gives.
        code, _, err = _finish(
            _cli(tmp_path, "import", str(tmp_path / "corpus"), "--project", str(path))
        )
        assert code == 0, err
        with Project.open(path, create=False) as project:
            texts = sorted(project.articles.get(s.id).text for s in project.articles.list())
        with Project.open(reference, create=False) as project:
            assert texts == sorted(project.articles.get(s.id).text for s in project.articles.list())
    assert killed >= 1, "no run was killed mid-way: the delays are too long"


def test_import_killed_at_random_moments_keeps_whole_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import_kills(tmp_path, QUICK_RUNS, capsys)


@pytest.mark.slow
def test_import_killed_many_times(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _import_kills(tmp_path, SLOW_RUNS, capsys)


# -- marking claims one after another (what the window does) -------------------

MARKER = r"""
import sys
from annotator.project import Project
project = Project.open(sys.argv[1], create=False)
article = project.articles.list()[0].id
text = project.articles.get(article).text
for n in range(1, 400):
    start = (n * 37) % (len(text) - 40)
    claim = project.claims.mark(article, start, start + 25)
    print(claim.id, flush=True)  # printed only after the commit
"""


def _marker_kills(tmp_path: Path, runs: int, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED + 1)
    template = tmp_path / "template.sqlite"
    claims_before = _project_with_claims(template)
    for run in range(runs):
        path = tmp_path / f"marks-{run}.sqlite"
        shutil.copy(template, path)
        proc = subprocess.Popen(
            [sys.executable, "-c", MARKER, str(path)],
            cwd=ROOT,
            env=_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.4, 1.5))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        reported = {int(line) for line in out.split()}
        _assert_checks(path, capsys)
        ids = {c[0] for c in _claims_of(path)}
        assert {c[0] for c in claims_before} <= ids
        assert reported <= ids, "a claim reported as committed was lost"
        # At most the one claim committed between its commit and its print.
        assert len(ids - reported - {c[0] for c in claims_before}) <= 1


def test_marking_killed_at_random_moments_loses_no_committed_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _marker_kills(tmp_path, QUICK_RUNS, capsys)


@pytest.mark.slow
def test_marking_killed_many_times(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _marker_kills(tmp_path, SLOW_RUNS, capsys)
