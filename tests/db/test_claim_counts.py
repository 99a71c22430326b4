"""An article's claim count is kept by the connection and always equals a fresh count.

Every way the claims of an article change on this connection (mark, delete,
move to another article, a rolled-back transaction, the article deleted with
its claims) moves the kept count; a commit by another connection or triggers
gone make it count again. A count asked for again is not counted again (it
walked 10,000 index entries on every mark in a big article).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.project import Project
from db import claims as claim_rows


def _fresh(project: Project, article_id: int) -> int:
    row = project.db.execute("SELECT count(id) FROM claims WHERE article_id = ?", [article_id])
    return int(row.fetchone()[0])


def _counted(project: Project) -> list[str]:
    """Statements that count claims, from now on."""
    seen: list[str] = []
    project.db.conn.set_trace_callback(
        lambda sql: seen.append(sql) if "count(*) FROM claims WHERE" in sql else None
    )
    return seen


@pytest.fixture
def two(sample_project: Project) -> tuple[Project, int, int]:
    a, b, _ = sample_project.articles.list()
    return sample_project, a.id, b.id


def test_marks_deletes_and_moves_keep_the_count_without_counting_again(
    two: tuple[Project, int, int],
) -> None:
    project, a, b = two
    assert project.claims.count(a) == 0
    counted = _counted(project)
    first = project.claims.mark(a, 0, 10)
    second = project.claims.mark(a, 20, 30)
    assert project.claims.count(a) == 2 == _fresh(project, a)
    project.claims.delete(first.id)
    assert project.claims.count(a) == 1 == _fresh(project, a)
    assert project.claims.count(b) == 0
    project.db.execute("UPDATE claims SET article_id = ? WHERE id = ?", [b, second.id])
    assert (project.claims.count(a), project.claims.count(b)) == (0, 1)
    assert len(counted) == 1  # b's, asked for the first time; a's never again


def test_a_rolled_back_mark_takes_its_count_back(two: tuple[Project, int, int]) -> None:
    project, a, _ = two
    assert project.claims.count(a) == 0
    with pytest.raises(RuntimeError), project.db.atomic():
        project.claims.mark(a, 0, 10)
        assert project.claims.count(a) == 1
        raise RuntimeError("refused")
    assert project.claims.count(a) == 0 == _fresh(project, a)


def test_an_article_deleted_with_its_claims_counts_none(two: tuple[Project, int, int]) -> None:
    project, a, _ = two
    project.claims.mark(a, 0, 10)
    assert project.claims.count(a) == 1
    project.db.execute("DELETE FROM claims WHERE article_id = ?", [a])
    assert project.claims.count(a) == 0 == _fresh(project, a)


def test_another_connections_commit_is_counted_again(
    two: tuple[Project, int, int], project_path: Path
) -> None:
    project, a, _ = two
    project.claims.mark(a, 0, 10)
    assert project.claims.count(a) == 1
    other = sqlite3.connect(project_path, isolation_level=None)
    try:
        other.execute("PRAGMA trusted_schema = ON")  # the file's own FTS triggers
        other.execute("DELETE FROM claims WHERE article_id = ?", [a])
    finally:
        other.close()
    assert project.claims.count(a) == 0


def test_triggers_gone_mean_counting_again(two: tuple[Project, int, int]) -> None:
    project, a, _ = two
    assert project.claims.count(a) == 0
    project.db.execute("DROP TRIGGER temp.claim_counts_insert")  # as a rebuilt table would
    project.claims.mark(a, 0, 10)
    assert project.claims.count(a) == 1
    assert project.db.execute(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'"
    ).fetchone()[0] == len(claim_rows.COUNT_TRIGGERS)
    project.claims.mark(a, 20, 30)
    assert project.claims.count(a) == 2 == _fresh(project, a)


def test_a_claim_restored_over_itself_is_counted_once(two: tuple[Project, int, int]) -> None:
    """INSERT OR REPLACE over an existing row fires no delete trigger (no recursive triggers)."""
    from db import claims as rows

    project, a, _ = two
    claim = project.claims.mark(a, 0, 10)
    assert project.claims.count(a) == 1
    with project.db.atomic():
        rows.restore(
            project.db, {"claims": [dict(rows.snapshot(project.db, claim.id))["claims"][0]]}
        )
    assert project.claims.count(a) == 1 == _fresh(project, a)
    project.claims.delete(claim.id)
    assert project.claims.count(a) == 0 == _fresh(project, a)
