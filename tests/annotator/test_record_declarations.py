"""Evidence's (and the other records') fields are declared once; the rest derives from that.

Two kinds of check: the declared stored columns are the migrated table's (a
column added by a migration alone, or a field declared without its
migration, fails here), and a field added to the declaration alone reaches
the lossless JSON and the native merger's writes with no other edit (so no
field list is spelled again in db/, the exporters or the mergers).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from annotator.exchange.exporters import export_to_path
from annotator.exchange.exporters import native as native_export
from annotator.exchange.mergers import apply
from annotator.models import Evidence, fields
from annotator.models.evidence import (
    EVIDENCE_COLUMNS,
    EVIDENCE_EDITABLE,
    EVIDENCE_FIELDS,
    EVIDENCE_JSON,
    EVIDENCE_SHOWN,
)
from annotator.project import Project
from tests.annotator.test_claim_declaration import _table_columns

FIXTURES = Path(__file__).parent.parent / "fixtures" / "exports"


def test_the_declared_evidence_columns_are_the_evidence_table(tmp_path: Path) -> None:
    assert sorted(EVIDENCE_COLUMNS) == sorted(_table_columns(tmp_path, "evidence"))
    assert set(EVIDENCE_EDITABLE) < set(EVIDENCE_COLUMNS)
    assert {"id", "uid", "kind", "created_at", "dataset_rows"}.isdisjoint(EVIDENCE_EDITABLE)


def test_a_field_stored_under_another_name_says_its_column() -> None:
    stored = dict(fields.stored(Evidence))
    assert stored["rows"] == "dataset_rows"
    assert "row_values" not in stored  # read from the quote column of a dataset pin
    assert "rows" not in EVIDENCE_COLUMNS and "dataset_rows" in EVIDENCE_COLUMNS
    assert {column for column, _ in EVIDENCE_SHOWN} < set(EVIDENCE_COLUMNS)


def test_the_exported_evidence_objects_are_the_declared_keys_in_order(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        project.merge.merge_file(FIXTURES / "source.json")
        export_to_path(project, "json", tmp_path / "out.json")
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert doc["evidence"]
    for item in doc["evidence"]:
        assert list(item) == [key for key, *_ in EVIDENCE_JSON]


def test_every_evidence_field_is_built_from_a_row(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.sqlite") as project:
        project.merge.merge_file(FIXTURES / "source.json")
        items = project.evidence.items()
    assert {i.kind for i in items} >= {"url", "document", "article_span", "note", "dataset"}
    pinned = next(i for i in items if i.kind == "dataset")
    assert pinned.rows and pinned.row_values and pinned.quote is None
    assert pinned.dataset_row == pinned.rows[0]
    assert tuple(f.name for f in dataclasses.fields(Evidence)) == EVIDENCE_FIELDS


@dataclasses.dataclass(frozen=True, kw_only=True)
class _WiderEvidence(Evidence):
    """Evidence with one more declared field, as a new field would be added."""

    checked_by: str | None = fields.declared(json="checked_by", shown="checked by", default=None)


def test_a_field_declared_alone_reaches_the_json_and_the_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exporter and the merger use the declaration's lists, not lists of their own."""
    wider = fields.json_columns(_WiderEvidence)
    assert "checked_by" in fields.columns(_WiderEvidence)
    assert "checked_by" in fields.editable(_WiderEvidence)
    assert ("checked_by", "checked by") in fields.shown(_WiderEvidence)
    monkeypatch.setattr(native_export, "EVIDENCE_JSON", wider)
    monkeypatch.setattr(apply, "EVIDENCE_JSON", wider)
    out = tmp_path / "out.json"
    with Project.open(tmp_path / "ours.sqlite") as ours:
        ours.db.execute("ALTER TABLE evidence ADD COLUMN checked_by TEXT")  # its migration
        item = ours.evidence.add_note("read the table twice")
        ours.db.execute("UPDATE evidence SET checked_by = 'Ann' WHERE id = ?", [item.id])
        export_to_path(ours, "json", out)
    (written,) = json.loads(out.read_text(encoding="utf-8"))["evidence"]
    assert list(written)[-2:] == ["dataset_rows", "checked_by"]
    assert written["checked_by"] == "Ann"
    with Project.open(tmp_path / "theirs.sqlite") as theirs:
        theirs.db.execute("ALTER TABLE evidence ADD COLUMN checked_by TEXT")
        theirs.merge.merge_file(out)
        row = theirs.db.execute("SELECT checked_by, note FROM evidence").fetchone()
    assert tuple(row) == ("Ann", "read the table twice")
