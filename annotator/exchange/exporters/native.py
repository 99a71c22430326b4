"""Our own JSON format (docs/json-format.md): lossless, so a merge rebuilds the claim set.

Everything is referred to by uid or by name, never by database id, because ids
differ between project files and uids do not.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from operator import attrgetter
from typing import IO, Any

from annotator.exchange.exporters.collect import ExportSet, Progress
from annotator.exchange.exporters.jsonout import batches, dumps, object_head, write_array
from annotator.models import Claim, Speaker
from annotator.models.articles import ARTICLE_JSON
from annotator.models.claims import CLAIM_JSON
from annotator.models.codebook import VOCAB_JSON
from annotator.models.evidence import EVIDENCE_JSON
from annotator.models.figures import QUANTITY_JSON
from annotator.models.speakers import ROLE_JSON, SPEAKER_JSON

FORMAT_NAME = "factcheck-annotator/claims"
FORMAT_VERSION = 1
KIND_KEYS = {"side": "sides", "stance": "stances", "verdict": "verdicts", "topic": "topics"}
# The joined key of an evidence row that holds what the JSON names a record by.
EVIDENCE_REF_KEYS = {
    "articles": "article_uid",
    "documents": "document_sha256",
    "datasets": "dataset_name",
}


def members(data: ExportSet) -> dict[str, Any]:
    """Everything before the claims, in the order the file holds it."""
    article_uid = {a.id: a.uid for a in data.articles.values()}
    codebook = {
        plural: [{key: getattr(e, name) for name, key, _ in VOCAB_JSON} for e in data.vocab(kind)]
        for kind, plural in KIND_KEYS.items()
    }
    speakers = [_speaker(s) for s in data.speakers]
    articles = []
    for a in data.articles.values():
        # The declared fields of ArticleSummary in their order (another article by its
        # uid), then the metadata and the text.
        record = {key: getattr(a, name) for name, key, _ in ARTICLE_JSON}
        for _, key, ref in ARTICLE_JSON:
            if ref:
                record[key] = article_uid.get(record[key]) if record[key] else None
        record["metadata"] = json.loads(a.metadata or "{}")
        record["text"] = a.text
        articles.append(record)
    documents = [
        {
            "sha256": d["sha256"],
            "name": d["name"],
            "media_type": d["media_type"],
            "size": d["size"],
            "data_base64": base64.b64encode(d["data"]).decode("ascii"),
        }
        for d in data.documents
    ]
    evidence = [_evidence(e) for e in data.evidence_items]
    datasets = [
        {
            "name": d["dataset"].name,
            "source_name": d["dataset"].source_name,
            "imported_at": d["dataset"].imported_at,
            "encoding": d["dataset"].encoding,
            "delimiter": d["dataset"].delimiter,
            "columns": [{"name": c.name, "type": c.type} for c in d["dataset"].columns],
            "rows": [list(r[1:]) for r in d["rows"]],
        }
        for d in data.datasets
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generator": "factcheck-annotator",
        "project": data.project_name,
        "exported_at": data.exported_at,
        "filters": data.filters,
        "publisher": data.publisher.as_json() if data.publisher is not None else None,
        "codebook": codebook,
        "speakers": speakers,
        "articles": articles,
        "documents": documents,
        "datasets": datasets,
        "evidence": evidence,
    }


# A claim's JSON object: the declared fields of Claim in their order (the
# article and speaker by uid), then its evidence and figures.
_KEYS = tuple(key for _, key, _ in CLAIM_JSON)
_values = attrgetter(*(name for name, _, _ in CLAIM_JSON))


_SPEAKER_KEYS = tuple(key for _, key, _ in SPEAKER_JSON)
_speaker_values = attrgetter(*(name for name, _, _ in SPEAKER_JSON))
_ROLE_KEYS = tuple(key for _, key, _ in ROLE_JSON)
_role_values = attrgetter(*(name for name, _, _ in ROLE_JSON))


def _speaker(s: Speaker) -> dict[str, Any]:
    """A speaker's JSON object: the declared fields of Speaker (and of each of its
    roles, SpeakerRole's) in their order."""
    record = dict(zip(_SPEAKER_KEYS, _speaker_values(s), strict=True))
    record["aliases"] = list(s.aliases)
    record["roles"] = [dict(zip(_ROLE_KEYS, _role_values(r), strict=True)) for r in s.roles]
    return record


def _evidence(e: dict[str, Any]) -> dict[str, Any]:
    """An evidence item's JSON object from its row: the declared fields of Evidence in
    their order, another record named by its uid, hash or name, JSON text decoded."""
    record: dict[str, Any] = {}
    for c in EVIDENCE_JSON:
        if c.ref:
            record[c.key] = e[EVIDENCE_REF_KEYS[c.ref]]
        elif c.coded:
            record[c.key] = json.loads(e.get(c.column) or "[]")
        else:
            record[c.key] = e[c.column]
    return record


def claim_builder(data: ExportSet) -> Callable[[Claim], dict[str, Any]]:
    """A function from a claim to its JSON object, with the lookups it needs made once."""
    article_uid = {a.id: a.uid for a in data.articles.values()}
    speaker_uid = {s.id: s.uid for s in data.speakers}
    evidence = {
        claim_id: [
            {"evidence": u.item["uid"], "relation": u.relation, "note": u.note} for u in uses
        ]
        for claim_id, uses in data.evidence.items()
    }
    quantities = {
        claim_id: [{c.key: q[c.column] for c in QUANTITY_JSON} for q in rows]
        for claim_id, rows in data.quantities.items()
    }
    none: tuple[()] = ()  # shared by the claims without evidence or quantities: never mutated

    uid_of: dict[str, Callable[[Any], Any]] = {
        "articles": article_uid.__getitem__,
        "speakers": lambda speaker_id: speaker_uid.get(speaker_id) if speaker_id else None,
    }
    refs = tuple((key, uid_of[ref]) for _, key, ref in CLAIM_JSON if ref)
    evidence_of, quantities_of = evidence.get, quantities.get

    def build(c: Claim) -> dict[str, Any]:
        record = dict(zip(_KEYS, _values(c), strict=False))
        for key, to_uid in refs:
            record[key] = to_uid(record[key])
        record["evidence"] = evidence_of(c.id, none)
        record["quantities"] = quantities_of(c.id, none)
        return record

    return build


def links(data: ExportSet) -> list[dict[str, Any]]:
    claim_uid = {c.id: c.uid for c in data.claims}
    return [
        {
            "from": claim_uid[r["from_claim"]],
            "to": claim_uid[r["to_claim"]],
            "relation": r["relation"],
            "note": r["note"],
        }
        for r in data.links
    ]


def document(data: ExportSet, progress: Progress) -> dict[str, Any]:
    """The whole export as one JSON-ready dict (what write() streams out piece by piece)."""
    build = claim_builder(data)
    claims = [c for batch in batches(data.claims, build, progress) for c in batch]
    return {**members(data), "claims": claims, "links": links(data)}


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    out.write(object_head(members(data), "claims"))
    write_array(out, batches(data.claims, claim_builder(data), progress))
    out.write(b',"links":')
    out.write(dumps(links(data)))
    out.write(b"}")
