"""Search finds a statistic by its source, in a new project and in one made before
the evidence index held the source (the `evidence_fts_source` migration)."""

from __future__ import annotations

from pathlib import Path

from annotator.project import Project
from db.projectfile import migrations
from db.search import fts as search


def _statistic(project: Project, source: str) -> int:
    item = project.evidence.add_statistic(
        "resident doctors' pay, real terms", "-20.6", "%", "2008 to 2025", source=source
    )
    return item.id


def _evidence_ids(project: Project, query: str) -> list[int]:
    result = project.search.search(query, kinds=("evidence",))
    return [hit.id for hit in result.hits]


def test_a_statistic_is_found_by_its_source(tmp_path: Path) -> None:
    project = Project.open(tmp_path / "p.sqlite", create=True)
    try:
        ons = _statistic(project, "Office for National Statistics")
        bma = _statistic(project, "BMA")
        assert _evidence_ids(project, "national statistics") == [ons]
        assert _evidence_ids(project, "BMA") == [bma]  # three letters: the trigram index
    finally:
        project.close()


def test_an_older_file_is_migrated_and_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    project = Project.open(path, create=True)
    ons = _statistic(project, "Office for National Statistics")
    db = project.db
    # Put the file back as it was before the migration: the old index, no record.
    for suffix in search.EVIDENCE_FTS_TRIGGERS:
        db.execute(f"DROP TRIGGER evidence_fts_{suffix}")
    db.execute("DROP TABLE evidence_fts")
    for statement in search.fts_ddl(
        "evidence_fts", "evidence", ("title", "citation", "quote", "note", "url")
    ):
        db.execute(statement)
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'evidence_fts_source'")
    db.execute(f"PRAGMA user_version = {migrations.latest_version() - 1}")
    db.conn.commit()
    assert _evidence_ids(project, "national statistics") == []  # what users saw
    project.close()

    reopened = Project.open(path)
    try:
        assert _evidence_ids(reopened, "national statistics") == [ons]
        later = _statistic(reopened, "NHS Digital")  # the triggers keep it in step
        assert _evidence_ids(reopened, "nhs digital") == [later]
    finally:
        reopened.close()
