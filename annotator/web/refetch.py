"""Catching stealth edits: fetch an article's address again and compare the main text.

The same text (whatever else on the page changed: ads, timestamps) only
records that the address was checked. A different text comes in as a new
revision of the newest one through the ordinary revision machinery, so its
claims are re-anchored (exact, fuzzy or orphaned, never dropped) in the same
transaction that stores it and its capture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from annotator.anchoring.textdiff import diff
from annotator.articles.service import text_sha256
from annotator.errors import ImportFailure
from annotator.models import ImportedArticle, ImportOutcome
from annotator.models.web import RefetchOutcome, TextChange
from annotator.web.http import Fetched, Fetcher, FetchProgress, Stop
from annotator.web.page import read_page
from db import articles as article_q
from db import web_captures as q

if TYPE_CHECKING:
    from annotator.articles.service import ArticleManager
    from annotator.claims.service import ClaimManager
    from db.projectfile.connection import ProjectDatabase

# Longest stretch of old or new words kept per change in an outcome.
MAX_CHANGE_CHARS = 500
# Unchanged characters shown on each side of a change.
CONTEXT_CHARS = 32
# A revision chain longer than this is followed no further (a cycle cannot happen, but cheaply safe).
MAX_CHAIN = 10_000


class Storing(Protocol):
    """What a refetch needs of the web manager (which calls it): a fetcher, and
    a way to store a page with its capture. A protocol, so this module does not
    import the manager that imports it."""

    make_fetcher: Callable[[], Fetcher]

    def store(
        self, fetched: Fetched, imported: ImportedArticle, revision_of: int | None = None
    ) -> ImportOutcome: ...


def run(
    db: ProjectDatabase,
    articles: ArticleManager,
    claims: ClaimManager,
    web: Storing,
    article_ids: Sequence[int] | None,
    progress: FetchProgress | None,
    stop: Stop | None,
) -> list[RefetchOutcome]:
    targets, outcomes = _targets(db, articles, article_ids)
    fetcher = web.make_fetcher()
    try:
        for done, (article_id, url) in enumerate(targets):
            if stop is not None and stop():
                break
            if progress is not None:
                progress(done, len(targets), url)
            outcomes.append(_refetch_one(db, articles, claims, web, fetcher, article_id, url, stop))
    finally:
        fetcher.close()
    if progress is not None:
        progress(len(targets), len(targets), "")
    return outcomes


def newest_revision(db: ProjectDatabase, article_id: int) -> int:
    current = article_id
    for _ in range(MAX_CHAIN):
        newer = q.newer_revision(db, current)
        if newer is None:
            break
        current = newer
    return current


def fetched_address(db: ProjectDatabase, article_id: int) -> str | None:
    """The address the user asked for, from the newest capture along the revision chain."""
    current: int | None = article_id
    for _ in range(MAX_CHAIN):
        if current is None:
            return None
        capture = q.latest(db, current)
        if capture is not None:
            return str(capture["requested_url"])
        current = q.revision_parent(db, current)
    return None


def _targets(
    db: ProjectDatabase, articles: ArticleManager, article_ids: Sequence[int] | None
) -> tuple[list[tuple[int, str]], list[RefetchOutcome]]:
    """(newest revision, address) to fetch, once per chain; failures for ids that cannot be."""
    asked = list(article_ids) if article_ids else q.fetched_article_ids(db)
    targets: list[tuple[int, str]] = []
    failures: list[RefetchOutcome] = []
    seen: set[int] = set()
    for article_id in asked:
        if not article_q.exists(db, article_id):
            failures.append(
                RefetchOutcome(article_id, "", "failed", reason=f"no article with id {article_id}")
            )
            continue
        newest = newest_revision(db, article_id)
        if newest in seen:
            continue
        seen.add(newest)
        url = fetched_address(db, newest)
        if url is None:
            failures.append(
                RefetchOutcome(
                    article_id,
                    "",
                    "failed",
                    title=articles.summary(article_id).title,
                    reason="was not fetched from a web address (nothing to fetch again)",
                )
            )
            continue
        targets.append((newest, url))
    return targets, failures


def _refetch_one(
    db: ProjectDatabase,
    articles: ArticleManager,
    claims: ClaimManager,
    web: Storing,
    fetcher: Fetcher,
    article_id: int,
    url: str,
    stop: Stop | None,
) -> RefetchOutcome:
    title = articles.summary(article_id).title
    try:
        fetched = fetcher.fetch(url, stop)
        imported = read_page(fetched)
    except ImportFailure as exc:
        return RefetchOutcome(article_id, url, "failed", title=title, reason=exc.reason)
    if text_sha256(imported.text) == article_q.text_sha256(db, article_id):
        capture = q.latest(db, article_id)
        with db.atomic():
            if capture is not None:  # the page around the text may differ: not kept again
                q.mark_checked(db, capture["id"], fetched.fetched_at)
            else:  # the newest revision came from a file: now known to be served here
                web.store(fetched, imported)
        return RefetchOutcome(article_id, url, "unchanged", title=title)
    try:
        outcome = web.store(fetched, imported, revision_of=article_id)
    except ImportFailure as exc:
        return RefetchOutcome(article_id, url, "failed", title=title, reason=exc.reason)
    if outcome.status == "duplicate":
        return RefetchOutcome(
            article_id,
            url,
            "failed",
            title=title,
            reason=f"now serves the text of article {outcome.article_id} again "
            "(already in the project; not stored twice)",
        )
    new_id = outcome.article_id
    assert new_id is not None
    anchors = [claim.anchor for claim in claims.list(new_id)]
    return RefetchOutcome(
        article_id,
        url,
        "revision",
        title=outcome.title or title,
        revision=new_id,
        moved=anchors.count("exact"),
        fuzzy=anchors.count("fuzzy"),
        orphans=anchors.count("orphan"),
        changes=tuple(_changes(articles, article_id, new_id)),
    )


def _changes(articles: ArticleManager, old_id: int, new_id: int) -> list[TextChange]:
    old = articles.get(old_id).text
    new = articles.get(new_id).text
    return [
        TextChange(
            span,
            _clip(old[span.old_start : span.old_end]),
            _clip(new[span.new_start : span.new_end]),
            before=_context_before(new, span.new_start),
            after=_context_after(new, span.new_end),
        )
        for span in diff(old, new)
    ]


def _context_before(text: str, start: int) -> str:
    """Up to CONTEXT_CHARS before `start`, from a word boundary and within the paragraph."""
    piece = text[max(0, start - CONTEXT_CHARS) : start].rsplit("\n", 1)[-1]
    if start - CONTEXT_CHARS > 0 and " " in piece:
        piece = piece.split(" ", 1)[1]
    return piece


def _context_after(text: str, end: int) -> str:
    piece = text[end : end + CONTEXT_CHARS].split("\n", 1)[0]
    if end + CONTEXT_CHARS < len(text) and " " in piece:
        piece = piece.rsplit(" ", 1)[0]
    return piece


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CHANGE_CHARS else text[: MAX_CHANGE_CHARS - 1] + "…"
