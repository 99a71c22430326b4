"""Adding what a merge file holds to the project, matching what is already there.

Runs inside the caller's transaction; lookups are built once and kept current,
so a merge of 100,000 claims runs no query per claim to find its neighbours.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotator.anchoring.quotes import Located
from annotator.anchoring.selectors import CONTEXT_CHARS
from annotator.claims.service import STATUSES
from annotator.clock import new_uid, now_iso
from annotator.exchange.mergers.attachments import merge_dataset, merge_documents
from annotator.exchange.mergers.incoming import BY_QUOTE, InArticle, InClaim, Incoming
from annotator.exchange.mergers.matching import ArticleMatcher
from annotator.exchange.mergers.report import MergeReport, Progress, Ticker, no_progress
from annotator.models.articles import ARTICLE_READS
from annotator.models.claims import CLAIM_NAMES_OF
from annotator.models.codebook import VOCAB_WRITES
from annotator.models.evidence import EVIDENCE_JSON
from annotator.models.fields import JsonColumn
from annotator.models.figures import QUANTITY_JSON
from annotator.models.speakers import ROLE_WRITES, SPEAKER_WRITES
from db import exchange as q
from db import publisher as publisher_q
from db import speakers as speaker_q
from db import vocab as vocab_q

if TYPE_CHECKING:
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase


# The claim's codebook names (side, stance, verdict) and the id columns they fill.
_CODED = tuple((name, id_field) for name, id_field, ref in CLAIM_NAMES_OF if ref is None)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Merge:
    """One merge in progress: lookups built once, rows added as they are found missing."""

    def __init__(
        self,
        db: ProjectDatabase,
        known_speakers: SpeakerManager,
        incoming: Incoming,
        report: MergeReport,
        progress: Progress = no_progress,
    ) -> None:
        self.db = db
        self.progress = progress
        self.known_speakers = known_speakers  # a claim's speaker found by any of their names
        self.incoming = incoming
        self.report = report
        self.vocab: dict[tuple[str, str], int] = {}
        self.speakers: dict[str, int] = {}  # incoming speaker uid -> id
        self.articles: dict[str, int | None] = {}  # incoming article key -> id (None: not here)
        self.evidence: dict[str, int] = {}
        # Looked up once, kept current as rows are added: no query per claim.
        self.speaker_uids = q.uid_map(self.db, "speakers")
        self.matcher = ArticleMatcher(self.db)
        self.named = {a.key: a for a in incoming.articles}  # how the file names its articles
        self.article_uids = self.matcher.uids
        self.evidence_uids = q.uid_map(self.db, "evidence")
        self.positions: dict[int, set[tuple[int | None, str]]] = {}

    def added(self, noun: str, table: str, row_id: int) -> None:
        self.report.record_added(noun, table, row_id)

    def run(self) -> None:
        self.merge_publisher()
        self.vocab = {(r["kind"], _key(r["name"])): r["id"] for r in vocab_q.all_rows(self.db)}
        for entry in self.incoming.codebook:
            self.vocab_id(entry["kind"], entry["name"], entry)
        for speaker in self.incoming.speakers:
            self.merge_speaker(speaker)
        tick = Ticker(len(self.incoming.articles) + len(self.incoming.claims), self.progress)
        for article in self.incoming.articles:
            self.articles[article.key] = self.merge_article(article)
            tick()
        documents = merge_documents(self.db, self.incoming.documents, self.report)
        for dataset in self.incoming.datasets:
            merge_dataset(self.db, dataset, self.report)
        for item in self.incoming.evidence:
            self.merge_evidence(item, documents)
        claim_ids = q.uid_map(self.db, "claims")
        for claim in self.incoming.claims:
            self.merge_claim(claim, claim_ids)
            tick()
        for link in self.incoming.links:
            self.merge_link(link, claim_ids)

    def merge_publisher(self) -> None:
        """The file's publisher, if the project has none yet (a project's own is never replaced)."""
        found = self.incoming.publisher
        if found is None or publisher_q.row(self.db) is not None:
            return
        publisher_q.put(self.db, found["name"], found["url"], found["logo"])
        self.report.added_ids["publisher"].append(1)

    # -- codebook and speakers -------------------------------------------------------
    def vocab_id(
        self, kind: str, name: str | None, entry: dict[str, Any] | None = None
    ) -> int | None:
        if name is None or not name.strip():
            return None
        found = self.vocab.get((kind, _key(name)))
        if found is not None:
            if entry is not None:
                self.report.existing["codebook"] += 1
            return found
        row = {
            **self.row_of(entry or {}, VOCAB_WRITES),  # colour, rating, description
            "kind": kind,
            "name": " ".join(name.split()),
            "position": vocab_q.next_position(self.db, kind),
        }
        row_id = vocab_q.insert(self.db, row)
        self.vocab[(kind, _key(name))] = row_id
        self.added("codebook", "vocab", row_id)
        return row_id

    def merge_speaker(self, s: dict[str, Any]) -> None:
        by_uid = self.speaker_uids.get(s["uid"])
        found = by_uid if by_uid is not None else self._speaker_by_name(s["name"])
        if found is not None:
            self.speakers[s["uid"]] = found
            self.report.existing["speakers"] += 1
            return
        row = self.row_of(s, SPEAKER_WRITES)
        row["name"] = " ".join(s["name"].split())
        row_id = speaker_q.insert(self.db, row)
        for alias in s.get("aliases", []):
            if self._speaker_by_name(alias) is None:
                speaker_q.insert_alias(self.db, row_id, alias)
        for r in s.get("roles", []):
            speaker_q.insert_role(self.db, {"speaker_id": row_id, **self.row_of(r, ROLE_WRITES)})
        self.speakers[s["uid"]] = self.speaker_uids[s["uid"]] = row_id
        self.added("speakers", "speakers", row_id)

    def row_of(
        self,
        record: dict[str, Any],
        columns: tuple[JsonColumn, ...],
        id_of: dict[str, Callable[[Any], int | None]] | None = None,
    ) -> dict[str, Any]:
        """A table row from a record's JSON object, column by declared column: a
        record named by uid (`id_of` finds its id here) or a codebook value by
        name becomes its id, JSON text is encoded, a blank takes the declared
        value for a missing one, and a key the file leaves out is left to the
        table's default."""
        row: dict[str, Any] = {}
        for c in columns:
            value = record.get(c.key)
            if c.ref:
                assert id_of is not None, f"no way to find the {c.ref} that {c.key} names"
                row[c.column] = id_of[c.ref](value) if value else None
            elif c.named:
                row[c.column] = self.vocab_id(c.named, value)
            elif c.coded:
                row[c.column] = json.dumps(value or [])
            elif c.missing is not None:
                row[c.column] = value or c.missing
            elif c.key in record:
                row[c.column] = value
        return row

    def _speaker_by_name(self, name: str) -> int | None:
        found = self.known_speakers.find(name)
        return None if found is None else found.id

    def speaker_for(self, claim: InClaim) -> int | None:
        if claim.speaker_uid:
            return self.speakers.get(claim.speaker_uid) or self.speaker_uids.get(claim.speaker_uid)
        if claim.speaker:
            found = self._speaker_by_name(claim.speaker)
            if found is not None:
                return found
            row_id = speaker_q.insert(
                self.db,
                {  # the rest of the speaker is the table's defaults
                    "uid": new_uid(),
                    "name": " ".join(claim.speaker.split()),
                    "side_id": self.vocab_id("side", claim.side),
                },
            )
            self.added("speakers", "speakers", row_id)
            return row_id
        return None

    # -- articles, documents, evidence -------------------------------------------------
    def merge_article(self, a: InArticle) -> int | None:
        sha = _sha(a.text) if a.text is not None else a.sha256
        match = self.matcher.match(a, sha)
        if match is not None:
            self.report.existing["articles"] += 1
            return match
        if a.text is None:
            return None
        f = a.fields
        taken = a.uid in self.article_uids if a.uid else True
        revision_of = self.article_uids.get(a.revision_of) if a.revision_of else None
        # The details declared on ArticleSummary, a blank one taking its declared default.
        details = {
            into: f.get(key) if missing is None else f.get(key) or missing
            for key, _, into, missing in ARTICLE_READS
        }
        row_id = q.insert_article(
            self.db,
            {
                "uid": new_uid() if taken else a.uid,
                **details,
                "imported_at": f.get("imported_at") or now_iso(),
                "text": a.text,
                "text_sha256": sha,
                "revision_of": revision_of,
                "metadata": json.dumps(f.get("metadata") or {}, ensure_ascii=False),
            },
        )
        self.added("articles", "articles", row_id)
        self.matcher.added(row_id, str(sha), f.get("url"))
        if a.uid and not taken:
            self.article_uids[a.uid] = row_id
        return row_id

    def merge_evidence(self, e: dict[str, Any], documents: dict[str, int]) -> None:
        found = self.evidence_uids.get(e["uid"])
        if found is not None:
            self.evidence[e["uid"]] = found
            self.report.existing["evidence"] += 1
            return
        # Another record is named by its uid, hash or name: its id here, if it is here.
        id_of: dict[str, Callable[[Any], int | None]] = {
            "articles": self._article_by_uid,
            "documents": documents.get,
            "datasets": lambda name: q.dataset_by_name(self.db, name),
        }
        row = self.row_of(e, EVIDENCE_JSON, id_of)
        row["created_at"] = e.get("created_at") or now_iso()
        row_id = q.insert_evidence(self.db, row)
        self.evidence[e["uid"]] = self.evidence_uids[e["uid"]] = row_id
        self.added("evidence", "evidence", row_id)

    def _article_by_uid(self, uid: str) -> int | None:
        return self.articles.get(uid) or self.article_uids.get(uid)

    # -- claims and links ----------------------------------------------------------------
    def article_of(self, c: InClaim) -> int | None:
        """The claim's article, or None with the reason in the report."""
        if c.article != BY_QUOTE:
            article_id = self.articles.get(c.article)
            if article_id is None:
                named = self.named.get(c.article)
                name = (named.url if named else None) or c.article
                self.report.left_out.append(
                    {"id": c.ref, "reason": f"its article {name} is not in the project"}
                )
            return article_id
        holding = self.matcher.holding(c.quote, c.prefix, c.suffix) if c.quote.strip() else []
        if len(holding) == 1:
            self.report.by_quote.append({"id": c.ref, "article": holding[0]})
            return holding[0]
        where = "no article" if not holding else f"{len(holding)} articles"
        self.report.left_out.append(
            {"id": c.ref, "reason": f"names no page, and its quote is in {where} of the project"}
        )
        return None

    def merge_claim(self, c: InClaim, claim_ids: dict[str, int]) -> None:
        if c.uid in claim_ids:
            self.report.existing["claims"] += 1
            return
        article_id = self.article_of(c)
        if article_id is None:
            return
        finder = self.matcher.finder(article_id)
        if article_id not in self.positions:
            self.positions[article_id] = q.claim_positions(self.db, article_id)
        text = finder.text
        located = (
            None if c.anchor == "orphan" else finder.locate(c.quote, c.prefix, c.suffix, c.start)
        )
        if (
            located is None
            and not c.quote
            and c.start is not None
            and c.end is not None
            and 0 <= c.start < c.end <= len(text)
            and text[c.start : c.end].strip()
        ):
            # A position with no quote: take what is there.
            located = Located(c.start, c.end)
            c.quote = text[c.start : c.end]
        # "Already there" is the same uid (or annotation id), never the same span: two
        # users' annotations on one sentence are two claims.
        now = now_iso()
        row: dict[str, Any] = {
            "uid": c.uid,
            "article_id": article_id,
            "quote": c.quote,
            "statement": c.statement or c.quote,
            "speaker_id": self.speaker_for(c),
            # side_id, stance_id, verdict_id: the codebook values the claim names
            **{id_field: self.vocab_id(kind, getattr(c, kind)) for kind, id_field in _CODED},
            "status": c.status if c.status in STATUSES else "to check",
            "note": "\n\n".join([c.note, *c.replies]) if c.replies else c.note,
            "review_url": c.review_url,
            "created_by": c.created_by,
            "created_at": c.created_at or now,
            "updated_at": c.updated_at or c.created_at or now,
        }
        if located is None:
            row.update(start=None, end=None, anchor="orphan", prefix=c.prefix, suffix=c.suffix)
            if c.original_quote is not None:
                row["original_quote"] = c.original_quote
            self.report.orphans.append({"id": c.ref, "article": article_id, "quote": c.quote})
        else:
            # The canonical words, not the page's (its line breaks, indents, NBSP).
            canonical = text[located.start : located.end]
            if row["statement"] == c.quote:
                row["statement"] = canonical
            if c.anchor == "fuzzy" and located.kind == "exact":  # ours, already to review
                row["original_quote"] = c.original_quote
            elif located.kind != "exact":
                row["original_quote"] = c.original_quote or c.quote
                self.report.fuzzy.append(
                    {"id": c.ref, "article": article_id, "quote": c.quote, "found": canonical}
                )
            c.quote = canonical
            row.update(
                quote=c.quote,
                start=located.start,
                end=located.end,
                anchor="fuzzy" if c.anchor == "fuzzy" else located.kind,
                prefix=text[max(0, located.start - CONTEXT_CHARS) : located.start],
                suffix=text[located.end : located.end + CONTEXT_CHARS],
            )
        claim_id = q.insert_claim(self.db, row)
        claim_ids[c.uid] = claim_id
        self.positions[article_id].add((row["start"], c.quote))
        self.added("claims", "claims", claim_id)
        for topic in c.topics:
            topic_id = self.vocab_id("topic", topic)
            if topic_id is not None:
                q.insert_topic(self.db, claim_id, topic_id)
        for quantity in c.quantities:
            q.insert_quantity(self.db, claim_id, self.row_of(quantity, QUANTITY_JSON))
        for use in c.evidence:
            evidence_id = self.evidence_uids.get(use["evidence"])
            if evidence_id is None or q.claim_evidence_exists(self.db, claim_id, evidence_id):
                continue
            link_id = q.insert_claim_evidence(
                self.db,
                {
                    "claim_id": claim_id,
                    "evidence_id": evidence_id,
                    "relation": use.get("relation") or "context",
                    "note": use.get("note") or "",
                },
            )
            self.report.added_ids["claim_evidence"].append(link_id)

    def merge_link(self, link: dict[str, Any], claim_ids: dict[str, int]) -> None:
        from_id, to_id = claim_ids.get(link["from"]), claim_ids.get(link["to"])
        if from_id is None or to_id is None or from_id == to_id:
            return
        if q.link_exists(self.db, from_id, to_id, link["relation"]):
            self.report.existing["links"] += 1
            return
        row_id = q.insert_link(
            self.db,
            {
                "from_claim": from_id,
                "to_claim": to_id,
                "relation": link["relation"],
                "note": link["note"],
            },
        )
        self.added("links", "claim_links", row_id)
