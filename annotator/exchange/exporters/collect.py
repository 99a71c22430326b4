"""The claim set an export writes: claims with everything they refer to, read once.

Every exporter gets the same ExportSet, so the formats never disagree about
which claims, articles or evidence a filter selected, and none of them runs a
query per claim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from annotator import __version__
from annotator.clock import now_iso
from annotator.errors import AnnotatorError, Cancelled
from annotator.models import Claim, Speaker, VocabEntry
from annotator.models.claims import CLAIM_COLUMNS, CLAIM_NAMES_OF, claim_from
from annotator.publisher import Publisher
from annotator.publisher import get as get_publisher
from annotator.search.service import ClaimFilter
from annotator.text.weburl import is_web_url
from db import datasets as dataset_q
from db import exchange as q

if TYPE_CHECKING:
    from annotator.articles.service import ArticleManager
    from annotator.claims.service import ClaimManager
    from annotator.codebook.service import Codebook
    from annotator.datasets.service import DatasetManager
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase

# Called with (done, total) as an export goes; it may raise ExportCancelled.
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 2_000  # claims between progress calls: cheap, yet smooth in a bar


class ExportSource(Protocol):
    """What an export reads: the connection and the managers that list what it writes.

    An open Project is one; stating it here keeps the exporters below the
    Project in the import graph instead of reaching back up to it.
    """

    @property
    def db(self) -> ProjectDatabase: ...
    @property
    def path(self) -> Path | None: ...
    @property
    def claims(self) -> ClaimManager: ...
    @property
    def articles(self) -> ArticleManager: ...
    @property
    def codebook(self) -> Codebook: ...
    @property
    def speakers(self) -> SpeakerManager: ...
    @property
    def datasets(self) -> DatasetManager: ...


GENERATOR = f"factcheck-annotator {__version__}"


class ExportError(AnnotatorError):
    """An export could not be written; the message names the file and the reason."""


class ExportCancelled(Cancelled):
    """The user cancelled an export; nothing was written."""


def no_progress(_done: int, _total: int) -> None:
    return None


@dataclass(frozen=True)
class EvidenceUse:
    """One piece of evidence as attached to one claim."""

    relation: str  # supports | refutes | context
    note: str
    item: dict[str, Any]  # the evidence row, with article_uid / document_sha256 / dataset_name


@dataclass(frozen=True)
class ArticleRow:
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
    text: str
    text_sha256: str
    revision_of: int | None
    metadata: str

    @property
    def source(self) -> str:
        """The article as a web resource: its URL, else a URN of its canonical text's hash.

        A URL that is not http(s) (a `javascript:` one stored before imports
        dropped them) is never a W3C annotation's source.
        """
        if self.url and is_web_url(self.url):
            return self.url
        return f"urn:sha256:{self.text_sha256}"


@dataclass(frozen=True)
class ExportSet:
    project_name: str
    filters: dict[str, Any]
    claims: tuple[Claim, ...]
    articles: dict[int, ArticleRow]
    speakers: tuple[Speaker, ...]
    codebook: tuple[VocabEntry, ...]
    evidence: dict[int, tuple[EvidenceUse, ...]]  # by claim id
    evidence_items: tuple[dict[str, Any], ...]
    documents: tuple[dict[str, Any], ...]
    links: tuple[dict[str, Any], ...]  # from_claim / to_claim ids, relation, note
    quantities: dict[int, tuple[dict[str, Any], ...]]
    datasets: tuple[dict[str, Any], ...] = ()  # meta, columns and every row
    exported_at: str = field(default_factory=now_iso)
    publisher: Publisher | None = None  # who publishes the project's ClaimReviews
    # A ClaimReview draft: reviews without their page yet (url left out) are written too.
    draft: bool = False
    # Claims the format cannot carry (outcome.split), kept for what refers to them.
    left_out: tuple[Claim, ...] = ()
    # Every article in the project, the scope's or not: where else a claim's words appear
    # (ClaimReview's appearance). The texts are read for the export anyway.
    project_articles: dict[int, ArticleRow] = field(default_factory=dict)

    # Lookups the exporters make once per claim: dicts built on first use
    # (cached_property writes the instance's __dict__, which a frozen
    # dataclass allows), not a scan of the lists each time.
    @cached_property
    def _speakers_by_id(self) -> dict[int, Speaker]:
        return {s.id: s for s in self.speakers}

    @cached_property
    def _vocab_by_id(self) -> dict[int, VocabEntry]:
        return {e.id: e for e in self.codebook}

    def speaker(self, speaker_id: int | None) -> Speaker | None:
        if speaker_id is None:
            return None
        return self._speakers_by_id.get(speaker_id)

    def vocab(self, kind: str) -> list[VocabEntry]:
        return [e for e in self.codebook if e.kind == kind]

    def vocab_entry(self, entry_id: int | None) -> VocabEntry | None:
        """A codebook value by id (a claim's side, stance or verdict)."""
        return None if entry_id is None else self._vocab_by_id.get(entry_id)


def all_claims(db: ProjectDatabase) -> list[Claim]:
    """Every claim, in article and text order: the same values as claims.list(), read in bulk.

    One SELECT without joins, the tag names and topics looked up in small
    dicts read once; several times faster than claims.list() on 100,000 claims.
    """
    speakers = q.names_by_id(db, "speakers")
    vocab = q.names_by_id(db, "vocab")
    order = q.topic_order(db)
    topic_ids: dict[int, list[int]] = {}
    for claim_id, topic_id in q.claim_topic_ids(db):
        topic_ids.setdefault(claim_id, []).append(topic_id)
    topics: dict[int, tuple[str, ...]] = {
        claim_id: (
            (order[ids[0]][1],)
            if len(ids) == 1
            else tuple(order[t][1] for t in sorted(ids, key=order.__getitem__))
        )
        for claim_id, ids in topic_ids.items()
    }
    no_topics: tuple[str, ...] = ()
    topics_of = topics.get
    joins = tuple(
        (name, source, (speakers if ref == "speakers" else vocab).get)
        for name, source, ref in CLAIM_NAMES_OF
    )
    claims = []
    for row in q.all_claim_rows(db, CLAIM_COLUMNS):
        values = dict(zip(CLAIM_COLUMNS, row, strict=False))
        for name, source, name_for in joins:
            values[name] = name_for(values[source])
        values["topics"] = topics_of(values["id"], no_topics)
        claims.append(claim_from(values))
    return claims


def select_claims(project: ExportSource, filters: ClaimFilter) -> list[Claim]:
    """The claims a filter selects, with the same semantics as `annotator claims`."""
    names = {
        k: v
        for k, v in filters.as_dict().items()
        if k in ("article_id", "speaker", "side", "stance", "verdict", "topic", "status")
    }
    claims = project.claims.filter(**names) if names else all_claims(project.db)
    if filters.date_from or filters.date_to:
        published = {a.id: (a.published or "")[:10] for a in project.articles.list()}
        claims = [
            c
            for c in claims
            if published[c.article_id]
            and (not filters.date_from or published[c.article_id] >= filters.date_from)
            and (not filters.date_to or published[c.article_id] <= filters.date_to)
        ]
    return claims


def collect(
    project: ExportSource, filters: ClaimFilter | None = None, draft: bool = False
) -> ExportSet:
    filters = filters or ClaimFilter()
    everything = filters.is_empty()
    claims = select_claims(project, filters)
    claim_ids = {c.id for c in claims}
    article_ids = None if everything else {c.article_id for c in claims}
    every_article = {r["id"]: ArticleRow(**r) for r in q.article_rows(project.db)}
    articles = (
        every_article
        if article_ids is None
        else {i: a for i, a in every_article.items() if i in article_ids}
    )

    items = {r["id"]: r for r in q.evidence_rows(project.db)}
    evidence: dict[int, list[EvidenceUse]] = {}
    used: set[int] = set()
    for link in q.claim_evidence_rows(project.db):
        if link["claim_id"] in claim_ids and link["evidence_id"] in items:
            evidence.setdefault(link["claim_id"], []).append(
                EvidenceUse(link["relation"], link["note"], items[link["evidence_id"]])
            )
            used.add(link["evidence_id"])
    kept_items = [r for i, r in items.items() if everything or i in used]
    documents = q.document_rows(
        project.db, [r["document_id"] for r in kept_items if r["document_id"]]
    )

    links = tuple(
        r
        for r in q.link_rows(project.db)
        if r["from_claim"] in claim_ids and r["to_claim"] in claim_ids
    )
    quantities: dict[int, list[dict[str, Any]]] = {}
    for r in q.quantity_rows(project.db):
        if r["claim_id"] in claim_ids:
            quantities.setdefault(r["claim_id"], []).append(r)

    dataset_ids = {r["dataset_id"] for r in kept_items if r["dataset_id"]}
    datasets = []
    for d in project.datasets.list():
        if everything or d.id in dataset_ids:
            columns = [c.column for c in d.columns]
            rows = dataset_q.select_rows(project.db, d.table_name, columns, 0, -1)
            datasets.append({"dataset": d, "rows": rows})

    speaker_ids = {c.speaker_id for c in claims}
    speakers = tuple(s for s in project.speakers.list() if everything or s.id in speaker_ids)
    name = project.path.stem if project.path else "project"
    return ExportSet(
        project_name=name,
        filters=filters.as_dict(),
        claims=tuple(claims),
        articles=articles,
        project_articles=every_article,
        speakers=speakers,
        codebook=tuple(project.codebook.entries()),
        evidence={k: tuple(v) for k, v in evidence.items()},
        evidence_items=tuple(kept_items),
        documents=tuple(documents),
        links=links,
        quantities={k: tuple(v) for k, v in quantities.items()},
        datasets=tuple(datasets),
        publisher=get_publisher(project.db),
        draft=draft,
    )


def ticking(total: int, progress: Progress) -> Callable[[int], None]:
    """A per-item callback that reports progress every PROGRESS_EVERY items."""

    def tick(done: int) -> None:
        if done % PROGRESS_EVERY == 0 or done == total:
            progress(done, total)

    return tick
