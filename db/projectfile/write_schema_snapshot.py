"""Write db/projectfile/expected_schema.json from the migrations themselves.

    uv run python -m db.projectfile.write_schema_snapshot

Run after adding a migration (tests/db/test_schema_snapshot.py fails until then).
"""

from __future__ import annotations

from pathlib import Path

from db.projectfile import migrations, schema_audit, schema_snapshot


def regenerate(path: Path = schema_snapshot.SNAPSHOT) -> int:
    """Write the snapshot; returns the schema version written."""
    version = migrations.latest_version()
    made = schema_audit.build_expected(version)
    schema_snapshot.write(version, [(o.type, o.name, o.table, o.sql) for o in made.values()], path)
    return version


if __name__ == "__main__":
    print(f"wrote {schema_snapshot.SNAPSHOT} at schema version {regenerate()}")
