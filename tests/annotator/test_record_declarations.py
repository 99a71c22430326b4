"""Evidence's (and the other records') fields are declared once; the rest derives from that.

Two kinds of check: the declared stored columns are the migrated table's (a
column added by a migration alone, or a field declared without its
migration, fails here), and a field added to the declaration alone reaches
the lossless JSON and the native merger's writes with no other edit (so no
field list is spelled again in db/, the exporters or the mergers).
"""

from __future__ import annotations

import ast
import dataclasses
import json
from pathlib import Path

import pytest

from annotator.exchange.exporters import export_to_path
from annotator.exchange.exporters import native as native_export
from annotator.exchange.exporters.collect import ArticleRow
from annotator.exchange.mergers import apply
from annotator.exchange.mergers.incoming import InClaim, MergeRefused
from annotator.models import (
    ArticleSummary,
    Claim,
    Evidence,
    Quantity,
    Speaker,
    SpeakerRole,
    VocabEntry,
    fields,
)
from annotator.models.articles import ARTICLE_COLUMNS, ARTICLE_EDITABLE, ARTICLE_JSON, ARTICLE_READS
from annotator.models.claims import CLAIM_READS
from annotator.models.codebook import VOCAB_COLUMNS, VOCAB_EDITABLE, VOCAB_JSON
from annotator.models.evidence import (
    EVIDENCE_COLUMNS,
    EVIDENCE_EDITABLE,
    EVIDENCE_FIELDS,
    EVIDENCE_JSON,
    EVIDENCE_SHOWN,
)
from annotator.models.figures import QUANTITY_COLUMNS, QUANTITY_CORRECTABLE, QUANTITY_EDITABLE
from annotator.models.speakers import ROLE_COLUMNS, ROLE_JSON, ROLE_WRITES
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


def test_the_declared_role_columns_are_the_speaker_roles_table(tmp_path: Path) -> None:
    assert sorted(ROLE_COLUMNS) == sorted(_table_columns(tmp_path, "speaker_roles"))
    # A name the JSON holds is written to the id column it names.
    assert ("side", "side_id", "side") in {(c.key, c.column, c.named) for c in ROLE_WRITES}
    assert {c.column for c in ROLE_WRITES} < set(ROLE_COLUMNS)


def test_roles_and_speakers_come_back_from_the_json_as_they_went(tmp_path: Path) -> None:
    """Every declared role and speaker field is written by the exporter and by the merge."""
    out = tmp_path / "out.json"
    with Project.open(tmp_path / "ours.sqlite") as ours:
        ours.merge.merge_file(FIXTURES / "source.json")
        before = [s.as_json() for s in ours.speakers.list()]
        export_to_path(ours, "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    roles = [r for s in doc["speakers"] for r in s["roles"]]
    assert roles
    for role in roles:
        assert list(role) == [key for _, key, _ in ROLE_JSON]
    with Project.open(tmp_path / "theirs.sqlite") as theirs:
        theirs.merge.merge_file(out)
        after = [s.as_json() for s in theirs.speakers.list()]
    assert after == before
    assert [r["side"] for s in after for r in s["roles"]] == [r["side"] for r in roles]


def test_a_role_field_declared_alone_reaches_the_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class WiderRole(SpeakerRole):
        source: str | None = fields.declared(json="source", default=None)

    monkeypatch.setattr(apply, "ROLE_WRITES", fields.json_columns(WiderRole))
    doc = json.loads((FIXTURES / "source.json").read_text(encoding="utf-8"))
    for speaker in doc["speakers"]:
        for role in speaker["roles"]:
            role["source"] = "Who's Who"
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    with Project.open(tmp_path / "p.sqlite") as project:
        project.db.execute("ALTER TABLE speaker_roles ADD COLUMN source TEXT")
        project.merge.merge_file(tmp_path / "in.json")
        sources = [r[0] for r in project.db.execute("SELECT source FROM speaker_roles")]
    assert sources and set(sources) == {"Who's Who"}


def test_the_merge_reads_every_declared_claim_field_into_its_incoming_claim() -> None:
    """InClaim (the one shape all three formats are read into) is typed by hand, so
    this ties it to the declaration: a claim field read from the JSON has its
    attribute there, defaulting to the declared value for a missing one."""
    incoming = {f.name: f for f in dataclasses.fields(InClaim)}
    for _, _, into, missing in CLAIM_READS:
        assert into in incoming, f"InClaim has no {into}"
        if missing is not None:
            assert incoming[into].default == missing, into


def test_the_declared_quantity_columns_are_the_quantities_table(tmp_path: Path) -> None:
    assert sorted(QUANTITY_COLUMNS) == sorted(_table_columns(tmp_path, "quantities"))
    assert set(QUANTITY_CORRECTABLE) < set(QUANTITY_EDITABLE) < set(QUANTITY_COLUMNS)
    assert {"id", "claim_id", "corrected"}.isdisjoint(QUANTITY_CORRECTABLE)


def test_a_quantity_field_declared_alone_reaches_the_json_and_the_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @dataclasses.dataclass(frozen=True)
    class WiderQuantity(Quantity):
        source: str | None = fields.declared(json="source", default=None)

    wider = fields.json_columns(WiderQuantity)
    monkeypatch.setattr(native_export, "QUANTITY_JSON", wider)
    monkeypatch.setattr(apply, "QUANTITY_JSON", wider)
    out = tmp_path / "out.json"
    with Project.open(tmp_path / "ours.sqlite") as ours:
        ours.merge.merge_file(FIXTURES / "source.json")
        ours.db.execute("ALTER TABLE quantities ADD COLUMN source TEXT")  # its migration
        ours.db.execute("UPDATE quantities SET source = 'ONS'")
        export_to_path(ours, "json", out)
    figures = [
        q for c in json.loads(out.read_text(encoding="utf-8"))["claims"] for q in c["quantities"]
    ]
    assert figures
    for figure in figures:
        assert list(figure) == [c.key for c in wider]
    with Project.open(tmp_path / "theirs.sqlite") as theirs:
        theirs.db.execute("ALTER TABLE quantities ADD COLUMN source TEXT")
        theirs.merge.merge_file(out)
        sources = [r[0] for r in theirs.db.execute("SELECT source FROM quantities")]
    assert sources == ["ONS"] * len(figures)


def test_the_declared_article_columns_are_the_articles_table(tmp_path: Path) -> None:
    """ArticleSummary declares all but the text and metadata; ArticleRow (what the
    exporters read) is typed by hand, so it is tied to the same columns here."""
    assert sorted(ARTICLE_COLUMNS) == sorted(_table_columns(tmp_path, "articles"))
    assert sorted(f.name for f in dataclasses.fields(ArticleRow)) == sorted(ARTICLE_COLUMNS)
    assert set(ARTICLE_EDITABLE) < set(ARTICLE_COLUMNS)


def test_articles_come_back_from_the_json_with_every_declared_detail(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with Project.open(tmp_path / "ours.sqlite") as ours:
        ours.merge.merge_file(FIXTURES / "source.json")
        before = [a.as_json() for a in ours.articles.list()]
        export_to_path(ours, "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    for article in doc["articles"]:
        assert list(article) == [key for _, key, _ in ARTICLE_JSON] + ["metadata", "text"]
    with Project.open(tmp_path / "theirs.sqlite") as theirs:
        theirs.merge.merge_file(out)
        after = [a.as_json() for a in theirs.articles.list()]
    assert [{k: v for k, v in a.items() if k != "id"} for a in after] == [
        {k: v for k, v in a.items() if k != "id"} for a in before
    ]
    # What a merge reads of an article: the details a user edits and where it came from.
    assert {key for key, *_ in ARTICLE_READS} == {
        *ARTICLE_EDITABLE,
        *("source_format", "source_name", "imported_at"),
    }


def test_the_declared_codebook_columns_are_the_vocab_table(tmp_path: Path) -> None:
    assert sorted(VOCAB_COLUMNS) == sorted(_table_columns(tmp_path, "vocab"))
    assert {"id", "kind"}.isdisjoint(VOCAB_EDITABLE)


def test_codebook_values_come_back_from_the_json_as_they_went(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with Project.open(tmp_path / "ours.sqlite") as ours:
        ours.codebook.add("verdict", "needs context", "#abcdef", 3.5, "True, but missing context")
        export_to_path(ours, "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    for values in doc["codebook"].values():
        for value in values:
            assert list(value) == [key for _, key, _ in VOCAB_JSON]
    with Project.open(tmp_path / "theirs.sqlite") as theirs:
        theirs.merge.merge_file(out)
        found = theirs.codebook.find("verdict", "needs context")
    assert found is not None
    assert (found.colour, found.rating, found.description) == (
        "#abcdef",
        3.5,
        "True, but missing context",
    )


def test_a_rating_that_is_not_a_number_refuses_the_file(tmp_path: Path) -> None:
    doc = json.loads((FIXTURES / "source.json").read_text(encoding="utf-8"))
    doc["codebook"]["verdicts"] = [{"name": "odd", "rating": "high"}]
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    with (
        Project.open(tmp_path / "p.sqlite") as project,
        pytest.raises(MergeRefused, match=r"codebook\.verdicts\[0\]\.rating should be a number"),
    ):
        project.merge.merge_file(tmp_path / "in.json")


# Lists of a record's columns that are something else than its field list, and why.
NOT_FIELD_LISTS = {
    ("db/claims.py", "article_id"): "ANCHOR_COLUMNS: the columns re-anchoring rewrites",
    ("db/search/fts.py", "title"): "the columns each FTS5 index holds (fixed by its migration)",
    ("annotator/search/service.py", "title"): "an evidence hit's snippet, in that order",
}


def _declared_columns() -> dict[str, set[str]]:
    return {
        record.__name__: set(fields.columns(record)) - {"id"}
        for record in (Claim, Speaker, SpeakerRole, Evidence, Quantity, VocabEntry, ArticleSummary)
    }


def test_no_field_list_is_spelled_again_outside_the_declarations() -> None:
    """A tuple, list or set of four or more names, most of them columns of one declared
    record, in annotator/ or db/ is a field list written by hand: derive it instead."""
    root = Path(__file__).parent.parent.parent
    declared = _declared_columns()
    found = []
    for path in sorted([*root.glob("annotator/**/*.py"), *root.glob("db/**/*.py")]):
        where = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Tuple | ast.List | ast.Set) or not node.elts:
                continue
            if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                continue
            names = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if (where, names[0]) in NOT_FIELD_LISTS:
                continue
            for record, columns in declared.items():
                hit = set(names) & columns
                if len(hit) >= 4 and len(hit) >= 0.6 * len(names):
                    found.append(f"{where}:{node.lineno} lists {record} fields {sorted(hit)}")
    assert not found, "\n".join(found)


def test_evidence_is_read_field_by_field_in_declared_order(tmp_path: Path) -> None:
    """The merge reads the declared fields in order, so a file with an unknown kind
    and a url that is not text is refused for its kind, as before the declaration."""
    doc = json.loads((FIXTURES / "source.json").read_text(encoding="utf-8"))
    doc["evidence"][0] = {**doc["evidence"][0], "kind": "rumour", "url": 5}
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    with (
        Project.open(tmp_path / "p.sqlite") as project,
        pytest.raises(MergeRefused, match=r"evidence\[0\]\.kind should be one of url, "),
    ):
        project.merge.merge_file(tmp_path / "in.json")
