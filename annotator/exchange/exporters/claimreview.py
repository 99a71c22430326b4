"""schema.org ClaimReview (JSON-LD), as Google's fact-check structured data wants it.

One review per claim with a verdict and a review URL (outcome.py leaves the
rest out, saying why): `url` is the published fact-check page, `author` the
project's publisher as an Organization, `itemReviewed` a Claim whose author is
a Person or an Organization by the speaker's kind, with where it appeared
(every article holding it: the claim's, those of the claims linked to it as
"same", and every other article in the project whose canonical text holds
its quote exactly, found by appearances.py in one pass over the texts) and
its first appearance, the earliest dated of those.

The rating scale comes from the codebook: bestRating is the highest verdict
rating, worstRating the lowest rating of 1 or more (the default codebook rates
"unproven" 0, outside the 1-6 scale). A verdict whose rating is off the scale
or missing is given by its name (alternateName) alone, as schema.org allows.
Only http(s) addresses go where a URL belongs: an article known by its text
hash alone appears by its headline and date, with no url.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from annotator.exchange.exporters.appearances import elsewhere
from annotator.exchange.exporters.collect import ArticleRow, ExportSet, Progress
from annotator.exchange.exporters.jsonout import batches, write_array
from annotator.models import Claim, Speaker

CONTEXT = "https://schema.org"
LOWEST_ON_SCALE = 1.0
SAME = "same"  # the link relation saying two claims are one claim, made twice


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def scale(data: ExportSet) -> tuple[float, float] | None:
    """(worst, best) over the codebook's verdict ratings, or None when none are rated."""
    ratings = [e.rating for e in data.vocab("verdict") if e.rating is not None]
    on_scale = [r for r in ratings if r >= LOWEST_ON_SCALE]
    if not on_scale:
        return None
    return min(on_scale), max(on_scale)


def _date(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 else value or None


def web_url(value: str | None) -> str | None:
    """The value if it is an http(s) address, else None (never a urn: or acct: where a URL goes)."""
    if value and value.lower().startswith(("http://", "https://")):
        return value
    return None


def organisation(name: str, url: str | None = None, logo: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Organization", "name": name}
    if web_url(url):
        found["url"] = url
    if web_url(logo):
        found["logo"] = {"@type": "ImageObject", "url": logo}
    return found


def speaker_as_author(speaker: Speaker) -> dict[str, Any]:
    """The claim's author typed by the speaker's kind: the BMA is an Organization."""
    if speaker.kind == "organisation":
        return organisation(speaker.name)
    author: dict[str, Any] = {"@type": "Person", "name": speaker.name}
    if speaker.role:
        author["jobTitle"] = speaker.role
    if speaker.organisation:
        author["affiliation"] = organisation(speaker.organisation)
    return author


def appearance(article: ArticleRow) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = web_url(article.url)
    if url:
        work["url"] = url
    work["headline"] = article.title
    if article.published:
        work["datePublished"] = _date(article.published)
    if article.outlet:
        work["publisher"] = organisation(article.outlet)
    if article.author:
        work["author"] = {"@type": "Person", "name": article.author}
    return work


def held_in(data: ExportSet) -> dict[int, list[int]]:
    """Claim id -> the other articles holding it: those of the claims linked to it as "same".

    Claims this format leaves out (no verdict, say) still count: their article holds the claim.
    """
    article_of = {c.id: c.article_id for c in (*data.claims, *data.left_out)}
    group: dict[int, set[int]] = {}
    for link in data.links:
        if link["relation"] != SAME:
            continue
        a, b = link["from_claim"], link["to_claim"]
        merged = group.get(a, {a}) | group.get(b, {b})
        for member in merged:
            group[member] = merged
    return {
        claim_id: [article_of[m] for m in sorted(members) if m in article_of]
        for claim_id, members in group.items()
    }


def _appearances(data: ExportSet, claim: Claim, held: dict[int, list[int]]) -> list[ArticleRow]:
    """The articles holding the claim: its own first, then the others in the order held gives."""
    pool = data.project_articles or data.articles
    ids = [claim.article_id]
    for article_id in held.get(claim.id, ()):
        if article_id not in ids and article_id in pool:
            ids.append(article_id)
    return [pool[i] for i in ids if i in pool]


def _first(articles: list[ArticleRow]) -> ArticleRow | None:
    """The earliest dated article, or None when no article's date is known."""
    dated = [a for a in articles if a.published]
    return min(dated, key=lambda a: (_date(a.published) or "", a.id)) if dated else None


def rating(data: ExportSet, claim: Claim, bounds: tuple[float, float] | None) -> dict[str, Any]:
    verdict = data.vocab_entry(claim.verdict_id)
    assert verdict is not None, "a claim's verdict is in the codebook (foreign key)"
    found: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.name}
    if bounds is not None:
        worst, best = bounds
        found["bestRating"] = _number(best)
        found["worstRating"] = _number(worst)
        if verdict.rating is not None and worst <= verdict.rating <= best:
            found["ratingValue"] = _number(verdict.rating)
    return found


def review(
    data: ExportSet,
    claim: Claim,
    bounds: tuple[float, float] | None,
    held: dict[int, list[int]] | None = None,
) -> dict[str, Any]:
    articles = _appearances(data, claim, held or {})
    item: dict[str, Any] = {"@type": "Claim"}
    speaker = data.speaker(claim.speaker_id)
    if speaker is not None:
        item["author"] = speaker_as_author(speaker)
    first = _first(articles)
    if first is not None:
        item["datePublished"] = _date(first.published)
    item["appearance"] = [appearance(a) for a in articles]
    if first is not None:
        item["firstAppearance"] = appearance(first)
    result: dict[str, Any] = {"@context": CONTEXT, "@type": "ClaimReview"}
    url = web_url(claim.review_url)
    if url:
        result["url"] = url
    result["claimReviewed"] = claim.statement or claim.quote
    result["itemReviewed"] = item
    publisher = data.publisher
    if publisher is not None:
        result["author"] = organisation(publisher.name, publisher.url, publisher.logo)
    result["reviewRating"] = rating(data, claim, bounds)
    result["datePublished"] = _date(claim.updated_at)
    return result


def reviews(data: ExportSet, progress: Progress) -> list[dict[str, Any]]:
    """Every review as one list (what write() streams out a batch at a time)."""
    return [r for batch in _batches(data, progress) for r in batch]


def _batches(data: ExportSet, progress: Progress) -> Iterator[list[dict[str, Any]]]:
    bounds = scale(data)
    held = held_in(data)
    # Then the articles printing the same words, linked or not (a reprint, a wire story).
    for claim_id, article_ids in elsewhere(
        data.claims, data.project_articles or data.articles
    ).items():
        held[claim_id] = [*held.get(claim_id, ()), *article_ids]
    return batches(
        data.claims,
        lambda claim: review(data, claim, bounds, held) if claim.verdict_id is not None else None,
        progress,
    )


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    write_array(out, _batches(data, progress))
