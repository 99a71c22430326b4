"""Evidence items a claim is checked against, and the links that attach them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.models import fields
from annotator.models.fields import declared

EVIDENCE_KINDS = ("url", "document", "dataset", "statistic", "article_span", "note")


EVIDENCE_RELATIONS = ("supports", "refutes", "context")


@dataclass(frozen=True)
class Attach:
    """Link new evidence to a claim in the same transaction that creates it."""

    claim_id: int
    relation: str = "supports"
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """One item a claim can be checked against; the kind says which fields matter.

    The one declaration of an item's fields (see annotator.models.fields): the
    evidence table's columns, update()'s fields, the row -> Evidence builder,
    the lossless JSON (in this order), the native merger's reading and writing
    and the fields the CSV, HTML and Markdown exports describe derive from it.
    """

    id: int = declared(fixed=True)
    uid: str = declared(fixed=True, json="uid", read="text")
    kind: str = declared(fixed=True, json="kind", read="evidence kind")
    title: str = declared(json="title", missing="", shown="title")
    url: str | None = declared(json="url", read="web", shown="url", default=None)
    archived_url: str | None = declared(json="archived_url", shown="archived", default=None)
    citation: str | None = declared(json="citation", shown="citation", default=None)
    value: str | None = declared(json="value", shown="value", default=None)
    unit: str | None = declared(json="unit", shown="unit", default=None)
    period: str | None = declared(json="period", shown="period", default=None)
    source: str | None = declared(json="source", shown="source", default=None)
    accessed_at: str | None = declared(json="accessed_at", shown="accessed", default=None)
    # The first pinned row of a dataset item (rows holds them all).
    dataset_row: int | None = declared(fixed=True, json="dataset_row", default=None)
    start: int | None = declared(fixed=True, json="start", default=None)
    end: int | None = declared(fixed=True, json="end", default=None)
    # An article span's words; a dataset item keeps its rows' values (JSON) in
    # this column, read into row_values.
    quote: str | None = declared(
        fixed=True, json="quote", shown="quote", shown_after="source", default=None
    )
    note: str = declared(json="note", missing="", default="")
    created_at: str = declared(fixed=True, json="created_at", default="")
    article_id: int | None = declared(fixed=True, json="article", ref="articles", default=None)
    article_title: str | None = declared(column=False, name_of="article_id", default=None)
    document_id: int | None = declared(fixed=True, json="document", ref="documents", default=None)
    file_name: str | None = declared(column=False, default=None)
    sha256: str | None = declared(column=False, default=None)
    size: int | None = declared(column=False, default=None)
    media_type: str | None = declared(column=False, default=None)
    dataset_id: int | None = declared(fixed=True, json="dataset", ref="datasets", default=None)
    dataset: str | None = declared(column=False, name_of="dataset_id", default=None)
    rows: tuple[int, ...] = declared(
        column="dataset_rows", fixed=True, coded=True, json="dataset_rows", default=()
    )
    row_values: tuple[dict[str, Any], ...] = declared(column=False, default=())
    claims: int = declared(column=False, default=0)  # how many claims it backs

    @property
    def statistic_text(self) -> str:
        """ "measure, period: value unit, source S" - how a checker writes a figure down."""
        head = ", ".join(p for p in (self.title, self.period or "") if p)
        figure = f"{self.value or ''}{self.unit or ''}".strip()
        text = f"{head}: {figure}" if figure else head
        return f"{text}, source {self.source}" if self.source else text

    def label(self) -> str:
        """One line a list can show."""
        if self.kind == "url":
            return self.title or self.url or ""
        if self.kind == "document":
            return self.title or self.file_name or ""
        if self.kind == "statistic":
            return self.statistic_text
        if self.kind == "dataset":
            rows = ", ".join(str(r) for r in self.rows)
            return f"{self.dataset} row{'s' if len(self.rows) > 1 else ''} {rows}"
        if self.kind == "article_span":
            return f"“{self.quote}” — {self.article_title}"
        return self.note

    def target_json(self) -> dict[str, Any]:
        """What the item points at, by kind (the fields of `evidence --json`)."""
        if self.kind == "url":
            return {
                "url": self.url,
                "title": self.title,
                "accessed_at": self.accessed_at,
                "archived_url": self.archived_url,
            }
        if self.kind == "document":
            return {
                "file": self.file_name,
                "sha256": self.sha256,
                "size": self.size,
                "media_type": self.media_type,
                "title": self.title,
            }
        if self.kind == "statistic":
            return {
                "statistic": self.statistic_text,
                "measure": self.title,
                "value": self.value,
                "unit": self.unit,
                "period": self.period,
                "source": self.source,
                "citation": self.citation,
            }
        if self.kind == "dataset":
            return {
                "dataset": self.dataset,
                "row": self.rows[0] if self.rows else None,
                "rows": list(self.rows),
                "values": [dict(v) for v in self.row_values],
            }
        if self.kind == "article_span":
            return {
                "article": self.article_id,
                "article_title": self.article_title,
                "start": self.start,
                "end": self.end,
                "quote": self.quote,
            }
        return {"text": self.note}

    def as_json(self) -> dict[str, Any]:
        return {
            "evidence_id": self.id,
            "uid": self.uid,
            "kind": self.kind,
            "claims": self.claims,
            "created_at": self.created_at,
            **self.target_json(),
        }


# Derived from the declaration once, at import.
EVIDENCE_FIELDS = fields.names(Evidence)
EVIDENCE_STORED = fields.stored(Evidence)
EVIDENCE_COLUMNS = fields.columns(Evidence)
EVIDENCE_EDITABLE = fields.editable(Evidence)
EVIDENCE_JSON = fields.json_columns(Evidence)
EVIDENCE_READS = fields.json_reads(Evidence)
EVIDENCE_SHOWN = fields.shown(Evidence)


@dataclass(frozen=True)
class EvidenceLink:
    """A claim backed (or refuted, or put in context) by an evidence item."""

    id: int
    claim_id: int
    relation: str
    note: str
    evidence: Evidence

    def as_json(self) -> dict[str, Any]:
        return {
            **self.evidence.as_json(),
            "link_id": self.id,
            "claim_id": self.claim_id,
            "relation": self.relation,
            "note": self.note,
        }
