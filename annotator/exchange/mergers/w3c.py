"""Reading W3C Web Annotation JSON-LD (an AnnotationCollection, a page, one or a list).

Bodies carry what a claim says: "describing" is the statement, "commenting"
the note, "tagging" the tags ("side:union", "speaker:Wes Streeting", or a
plain tag for a topic), "assessing" the verdict. A "linking" annotation whose target and linked body
are both claims' annotations (urn:uuid:…), as our export writes a link between
two claims, becomes that link. A "replying" annotation whose target is another
annotation's id becomes a reply note on that annotation's claim, after its
comment (oldest reply first), as a Hypothesis reply does; a reply to an
annotation not in the file is left out with that reason.
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
    sources,
    uid_for,
)

LINK_RELATIONS = ("same", "contradicts", "responds-to")
ANNOTATION_TYPES = ("Annotation", "AnnotationCollection", "AnnotationPage")


def _types(obj: Any) -> list[str]:
    return (
        [t for t in as_list(obj.get("type")) if isinstance(t, str)] if isinstance(obj, dict) else []
    )


def recognise(doc: Any) -> bool:
    if isinstance(doc, dict):
        return any(t in ANNOTATION_TYPES for t in _types(doc))
    return isinstance(doc, list) and bool(doc) and all("Annotation" in _types(a) for a in doc)


def _items(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    types = _types(doc)
    if "Annotation" in types:
        return [doc]
    if "AnnotationPage" in types:
        return as_list(doc.get("items"))
    first = doc.get("first")
    if isinstance(first, dict):
        items: list[Any] = as_list(first.get("items"))
        return items
    if isinstance(first, str):
        raise MergeRefused("the collection's pages are links, not included in the file")
    return as_list(doc.get("items"))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


UUID_URN = "urn:uuid:"


def _claim_link(annotation: dict[str, Any]) -> dict[str, Any] | None:
    """{from, to, relation, note} of a link between two claims, or None if it is not one."""
    if annotation.get("motivation") != "linking":
        return None
    target = annotation.get("target")
    if isinstance(target, dict):
        target = target.get("id") or target.get("source")
    to = relation = None
    notes = []
    for body in as_list(annotation.get("body")):
        if not isinstance(body, dict):
            continue
        purpose, value = body.get("purpose"), _text(body.get("value"))
        if purpose == "linking" and isinstance(body.get("source"), str):
            to = body["source"]
        elif purpose == "tagging" and value.startswith("relation:"):
            relation = value.removeprefix("relation:").strip()
        elif purpose == "commenting" and value:
            notes.append(value)
    ends = (target, to)
    if relation is None or not all(isinstance(e, str) and e.startswith(UUID_URN) for e in ends):
        return None
    return {
        "from": str(target).removeprefix(UUID_URN),
        "to": str(to).removeprefix(UUID_URN),
        "relation": relation,
        "note": "\n\n".join(notes),
    }


def _reply_target(annotation: dict[str, Any]) -> str | None:
    """The id of the annotation a "replying" annotation answers, or None if it is not a reply."""
    if "replying" not in as_list(annotation.get("motivation")):
        return None
    for target in as_list(annotation.get("target")):
        if isinstance(target, dict):
            target = target.get("id") or target.get("source")
        if isinstance(target, str) and target:
            return target
    return ""


def _creator(annotation: dict[str, Any]) -> str:
    creator = annotation.get("creator")
    if isinstance(creator, dict):
        creator = creator.get("name") or creator.get("nickname") or creator.get("id")
    return _text(creator)


def _reply_note(annotation: dict[str, Any]) -> str:
    """ "Reply from jane (2024-03-02): text", the same line a Hypothesis reply gives."""
    created = _text(annotation.get("created"))
    when = f" ({created[:10]})" if len(created) >= 10 else ""
    texts = [
        _text(body.get("value")).strip() if isinstance(body, dict) else _text(body).strip()
        for body in as_list(annotation.get("body"))
    ]
    who = _creator(annotation).removeprefix("acct:").split("@", 1)[0] or "someone"
    return f"Reply from {who}{when}: {' '.join(t for t in texts if t)}"


def read(doc: Any) -> Incoming:
    incoming = Incoming(format="w3c")
    seen: dict[str, InArticle] = {}
    by_id: dict[str, InClaim] = {}
    replies: list[tuple[str, str, dict[str, Any]]] = []  # (ref, answered id, annotation)
    for index, annotation in enumerate(_items(doc)):
        if not isinstance(annotation, dict) or "Annotation" not in _types(annotation):
            raise MergeRefused(f"item {index} is not an Annotation")
        annotation_id = annotation.get("id") if isinstance(annotation.get("id"), str) else None
        ref = annotation_id or f"item {index}"
        answered = _reply_target(annotation)
        if answered is not None:
            replies.append((ref, answered, annotation))
            continue
        link = _claim_link(annotation)
        if link is not None:
            if link["relation"] not in LINK_RELATIONS:
                incoming.left_out.append(
                    (ref, f"links claims as {link['relation']!r:.40}, unknown")
                )
            else:
                incoming.links.append(link)
            continue
        targets = as_list(annotation.get("target"))
        source, quote, position = best_target(targets)
        if quote is None and position is None:
            incoming.left_out.append((ref, "has no TextQuoteSelector or TextPositionSelector"))
            continue
        addresses = ([source] if source else []) + sources(targets)
        if not addresses and quote is None:
            incoming.left_out.append((ref, "has no target source and no quote to find it by"))
            continue
        key = article_key(incoming, seen, addresses)
        uid = uid_for(annotation_id, f"{addresses[0] if addresses else ''}#{index}")
        claim = claim_from_selectors(ref, uid, key, quote, position)
        tags: list[str] = []
        notes: list[str] = []
        for body in as_list(annotation.get("body")):
            if isinstance(body, str):
                continue
            if not isinstance(body, dict):
                continue
            purpose = body.get("purpose")
            value = _text(body.get("value"))
            if purpose == "tagging":
                tags.append(value)
            elif purpose == "describing":
                claim.statement = value
            elif purpose == "assessing":
                claim.verdict = value or None
            elif value:
                notes.append(value)
        apply_tags(claim, tags)
        claim.note = "\n\n".join(notes)
        claim.created_by = _creator(annotation)
        claim.created_at = _text(annotation.get("created")) or None
        claim.updated_at = _text(annotation.get("modified")) or claim.created_at
        incoming.claims.append(claim)
        if annotation_id:
            by_id[annotation_id] = claim
    # A reply to a reply belongs to the thread's root, as in Hypothesis.
    reply_to = {ref: answered for ref, answered, _a in replies}
    for ref, answered, annotation in sorted(replies, key=lambda r: _text(r[2].get("created"))):
        steps = 0
        while answered in reply_to and steps < len(reply_to):
            answered, steps = reply_to[answered], steps + 1
        answered_claim = by_id.get(answered)
        if answered_claim is None:
            why = (
                f"is a reply to {answered:.80}, not in this file"
                if answered
                else "is a reply with no target"
            )
            incoming.left_out.append((ref, why))
        else:
            answered_claim.replies.append(_reply_note(annotation))
    return incoming
