"""Articles: what an importer reads, what the library lists, what deleting one takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from annotator.models import fields
from annotator.models.fields import declared


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

    @property
    def notes(self) -> tuple[str, ...]:
        """What the importer reports about this read (metadata "import_notes")."""
        return tuple(str(note) for note in self.metadata.get("import_notes", ()))


class ArticleListing(NamedTuple):
    """One line of the library: just what the table shows, read fast for 100,000 articles.

    A tuple, not a dataclass: building 10,000 of these costs a fifth of what
    the full summary (which also measures each text) does.
    """

    id: int
    title: str
    outlet: str | None
    published: str | None
    revision_of: int | None
    claims: int


def _detail(name: str, read: str = "text?", **more: Any) -> Any:
    """A detail of the article a merge reads back as text, shown by its name."""
    return declared(json=name, read=read, cli=name, **more)


@dataclass(frozen=True)
class ArticleSummary:
    """What the library lists: everything but the text.

    The one declaration of an article's fields (see annotator.models.fields)
    but its text and metadata: the articles table's columns (with those two),
    the row -> ArticleSummary builder, the details a user edits, an article in
    the lossless JSON (in this order, then metadata and text), the native
    merger's reading and its article row, and the command line's JSON derive
    from it.
    """

    id: int = declared(fixed=True, cli="id")
    uid: str = declared(fixed=True, json="uid", cli="uid")
    title: str = _detail("title", missing="(untitled)", label="title")
    outlet: str | None = _detail("outlet", label="outlet")
    author: str | None = _detail("author", label="author")
    published: str | None = _detail("published", label="published")
    url: str | None = _detail("url", read="web", label="url")
    language: str | None = _detail("language", label="language")
    source_format: str = _detail("source_format", fixed=True, missing="merge")
    source_name: str | None = _detail("source_name", fixed=True)
    # A merge that finds none stores the time of the merge.
    imported_at: str = _detail("imported_at", fixed=True)
    text_sha256: str = declared(fixed=True, json="text_sha256", cli="text_sha256")
    revision_of: int | None = declared(json="revision_of", ref="articles", cli="revision_of")
    length: int = declared(column=False, cli="length")  # of the text, in code points
    claims: int = declared(column=False, cli="claims")

    def as_json(self) -> dict[str, Any]:
        """The command line's JSON of the article (its keys and order: ARTICLE_CLI_KEYS)."""
        return dict(zip(_CLI_KEYS, _cli_values(self), strict=True))


# Derived from the declaration once, at import.
ARTICLE_FIELDS = fields.names(ArticleSummary)
# The articles table also holds the text and its metadata (JSON text), which
# ArticleSummary leaves out.
ARTICLE_SUMMARY_COLUMNS = fields.columns(ArticleSummary)
ARTICLE_COLUMNS = (*ARTICLE_SUMMARY_COLUMNS, "text", "metadata")
ARTICLE_EDITABLE = tuple(fields.labels(ArticleSummary))
ARTICLE_JSON = fields.json_keys(ArticleSummary)
ARTICLE_READS = fields.json_reads(ArticleSummary)
ARTICLE_CLI_KEYS = fields.cli_keys(ArticleSummary)
_CLI_KEYS = tuple(key for _, key in ARTICLE_CLI_KEYS)
_cli_values = attrgetter(*(name for name, _ in ARTICLE_CLI_KEYS))


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
    # What the importer had to do that a person should know (stray bytes read
    # as Windows-1252, front matter fields dropped); empty for a clean read.
    notes: tuple[str, ...] = ()
    # Claims a new revision took over from the version before (their ids), so
    # a window showing the old version repaints them away.
    moved_claims: tuple[int, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "status": self.status,
            "id": self.article_id,
            "title": self.title,
            "reason": self.reason or None,
            "revision_of": self.revision_of,
            "notes": list(self.notes),
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
