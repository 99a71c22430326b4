"""Which project article an incoming one is: by text hash, by URL as browsers vary it, by uid,
or, for a row that names no page, by its quote when exactly one article holds it.

Built once per merge from one query and kept current as articles are added,
so matching costs no query per annotation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.anchoring.quotes import QuoteFinder
from annotator.exchange.mergers.incoming import InArticle
from annotator.exchange.mergers.urls import url_key
from db import exchange as q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase


class ArticleMatcher:
    def __init__(self, db: ProjectDatabase) -> None:
        self._db = db
        self._by_sha: dict[str, int] = {}
        self._by_url: dict[str, int] = {}
        for article_id, sha, url in q.article_keys(db):  # oldest first
            self._by_sha.setdefault(sha, article_id)
            self.add_url(article_id, url)  # the newest revision answers for its URL
        self.uids = q.uid_map(db, "articles")
        self._finders: dict[int, QuoteFinder] = {}

    def add_url(self, article_id: int, url: str | None) -> None:
        key = url_key(url)
        if key is not None:
            self._by_url[key] = article_id

    def added(self, article_id: int, sha: str, url: str | None) -> None:
        self._by_sha.setdefault(sha, article_id)
        self.add_url(article_id, url)

    def match(self, a: InArticle, sha: str | None) -> int | None:
        if sha and sha in self._by_sha:
            return self._by_sha[sha]
        for address in [a.url, *a.urls]:
            key = url_key(address)
            if key is not None and key in self._by_url:
                return self._by_url[key]
        if a.uid:
            return self.uids.get(a.uid)
        return None

    def finder(self, article_id: int) -> QuoteFinder:
        """The article's quote finder (its occurrences remembered for the whole merge)."""
        found = self._finders.get(article_id)
        if found is None:
            found = self._finders[article_id] = QuoteFinder(q.article_text(self._db, article_id))
        return found

    def holding(self, quote: str, prefix: str, suffix: str) -> list[int]:
        """The articles in which the quote can be anchored."""
        ids = [int(r[0]) for r in self._db.execute("SELECT id FROM articles ORDER BY id")]
        return [i for i in ids if self.finder(i).locate(quote, prefix, suffix) is not None]
