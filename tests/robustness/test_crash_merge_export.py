"""Killed at a random moment, a merge is all or nothing and an export never
leaves a partial file (see test_crash_import_marking.py for the method).
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.project import Project
from tests.robustness.crash_support import (
    QUICK_RUNS,
    SEED,
    SLOW_RUNS,
    _assert_checks,
    _claims_of,
    _cli,
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
