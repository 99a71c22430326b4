"""The latest schema our migrations make, kept as a file beside them.

Every open compares the file's schema with ours (`schema_audit`). Building
ours means running every migration on an in-memory database, about 20 ms
of a start-up budget of a few hundred; and nearly every file opened is at the
latest version. So the latest schema is written once, by this module, to
`expected_schema.json`, and opening reads it (well under a millisecond).

The snapshot is only trusted when it is whole and names the latest version:
a stale or damaged copy (an edited install, a migration added without
regenerating) is ignored and the schema is built from the migrations as
before. A test keeps the file equal to what the migrations make; after
adding a migration, regenerate it with

    uv run python -m db.projectfile.write_schema_snapshot
"""

from __future__ import annotations

import json
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("expected_schema.json")

# One schema object: (type, name, table, normalised sql).
Row = tuple[str, str, str, str]


def load(version: int, path: Path = SNAPSHOT) -> list[Row] | None:
    """The snapshot's objects when it is whole and at `version`, else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != version:
        return None
    objects = data.get("objects")
    if not isinstance(objects, list) or not objects:
        return None
    rows: list[Row] = []
    for item in objects:
        if not (
            isinstance(item, list)
            and len(item) == 4
            and all(isinstance(part, str) for part in item)
        ):
            return None
        rows.append((item[0], item[1], item[2], item[3]))
    return rows


def render(version: int, rows: list[Row]) -> str:
    """The snapshot's text: sorted, one object a line, so a diff shows what a migration changed."""
    lines = [json.dumps(list(row), ensure_ascii=False) for row in sorted(rows, key=lambda r: r[1])]
    body = ",\n    ".join(lines)
    return f'{{\n  "version": {version},\n  "objects": [\n    {body}\n  ]\n}}\n'


def write(version: int, rows: list[Row], path: Path = SNAPSHOT) -> None:
    path.write_text(render(version, rows), encoding="utf-8")
