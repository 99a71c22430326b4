"""Exports keep their bytes: a project merged from a fixed file exports what it always did.

The fixtures under tests/fixtures/exports were written before Claim's fields
were declared once (annotator/models/claims.py); the exporters, the native
merger and the CLI's JSON now derive from that declaration, and a reader of
our files (a spreadsheet, a diff, a script) must see no change at all.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotator.exchange.exporters import export_to_path
from annotator.project import Project

FIXTURES = Path(__file__).parent.parent / "fixtures" / "exports"


def _merged(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "theirs.sqlite")
    project.merge.merge_file(FIXTURES / "source.json")
    return project


def test_lossless_json_export_is_byte_for_byte_unchanged(tmp_path: Path) -> None:
    with _merged(tmp_path) as project:
        export_to_path(project, "json", tmp_path / "out.json")
    raw = (tmp_path / "out.json").read_bytes()
    raw = re.sub(rb'"exported_at":"[^"]*"', b'"exported_at":"-"', raw, count=1)
    assert raw == (FIXTURES / "roundtrip.json").read_bytes()


def test_csv_export_is_byte_for_byte_unchanged(tmp_path: Path) -> None:
    with _merged(tmp_path) as project:
        export_to_path(project, "csv", tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == (FIXTURES / "roundtrip.csv").read_bytes()


def test_claims_json_of_the_command_line_keeps_its_keys_and_order(tmp_path: Path) -> None:
    with _merged(tmp_path) as project:
        shown = [c.as_json() for c in project.claims.list()]
    text = json.dumps(shown, indent=2, ensure_ascii=False) + "\n"
    assert text == (FIXTURES / "claims_cli.json").read_text()
