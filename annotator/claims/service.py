"""Claims: mark, tag, adjust, delete and restore (project.claims).

Every method is one transaction and returns what the caller needs to show
or undo it; the database never holds an `exact` claim whose quote differs
from the article text at its offsets.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from annotator.anchoring.selectors import anchor_at, find_occurrence, trim_span
from annotator.claims import tags as claim_tags
from annotator.clock import new_uid, now_iso
from annotator.errors import AnnotatorError, NotFound
from annotator.models import Changes, Claim, ClaimSnapshot
from annotator.models.claims import CLAIM_EDITABLE, CLAIM_FIELDS, CLAIM_LABELS, claim_from
from annotator.text.visible import find_visible
from db import articles as article_q
from db import claims as q

if TYPE_CHECKING:
    from annotator.codebook.service import Codebook
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase

STATUSES = ("to check", "in progress", "checked")
# Ids per query in get_many (SQLite allows at least 999 parameters).
GET_MANY_BATCH = 500
# Article texts kept by the claims service (the most recently read ones).
TEXT_CACHE_SIZE = 4
# Fields callers may set with update(); ids for references, text otherwise.
UPDATABLE = tuple(CLAIM_LABELS)


class ClaimError(AnnotatorError):
    """A claim cannot be made or changed as asked (blank span, quote not found...)."""


_row_values = itemgetter(*CLAIM_FIELDS)


def _claim(row: dict[str, Any]) -> Claim:
    """A claim from a row of db.claims.select (its columns, the tag names and topics)."""
    values = dict(zip(CLAIM_FIELDS, _row_values(row), strict=True))
    values["topics"] = tuple(json.loads(values["topics"] or "[]"))
    return claim_from(values)


class ClaimManager:
    def __init__(
        self,
        db: ProjectDatabase,
        codebook: Codebook,
        speakers: Callable[[], SpeakerManager],
    ) -> None:
        """`speakers` is asked for only when a speaker is named: the speakers
        manager (and its module) load on first use, not with every project."""
        self._db = db
        self._codebook = codebook
        self._speakers = speakers
        # article id -> (text_sha256, text). Marking re-read the whole text
        # (1 MB) on every claim; texts never change after import, and the
        # digest (a few bytes, checked on each use) catches a deleted and
        # re-used id or an edit from another process.
        self._texts: dict[int, tuple[str, str]] = {}

    def _text(self, article_id: int) -> str:
        sha = article_q.text_sha256(self._db, article_id)
        if sha is None:
            self._texts.pop(article_id, None)
            raise NotFound(f"no article with id {article_id}")
        cached = self._texts.get(article_id)
        if cached is not None and cached[0] == sha:
            return cached[1]
        found = article_q.text_with_sha256(self._db, article_id)
        if found is None:
            raise NotFound(f"no article with id {article_id}")
        text, sha = found
        if len(self._texts) >= TEXT_CACHE_SIZE:
            self._texts.pop(next(iter(self._texts)))
        self._texts[article_id] = (sha, text)
        return text

    # -- reading -----------------------------------------------------------
    def get(self, claim_id: int) -> Claim:
        rows = q.select(self._db, "c.id = ?", [claim_id])
        if not rows:
            raise NotFound(f"no claim with id {claim_id}")
        return _claim(rows[0])

    def require(self, claim_id: int) -> None:
        """Raise NotFound as get() does, without building the claim (a check before a lookup)."""
        if not q.exists(self._db, claim_id):
            raise NotFound(f"no claim with id {claim_id}")

    def list(self, article_id: int | None = None) -> list[Claim]:
        if article_id is None:
            return [_claim(r) for r in q.select(self._db)]
        return [_claim(r) for r in q.select(self._db, "c.article_id = ?", [article_id])]

    def filter(
        self,
        article_id: int | None = None,
        speaker: str | None = None,
        side: str | None = None,
        stance: str | None = None,
        verdict: str | None = None,
        topic: str | None = None,
        status: str | None = None,
    ) -> builtins.list[Claim]:
        """Claims matching every filter given by name (None: any); unknown names are refused."""
        if status is not None and status not in STATUSES:
            raise ClaimError(f"unknown status {status!r} (use one of: {', '.join(STATUSES)})")
        speaker_id = None
        if speaker is not None:
            found = self._speakers().find(speaker)
            if found is None:
                raise NotFound(f"no speaker called {speaker!r}")
            speaker_id = found.id
        rows = claim_tags.filter_rows(
            self._db, self._codebook, article_id, speaker_id, side, stance, verdict, topic, status
        )
        return [_claim(r) for r in rows]

    def positions(self, article_id: int) -> builtins.list[tuple[int, int | None, int | None]]:
        """(id, start, end) of every claim of an article, orphans too; cheap for 10,000 rows."""
        return q.positions(self._db, article_id)

    def get_many(self, claim_ids: Sequence[int]) -> builtins.list[Claim]:
        """Several claims in few queries (ids that do not exist are left out).

        A table showing 10,000 claims fetches the rows it shows, a page at a
        time, instead of building every Claim up front.
        """
        found: list[Claim] = []
        ids = list(dict.fromkeys(claim_ids))
        for first in range(0, len(ids), GET_MANY_BATCH):
            batch = ids[first : first + GET_MANY_BATCH]
            marks = ", ".join("?" * len(batch))
            found.extend(_claim(r) for r in q.select(self._db, f"c.id IN ({marks})", batch))
        return found

    def count(self, article_id: int | None = None) -> int:
        return q.count(self._db, article_id)

    def spans(
        self, article_id: int
    ) -> builtins.list[tuple[int, int, int, int | None, int | None, int | None]]:
        """(id, start, end, side_id, stance_id, verdict_id) for painting, cheap for 10,000 claims."""
        return q.spans(self._db, article_id)

    # -- making ------------------------------------------------------------
    def mark(self, article_id: int, start: int, end: int, **fields: Any) -> Claim:
        """Make a claim on [start, end) of the article's text (white space at the edges trimmed)."""
        text = self._text(article_id)
        span = trim_span(text, start, end)
        if span is None:
            raise ClaimError("the selection is empty or only white space; no claim made")
        anchor = anchor_at(text, *span)
        now = now_iso()
        row = {
            "uid": new_uid(),
            "article_id": article_id,
            "start": anchor.start,
            "end": anchor.end,
            "quote": anchor.quote,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
            "anchor": "exact",
            "statement": anchor.quote,
            "status": "to check",
            "note": "",
            "created_by": "",
            "created_at": now,
            "updated_at": now,
        }
        topics = fields.pop("topic_ids", None)
        self._check_fields(fields)
        row.update(fields)
        with self._db.atomic():
            claim_id = q.insert(self._db, row)
            if topics:
                q.set_topics(self._db, claim_id, list(topics))
        return self.get(claim_id)

    def mark_quote(self, article_id: int, quote: str, occurrence: int = 1, **fields: Any) -> Claim:
        """Make a claim on the N-th exact occurrence of quote in the article."""
        if not quote.strip():
            raise ClaimError("the quote is blank; no claim made")
        text = self._text(article_id)
        start = find_occurrence(text, quote, occurrence)
        if start is not None:
            return self.mark(article_id, start, start + len(quote), **fields)
        # The words as they read: soft hyphens, zero-width characters, decomposed
        # accents and ligatures in the article do not stop a typed quote matching;
        # the claim covers the canonical span those words occupy.
        span = find_visible(text, quote, occurrence)
        if span is None:
            which = "" if occurrence == 1 else f" (occurrence {occurrence})"
            raise ClaimError(f"the quote is not in article {article_id}{which}: {quote[:60]!r}")
        return self.mark(article_id, span[0], span[1], **fields)

    # -- changing ----------------------------------------------------------
    def _check_fields(self, fields: dict[str, Any]) -> None:
        unknown = set(fields) - set(UPDATABLE)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if fields.get("review_url") is not None:  # a ClaimReview's url: a web page or nothing
            from annotator.publisher import web_url

            web_url(fields["review_url"], "review URL")
        if "status" in fields and fields["status"] not in STATUSES:
            raise ClaimError(
                f"unknown status {fields['status']!r} (use one of: {', '.join(STATUSES)})"
            )

    def update(
        self, claim_id: int, topic_ids: builtins.list[int] | None = None, **fields: Any
    ) -> Claim:
        """Change tags and text fields; topic_ids replaces the topic set when given."""
        self.get(claim_id)
        self._check_fields(fields)
        with self._db.atomic():
            q.update(self._db, claim_id, {**fields, "updated_at": now_iso()}, CLAIM_EDITABLE)
            if topic_ids is not None:
                q.set_topics(self._db, claim_id, topic_ids)
        return self.get(claim_id)

    def tag(
        self,
        claim_id: int,
        speaker: str | None = None,
        side: str | None = None,
        stance: str | None = None,
        verdict: str | None = None,
        topics: builtins.list[str] | tuple[str, ...] | None = None,
        status: str | None = None,
        statement: str | None = None,
        review_url: str | None = None,
    ) -> Claim:
        """Set tags by name; None leaves a tag as it is, "" clears it, topics replace the set.

        An unknown speaker is created (with the side given, if any). A claim with
        no side takes its speaker's side: who speaks usually says where it stands.
        """
        claim = self.get(claim_id)
        fields, topic_ids = claim_tags.tag_fields(
            self._codebook, claim, side, stance, verdict, topics, status, statement, review_url
        )
        with self._db.atomic():
            if speaker is not None:
                fields.update(claim_tags.speaker_fields(self._speakers(), claim, speaker, fields))
            return self.update(claim_id, topic_ids=topic_ids, **fields)

    def topic_ids(self, claim_id: int) -> builtins.list[int]:
        return q.topic_ids(self._db, claim_id)

    def adjust(self, claim_id: int, start: int, end: int) -> Claim:
        """Move a claim's span; its anchor becomes exact at the new place."""
        claim = self.get(claim_id)
        text = self._text(claim.article_id)
        span = trim_span(text, start, end)
        if span is None:
            raise ClaimError("the new span is empty or only white space")
        anchor = anchor_at(text, *span)
        with self._db.atomic():
            q.update(
                self._db,
                claim_id,
                {
                    "start": anchor.start,
                    "end": anchor.end,
                    "quote": anchor.quote,
                    "prefix": anchor.prefix,
                    "suffix": anchor.suffix,
                    "anchor": "exact",
                    "original_quote": None,
                    "updated_at": now_iso(),
                },
                CLAIM_EDITABLE,
            )
        return self.get(claim_id)

    def confirm(self, claim_id: int) -> Claim:
        """Accept a fuzzy anchor as it stands: it becomes exact on its current words."""
        claim = self.get(claim_id)
        if claim.start is None or claim.end is None:
            raise ClaimError(f"claim {claim_id} is orphaned; mark its words again to place it")
        return self.adjust(claim_id, claim.start, claim.end)

    def move_to_revision(self, old_article_id: int, new_article_id: int) -> builtins.list[int]:
        """Move every claim of an article onto its new revision, re-anchored (see reanchor)."""
        # Imported here: re-anchoring (difflib, fuzzy matching) is an import's
        # work, and opening a project need not load it (issue 19).
        from annotator.claims import revisions

        return revisions.move_claims(self._db, old_article_id, new_article_id)

    def delete(self, claim_id: int) -> ClaimSnapshot:
        """Delete a claim; the snapshot returned brings it back with restore()."""
        self.get(claim_id)
        with self._db.atomic():
            snapshot = q.snapshot(self._db, claim_id)
            q.delete(self._db, claim_id)
        return snapshot

    def snapshot(self, claim_id: int) -> ClaimSnapshot:
        self.get(claim_id)
        return q.snapshot(self._db, claim_id)

    def restore(self, snapshot: ClaimSnapshot) -> Claim:
        """Put a claim back exactly as it was (same id, uid, tags, links)."""
        with self._db.atomic():
            q.restore(self._db, snapshot)
        return self.get(int(snapshot["claims"][0]["id"]))

    @staticmethod
    def changes_for(claim: Claim) -> Changes:
        return Changes(articles=frozenset({claim.article_id}), claims=frozenset({claim.id}))
