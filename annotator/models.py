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
