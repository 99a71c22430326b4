"""Evidence items a claim is checked against, and the links that attach them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EVIDENCE_KINDS = ("url", "document", "dataset", "statistic", "article_span", "note")


EVIDENCE_RELATIONS = ("supports", "refutes", "context")


@dataclass(frozen=True)
class Attach:
    """Link new evidence to a claim in the same transaction that creates it."""

    claim_id: int
    relation: str = "supports"
    note: str = ""


@dataclass(frozen=True)
class Evidence:
    """One item a claim can be checked against; the kind says which fields matter."""

    id: int
    uid: str
    kind: str
    title: str
    url: str | None = None
    archived_url: str | None = None
    accessed_at: str | None = None
    citation: str | None = None
    value: str | None = None
    unit: str | None = None
    period: str | None = None
    source: str | None = None
    document_id: int | None = None
    file_name: str | None = None
    sha256: str | None = None
    size: int | None = None
    media_type: str | None = None
    dataset_id: int | None = None
    dataset: str | None = None
    rows: tuple[int, ...] = ()
    row_values: tuple[dict[str, Any], ...] = ()
    article_id: int | None = None
    article_title: str | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    note: str = ""
    created_at: str = ""
    claims: int = 0  # how many claims it backs

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
