"""schema.org ClaimReview (JSON-LD): one review per claim that has a verdict.

The rating scale comes from the codebook: bestRating is the highest verdict
rating, worstRating the lowest rating of 1 or more (the default codebook rates
"unproven" 0, outside the 1-6 scale). A verdict whose rating is off the scale
or missing is given by its name (alternateName) alone, as schema.org allows.
A review has no page of its own here, so its url is urn:uuid:<claim uid>.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from annotator.exchange.exporters.collect import ExportSet, Progress
from annotator.exchange.exporters.jsonout import batches, write_array
from annotator.models import Claim

CONTEXT = "https://schema.org"
LOWEST_ON_SCALE = 1.0


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


def review(data: ExportSet, claim: Claim, bounds: tuple[float, float] | None) -> dict[str, Any]:
    article = data.articles[claim.article_id]
    verdict = data.vocab_entry(claim.verdict_id)
    assert verdict is not None, "a claim's verdict is in the codebook (foreign key)"
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.name}
    if bounds is not None:
        worst, best = bounds
        rating["bestRating"] = _number(best)
        rating["worstRating"] = _number(worst)
        if verdict.rating is not None and worst <= verdict.rating <= best:
            rating["ratingValue"] = _number(verdict.rating)
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": article.source,
        "headline": article.title,
    }
    if article.published:
        appearance["datePublished"] = _date(article.published)
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.author:
        appearance["author"] = {"@type": "Person", "name": article.author}
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    speaker = data.speaker(claim.speaker_id)
    if speaker is not None:
        author: dict[str, Any] = {"@type": "Person", "name": speaker.name}
        if speaker.role:
            author["jobTitle"] = speaker.role
        if speaker.organisation:
            author["affiliation"] = {"@type": "Organization", "name": speaker.organisation}
        item["author"] = author
    if article.published:
        item["datePublished"] = _date(article.published)
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"urn:uuid:{claim.uid}",
        "claimReviewed": claim.statement or claim.quote,
        "itemReviewed": item,
        "reviewRating": rating,
        "datePublished": _date(claim.updated_at),
    }
    if claim.created_by:
        result["author"] = {"@type": "Person", "name": claim.created_by}
    return result


def reviews(data: ExportSet, progress: Progress) -> list[dict[str, Any]]:
    """Every review as one list (what write() streams out a batch at a time)."""
    return [r for batch in _batches(data, progress) for r in batch]


def _batches(data: ExportSet, progress: Progress) -> Iterator[list[dict[str, Any]]]:
    bounds = scale(data)
    return batches(
        data.claims,
        lambda claim: review(data, claim, bounds) if claim.verdict_id is not None else None,
        progress,
    )


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    write_array(out, _batches(data, progress))
