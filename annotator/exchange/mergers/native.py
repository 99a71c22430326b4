"""Reading our own JSON format (docs/json-format.md) for a merge."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from annotator.exchange.exporters.native import FORMAT_NAME, FORMAT_VERSION, KIND_KEYS
from annotator.exchange.mergers.incoming import InArticle, InClaim, Incoming, MergeRefused, need
from annotator.exchange.mergers.urls import is_web_url
from annotator.models.articles import ARTICLE_READS
from annotator.models.claims import CLAIM_READS
from annotator.models.codebook import VOCAB_READS
from annotator.models.evidence import EVIDENCE_READS
from annotator.models.speakers import SPEAKER_READS

EVIDENCE_KINDS = ("url", "document", "dataset", "statistic", "article_span", "note")
EVIDENCE_RELATIONS = ("supports", "refutes", "context")
LINK_RELATIONS = ("same", "contradicts", "responds-to")
SPEAKER_KINDS = ("person", "organisation")
ANCHORS = ("exact", "fuzzy", "orphan")


def _one_of(value: Any, allowed: tuple[str, ...], where: str, optional: bool = False) -> Any:
    """The value if it is one this annotator knows, else refuse the file naming it."""
    if value is None and optional:
        return None
    if value not in allowed:
        raise MergeRefused(f"{where} should be one of {', '.join(allowed)}, not {value!r:.40}")
    return value


def recognise(doc: Any) -> bool:
    return isinstance(doc, dict) and doc.get("format") == FORMAT_NAME


def _opt_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    value: str | None = need(obj.get(key), str, f"{where}.{key}", optional=True)
    return value


def read(doc: dict[str, Any]) -> Incoming:
    version = doc.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise MergeRefused(
            f"format version {version!r} is newer than this annotator reads ({FORMAT_VERSION})"
        )
    incoming = Incoming(format="json")
    incoming.publisher = _publisher(doc.get("publisher"))
    codebook = need(doc.get("codebook", {}), dict, "codebook")
    for kind, plural in KIND_KEYS.items():
        for i, e in enumerate(need(codebook.get(plural, []), list, f"codebook.{plural}")):
            where = f"codebook.{plural}[{i}]"
            need(e, dict, where)
            # name, colour, rating, description (a merge puts a new value at the end)
            read = {key: _READS[how](e, key, where) for key, how, _, _ in VOCAB_READS}
            incoming.codebook.append({"kind": kind, **read})
    for i, s in enumerate(need(doc.get("speakers", []), list, "speakers")):
        where = f"speakers[{i}]"
        need(s, dict, where)
        for key, how, _, _ in SPEAKER_READS:  # uid and name, then the optional texts
            _READS[how](s, key, where)
        _one_of(s.get("kind", "person"), SPEAKER_KINDS, f"{where}.kind")
        for alias in need(s.get("aliases", []), list, f"{where}.aliases"):
            need(alias, str, f"{where}.aliases[]")
        for r in need(s.get("roles", []), list, f"{where}.roles"):
            need(r, dict, f"{where}.roles[]")
        incoming.speakers.append(s)
    for i, a in enumerate(need(doc.get("articles", []), list, "articles")):
        where = f"articles[{i}]"
        need(a, dict, where)
        uid = need(a.get("uid"), str, f"{where}.uid")
        text = need(a.get("text"), str, f"{where}.text")
        # title, outlet, ... as text; a url not http(s) (javascript:, file:) is None
        fields = {key: _READS[how](a, key, where) for key, how, _, _ in ARTICLE_READS}
        fields["metadata"] = need(a.get("metadata", {}), dict, f"{where}.metadata")
        incoming.articles.append(
            InArticle(
                key=uid,
                uid=uid,
                url=fields["url"],
                text=text,
                fields=fields,
                revision_of=_opt_str(a, "revision_of", where),
            )
        )
    for i, d in enumerate(need(doc.get("documents", []), list, "documents")):
        where = f"documents[{i}]"
        need(d, dict, where)
        try:
            data = base64.b64decode(
                need(d.get("data_base64"), str, f"{where}.data_base64"), validate=True
            )
        except (binascii.Error, ValueError) as exc:
            raise MergeRefused(f"{where}.data_base64 is not base64") from exc
        incoming.documents.append(
            {
                "sha256": need(d.get("sha256"), str, f"{where}.sha256"),
                "name": need(d.get("name"), str, f"{where}.name"),
                "media_type": _opt_str(d, "media_type", where),
                "size": len(data),
                "data": data,
            }
        )
    for i, d in enumerate(need(doc.get("datasets", []), list, "datasets")):
        where = f"datasets[{i}]"
        need(d, dict, where)
        need(d.get("name"), str, f"{where}.name")
        columns = need(d.get("columns"), list, f"{where}.columns")
        for c in columns:
            need(c, dict, f"{where}.columns[]")
            need(c.get("name"), str, f"{where}.columns[].name")
            if c.get("type") not in ("integer", "float", "text"):
                raise MergeRefused(f"{where}.columns[].type should be integer, float or text")
        for row in need(d.get("rows"), list, f"{where}.rows"):
            if len(need(row, list, f"{where}.rows[]")) != len(columns):
                raise MergeRefused(f"{where}.rows[] should have one value per column")
        incoming.datasets.append(d)
    for i, e in enumerate(need(doc.get("evidence", []), list, "evidence")):
        where = f"evidence[{i}]"
        need(e, dict, where)
        # uid (text), kind (one this annotator knows), url (a web address or None)
        e = {**e, **{key: _READS[how](e, key, where) for key, how, _, _ in EVIDENCE_READS}}
        incoming.evidence.append(e)
    for i, c in enumerate(need(doc.get("claims", []), list, "claims")):
        incoming.claims.append(_claim(c, f"claims[{i}]"))
    for i, link in enumerate(need(doc.get("links", []), list, "links")):
        where = f"links[{i}]"
        need(link, dict, where)
        incoming.links.append(
            {
                "from": need(link.get("from"), str, f"{where}.from"),
                "to": need(link.get("to"), str, f"{where}.to"),
                "relation": _one_of(link.get("relation"), LINK_RELATIONS, f"{where}.relation"),
                "note": _opt_str(link, "note", where) or "",
            }
        )
    return incoming


def _claim(c: Any, where: str) -> InClaim:
    need(c, dict, where)
    topics = need(c.get("topics", []), list, f"{where}.topics")
    for t in topics:
        need(t, str, f"{where}.topics[]")
    evidence = need(c.get("evidence", []), list, f"{where}.evidence")
    for e in evidence:
        need(e, dict, f"{where}.evidence[]")
        need(e.get("evidence"), str, f"{where}.evidence[].evidence")
        _one_of(e.get("relation"), EVIDENCE_RELATIONS, f"{where}.evidence[].relation", True)
    quantities = need(c.get("quantities", []), list, f"{where}.quantities")
    for q in quantities:
        need(q, dict, f"{where}.quantities[]")
    read = {key: _READS[how](c, key, where) for key, how, _, _ in CLAIM_READS}
    # A field with a value for when it is missing takes it for a blank one too.
    values = {
        into: read[key] if missing is None else read[key] or missing
        for key, _, into, missing in CLAIM_READS
    }
    return InClaim(
        ref=values["uid"], **values, evidence=list(evidence), quantities=list(quantities)
    )


def _text(c: dict[str, Any], key: str, where: str) -> str:
    value: str = need(c.get(key), str, f"{where}.{key}")
    return value


def _int_or_none(c: dict[str, Any], key: str, where: str) -> int | None:
    value: int | None = need(c.get(key), int, f"{where}.{key}", optional=True)
    return value


def _number_or_none(c: dict[str, Any], key: str, where: str) -> float | int | None:
    value: float | int | None = need(c.get(key), (int, float), f"{where}.{key}", optional=True)
    return value


def _anchor(c: dict[str, Any], key: str, where: str) -> str | None:
    value: str | None = _one_of(c.get(key), ANCHORS, f"{where}.{key}", True)
    return value


def _evidence_kind(c: dict[str, Any], key: str, where: str) -> str:
    value: str = _one_of(need(c.get(key), str, f"{where}.{key}"), EVIDENCE_KINDS, f"{where}.{key}")
    return value


def _web(c: dict[str, Any], key: str, where: str) -> str | None:
    return _web_or_none(_opt_str(c, key, where))


def _texts(c: dict[str, Any], key: str, where: str) -> list[str]:
    return list(c.get(key, []))  # checked above: a list of strings


# How each `read` of annotator.models.fields reads a claim's JSON value.
_READS: dict[str, Callable[[dict[str, Any], str, str], Any]] = {
    "text": _text,
    "text?": _opt_str,
    "int?": _int_or_none,
    "number?": _number_or_none,
    "anchor": _anchor,
    "evidence kind": _evidence_kind,
    "web": _web,
    "texts": _texts,
}


def _web_or_none(value: str | None) -> str | None:
    return value if value and is_web_url(value) else None


def _publisher(value: Any) -> dict[str, Any] | None:
    """The publisher if the file names one whose name and URL a ClaimReview can carry."""
    if value is None:
        return None
    need(value, dict, "publisher")
    name = need(value.get("name"), str, "publisher.name")
    url = _web_or_none(need(value.get("url"), str, "publisher.url"))
    logo = _web_or_none(need(value.get("logo"), str, "publisher.logo", optional=True))
    if not name.strip() or url is None:
        return None
    return {"name": name.strip(), "url": url, "logo": logo}
