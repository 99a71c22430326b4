"""W3C Web Annotation (JSON-LD): one AnnotationCollection, one Annotation a claim.

Each claim targets its article's source (its URL, or urn:sha256:<hash of the
canonical text> where it has none) with a TextQuoteSelector and, unless it is
an orphan, a TextPositionSelector in code points. Bodies carry the statement
(describing), the verdict (assessing), the note (commenting), the tags
(tagging: "speaker:…", "side:…", "stance:…", "verdict:…", "topic:…") and the
evidence URLs (linking). Each link between two claims is an annotation of
its own after the claims, motivated "linking": its target the first claim's
annotation, its body the other claim's with the relation as a tag
("relation:contradicts") and the link's note as a comment.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Callable
from typing import IO, Any

from annotator.exchange.exporters.collect import ExportSet, Progress
from annotator.exchange.exporters.jsonout import Fragment, batches, dumps, object_head, write_array
from annotator.models import Claim

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def date_time(value: str | None) -> str | None:
    """An RFC 3339 date-time as the model requires; a bare date is taken as midnight UTC."""
    if not value:
        return None
    if _DATE_TIME.match(value):
        return value
    if _DATE.match(value):
        return f"{value}T00:00:00Z"
    return None


def annotation_builder(data: ExportSet, encoded: bool = False) -> Callable[[Claim], dict[str, Any]]:
    """A function from a claim to its Annotation, with the per-export lookups made once.

    It runs 100,000 times in a big export: dates are checked once per
    distinct value and evidence links listed once per claim. With `encoded`,
    the tag and verdict bodies (a few hundred distinct ones shared by every
    claim) are encoded to JSON once and reused as orjson fragments: the same
    bytes, without building six dicts per claim. Only orjson can write those.
    """
    sources = {a.id: a.source for a in data.articles.values()}
    links = {
        claim_id: [
            {"type": "SpecificResource", "purpose": "linking", "source": use.item["url"]}
            for use in uses
            if use.item["url"]
        ]
        for claim_id, uses in data.evidence.items()
    }
    dates: dict[str | None, str | None] = {}

    def when(value: str | None) -> str | None:
        found = dates.get(value, dates)
        if found is dates:
            found = dates[value] = date_time(value)
        return found  # type: ignore[return-value]

    def body(purpose: str, value: str) -> dict[str, Any]:
        return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}

    shared: dict[tuple[str, str], Any] = {}

    def tag(purpose: str, value: str) -> Any:
        if not encoded:
            return body(purpose, value)
        found = shared.get((purpose, value))
        if found is None:
            found = shared[(purpose, value)] = Fragment(dumps(body(purpose, value)))
        return found

    def build(claim: Claim) -> dict[str, Any]:
        verdict = claim.verdict
        bodies = [body("describing", claim.statement or claim.quote)]
        if verdict:
            bodies.append(tag("assessing", verdict))
        if claim.note:
            bodies.append(body("commenting", claim.note))
        if claim.speaker:
            bodies.append(tag("tagging", f"speaker:{claim.speaker}"))
        if claim.side:
            bodies.append(tag("tagging", f"side:{claim.side}"))
        if claim.stance:
            bodies.append(tag("tagging", f"stance:{claim.stance}"))
        if verdict:
            bodies.append(tag("tagging", f"verdict:{verdict}"))
        for topic in claim.topics:
            bodies.append(tag("tagging", f"topic:{topic}"))
        bodies.append(tag("tagging", f"status:{claim.status}"))
        linked = links.get(claim.id)
        if linked:
            bodies.extend(linked)
        quote = {
            "type": "TextQuoteSelector",
            "exact": claim.quote,
            "prefix": claim.prefix,
            "suffix": claim.suffix,
        }
        start, end = claim.start, claim.end
        selectors = (
            [quote, {"type": "TextPositionSelector", "start": start, "end": end}]
            if claim.anchor != "orphan" and start is not None and end is not None
            else [quote]
        )
        result: dict[str, Any] = {
            "@context": CONTEXT,
            "id": f"urn:uuid:{claim.uid}",
            "type": "Annotation",
            "motivation": "assessing" if verdict else "describing",
            "body": bodies,
            "target": {"source": sources[claim.article_id], "selector": selectors},
        }
        created, modified = when(claim.created_at), when(claim.updated_at)
        if created:
            result["created"] = created
        if modified:
            result["modified"] = modified
        if claim.created_by:
            result["creator"] = {"type": "Person", "name": claim.created_by}
        return result

    return build


LINK_NAMESPACE = uuid.UUID("6f1e1c2a-52f4-4d0e-9a43-4c2f3f0b7d11")  # stable ids for links


def link_annotations(data: ExportSet) -> list[dict[str, Any]]:
    """The links between exported claims, as linking annotations (same ids every export)."""
    claim_uid = {c.id: c.uid for c in data.claims}
    found = []
    for link in data.links:
        a, b = claim_uid.get(link["from_claim"]), claim_uid.get(link["to_claim"])
        if a is None or b is None:
            continue
        relation = link["relation"]
        bodies: list[dict[str, Any]] = [
            {"type": "SpecificResource", "purpose": "linking", "source": f"urn:uuid:{b}"},
            {
                "type": "TextualBody",
                "purpose": "tagging",
                "value": f"relation:{relation}",
                "format": "text/plain",
            },
        ]
        if link["note"]:
            bodies.append(
                {
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "value": link["note"],
                    "format": "text/plain",
                }
            )
        found.append(
            {
                "@context": CONTEXT,
                "id": f"urn:uuid:{uuid.uuid5(LINK_NAMESPACE, f'{a} {relation} {b}')}",
                "type": "Annotation",
                "motivation": "linking",
                "body": bodies,
                "target": f"urn:uuid:{a}",
            }
        )
    return found


def _collection_members(data: ExportSet, links: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the collection without "first", the page without "items"), in the file's key order."""
    collection = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": f"Claims from {data.project_name}",
        "total": len(data.claims) + links,
    }
    page = {"id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationPage", "startIndex": 0}
    return collection, page


def collection(data: ExportSet, progress: Progress) -> dict[str, Any]:
    """The whole AnnotationCollection as one dict (what write() streams out piece by piece)."""
    linking = link_annotations(data)
    head, page = _collection_members(data, len(linking))
    build = annotation_builder(data)
    items = [a for batch in batches(data.claims, build, progress) for a in batch]
    return {**head, "first": {**page, "items": items + linking}}


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    linking = link_annotations(data)
    head, page = _collection_members(data, len(linking))
    out.write(object_head(head, "first"))
    out.write(object_head(page, "items"))
    claims = batches(data.claims, annotation_builder(data, encoded=True), progress)
    write_array(out, itertools.chain(claims, [linking]))
    out.write(b"}}")
