"""Reading W3C-style targets (TextQuoteSelector, TextPositionSelector) into a claim.

W3C Web Annotation and Hypothesis share the selector vocabulary, so both
readers use this one module. Positions are only a hint: the merge confirms
them against the quote.
"""

from __future__ import annotations

import uuid
from typing import Any

from annotator.exchange.mergers.incoming import BY_QUOTE, InArticle, InClaim, Incoming
from annotator.exchange.mergers.urls import url_key

UUID_URN = "urn:uuid:"


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def uid_for(annotation_id: str | None, fallback: str) -> str:
    """Our uid back from urn:uuid:..., else a stable uuid5 of the id (so a re-merge matches)."""
    if (
        annotation_id
        and annotation_id.startswith(UUID_URN)
        and annotation_id[len(UUID_URN) :].strip()
    ):
        return annotation_id[len(UUID_URN) :].strip()
    return str(uuid.uuid5(uuid.NAMESPACE_URL, annotation_id or fallback))


def text_selectors(target: Any) -> tuple[str | None, dict[str, Any] | None, dict[str, Any] | None]:
    """(source, quote selector, position selector) of one target; Nones where absent."""
    if not isinstance(target, dict):
        return (target if isinstance(target, str) else None), None, None
    source = target.get("source")
    quote = position = None
    for selector in as_list(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and isinstance(selector.get("exact"), str) and quote is None:
            quote = selector
        elif kind == "TextPositionSelector" and position is None:
            position = selector
    return (source if isinstance(source, str) else None), quote, position


def best_target(
    targets: list[Any],
) -> tuple[str | None, dict[str, Any] | None, dict[str, Any] | None]:
    """The first target with a text selector, else the first source found."""
    first_source = None
    for target in targets:
        source, quote, position = text_selectors(target)
        first_source = first_source or source
        if quote is not None or position is not None:
            return source, quote, position
    return first_source, None, None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def claim_from_selectors(
    ref: str, uid: str, source: str, quote: dict[str, Any] | None, position: dict[str, Any] | None
) -> InClaim:
    claim = InClaim(ref=ref, uid=uid, article=source, quote="")
    if quote is not None:
        claim.quote = str(quote.get("exact", ""))
        claim.prefix = str(quote.get("prefix") or "")
        claim.suffix = str(quote.get("suffix") or "")
    if position is not None:
        claim.start = _int(position.get("start"))
        claim.end = _int(position.get("end"))
    return claim


def sources(targets: list[Any]) -> list[str]:
    """Every text `source` the targets name, in order."""
    found: list[str] = []
    for target in targets:
        if isinstance(target, str):
            found.append(target)
        elif isinstance(target, dict):
            found += [s for s in as_list(target.get("source")) if isinstance(s, str)]
    return found


def document_links(document: Any) -> list[str]:
    """The page's other addresses a Hypothesis row keeps in document.link (canonical, og:url)."""
    if not isinstance(document, dict):
        return []
    links: list[str] = []
    for link in as_list(document.get("link")):
        href = link.get("href") if isinstance(link, dict) else link
        if isinstance(href, str):
            links.append(href)
    return links


SHA_URN = "urn:sha256:"


def article_key(incoming: Incoming, seen: dict[str, InArticle], addresses: list[str]) -> str:
    """The key of the article the addresses name, recorded once in incoming.articles.

    A urn:sha256 names the text itself; otherwise the first web address, keyed
    the way browsers vary it, with every other web address kept as an
    alternate to match by. No address at all: BY_QUOTE.
    """
    addresses = [a.strip() for a in addresses if a.strip()]
    if not addresses:
        return BY_QUOTE
    web = [a for a in addresses if url_key(a) is not None]
    sha = next((a for a in addresses if a.lower().startswith(SHA_URN)), None)
    key = sha or (url_key(web[0]) if web else None) or addresses[0]
    article = seen.get(key)
    if article is None:
        article = InArticle(key=key, url=web[0] if web else None)
        if sha:
            article.sha256 = sha[len(SHA_URN) :].lower()
        seen[key] = article
        incoming.articles.append(article)
    for address in web:
        if address not in article.urls:
            article.urls.append(address)
    return key
