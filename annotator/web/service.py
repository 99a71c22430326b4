"""Web addresses in a project (project.web): import, the archived copies, refetching.

Each address becomes an article and its capture in one transaction, so a
failure (or a crash) leaves neither. Fetching happens before the transaction
opens: the write lock is never held while waiting for a server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import ImportFailure, NotFound
from annotator.models import ImportedArticle, ImportOutcome
from db import web_captures as q
from db.projectfile.connection import ProjectDatabase

if TYPE_CHECKING:
    from annotator.articles.service import ArticleManager
    from annotator.claims.service import ClaimManager
    from annotator.models.web import Capture, RefetchOutcome
    from annotator.web.http import Fetched, Fetcher, FetchProgress, Stop


def capture_row(fetched: Fetched, article_id: int) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "requested_url": fetched.requested_url,
        "final_url": fetched.final_url,
        "redirects": json.dumps([list(hop) for hop in fetched.redirects]),
        "status": fetched.status,
        "reason": fetched.reason,
        "http_version": fetched.http_version,
        "request_headers": json.dumps([list(h) for h in fetched.request_headers]),
        "headers": json.dumps([list(h) for h in fetched.headers]),
        "body_sha256": fetched.body_sha256,
        "fetched_at": fetched.fetched_at,
        "checked_at": fetched.fetched_at,
    }


def _capture(row: dict[str, Any]) -> Capture:
    # Imported here: the library asks this manager which articles changed at
    # their source as the window opens, and needs no capture model for it.
    from annotator.models.web import Capture

    return Capture(
        id=row["id"],
        article_id=row["article_id"],
        requested_url=row["requested_url"],
        final_url=row["final_url"],
        redirects=tuple((int(s), str(u)) for s, u in json.loads(row["redirects"])),
        status=row["status"],
        reason=row["reason"],
        http_version=row["http_version"],
        request_headers=tuple((str(k), str(v)) for k, v in json.loads(row["request_headers"])),
        headers=tuple((str(k), str(v)) for k, v in json.loads(row["headers"])),
        body_sha256=row["body_sha256"],
        fetched_at=row["fetched_at"],
        checked_at=row["checked_at"],
    )


def _default_fetcher() -> Fetcher:
    # HTTP code loads when something is fetched, not when a capture is only shown.
    from annotator.web.http import Fetcher

    return Fetcher()


class WebManager:
    """Fetches the addresses a user asks for and keeps what each served."""

    def __init__(self, db: ProjectDatabase, articles: ArticleManager, claims: ClaimManager) -> None:
        self._db = db
        self._articles = articles  # what a fetch brings in is an article
        self._claims = claims  # a refetch reports where its claims moved
        # Tests shorten the timeout; every fetch of one call shares one Fetcher.
        self.make_fetcher: Callable[[], Fetcher] = _default_fetcher

    # -- importing ---------------------------------------------------------------
    def import_addresses(
        self,
        urls: Sequence[str],
        progress: FetchProgress | None = None,
        stop: Stop | None = None,
    ) -> list[ImportOutcome]:
        """Fetch and import each address in order; a failure is a 'failed' outcome."""
        outcomes: list[ImportOutcome] = []
        fetcher = self.make_fetcher()
        try:
            for done, url in enumerate(urls):
                if stop is not None and stop():
                    break
                if progress is not None:
                    progress(done, len(urls), url)
                outcomes.append(self._import_one(fetcher, url, stop))
        finally:
            fetcher.close()
        if progress is not None:
            progress(len(outcomes), len(urls), "")
        return outcomes

    def _import_one(self, fetcher: Fetcher, url: str, stop: Stop | None) -> ImportOutcome:
        from annotator.web.page import read_page

        try:
            fetched = fetcher.fetch(url, stop)
            return self.store(fetched, read_page(fetched))
        except ImportFailure as exc:
            return ImportOutcome(url, "failed", reason=exc.reason)

    def store(
        self, fetched: Fetched, imported: ImportedArticle, revision_of: int | None = None
    ) -> ImportOutcome:
        """The article and its capture, together or not at all."""
        with self._db.atomic():
            outcome = self._articles.add(imported, revision_of=revision_of)
            assert outcome.article_id is not None
            known = q.latest(self._db, outcome.article_id)
            if (
                outcome.status == "duplicate"
                and known is not None
                and known["requested_url"] == fetched.requested_url
            ):
                q.mark_checked(self._db, known["id"], fetched.fetched_at)
            else:
                q.insert(self._db, capture_row(fetched, outcome.article_id), fetched.body)
        return outcome

    # -- the archive ---------------------------------------------------------------
    def captures(self, article_id: int) -> list[Capture]:
        """The article's captures, oldest first; empty for an article not fetched."""
        return [_capture(row) for row in q.for_article(self._db, article_id)]

    def latest_capture(self, article_id: int) -> Capture | None:
        row = q.latest(self._db, article_id)
        return None if row is None else _capture(row)

    def body(self, capture: Capture) -> bytes:
        """The body as received (its content encoding kept)."""
        data = q.body(self._db, capture.body_sha256)
        if data is None:
            raise NotFound(f"capture {capture.id}: its body is missing from the project")
        return data

    def fetched_articles(self) -> list[int]:
        return q.fetched_article_ids(self._db)

    def changed_at_source(self) -> dict[int, int]:
        """Fetched articles whose address later served another text -> that newer revision."""
        return q.changed_at_source(self._db)

    def write_archive(self, article_id: int, path: Path) -> int:
        """Write the article's captures as a WARC file (gzip per record); returns the records."""
        from annotator.web import warc

        summary = self._articles.summary(article_id)
        captures = self.captures(article_id)
        if not captures:
            raise ImportFailure(
                f"article {article_id}", "was not fetched from a web address (no archived copy)"
            )
        return warc.write(path, summary, [(c, self.body(c)) for c in captures])

    # -- refetching ----------------------------------------------------------------
    def refetch(
        self,
        article_ids: Sequence[int] | None = None,
        progress: FetchProgress | None = None,
        stop: Stop | None = None,
    ) -> list[RefetchOutcome]:
        """Fetch each article's address again; a changed text comes in as a revision.

        With no ids, every fetched article's newest revision. An id names an
        article chain: its newest revision is the one compared.
        """
        from annotator.web import refetch

        return refetch.run(
            self._db, self._articles, self._claims, self, article_ids, progress, stop
        )
