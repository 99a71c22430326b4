"""Articles: import, revisions and metadata (project.articles)."""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.articles import removal as article_removal
from annotator.clock import new_uid, now_iso
from annotator.errors import AnnotatorError, ImportFailure, NotFound
from annotator.models import (
    Article,
    ArticleDeletion,
    ArticleListing,
    ArticleSnapshot,
    ArticleSummary,
    Changes,
    DiffSpan,
    ImportedArticle,
    ImportOutcome,
)
from annotator.models.articles import ARTICLE_EDITABLE, ARTICLE_FIELDS, ARTICLE_SUMMARY_COLUMNS
from annotator.search import visible_index
from annotator.text.weburl import is_web_url
from db import article_removal as removal_q
from db import articles as q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

# Called inside the import transaction when a new revision supersedes an old
# one, so the claims can move to it atomically (the claims manager hooks in).
RevisionHook = Callable[[int, int], object]
# files done, files in all, the name of the file awaited next ("" at the end)
ImportProgress = Callable[[int, int, str], None]


def text_sha256(text: str) -> str:
    # Imported here: hashlib (OpenSSL) costs start-up ~3 ms; only imports hash.
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _summary(row: dict[str, Any]) -> ArticleSummary:
    """A summary from a row of db.articles.summaries (its columns, length and claims)."""
    return ArticleSummary(**{f: row[f] for f in ARTICLE_FIELDS})


class ArticleManager:
    def __init__(self, db: ProjectDatabase) -> None:
        self._db = db
        self.revision_hooks: list[RevisionHook] = []

    def list(self) -> list[ArticleSummary]:
        return [_summary(row) for row in q.summaries(self._db, ARTICLE_SUMMARY_COLUMNS)]

    def listing(self) -> builtins.list[ArticleListing]:
        """Every article as the library lists it, in id order (fast: no text measured)."""
        return [ArticleListing._make(row) for row in q.listings(self._db)]

    def listing_of(self, article_id: int) -> ArticleListing | None:
        row = q.listing(self._db, article_id)
        return None if row is None else ArticleListing._make(row)

    def exists(self, article_id: int) -> bool:
        """Whether the article is still there (summary() measures the whole text: slower)."""
        return q.exists(self._db, article_id)

    def summary(self, article_id: int) -> ArticleSummary:
        row = q.summary(self._db, article_id, ARTICLE_SUMMARY_COLUMNS)
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return _summary(row)

    def get(self, article_id: int) -> Article:
        summary = self.summary(article_id)
        text = q.text(self._db, article_id)
        assert text is not None
        return Article(summary=summary, text=text)

    def metadata(self, article_id: int) -> dict[str, Any]:
        return dict(json.loads(q.metadata_json(self._db, article_id)))

    def count(self) -> int:
        return q.count(self._db)

    def add(self, imported: ImportedArticle, revision_of: int | None = None) -> ImportOutcome:
        """Store one article: a duplicate is recognised, a changed version becomes a revision.

        `revision_of` names the article it is a new version of (a page fetched
        again); otherwise that is found by url, or by title and outlet.
        """
        source = imported.source_name or imported.title
        if not imported.text.strip():
            raise ImportFailure(source, "holds no text")
        imported = _web_url_only(imported)
        sha = text_sha256(imported.text)
        with self._db.atomic():
            existing = q.find_by_sha(self._db, sha)
            if existing is not None:
                return ImportOutcome(source, "duplicate", existing, imported.title)
            previous = revision_of if revision_of is not None else self._previous_version(imported)
            article_id = q.insert(
                self._db,
                {
                    "uid": new_uid(),
                    "title": imported.title.strip() or "(untitled)",
                    "outlet": imported.outlet,
                    "author": imported.author,
                    "published": imported.published,
                    "url": imported.url,
                    "language": imported.language,
                    "source_format": imported.source_format,
                    "source_name": imported.source_name,
                    "imported_at": now_iso(),
                    "text": imported.text,
                    "text_sha256": sha,
                    "revision_of": previous,
                    "metadata": json.dumps(imported.metadata, default=str),
                },
            )
            visible_index.remember(
                self._db, article_id, imported.title.strip() or "(untitled)", imported.text
            )
            moved: list[int] = []
            if previous is not None:
                for hook in self.revision_hooks:
                    returned = hook(previous, article_id)
                    if isinstance(returned, list):
                        moved.extend(i for i in returned if isinstance(i, int))
        status = "revision" if previous is not None else "imported"
        return ImportOutcome(
            source,
            status,
            article_id,
            imported.title,
            revision_of=previous,
            notes=imported.notes,
            moved_claims=tuple(moved),
        )

    def _previous_version(self, imported: ImportedArticle) -> int | None:
        if imported.url:
            return q.latest_with_url(self._db, imported.url)
        if imported.title and imported.outlet:
            return q.latest_with_title_outlet(self._db, imported.title, imported.outlet)
        return None

    def import_file(self, path: Path) -> ImportOutcome:
        """Import one file; failures come back as a 'failed' outcome, never raised."""
        return self.import_files([path])[0]

    def import_files(
        self,
        files: Sequence[Path],
        progress: ImportProgress | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> builtins.list[ImportOutcome]:
        """Import files in order, each article in its own transaction; outcomes in input order.

        A large batch is read by worker processes while the articles already
        read are stored here (annotator.exchange.importers.batch). `progress(done, total,
        next file's name)` is called before each file is awaited; once `stop()`
        is true no further article is stored, and the outcomes so far return.
        """
        from annotator.exchange.importers.batch import read_in_order  # parsers load on first use

        outcomes: list[ImportOutcome] = []
        total = len(files)
        if progress is not None and files:
            progress(0, total, files[0].name)
        storing = q.bulk_storing(self._db) if total > 1 else nullcontext()
        with storing, closing(read_in_order(files, stop=stop)) as results:
            for done, (path, result) in enumerate(results, start=1):
                if stop is not None and stop():
                    break
                outcomes.append(self._store(path, result))
                if progress is not None:
                    progress(done, total, files[done].name if done < total else "")
        return outcomes

    def _store(self, path: Path, result: ImportedArticle | ImportFailure) -> ImportOutcome:
        if isinstance(result, ImportFailure):
            return ImportOutcome(str(path), "failed", reason=result.reason)
        try:
            return self.add(result)
        except ImportFailure as exc:
            return ImportOutcome(str(path), "failed", reason=exc.reason)

    def import_paths(
        self,
        paths: Sequence[Path],
        progress: ImportProgress | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> builtins.list[ImportOutcome]:
        """Files and folders (walked for supported files); a folder with none is a failure."""
        from annotator.exchange import importers

        files, outcomes = importers.collect_files(list(paths))
        return outcomes + self.import_files(files, progress=progress, stop=stop)

    def diff(self, old_id: int, new_id: int) -> builtins.list[DiffSpan]:
        """What changed from one revision to another: spans in code points of each text."""
        from annotator.anchoring.textdiff import diff as diff_texts  # here: difflib on first use

        return diff_texts(self.get(old_id).text, self.get(new_id).text)

    def update_metadata(self, article_id: int, **fields: str | None) -> Changes:
        self.summary(article_id)
        cleaned = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in fields.items()}
        if "title" in cleaned and not cleaned["title"]:
            raise ValueError("an article needs a title")
        url = cleaned.get("url")
        if url and not is_web_url(url):
            raise ValueError(f"an article's URL must be an http(s) web address, not {url[:80]!r}")
        with self._db.atomic():
            q.update_fields(self._db, article_id, cleaned, ARTICLE_EDITABLE)
        return Changes(articles=frozenset({article_id}))

    # -- deleting ------------------------------------------------------------------
    def deletion(self, article_id: int) -> ArticleDeletion:
        """What deleting the article would take with it (for a confirmation)."""
        return article_removal.deletion(self._snapshot(article_id))

    def delete(self, article_id: int) -> ArticleSnapshot:
        """Delete an article with its claims and what hangs off them; restore() undoes it.

        Its claims go with their topics, figures, evidence links and claim links
        (also those from claims of other articles); evidence quoting a passage
        of it goes too, unlinked from every claim it backed. A newer revision
        of it then follows its parent, so the chain stays unbroken.
        """
        with self._db.atomic():
            snapshot = self._snapshot(article_id)
            removal_q.delete(self._db, snapshot)
        return snapshot

    def restore(self, snapshot: ArticleSnapshot) -> ArticleSummary:
        """Put a deleted article back exactly: same ids, claims, evidence, links, revision chain."""
        article_id = int(snapshot["article"]["id"])
        with self._db.atomic():
            if q.exists(self._db, article_id):
                raise AnnotatorError(
                    f"article {article_id} exists again (made elsewhere meanwhile)"
                )
            try:
                removal_q.restore(self._db, snapshot)
            except sqlite3.IntegrityError as exc:
                raise AnnotatorError(
                    f"article {article_id} cannot come back: something it used is gone ({exc})"
                ) from exc
            row = snapshot["article"]
            visible_index.remember(
                self._db, article_id, str(row.get("title") or ""), str(row.get("text") or "")
            )
        return self.summary(article_id)

    @staticmethod
    def changes_for_deletion(snapshot: ArticleSnapshot) -> Changes:
        return article_removal.changes(snapshot)

    def _snapshot(self, article_id: int) -> ArticleSnapshot:
        snapshot = removal_q.snapshot(self._db, article_id)
        if snapshot is None:
            raise NotFound(f"no article with id {article_id}")
        return snapshot


def _web_url_only(imported: ImportedArticle) -> ImportedArticle:
    """The article without a URL that is not an http(s) address, saying so in its notes.

    A `javascript:` or `file:` address from a file's front matter or a page's
    canonical link would otherwise be stored, shown as a link and exported as
    a W3C annotation's `source`; a project keeps web addresses only.
    """
    if imported.url is None or is_web_url(imported.url):
        return imported
    note = f"url dropped: {imported.url.strip()[:80]!r} is not an http(s) web address"
    metadata = {**imported.metadata, "import_notes": [*imported.notes, note]}
    return replace(imported, url=None, metadata=metadata)
