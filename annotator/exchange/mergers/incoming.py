"""What a merge file says, in one shape whatever format it came in.

Readers turn our JSON, W3C Web Annotation and Hypothesis exports into these
plain values; the merge then never needs to know which format it read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.errors import AnnotatorError

# The article key of a claim whose row names no page: matched by its quote.
BY_QUOTE = ""

# A tag like "side:union" says which codebook kind it belongs to.
TAG_KINDS = ("speaker", "side", "stance", "verdict", "topic", "status")


class MergeRefused(AnnotatorError):
    """The whole file is refused (not JSON, another shape, too big); nothing was merged."""


@dataclass
class InArticle:
    key: str  # how claims in the file refer to it (a uid, a URL or a urn:sha256)
    uid: str | None = None
    url: str | None = None
    urls: list[str] = field(default_factory=list)  # other addresses of the same page
    sha256: str | None = None
    text: str | None = None  # only our own format carries the text
    fields: dict[str, Any] = field(default_factory=dict)  # title, outlet, ... for a new article
    revision_of: str | None = None  # uid


@dataclass
class InClaim:
    ref: str  # how the report names it (uid or annotation id)
    uid: str
    article: str  # InArticle.key
    quote: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    statement: str = ""
    speaker_uid: str | None = None
    speaker: str | None = None  # a name, when the format has no speaker records
    side: str | None = None
    stance: str | None = None
    verdict: str | None = None
    topics: list[str] = field(default_factory=list)
    status: str = "to check"
    note: str = ""
    created_by: str = ""
    created_at: str | None = None
    updated_at: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)  # {evidence uid, relation, note}
    quantities: list[dict[str, Any]] = field(default_factory=list)
    review_url: str | None = None  # the published fact-check page (http(s) only)
    # What our own JSON says of the anchor: an orphan stays one (its words were lost,
    # to review; never re-guessed), a fuzzy claim keeps the quote as first marked.
    anchor: str | None = None
    original_quote: str | None = None
    replies: list[str] = field(default_factory=list)  # replies to the annotation, as note lines


@dataclass
class Incoming:
    format: str
    codebook: list[dict[str, Any]] = field(default_factory=list)  # kind, name, colour, rating, ...
    speakers: list[dict[str, Any]] = field(default_factory=list)
    articles: list[InArticle] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    datasets: list[dict[str, Any]] = field(default_factory=list)  # name, columns, rows, ...
    evidence: list[dict[str, Any]] = field(default_factory=list)
    claims: list[InClaim] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)  # from uid, to uid, relation, note
    publisher: dict[str, Any] | None = None  # name, url, logo: kept when the project has none
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (ref, reason) found on reading


def split_tag(tag: str) -> tuple[str, str]:
    """("side", "union") for "side:union"; a plain tag is a topic."""
    head, sep, rest = tag.partition(":")
    if sep and head.strip().casefold() in TAG_KINDS and rest.strip():
        return head.strip().casefold(), rest.strip()
    return "topic", tag.strip()


def apply_tags(claim: InClaim, tags: list[str]) -> None:
    for tag in tags:
        kind, value = split_tag(tag)
        if not value:
            continue
        if kind == "topic":
            if value not in claim.topics:
                claim.topics.append(value)
        else:
            setattr(claim, kind, value)


# -- checking shapes ---------------------------------------------------------------
def need(value: Any, kind: type | tuple[type, ...], where: str, optional: bool = False) -> Any:
    """The value if it has the type a well-formed file gives it, else refuse the file."""
    if value is None and optional:
        return None
    if isinstance(value, bool) and kind in (int, (int, float)):
        raise MergeRefused(f"{where} should be a number, not true/false")
    if not isinstance(value, kind):
        names = {str: "text", int: "a whole number", list: "a list", dict: "an object"}
        wanted = names.get(kind, str(kind)) if isinstance(kind, type) else "a number"
        raise MergeRefused(f"{where} should be {wanted}")
    return value
