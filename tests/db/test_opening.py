"""Opening a file that is not a project refuses it and leaves it byte for byte as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.project import Project, ProjectFileError
from db.projectfile import migrations


def _refused(path: Path, reason_part: str) -> None:
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as info:
        Project.open(path, create=True)
    assert str(path) in str(info.value)
    assert reason_part in info.value.reason
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes\n")
    _refused(path, "not a project file")


def test_truncated_project_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "full.sqlite"
    project = Project.open(path)
    project.articles.add(
        __import__("annotator.models", fromlist=["ImportedArticle"]).ImportedArticle(
            text="x" * 50_000, title="Long", source_format="txt"
        )
    )
    project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    project.close()
    data = path.read_bytes()
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(data[: len(data) // 3])
    _refused(truncated, "damaged")


def test_other_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _refused(path, "not an annotator project")


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    conn.commit()
    conn.close()
    _refused(path, "newer version")


def test_missing_file_is_an_error_unless_creating(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="no such project file"):
        Project.open(tmp_path / "nope.sqlite", create=False)


def test_new_project_has_schema_wal_and_codebook(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Project.open(path) as project:
        assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert (
            project.db.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
        )
        sides = {e.name for e in project.codebook.entries("side")}
        assert {"union", "government", "employer", "independent"} <= sides
        assert project.check() == []
    # Reopening applies nothing and keeps the data.
    with Project.open(path, create=False) as project:
        assert len(project.codebook.entries("verdict")) == 7


def test_check_reports_a_claim_whose_quote_drifted(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        from annotator.models import ImportedArticle

        outcome = project.articles.add(
            ImportedArticle(text="Pay fell by a fifth.", title="T", source_format="txt")
        )
        project.db.execute(
            'INSERT INTO claims (uid, article_id, start, "end", quote, created_at, updated_at) '
            "VALUES ('u1', ?, 0, 3, 'Pay', 'now', 'now'), ('u2', ?, 4, 8, 'XXXX', 'now', 'now')",
            [outcome.article_id, outcome.article_id],
        )
        problems = project.check()
    assert len(problems) == 1 and "quote no longer matches" in problems[0]
