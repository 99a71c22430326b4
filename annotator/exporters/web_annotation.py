"""W3C Web Annotation (JSON-LD): one AnnotationCollection, one Annotation a claim.

Each claim targets its article's source (its URL, or urn:sha256:<hash of the
canonical text> where it has none) with a TextQuoteSelector and, unless it is
an orphan, a TextPositionSelector in code points. Bodies carry the statement
(describing), the verdict (assessing), the note (commenting), the tags
(tagging: "speaker:…", "side:…", "stance:…", "verdict:…", "topic:…") and the
evidence URLs (linking).
"""

from __future__ import annotations

import json
import re
import uuid
from typing import IO, Any

from annotator.exporters.collect import ExportSet, Progress, ticking
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


def _text_body(purpose: str, value: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def tags(claim: Claim) -> list[str]:
    found = [
        f"{kind}:{value}"
        for kind, value in (
            ("speaker", claim.speaker),
            ("side", claim.side),
            ("stance", claim.stance),
            ("verdict", claim.verdict),
        )
        if value
    ]
    found.extend(f"topic:{t}" for t in claim.topics)
    found.append(f"status:{claim.status}")
    return found


def annotation(data: ExportSet, claim: Claim) -> dict[str, Any]:
    article = data.articles[claim.article_id]
    bodies: list[dict[str, Any]] = [_text_body("describing", claim.statement or claim.quote)]
    if claim.verdict:
        bodies.append(_text_body("assessing", claim.verdict))
    if claim.note:
        bodies.append(_text_body("commenting", claim.note))
    bodies.extend(_text_body("tagging", t) for t in tags(claim))
    for use in data.evidence.get(claim.id, ()):
        if use.item["url"]:
            bodies.append(
                {"type": "SpecificResource", "purpose": "linking", "source": use.item["url"]}
            )
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": claim.quote,
            "prefix": claim.prefix,
            "suffix": claim.suffix,
        }
    ]
    if claim.anchor != "orphan" and claim.start is not None and claim.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": claim.start, "end": claim.end})
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{claim.uid}",
        "type": "Annotation",
        "motivation": "assessing" if claim.verdict else "describing",
        "body": bodies,
        "target": {"source": article.source, "selector": selectors},
    }
    created, modified = date_time(claim.created_at), date_time(claim.updated_at)
    if created:
        result["created"] = created
    if modified:
        result["modified"] = modified
    if claim.created_by:
        result["creator"] = {"type": "Person", "name": claim.created_by}
    return result


def collection(data: ExportSet, progress: Progress) -> dict[str, Any]:
    items = []
    tick = ticking(len(data.claims), progress)
    for done, claim in enumerate(data.claims, start=1):
        items.append(annotation(data, claim))
        tick(done)
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": f"Claims from {data.project_name}",
        "total": len(items),
        "first": {
            "id": f"urn:uuid:{uuid.uuid4()}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    out.write(json.dumps(collection(data, progress), ensure_ascii=False).encode("utf-8"))
