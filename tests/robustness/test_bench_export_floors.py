"""bench/_export_floors.py: each export's floor writes the same rows' worth as our export.

A floor that wrote less than ours would flatter us; the benchmark marks such a
ratio reference only. Here, on a tiny project, every floor runs and writes
within the tolerance of ours (no timing is asserted).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def floors() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import _export_floors
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return _export_floors


@pytest.fixture(scope="module")
def project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from _claims_corpus import build
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = tmp_path_factory.mktemp("floors") / "tiny.sqlite"
    assert build(path, 1, 400) == 400
    return path


@pytest.mark.parametrize("name", ["csv", "json", "w3c", "claimreview", "refi", "html", "md"])
def test_each_floor_writes_as_much_as_our_export(
    floors: ModuleType, project_file: Path, tmp_path: Path, name: str
) -> None:
    from annotator.exchange.exporters import FORMATS, export_to_path
    from annotator.project import Project

    ours, floor = tmp_path / f"ours{FORMATS[name].extension}", tmp_path / "floor"
    with Project.open(project_file, create=False) as project:
        assert export_to_path(project, name, ours).written == 400
        floors.FLOORS[name](project.db.conn, floor)
    ours_bytes, floor_bytes = floors.payload_bytes(ours), floors.payload_bytes(floor)
    assert abs(floor_bytes - ours_bytes) <= floors.BYTES_TOLERANCE * ours_bytes, (
        f"{name}: floor {floor_bytes} bytes, ours {ours_bytes}"
    )
    assert name in floors.FLOOR_MEANINGS


def test_the_streaming_floor_writes_every_claim(
    floors: ModuleType, project_file: Path, tmp_path: Path
) -> None:
    import orjson

    from annotator.project import Project

    out = tmp_path / "stream.json"
    with Project.open(project_file, create=False) as project:
        floors.streaming_json(project.db.conn, out)
    assert len(orjson.loads(out.read_bytes())) == 400
