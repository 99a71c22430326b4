"""Reading W3C Web Annotation JSON-LD (an AnnotationCollection, a page, one or a list).

Bodies carry what a claim says: "describing" is the statement, "commenting"
the note, "tagging" the tags ("side:union", "speaker:Wes Streeting", or a
plain tag for a topic), "assessing" the verdict.
"""

from __future__ import annotations

from typing import Any

from annotator.exchange.mergers.incoming import InArticle, Incoming, MergeRefused, apply_tags
from annotator.exchange.mergers.selectors import (
    article_key,
    as_list,
    best_target,
    claim_from_selectors,
    sources,
    uid_for,
)

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


def read(doc: Any) -> Incoming:
    incoming = Incoming(format="w3c")
    seen: dict[str, InArticle] = {}
    for index, annotation in enumerate(_items(doc)):
        if not isinstance(annotation, dict) or "Annotation" not in _types(annotation):
            raise MergeRefused(f"item {index} is not an Annotation")
        annotation_id = annotation.get("id") if isinstance(annotation.get("id"), str) else None
        ref = annotation_id or f"item {index}"
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
        creator = annotation.get("creator")
        if isinstance(creator, dict):
            creator = creator.get("name") or creator.get("nickname") or creator.get("id")
        claim.created_by = _text(creator)
        claim.created_at = _text(annotation.get("created")) or None
        claim.updated_at = _text(annotation.get("modified")) or claim.created_at
        incoming.claims.append(claim)
    return incoming
