"""REFI-QDA project exchange (.qdpx): a zip of project.qde (XML) and the sources.

Written from our reading of the REFI-QDA 1.0 Project schema (no PyPI package
ships the XSD): element order as the schema's sequences give it, GUIDs in the
8-4-4-4-12 form, colours as #RRGGBB. Speakers, sides, stances, verdicts and
topics become codes under one parent code each; every placed claim is a
PlainTextSelection (positions in code points of the canonical text, which is
stored as sources/<guid>.txt) coded with its tags. Orphans have no position
and are left out of the selections.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from typing import IO

from lxml import etree

from annotator.exporters.collect import GENERATOR, ExportSet, Progress, ticking
from annotator.exporters.web_annotation import date_time as _date_time
from annotator.models import Claim

NAMESPACE = "urn:QDA-XML:project:1.0"
NS = f"{{{NAMESPACE}}}"
GUID_NAMESPACE = uuid.UUID("6f1c8f4e-3c0b-4f57-9a43-2a3b1c1d6a10")
_RGB = re.compile(r"^#[0-9A-Fa-f]{6}$")
# Characters XML 1.0 cannot hold at all (a text may contain them; a description may not).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GROUPS = (
    ("speaker", "Speakers"),
    ("side", "Sides"),
    ("stance", "Stances"),
    ("verdict", "Verdicts"),
    ("topic", "Topics"),
)


def guid(*parts: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(parts)))


class Guids:
    """Fresh GUIDs for the many selections and codings: one random prefix and a counter,
    far cheaper than a uuid per element and still unique within and across files."""

    def __init__(self) -> None:
        self.prefix = str(uuid.uuid4())[:24]
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"{self.prefix}{self.count:012x}"


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


# Attributes whose values we make (GUIDs, numbers, dates): no need to clean them.
_OURS = frozenset(
    {"guid", "targetGUID", "creatingUser", "startPosition", "endPosition", "creationDateTime"}
)


def _sub(parent: etree._Element, tag: str, **attrs: str | None) -> etree._Element:
    element = etree.SubElement(parent, NS + tag)
    for key, value in attrs.items():
        if value is not None:
            element.set(key, value if key in _OURS else xml_text(value))
    return element


def _codes(root: etree._Element, data: ExportSet) -> dict[tuple[str, str], str]:
    codes = _sub(_sub(root, "CodeBook"), "Codes")
    found: dict[tuple[str, str], str] = {}
    for kind, label in GROUPS:
        parent = _sub(codes, "Code", guid=guid("group", kind), name=label, isCodable="false")
        names: list[tuple[str, str | None, str]] = (
            [(s.name, None, s.role or "") for s in data.speakers]
            if kind == "speaker"
            else [(e.name, e.colour, e.description) for e in data.vocab(kind)]
        )
        for name, colour, description in names:
            code_guid = guid("code", kind, name.casefold())
            code = _sub(
                parent,
                "Code",
                guid=code_guid,
                name=name,
                isCodable="true",
                color=colour if colour and _RGB.match(colour) else None,
            )
            if description:
                _sub(code, "Description").text = xml_text(description)
            found[(kind, name.casefold())] = code_guid
    return found


def _claim_codes(claim: Claim, codes: dict[tuple[str, str], str]) -> list[str]:
    wanted = [
        ("speaker", claim.speaker),
        ("side", claim.side),
        ("stance", claim.stance),
        ("verdict", claim.verdict),
    ]
    wanted += [("topic", t) for t in claim.topics]
    return [codes[(k, v.casefold())] for k, v in wanted if v and (k, v.casefold()) in codes]


def _description(data: ExportSet, claim: Claim) -> str:
    lines = [claim.statement]
    if claim.note:
        lines.append(f"Note: {claim.note}")
    lines.append(f"Status: {claim.status}")
    for use in data.evidence.get(claim.id, ()):
        item = use.item
        label = item["title"] or item["citation"] or item["value"] or item["kind"]
        lines.append(
            f"Evidence ({use.relation}): {label}" + (f" <{item['url']}>" if item["url"] else "")
        )
    return "\n".join(lines)


def project_xml(data: ExportSet, progress: Progress) -> tuple[bytes, dict[str, str]]:
    """(project.qde bytes, {source guid: canonical text})."""
    user = guid("user", "annotator")
    root = etree.Element(NS + "Project", nsmap={None: NAMESPACE})
    root.set("name", xml_text(data.project_name))
    root.set("origin", GENERATOR)
    root.set("creatingUserGUID", user)
    created = _date_time(data.exported_at)
    if created:
        root.set("creationDateTime", created)
    _sub(_sub(root, "Users"), "User", guid=user, name="annotator")
    codes = _codes(root, data)
    sources = _sub(root, "Sources")
    by_article: dict[int, list[Claim]] = {}
    for claim in data.claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    texts: dict[str, str] = {}
    fresh = Guids()
    tick = ticking(len(data.claims), progress)
    done = 0
    for article in data.articles.values():
        source_guid = guid("source", article.uid)
        texts[source_guid] = article.text
        source = _sub(
            sources,
            "TextSource",
            guid=source_guid,
            name=article.title,
            plainTextPath=f"internal://{source_guid}.txt",
            creatingUser=user,
            creationDateTime=_date_time(article.imported_at),
        )
        meta = " · ".join(
            v for v in (article.outlet, article.author, article.published, article.url) if v
        )
        if meta:
            _sub(source, "Description").text = xml_text(meta)
        for claim in by_article.get(article.id, []):
            done += 1
            tick(done)
            if claim.anchor == "orphan" or claim.start is None or claim.end is None:
                continue
            selection = _sub(
                source,
                "PlainTextSelection",
                guid=fresh.next(),
                name=claim.quote[:200],
                startPosition=str(claim.start),
                endPosition=str(claim.end),
                creatingUser=user,
                creationDateTime=_date_time(claim.created_at),
            )
            _sub(selection, "Description").text = xml_text(_description(data, claim))
            for code_guid in _claim_codes(claim, codes):
                coding = _sub(
                    selection,
                    "Coding",
                    guid=fresh.next(),
                    creatingUser=user,
                )
                _sub(coding, "CodeRef", targetGUID=code_guid)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True), texts


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    xml, texts = project_xml(data, progress)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for source_guid, text in texts.items():
            archive.writestr(f"sources/{source_guid}.txt", text.encode("utf-8"))
