"""Reading what the Hypothesis web annotator exports: its API rows.

Each row has the page's `uri`, `target[].selector` (TextQuoteSelector,
TextPositionSelector, RangeSelector), the comment in `text`, and `tags`. The
comment becomes the claim's note; tags work as in W3C ("side:union", or a
plain tag for a topic).
"""

from __future__ import annotations

from typing import Any

from annotator.exchange.mergers.incoming import InArticle, Incoming, MergeRefused, apply_tags
from annotator.exchange.mergers.selectors import (
    article_key,
    as_list,
    best_target,
    claim_from_selectors,
    document_links,
    sources,
    uid_for,
)

ID_PREFIX = "https://hypothes.is/a/"


def _rows(doc: Any) -> list[Any] | None:
    if isinstance(doc, dict):
        for key in ("rows", "annotations"):
            if isinstance(doc.get(key), list):
                return list(doc[key])
        return None
    return doc if isinstance(doc, list) else None


def recognise(doc: Any) -> bool:
    rows = _rows(doc)
    return (
        rows is not None
        and bool(rows)
        and all(isinstance(r, dict) and "uri" in r and "target" in r for r in rows)
    )


def read(doc: Any) -> Incoming:
    incoming = Incoming(format="hypothesis")
    rows = _rows(doc) or []
    seen: dict[str, InArticle] = {}
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise MergeRefused(f"row {index} is not an object")
        row_id = row.get("id") if isinstance(row.get("id"), str) else None
        ref = f"{ID_PREFIX}{row_id}" if row_id else f"row {index}"
        targets = as_list(row.get("target"))
        source, quote, position = best_target(targets)
        uri = row.get("uri") if isinstance(row.get("uri"), str) else None
        addresses = [a for a in (uri, source) if a] + sources(targets)
        addresses += document_links(row.get("document"))
        if quote is None and position is None:
            incoming.left_out.append((ref, "is a page note with no quote to anchor"))
            continue
        key = article_key(incoming, seen, addresses)
        fallback = f"{addresses[0] if addresses else ''}#{index}"
        claim = claim_from_selectors(
            ref, uid_for(ref if row_id else None, fallback), key, quote, position
        )
        claim.statement = claim.quote
        text = row.get("text")
        claim.note = text if isinstance(text, str) else ""
        apply_tags(claim, [t for t in as_list(row.get("tags")) if isinstance(t, str)])
        user = row.get("user")
        claim.created_by = user if isinstance(user, str) else ""
        claim.created_at = row.get("created") if isinstance(row.get("created"), str) else None
        updated = row.get("updated")
        claim.updated_at = updated if isinstance(updated, str) else claim.created_at
        incoming.claims.append(claim)
    return incoming
