"""The latest schema, read from a file at every open, stays what the migrations make."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.project import Project
from db.projectfile import migrations, schema_audit, schema_snapshot, write_schema_snapshot


def _rows(objects: dict[str, schema_audit.SchemaObject]) -> list[tuple[str, str, str, str]]:
    return sorted((o.type, o.name, o.table, o.sql) for o in objects.values())


def test_the_snapshot_is_what_the_migrations_make_today() -> None:
    """Fails after a migration is added until the snapshot is regenerated
    (`uv run python -m db.projectfile.write_schema_snapshot`)."""
    latest = migrations.latest_version()
    rows = schema_snapshot.load(latest)
    assert rows is not None, "expected_schema.json is missing, damaged or not at the latest version"
    assert sorted(rows) == _rows(schema_audit.build_expected(latest))


def test_the_snapshot_file_is_sorted_one_object_a_line() -> None:
    lines = schema_snapshot.SNAPSHOT.read_text(encoding="utf-8").splitlines()
    objects = [
        json.loads(line.strip().rstrip(",")) for line in lines if line.strip().startswith('["')
    ]
    assert len(objects) > 50
    assert [o[1] for o in objects] == sorted(o[1] for o in objects)


def test_written_and_read_back_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    version = write_schema_snapshot.regenerate(target)
    assert schema_snapshot.load(version, target) == sorted(
        schema_snapshot.load(version) or [], key=lambda r: r[1]
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{not json",
        '{"version": 10}',
        '{"version": 10, "objects": []}',
        '{"version": 10, "objects": [["table", "claims", "claims"]]}',
        '{"version": 10, "objects": [["table", "claims", "claims", 7]]}',
        '{"version": 3, "objects": [["table", "claims", "claims", "CREATE TABLE claims (x)"]]}',
        "[1, 2, 3]",
    ],
)
def test_a_damaged_or_stale_snapshot_is_ignored(tmp_path: Path, text: str) -> None:
    target = tmp_path / "schema.json"
    target.write_text(text, encoding="utf-8")
    assert schema_snapshot.load(10, target) is None


def test_an_unreadable_snapshot_falls_back_to_the_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "schema.json"
    broken.write_bytes(b"\xff\xfe garbage")
    monkeypatch.setattr(schema_snapshot, "SNAPSHOT", broken)
    monkeypatch.setattr(schema_snapshot.load, "__defaults__", (broken,))
    schema_audit.expected_objects.cache_clear()
    try:
        latest = migrations.latest_version()
        assert _rows(schema_audit.expected_objects(latest)) == _rows(
            schema_audit.build_expected(latest)
        )
    finally:
        schema_audit.expected_objects.cache_clear()


def test_a_foreign_trigger_still_refuses_writing_with_the_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON claims BEGIN DELETE FROM articles; END")
    conn.commit()
    conn.close()
    schema_audit.expected_objects.cache_clear()
    project = Project.open(path)
    try:
        reason = project.read_only_reason()
        assert reason is not None and "sneaky" in reason
    finally:
        project.close()
