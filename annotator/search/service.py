"""Full-text search over articles, claims and evidence (project.search).

A query is what the user typed, never FTS5 syntax: each word (or "quoted
phrase") becomes an FTS5 phrase string with its quotes doubled, so `%`, `-`,
`*`, `"` or `NEAR` can never raise a syntax error. The trigram index needs
three characters; shorter words are matched with LIKE on the same columns.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.search import visible_index
from annotator.text.visible import fold
from db.search import fts as q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

KINDS = ("claim", "article", "evidence")
# Hits of each kind on one page, in the search dock and `annotator search`
# (--limit and --offset page further): a page is what a person reads, and
# counting every hit is far cheaper than building a hit for each.
DEFAULT_LIMIT = 100
TRIGRAM = 3  # the shortest term the trigram index can match
SNIPPET_CONTEXT = 60  # characters of text shown either side of the first match
_QUOTED = re.compile(r'"([^"]*)"')
_SPAN = re.Match.span  # (start, end) of a match, called from C by map()


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims a search, a listing or an export covers; empty fields select all.

    Names (speaker, side, stance, verdict, topic) match case-insensitively;
    dates are ISO (YYYY-MM-DD) and bound the article's publication date.
    """

    article_id: int | None = None
    speaker: str | None = None
    side: str | None = None
    stance: str | None = None
    verdict: str | None = None
    topic: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}

    def is_empty(self) -> bool:
        return not self.as_dict()

    def claim_only(self) -> bool:
        """True when a filter applies to claims alone (articles cannot have a speaker)."""
        return bool(set(self.as_dict()) - {"article_id", "date_from", "date_to"})


@dataclass(frozen=True, init=False)
class SearchHit:
    """One result: what it is, where it opens, and a snippet with the matches marked."""

    kind: str  # "claim" | "article" | "evidence"
    id: int
    article_id: int | None
    claim_id: int | None
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...] = field(default=())
    rank: float = 0.0

    def __init__(
        self,
        kind: str,
        id: int,
        article_id: int | None,
        claim_id: int | None,
        title: str,
        snippet: str,
        highlights: tuple[tuple[int, int], ...] = (),
        rank: float = 0.0,
    ) -> None:
        # A page builds 100 of these a keystroke: the generated frozen __init__
        # (object.__setattr__ per field) took three times as long as these
        # stores. Still frozen: assigning a field afterwards raises.
        fields = self.__dict__
        fields["kind"] = kind
        fields["id"] = id
        fields["article_id"] = article_id
        fields["claim_id"] = claim_id
        fields["title"] = title
        fields["snippet"] = snippet
        fields["highlights"] = highlights
        fields["rank"] = rank

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "article": self.article_id,
            "claim": self.claim_id,
            "title": self.title,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }


@dataclass(frozen=True)
class SearchResult:
    """One page of hits (for each kind searched, `limit` hits from `offset` on) and the totals."""

    query: str
    hits: tuple[SearchHit, ...]
    truncated: bool  # more hits of some kind after this page
    totals: dict[str, int] = field(default_factory=dict)  # every hit of each kind searched
    offset: int = 0
    limit: int = DEFAULT_LIMIT

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "hits": [h.as_json() for h in self.hits],
            "truncated": self.truncated,
            "total": self.total,
            "totals": dict(self.totals),
            "offset": self.offset,
            "limit": self.limit,
        }


def split_terms(query: str) -> list[str]:
    """The user's words: "quoted phrases" stay whole, everything else splits on white space."""
    terms: list[str] = []
    position = 0
    for match in _QUOTED.finditer(query):
        terms.extend(query[position : match.start()].split())
        phrase = " ".join(match.group(1).split())
        if phrase:
            terms.append(phrase)
        position = match.end()
    # A lone unmatched quote is just a character of the text.
    terms.extend(query[position:].split())
    return list(dict.fromkeys(terms))


def fts_phrase(term: str) -> str:
    """A term as an FTS5 string literal: double quotes doubled, nothing else special."""
    return '"' + term.replace('"', '""') + '"'


def plan(query: str) -> tuple[str | None, list[str]]:
    """(FTS5 MATCH expression for the long terms or None, the short terms for LIKE)."""
    terms = split_terms(query)
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    short_terms = [t for t in terms if len(t) < TRIGRAM]
    match = " AND ".join(fts_phrase(t) for t in long_terms) if long_terms else None
    return match, short_terms


class Snippets:
    """Snippets for one query: its patterns compiled once, not once per hit."""

    def __init__(self, terms: list[str], context: int = SNIPPET_CONTEXT) -> None:
        longest_first = sorted(terms, key=len, reverse=True)
        self.context = context
        self.pattern = (
            re.compile("|".join(re.escape(t) for t in longest_first), re.IGNORECASE)
            if terms
            else None
        )
        self.one_term = len(terms) == 1  # then the pattern is the only anchor
        # Centre on the whole query where it occurs as typed, else on its longest word
        # (once each: a one-word query is both).
        self.anchors = [
            re.compile(re.escape(a), re.IGNORECASE)
            for a in dict.fromkeys((" ".join(terms), *longest_first))
            if a
        ]

    def __call__(self, text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """A window of text around the first match, with every match inside it marked.

        Called for every hit on a page, so it stays in C calls where it can:
        a page of 100 short claims took longer here than in the FTS5 query.
        """
        context = self.context
        normalised = len(text) < 10_000
        source = text if not normalised or _single_spaced(text) else " ".join(text.split())
        first = None
        for anchor in self.anchors:
            first = anchor.search(source)
            if first is not None:
                break
        if first is None or self.pattern is None:
            cut = source[: 2 * context].strip()
            return (" ".join(cut.split()) + ("…" if len(source) > 2 * context else ""), ())
        size = len(source)
        start = first.start() - context
        end = first.end() + context
        if start > 0 or end < size or not normalised:
            return self._cut(source, max(0, start), min(size, end))
        # The whole (short, already single-spaced) text is the window.
        if not self.one_term:
            return source, tuple(map(_SPAN, self.pattern.finditer(source)))
        # One term: its first match is the anchor's, the rest follow it (a search
        # from each match's end is what finditer does, in half the time).
        search = self.pattern.search
        marks = [first.span()]
        position = first.end()
        while (following := search(source, position)) is not None:
            marks.append(following.span())
            position = following.end()
        return source, tuple(marks)

    def _cut(self, source: str, start: int, end: int) -> tuple[str, tuple[tuple[int, int], ...]]:
        assert self.pattern is not None
        window = source[start:end].replace("\n", " ")
        lead = "…" if start > 0 else ""
        tail = "…" if end < len(source) else ""
        shift = len(lead)
        marks = tuple((a + shift, b + shift) for a, b in map(_SPAN, self.pattern.finditer(window)))
        return lead + window + tail, marks


def _single_spaced(text: str) -> bool:
    """Whether " ".join(text.split()) would return the text unchanged, cheaper than
    building it: every white space character but the ASCII space is unprintable."""
    return (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    )


def snippet(
    text: str, terms: list[str], context: int = SNIPPET_CONTEXT
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of text around the first match, with every match inside it marked."""
    return Snippets(terms, context)(text)


class SearchManager:
    def __init__(self, db: ProjectDatabase) -> None:
        self._db = db

    def search(
        self,
        query: str,
        filters: ClaimFilter | None = None,
        kinds: tuple[str, ...] = KINDS,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> SearchResult:
        """One page of hits of every kind asked for, each kind best first, claims first.

        `limit` and `offset` apply to each kind; `totals` counts every hit of each.
        """
        filters = filters or ClaimFilter()
        limit, offset = max(0, limit), max(0, offset)
        # What the user typed, as it reads: a pasted soft hyphen or a
        # decomposed accent in the query must not stop it matching.
        typed = fold(query)
        match, short_terms = plan(typed)
        terms = split_terms(typed)
        if not terms:
            return SearchResult(query, (), False, {}, offset, limit)
        db = self._db
        values = filters.as_dict()
        cut = Snippets(terms)
        folded = [t.casefold() for t in terms]
        hits: list[SearchHit] = []
        totals: dict[str, int] = {}
        if "claim" in kinds:
            totals["claim"] = q.count_claims(db, match, short_terms, values)
            claim_rows = (
                q.search_claims(db, match, short_terms, values, limit, offset) if limit else []
            )
            hits.extend(_claim_hits(claim_rows, folded, cut))
        if "article" in kinds and not filters.claim_only():
            visible = visible_index.refresh(db)
            totals["article"] = q.count_articles(db, match, short_terms, values, visible)
            rows = (
                q.search_articles(db, match, short_terms, values, limit, offset, visible)
                if limit
                else []
            )
            for r in rows:
                text, marks = cut(fold(r["text"]) if visible else r["text"])
                hits.append(
                    SearchHit("article", r["id"], r["id"], None, r["title"], text, marks, r["rank"])
                )
        if "evidence" in kinds:
            totals["evidence"] = q.count_evidence(db, match, short_terms, values)
            rows = q.search_evidence(db, match, short_terms, values, limit, offset) if limit else []
            hits.extend(_evidence_hit(r, cut) for r in rows)
        truncated = any(total > offset + limit for total in totals.values())
        return SearchResult(query, tuple(hits), truncated, totals, offset, limit)


def _claim_hits(rows: list[tuple[Any, ...]], folded: list[str], cut: Snippets) -> list[SearchHit]:
    """A hit for each row (q.CLAIM_HIT_COLUMNS), its snippet cut from the first of
    statement, quote and note that holds a term (else the statement or quote)."""
    hits = []
    only = folded[0] if len(folded) == 1 else None  # most queries are one word
    for claim_id, article_id, quote, statement, note, title, rank in rows:
        for text in (statement, quote, note):
            if text:
                folded_text = text.casefold()
                if only is not None:
                    if only in folded_text:
                        break
                elif any(t in folded_text for t in folded):
                    break
        else:
            text = statement or quote
        snippet_text, marks = cut(text)
        hits.append(
            SearchHit("claim", claim_id, article_id, claim_id, title, snippet_text, marks, rank)
        )
    return hits


def _evidence_hit(r: dict[str, Any], cut: Snippets) -> SearchHit:
    body = " — ".join(str(r[c]) for c in ("title", "citation", "quote", "note", "url") if r[c])
    text, marks = cut(body)
    return SearchHit(
        "evidence",
        r["id"],
        r["article_id"],
        r["claim_id"],
        r["title"] or r["url"] or "evidence",
        text,
        marks,
        r["rank"],
    )
