"""Frozen values the service hands to callers (CLI, GUI, exporters).

Callers never see database rows: they get these, so the storage can change
without touching the layers above.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ImportedArticle:
    """An article as an importer read it, before it is stored."""

    text: str
    title: str
    source_format: str
    source_name: str = ""
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ArticleSummary:
    """What the library lists: everything but the text."""

    id: int
    uid: str
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None
    source_format: str
    source_name: str | None
    imported_at: str
    text_sha256: str
    revision_of: int | None
    length: int
    claims: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "url": self.url,
            "language": self.language,
            "source_format": self.source_format,
            "source_name": self.source_name,
            "imported_at": self.imported_at,
            "text_sha256": self.text_sha256,
            "revision_of": self.revision_of,
            "length": self.length,
            "claims": self.claims,
        }


@dataclass(frozen=True)
class Article:
    """One article with its canonical text (immutable after import)."""

    summary: ArticleSummary
    text: str

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def title(self) -> str:
        return self.summary.title

    def as_json(self) -> dict[str, Any]:
        return {**self.summary.as_json(), "text": self.text}


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one input file: imported, duplicate, revision or failed."""

    source: str
    status: str  # "imported" | "duplicate" | "revision" | "failed"
    article_id: int | None = None
    title: str = ""
    reason: str = ""
    revision_of: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "status": self.status,
            "id": self.article_id,
            "title": self.title,
            "reason": self.reason or None,
            "revision_of": self.revision_of,
        }


@dataclass(frozen=True)
class VocabEntry:
    """A codebook value: a side, stance, verdict or topic."""

    id: int
    kind: str
    name: str
    colour: str
    rating: float | None
    description: str
    position: int


@dataclass(frozen=True)
class Changes:
    """What one service call changed, so views refresh only what they show."""

    articles: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    speakers: bool = False
    codebook: bool = False
    evidence: bool = False
    datasets: bool = False
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            articles=self.articles | other.articles,
            claims=self.claims | other.claims,
            speakers=self.speakers or other.speakers,
            codebook=self.codebook or other.codebook,
            evidence=self.evidence or other.evidence,
            datasets=self.datasets or other.datasets,
            everything=self.everything or other.everything,
        )


@dataclass(frozen=True)
class Claim:
    """A marked claim with its anchor and its tags (names resolved for display)."""

    id: int
    uid: str
    article_id: int
    start: int | None
    end: int | None
    quote: str
    prefix: str
    suffix: str
    anchor: str  # "exact" | "fuzzy" | "orphan"
    statement: str
    speaker_id: int | None
    speaker: str | None
    side_id: int | None
    side: str | None
    stance_id: int | None
    stance: str | None
    verdict_id: int | None
    verdict: str | None
    topics: tuple[str, ...]
    status: str
    note: str
    created_by: str
    created_at: str
    updated_at: str
    # The quote as marked, when a revision moved the claim onto other
    # characters (fuzzy), lost it (orphan) or retypeset it; None otherwise.
    original_quote: str | None = None

    @property
    def needs_review(self) -> bool:
        return self.anchor != "exact"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "article": self.article_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "statement": self.statement,
            "speaker": self.speaker,
            "side": self.side,
            "stance": self.stance,
            "verdict": self.verdict,
            "topics": list(self.topics),
            "status": self.status,
            "note": self.note,
            "anchor": self.anchor,
            "original_quote": self.original_quote,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


# Everything needed to bring a deleted claim back exactly (rows by table).
ClaimSnapshot = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class SpeakerRole:
    """A dated role: people change jobs and sides, so a quote is read against the role it was said in."""

    id: int
    role: str | None
    organisation: str | None
    side_id: int | None
    side: str | None
    valid_from: str | None
    valid_to: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "organisation": self.organisation,
            "side": self.side,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
        }


@dataclass(frozen=True)
class Speaker:
    """Who said a claim: a person or body, the names they go by, and where they stand."""

    id: int
    uid: str
    name: str
    role: str | None
    organisation: str | None
    side_id: int | None
    side: str | None
    aliases: tuple[str, ...]
    roles: tuple[SpeakerRole, ...]
    note: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "side": self.side,
            "aliases": list(self.aliases),
            "roles": [r.as_json() for r in self.roles],
            "note": self.note,
        }


@dataclass(frozen=True)
class MergeRecord:
    """What merging two speakers changed, so unmerge() can put both back exactly."""

    keep_id: int
    drop: dict[str, list[dict[str, Any]]]  # the dropped speaker's rows by table
    claim_ids: tuple[int, ...]  # claims that moved from drop to keep
    added_alias_ids: tuple[int, ...]  # alias rows made on keep (drop's name and aliases)


# Everything needed to bring a deleted speaker or codebook value back exactly.
SpeakerSnapshot = dict[str, list[dict[str, Any]]]
VocabSnapshot = dict[str, Any]


# -- evidence, claim links, datasets (issue 6) --------------------------------

EVIDENCE_KINDS = ("url", "document", "dataset", "statistic", "article_span", "note")
EVIDENCE_RELATIONS = ("supports", "refutes", "context")
CLAIM_RELATIONS = ("same", "contradicts", "responds-to")


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


@dataclass(frozen=True)
class ClaimLink:
    """Claim to claim: the same claim, one contradicting or responding to another."""

    id: int
    from_claim: int
    to_claim: int
    relation: str
    note: str
    from_article: int
    to_article: int
    from_quote: str
    to_quote: str

    def other(self, claim_id: int) -> int:
        return self.to_claim if claim_id == self.from_claim else self.from_claim

    def other_article(self, claim_id: int) -> int:
        return self.to_article if claim_id == self.from_claim else self.from_article

    def other_quote(self, claim_id: int) -> str:
        return self.to_quote if claim_id == self.from_claim else self.from_quote

    def as_json(self, claim_id: int | None = None) -> dict[str, Any]:
        """Seen from claim_id (the owner); without it, from the link's source."""
        owner = self.from_claim if claim_id is None else claim_id
        return {
            "link_id": self.id,
            "kind": "claim",
            "claim_id": owner,
            "relation": self.relation,
            "note": self.note,
            "claim": self.other(owner),
            "article": self.other_article(owner),
            "quote": self.other_quote(owner),
            "direction": "out" if owner == self.from_claim else "in",
        }


@dataclass(frozen=True)
class DatasetColumn:
    """A column as the user named it, the generated SQL name, its detected type."""

    name: str
    column: str
    type: str  # "integer" | "float" | "text"

    @property
    def numeric(self) -> bool:
        return self.type in ("integer", "float")


@dataclass(frozen=True)
class Dataset:
    """An imported table: the user's name, the generated table, its columns."""

    id: int
    name: str
    table_name: str
    source_name: str | None
    imported_at: str
    rows: int
    columns: tuple[DatasetColumn, ...]
    encoding: str | None = None
    delimiter: str | None = None

    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> DatasetColumn:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "rows": self.rows,
            "columns": [c.name for c in self.columns],
            "types": {c.name: c.type for c in self.columns},
            "source": self.source_name,
            "imported_at": self.imported_at,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
        }


# Everything needed to bring deleted rows back exactly (rows by table).
Snapshot = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Quantity:
    """A figure in a claim: 26% fall since 2008 (RPI, real), with the words it came from.

    start/end are code points in the text that was parsed (a claim's statement);
    corrected means a checker edited it, so re-parsing the statement keeps it.
    """

    value: float
    unit: str | None
    direction: str | None = None  # "rise" | "fall" | None
    period: str | None = None
    base_year: int | None = None
    measure: str | None = None  # "RPI", "CPI", "CPIH", ...
    basis: str | None = None  # "cash" | "real" | None
    qualifier: str | None = None  # "nearly", "more than", "between", ...
    subject: str | None = None  # "resident doctors' pay"
    start: int = 0
    end: int = 0
    words: str = ""
    id: int | None = None
    claim_id: int | None = None
    corrected: bool = False

    def as_json(self) -> dict[str, Any]:
        value: float | int = self.value
        if float(value).is_integer() and abs(value) < 2**53:
            value = int(value)
        return {
            "value": value,
            "unit": self.unit,
            "direction": self.direction,
            "period": self.period,
            "base_year": self.base_year,
            "measure": self.measure,
            "basis": self.basis,
            "qualifier": self.qualifier,
            "subject": self.subject,
            "start": self.start,
            "end": self.end,
            "words": self.words,
        }


@dataclass(frozen=True)
class DiffSpan:
    """One change: old[old_start:old_end] became new[new_start:new_end]."""

    kind: str  # "insert" | "delete" | "replace"
    old_start: int
    old_end: int
    new_start: int
    new_end: int

    def as_json(self) -> dict[str, int | str]:
        return {
            "kind": self.kind,
            "old_start": self.old_start,
            "old_end": self.old_end,
            "new_start": self.new_start,
            "new_end": self.new_end,
        }


# An article deleted with what hung off it (rows by table, see db.article_removal);
# JSON-able, so the undo history can keep it.
ArticleSnapshot = dict[str, Any]


@dataclass(frozen=True)
class ArticleDeletion:
    """What deleting an article takes with it: said before (confirmation) and after (CLI)."""

    article_id: int
    title: str
    claims: int  # its own claims, with their tags, figures, evidence links and claim links
    passages: int  # evidence items quoting a passage of it (they go too)
    other_claims: int  # claims in other articles losing a link or a passage with it
    revisions: int  # newer revisions that now follow its parent

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "title": self.title,
            "claims": self.claims,
            "passages": self.passages,
            "other_claims": self.other_claims,
            "revisions": self.revisions,
        }
