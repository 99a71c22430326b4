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

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from annotator.cli import main as cli_main
from annotator.importers import read_file
from annotator.models import ImportedArticle
from annotator.project import Project

ROOT = Path(__file__).resolve().parents[2]
QUICK_RUNS = 3
SLOW_RUNS = 25
SEED = 20251126


# Bytecode for the subprocesses goes to a cache of this test module's own, so
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


@pytest.fixture(scope="module", autouse=True)
def _warm_bytecode(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compile what the commands import once, so the timed runs are warm ones."""
    modules = "ui.app, annotator.importers, annotator.exporters, annotator.merge, annotator.project"
    subprocess.run(
        [sys.executable, "-c", f"import {modules}"],
        cwd=ROOT,
        env=_env(tmp_path_factory.mktemp("warm")),
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


# -- merge and export ------------------------------------------------------------


@pytest.fixture(scope="module")
def claim_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A colleague's claim set: three articles with many claims, exported as our JSON."""
    tmp_path = tmp_path_factory.mktemp("claim-set")
    source = tmp_path / "colleague.sqlite"
    corpus = _write_corpus(tmp_path / "colleague-corpus", 3)
    with Project.open(source) as project:
        project.articles.import_paths(corpus)
        with project.db.atomic():
            for summary in project.articles.list():
                text = project.articles.get(summary.id).text
                for n in range(150):
                    start = (n * 53) % (len(text) - 40)
                    project.claims.mark(summary.id, start, start + 30)
    out = tmp_path / "claims.json"
    code, _, err = _finish(
        _cli(tmp_path, "export", "--format", "json", "-o", str(out), "--project", str(source))
    )
    assert code == 0, err
    return out


def _counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        conn.close()
    return articles, claims


def _merge_kills(
    tmp_path: Path, claim_set: Path, runs: int, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED + 2)
    template = tmp_path / "template.sqlite"
    claims_before = _project_with_claims(template)
    reference = tmp_path / "reference.sqlite"
    shutil.copy(template, reference)
    duration = _timed_run(tmp_path, "merge", str(claim_set), "--project", str(reference))
    before, after = _counts(template), _counts(reference)
    assert after[1] > before[1] + 400
    for run in range(runs):
        path = tmp_path / f"merge-{run}.sqlite"
        shutil.copy(template, path)
        _kill_after(
            _cli(tmp_path, "merge", str(claim_set), "--project", str(path)),
            rng.uniform(0.1, 1.0) * duration,
        )
        _assert_checks(path, capsys)
        # One merge is one transaction: all of it or none of it.
        assert _counts(path) in (before, after)
        assert set(claims_before) <= set(_claims_of(path))
        code, _, err = _finish(_cli(tmp_path, "merge", str(claim_set), "--project", str(path)))
        assert code == 0, err
        assert _counts(path) == after


def test_merge_killed_at_random_moments_is_all_or_nothing(
    tmp_path: Path, claim_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _merge_kills(tmp_path, claim_set, QUICK_RUNS, capsys)


@pytest.mark.slow
def test_merge_killed_many_times(
    tmp_path: Path, claim_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _merge_kills(tmp_path, claim_set, SLOW_RUNS, capsys)


def _without_time(path: Path) -> dict[str, object]:
    """An export as JSON (a truncated file fails to parse), minus its time stamp."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported_at")
    return dict(data)


def _export_kills(
    tmp_path: Path, claim_set: Path, runs: int, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED + 3)
    project_path = tmp_path / "project.sqlite"
    _project_with_claims(project_path)
    code, _, err = _finish(_cli(tmp_path, "merge", str(claim_set), "--project", str(project_path)))
    assert code == 0, err
    counts = _counts(project_path)
    out = tmp_path / "out" / "claims.json"
    out.parent.mkdir()
    duration = _timed_run(
        tmp_path, "export", "--format", "json", "-o", str(out), "--project", str(project_path)
    )
    whole = _without_time(out)
    for _ in range(runs):
        out.unlink(missing_ok=True)
        proc = _cli(
            tmp_path, "export", "--format", "json", "-o", str(out), "--project", str(project_path)
        )
        _kill_after(proc, rng.uniform(0.1, 1.0) * duration)
        _assert_checks(project_path, capsys)
        assert _counts(project_path) == counts, "an export changes nothing in the project"
        # The file is whole or absent, never a truncated one a user could send on.
        if out.exists():
            assert _without_time(out) == whole
    # A killed export may leave its hidden temporary file, never a visible partial one.
    visible = [p.name for p in out.parent.iterdir() if not p.name.startswith(".")]
    assert visible in ([], ["claims.json"])


def test_export_killed_at_random_moments_never_leaves_a_partial_file(
    tmp_path: Path, claim_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _export_kills(tmp_path, claim_set, QUICK_RUNS, capsys)


@pytest.mark.slow
def test_export_killed_many_times(
    tmp_path: Path, claim_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _export_kills(tmp_path, claim_set, SLOW_RUNS, capsys)
