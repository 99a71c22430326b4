"""Web captures: the archived response an article was fetched from, and what a refetch found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.models.articles import DiffSpan


@dataclass(frozen=True)
class Capture:
    """One fetch of an address as it was received (the body is read apart, it may be large)."""

    id: int
    article_id: int
    requested_url: str
    final_url: str
    redirects: tuple[tuple[int, str], ...]  # each hop before the final answer: status, address
    status: int
    reason: str
    http_version: str
    request_headers: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body_sha256: str
    fetched_at: str
    checked_at: str  # the last time the address served the same text

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "requested_url": self.requested_url,
            "final_url": self.final_url,
            "redirects": [{"status": s, "url": u} for s, u in self.redirects],
            "status": self.status,
            "reason": self.reason,
            "fetched_at": self.fetched_at,
            "checked_at": self.checked_at,
            "body_sha256": self.body_sha256,
        }


@dataclass(frozen=True)
class TextChange:
    """One passage that changed between two revisions, with the words on each side."""

    span: DiffSpan
    old: str
    new: str
    before: str = ""  # the unchanged words just before it (the same in both revisions)
    after: str = ""  # and just after it

    def as_json(self) -> dict[str, Any]:
        return {
            **self.span.as_json(),
            "old_text": self.old,
            "new_text": self.new,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class RefetchOutcome:
    """What fetching an article's address again found: unchanged, a revision, or a failure."""

    article_id: int  # the newest revision of the article before the refetch
    url: str
    status: str  # "unchanged" | "revision" | "failed"
    title: str = ""
    revision: int | None = None  # the new revision's id
    moved: int = 0  # claims found again exactly
    fuzzy: int = 0  # claims re-found only approximately (to review)
    orphans: int = 0  # claims whose words are gone (kept, without a span)
    reason: str = ""
    changes: tuple[TextChange, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "url": self.url,
            "status": self.status,
            "title": self.title,
            "revision": self.revision,
            "moved": self.moved,
            "fuzzy": self.fuzzy,
            "orphans": self.orphans,
            "reason": self.reason or None,
            "changes": [change.as_json() for change in self.changes],
        }
