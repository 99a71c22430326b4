"""Reading what the Hypothesis web annotator exports: its API rows.

Each row has the page's `uri`, `target[].selector` (TextQuoteSelector,
TextPositionSelector, RangeSelector), the comment in `text`, and `tags`. The
comment becomes the claim's note; tags work as in W3C ("side:union", or a
plain tag for a topic). A reply names the annotations it answers in
`references` (the thread's root first) and has no selector: it becomes a reply
note on the root's claim, after its comment, not a claim of its own.
"""

from __future__ import annotations

from typing import Any

from annotator.exchange.mergers.incoming import (
    InArticle,
    InClaim,
    Incoming,
    MergeRefused,
    apply_tags,
)
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


def _references(row: dict[str, Any]) -> list[str]:
    return [r for r in as_list(row.get("references")) if isinstance(r, str) and r]


def _user(value: Any) -> str:
    """ "jane" from "acct:jane@hypothes.is": the name a reader knows, not the account URI."""
    if not isinstance(value, str):
        return "someone"
    name = value.removeprefix("acct:")
    return name.split("@", 1)[0] or name


def reply_note(row: dict[str, Any]) -> str:
    created = row.get("created")
    when = f" ({created[:10]})" if isinstance(created, str) and len(created) >= 10 else ""
    raw = row.get("text")
    text = raw if isinstance(raw, str) else ""
    return f"Reply from {_user(row.get('user'))}{when}: {text.strip()}"


def read(doc: Any) -> Incoming:
    incoming = Incoming(format="hypothesis")
    rows = _rows(doc) or []
    seen: dict[str, InArticle] = {}
    by_row_id: dict[str, InClaim] = {}
    replies: list[tuple[str, str, dict[str, Any]]] = []  # (ref, root id, row)
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise MergeRefused(f"row {index} is not an object")
        row_id = row.get("id") if isinstance(row.get("id"), str) else None
        ref = f"{ID_PREFIX}{row_id}" if row_id else f"row {index}"
        references = _references(row)
        if references:
            replies.append((ref, references[0], row))
            continue
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
        if row_id:
            by_row_id[row_id] = claim
    for ref, root, row in sorted(replies, key=lambda r: str(r[2].get("created") or "")):
        answered = by_row_id.get(root)
        if answered is None:
            incoming.left_out.append((ref, f"is a reply to {ID_PREFIX}{root}, not in this file"))
        else:
            answered.replies.append(reply_note(row))
    return incoming
