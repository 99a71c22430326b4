"""Backups: made with SQLite's backup API, pruned to the newest N, restored with a safety copy."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from annotator.backups import service as backups
from annotator.cli.main import main
from annotator.models import ImportedArticle
from annotator.project import Project
from db.projectfile import backups as copier
from db.projectfile import connection, migrations


def _add(project: Project, text: str) -> int:
    outcome = project.articles.add(ImportedArticle(text=text, title=text[:20], source_format="txt"))
    assert outcome.article_id is not None
    return outcome.article_id


def _titles(path: Path) -> list[str]:
    with Project.open(path, create=False) as project:
        return [a.title for a in project.articles.list()]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_command_copies_the_project_while_it_is_open(
    sample_project: Project, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The window holds the file open, mid-way through nothing in particular.
    code, out, err = run(["backup", "--project", str(project_path), "--json"], capsys)
    assert code == 0, err
    made = json.loads(out)
    assert {"file", "backup", "kind", "created_at", "size"} <= set(made)
    copy = Path(made["backup"])
    assert copy.parent == project_path.with_name(project_path.name + ".backups")
    assert made["kind"] == "manual" and made["size"] == copy.stat().st_size
    assert not Path(f"{copy}-wal").exists(), "a backup is one self-contained file"
    assert _titles(copy) == [a.title for a in sample_project.articles.list()]
    with Project.open(copy, create=False) as restored:
        assert restored.check() == []


def test_backup_sees_only_committed_work(empty_project: Project, project_path: Path) -> None:
    _add(empty_project, "Committed before the backup.")
    other = sqlite3.connect(project_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings (key, value) VALUES ('uncommitted', 'yes')")
    made = backups.back_up_file(project_path)
    other.execute("ROLLBACK")
    other.close()
    copy = sqlite3.connect(made.path)
    assert (
        copy.execute("SELECT count(*) FROM settings WHERE key = 'uncommitted'").fetchone()[0] == 0
    )
    assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    copy.close()


def test_a_failed_copy_leaves_no_half_backup(tmp_path: Path) -> None:
    source = sqlite3.connect(":memory:")
    source.close()  # copying from it fails half-way through the attempt
    target = tmp_path / "copy.sqlite"
    with pytest.raises(sqlite3.ProgrammingError):
        copier.copy_connection(source, target)
    assert list(tmp_path.iterdir()) == []


def test_only_the_newest_manual_and_scheduled_backups_are_kept(
    empty_project: Project, project_path: Path
) -> None:
    empty_project.backups.set_schedule(backups.Schedule(interval_minutes=30, keep=3))
    folder = backups.folder_for(project_path)
    folder.mkdir()
    # Older backups of each kind, named as they would have been over a week.
    start = datetime(2025, 11, 1, 9, 0, 0)
    for day, kind in enumerate(
        ["manual", "scheduled", "before-schema-1", "before-restore", "scheduled"]
    ):
        when = start + timedelta(days=day)
        backups.copier.copy_connection(
            empty_project.db.conn, backups._target(project_path, kind, when)
        )
    newest = empty_project.backups.create()
    kinds = [b.kind for b in empty_project.backups.list()]
    # Kept: the 3 newest manual/scheduled, and every pre-upgrade and pre-restore copy.
    assert kinds == ["manual", "scheduled", "before-restore", "before-schema-1", "scheduled"]
    assert empty_project.backups.list()[0].path == newest.path


def test_restore_brings_the_backup_back_and_keeps_a_safety_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        article = _add(project, "Pay fell by a fifth since 2008, the union says.")
        backup = project.backups.create()
        project.claims.mark_quote(article, "a fifth")
        _add(project, "Ministers say pay rose 29% over three years.")
    code, out, err = run(["restore", str(backup.path), "--project", str(path), "--json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["ok"] is True and result["restored_from"] == str(backup.path)
    with Project.open(path, create=False) as project:
        assert project.articles.count() == 1 and project.claims.count() == 0
    safety = Path(result["safety_copy"])
    assert "before-restore" in safety.name
    with Project.open(safety, create=False) as previous:
        assert previous.articles.count() == 2 and previous.claims.count() == 1
    # ... and the safety copy restores like any backup: the restore is undoable.
    code, _, err = run(["restore", str(safety), "--project", str(path)], capsys)
    assert code == 0, err
    assert len(_titles(path)) == 2


@pytest.mark.parametrize("bad", ["missing", "text", "foreign", "itself"])
def test_restore_refuses_a_bad_backup_and_leaves_the_project_alone(
    bad: str,
    sample_project: Project,
    project_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sample_project.close()
    candidate = {
        "missing": tmp_path / "nope.sqlite",
        "text": tmp_path / "notes.sqlite",
        "foreign": tmp_path / "other.sqlite",
        "itself": project_path,
    }[bad]
    if bad == "text":
        candidate.write_text("not a database")
    if bad == "foreign":
        conn = sqlite3.connect(candidate)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    before = project_path.read_bytes()
    code, out, err = run(["restore", str(candidate), "--project", str(project_path)], capsys)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and str(candidate) in err
    assert "Traceback" not in err
    assert project_path.read_bytes() == before
    assert not backups.folder_for(project_path).exists()


def test_backup_list(
    sample_project: Project, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample_project.backups.create()
    sample_project.backups.create()
    code, out, _ = run(["backup", "--list", "--project", str(project_path), "--json"], capsys)
    listed = json.loads(out)
    assert code == 0 and len(listed) == 2
    assert listed[0]["created_at"] >= listed[1]["created_at"]
    assert listed[0]["backup"] != listed[1]["backup"]


def test_schema_upgrade_is_preceded_by_a_backup_in_the_folder(tmp_path: Path) -> None:
    # A genuine schema-1 file: only the first migration applied, as an old version left it.
    old = tmp_path / "v1.sqlite"
    db = connection.connect(old)
    migrations.migrations.apply(db, stop_before=migrations.migrations._migrations[1].name)
    db.execute(f"PRAGMA user_version = {len(migrations.migrations.applied(db))}")
    db.execute(
        "INSERT INTO articles (uid, title, source_format, imported_at, text, text_sha256) "
        "VALUES ('u1', 'Old', 'txt', 'then', 'Old text.', 'abc')"
    )
    db.conn.close()
    with Project.open(old, create=False) as project:
        assert project.articles.count() == 1
    made = backups.list_backups(old)
    assert [b.kind for b in made] == ["before-schema-1"]
    copy = sqlite3.connect(made[0].path)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT title FROM articles").fetchall() == [("Old",)]
    copy.close()


def test_schedule_is_stored_in_the_project_and_validated(
    empty_project: Project, project_path: Path
) -> None:
    assert empty_project.backups.schedule() == backups.Schedule()
    empty_project.backups.set_schedule(backups.Schedule(interval_minutes=5, keep=2))
    empty_project.close()
    with Project.open(project_path, create=False) as reopened:
        assert reopened.backups.schedule() == backups.Schedule(5, 2)
        with pytest.raises(backups.BackupError):
            reopened.backups.set_schedule(backups.Schedule(interval_minutes=-1, keep=2))
        with pytest.raises(backups.BackupError):
            reopened.backups.set_schedule(backups.Schedule(interval_minutes=5, keep=0))
        assert reopened.backups.schedule() == backups.Schedule(5, 2)


def test_a_scheduled_backup_is_due_only_after_the_interval_and_a_change(
    empty_project: Project,
) -> None:
    manager = empty_project.backups
    manager.set_schedule(backups.Schedule(interval_minutes=10, keep=5))
    assert manager.due()  # never backed up
    made = manager.run_scheduled()
    assert made is not None and made.kind == "scheduled"
    assert not manager.due()  # just done
    later = made.created_at + timedelta(minutes=11)
    assert not manager.due(later), "nothing changed since the last backup"
    _add(empty_project, "A change after the backup.")
    assert manager.due(later)
    assert not manager.due(made.created_at + timedelta(minutes=9))
    manager.set_schedule(backups.Schedule(interval_minutes=0, keep=5))
    assert not manager.due(later), "0 means never"


def test_backups_made_in_the_same_second_list_newest_first(empty_project: Project) -> None:
    made = [
        empty_project.backups.create(kind) for kind in ("scheduled", "manual", "before-restore")
    ]
    listed = empty_project.backups.list()
    if len({b.created_at for b in made}) == 1:  # the usual case: one second
        assert [b.kind for b in listed] == ["before-restore", "manual", "scheduled"]
    assert listed[0].path == made[-1].path
