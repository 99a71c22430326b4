"""Claim's fields are declared once; what derives from the declaration matches the schema.

A field declared as a stored column without a migration adding it (or a
migration adding a column nobody declared) fails here, before any SELECT does.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from annotator.models import fields
from annotator.models.claims import (
    CLAIM_COLUMNS,
    CLAIM_EDITABLE,
    CLAIM_FIELDS,
    CLAIM_JSON,
    CLAIM_READS,
    Claim,
)
from annotator.project import Project

# Columns of the claims table that are not a field of Claim, and why.
NOT_DECLARED: frozenset[str] = frozenset()


def _table_columns(tmp_path: Path, table: str) -> list[str]:
    with Project.open(tmp_path / "p.sqlite") as project:
        return [r[1] for r in project.db.execute(f"PRAGMA table_info({table})").fetchall()]


def test_the_declared_stored_columns_are_the_claims_table_of_a_migrated_project(
    tmp_path: Path,
) -> None:
    table = _table_columns(tmp_path, "claims")
    assert sorted(CLAIM_COLUMNS) == sorted(set(table) - NOT_DECLARED)


def test_a_declared_column_without_its_migration_is_caught(tmp_path: Path) -> None:
    """The check above fails for a field added to the declaration alone."""

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Wider(Claim):
        checked_by: str = fields.declared(json="checked_by", read="text?", default="")

    assert "checked_by" in fields.columns(Wider)
    assert sorted(fields.columns(Wider)) != sorted(_table_columns(tmp_path, "claims"))


def test_every_field_is_read_back_from_the_json_it_is_written_to() -> None:
    written = {key for _, key, _ in CLAIM_JSON}
    assert written == {key for key, _, _, _ in CLAIM_READS}
    assert set(CLAIM_EDITABLE) < set(CLAIM_COLUMNS)
    assert {"id", "uid", "created_at"}.isdisjoint(CLAIM_EDITABLE)
    assert set(CLAIM_COLUMNS) < set(CLAIM_FIELDS)


def test_an_unknown_way_of_reading_is_refused_when_declared() -> None:
    with pytest.raises(ValueError, match="unknown read"):
        fields.declared(json="x", read="yaml")


def test_the_declared_speaker_columns_are_the_speakers_table(tmp_path: Path) -> None:
    from annotator.models.speakers import SPEAKER_COLUMNS, SPEAKER_EDITABLE

    assert sorted(SPEAKER_COLUMNS) == sorted(_table_columns(tmp_path, "speakers"))
    assert {"id", "uid"}.isdisjoint(SPEAKER_EDITABLE)
