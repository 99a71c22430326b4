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
from collections.abc import Callable, Iterator
from typing import IO

from lxml import etree

from annotator.exchange.exporters.collect import GENERATOR, PROGRESS_EVERY, ExportSet, Progress
from annotator.exchange.exporters.web_annotation import date_time as _date_time
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


def fresh_prefix() -> str:
    """The first 24 characters of the GUIDs of one file's selections and codings.

    Each element's GUID is this random prefix and a 12-digit hex counter: far
    cheaper than a uuid4 per element, and still unique within and across files.
    """
    return str(uuid.uuid4())[:24]


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


def _group_names(data: ExportSet) -> dict[str, list[tuple[str, str | None, str]]]:
    """Each group's codes as (name, colour, description)."""
    return {
        kind: (
            [(s.name, None, s.role or "") for s in data.speakers]
            if kind == "speaker"
            else [(e.name, e.colour, e.description) for e in data.vocab(kind)]
        )
        for kind, _label in GROUPS
    }


def code_names(groups: dict[str, list[tuple[str, str | None, str]]]) -> dict[tuple[str, str], str]:
    """(kind, case-folded name) -> the code's name in the file, unique across all groups.

    QualCoder keys codes by name alone: a speaker "Government" and a side
    "government" would become one code and a coding would be lost. A name
    found in more than one group (case ignored) is written with its group,
    "government (side)"; any other name is kept as it is.
    """
    kinds_of: dict[str, set[str]] = {}
    for kind, names in groups.items():
        for name, _colour, _description in names:
            kinds_of.setdefault(name.casefold(), set()).add(kind)
    label = dict(GROUPS)
    taken = {folded for folded, kinds in kinds_of.items() if len(kinds) == 1}
    result: dict[tuple[str, str], str] = {}
    for kind, names in groups.items():
        for name, _colour, _description in names:
            folded = name.casefold()
            if len(kinds_of[folded]) == 1:
                result[(kind, folded)] = name
                continue
            unique = f"{name} ({label[kind].lower().removesuffix('s')})"
            count = 2
            while unique.casefold() in taken:  # "government (side)" may be a name already
                unique = f"{name} ({label[kind].lower().removesuffix('s')} {count})"
                count += 1
            taken.add(unique.casefold())
            result[(kind, folded)] = unique
    return result


def _codes(root: etree._Element, data: ExportSet) -> dict[tuple[str, str], str]:
    codes = _sub(_sub(root, "CodeBook"), "Codes")
    found: dict[tuple[str, str], str] = {}
    groups = _group_names(data)
    unique = code_names(groups)
    for kind, label in GROUPS:
        parent = _sub(codes, "Code", guid=guid("group", kind), name=label, isCodable="false")
        for name, colour, description in groups[kind]:
            code_guid = guid("code", kind, name.casefold())
            code = _sub(
                parent,
                "Code",
                guid=code_guid,
                name=unique[(kind, name.casefold())],
                isCodable="true",
                color=colour if colour and _RGB.match(colour) else None,
            )
            if description:
                _sub(code, "Description").text = xml_text(description)
            found[(kind, name.casefold())] = code_guid
    return found


def _code_lookup(
    codes: dict[tuple[str, str], str],
) -> Callable[[str, str | None], str | None]:
    """(kind, name) -> the code's GUID or None, each name case-folded once, not per claim."""
    memo: dict[tuple[str, str], str | None] = {}

    def code(kind: str, name: str | None) -> str | None:
        if not name:
            return None
        key = (kind, name)
        if key not in memo:
            memo[key] = codes.get((kind, name.casefold()))
        return memo[key]

    return code


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


# -- the Sources part, written as text -----------------------------------------------
# Sources hold one selection and up to a dozen more elements per claim: over a
# million for 100,000 claims. As lxml elements they took most of the export's
# time and a gigabyte of memory, so this part is written as text, streamed, in
# exactly the form lxml's pretty printer gives (tests compare the two on
# hostile strings), escaped as libxml2 escapes.
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def attribute(value: str) -> str:
    """A value for inside double quotes: XML-safe, and white space kept as character references."""
    if _ATTR_SPECIAL.search(value) is None:
        return value
    return (
        xml_text(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def text(value: str) -> str:
    """Element content: XML-safe, a carriage return kept as a character reference."""
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return (
        xml_text(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def _attrs(pairs: tuple[tuple[str, str | None], ...]) -> str:
    return "".join(f' {k}="{attribute(v)}"' for k, v in pairs if v is not None)


def _sources(
    data: ExportSet, codes: dict[tuple[str, str], str], user: str, progress: Progress
) -> Iterator[str]:
    """The Sources element, a piece of text at a time (about PROGRESS_EVERY claims a piece)."""
    by_article: dict[int, list[Claim]] = {}
    for claim in data.claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    code = _code_lookup(codes)
    # A coding is its GUID between two fixed strings; the second (creating
    # user, code reference, closing tags) is made once per code, and the list
    # of them once per combination of tags.
    tails: dict[str, str] = {}
    combinations: dict[tuple[object, ...], list[str]] = {}

    def claim_tails(claim: Claim) -> list[str]:
        key = (claim.speaker, claim.side, claim.stance, claim.verdict, claim.topics)
        found = combinations.get(key)
        if found is None:
            wanted = [
                ("speaker", claim.speaker),
                ("side", claim.side),
                ("stance", claim.stance),
                ("verdict", claim.verdict),
                *(("topic", t) for t in claim.topics),
            ]
            found = []
            for kind, name in wanted:
                code_guid = code(kind, name)
                if code_guid is not None:
                    if code_guid not in tails:
                        tails[code_guid] = (
                            f'" creatingUser="{user}">\n'
                            f'          <CodeRef targetGUID="{code_guid}"/>\n'
                            "        </Coding>\n"
                        )
                    found.append(tails[code_guid])
            combinations[key] = found
        return found

    prefix = fresh_prefix()
    count = 0
    total = len(data.claims)
    done = 0
    dates: dict[str | None, str | None] = {}
    if not data.articles:
        yield "  <Sources/>\n"
        return
    yield "  <Sources>\n"
    for article in data.articles.values():
        source_guid = guid("source", article.uid)
        opening = "    <TextSource" + _attrs(
            (
                ("guid", source_guid),
                ("name", article.title),
                ("plainTextPath", f"internal://{source_guid}.txt"),
                ("creatingUser", user),
                ("creationDateTime", _date_time(article.imported_at)),
            )
        )
        meta = " · ".join(
            v for v in (article.outlet, article.author, article.published, article.url) if v
        )
        parts: list[str] = [opening + ">\n"]
        if meta:
            parts.append(f"      <Description>{text(meta)}</Description>\n")
        for claim in by_article.get(article.id, ()):
            done += 1
            if done % PROGRESS_EVERY == 0 or done == total:
                yield "".join(parts)
                parts.clear()
                progress(done, total)
            if claim.anchor == "orphan" or claim.start is None or claim.end is None:
                continue
            created = dates.get(claim.created_at, dates)
            if created is dates:
                created = dates[claim.created_at] = _date_time(claim.created_at)
            count += 1
            parts.append(
                f'      <PlainTextSelection guid="{prefix}{count:012x}" name="{attribute(claim.quote[:200])}"'
                f' startPosition="{claim.start}" endPosition="{claim.end}" creatingUser="{user}"'
                + (f' creationDateTime="{created}"' if created else "")
                + f">\n        <Description>{text(_description(data, claim))}</Description>\n"
            )
            for tail in claim_tails(claim):
                count += 1
                parts.append(f'        <Coding guid="{prefix}{count:012x}{tail}')
            parts.append("      </PlainTextSelection>\n")
        if len(parts) == 1:  # nothing inside: lxml writes an empty element
            parts[0] = opening + "/>\n"
        else:
            parts.append("    </TextSource>\n")
        yield "".join(parts)
    yield "  </Sources>\n"


def _head(data: ExportSet, user: str) -> tuple[str, dict[tuple[str, str], str]]:
    """The document up to the Sources (users and codebook: small, built with lxml), and the codes."""
    # the default namespace is keyed None in lxml; its stubs only allow str keys
    root = etree.Element(NS + "Project", nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    root.set("name", xml_text(data.project_name))
    root.set("origin", GENERATOR)
    root.set("creatingUserGUID", user)
    created = _date_time(data.exported_at)
    if created:
        root.set("creationDateTime", created)
    _sub(_sub(root, "Users"), "User", guid=user, name="annotator")
    codes = _codes(root, data)
    _sub(root, "Sources")
    whole = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    head, sources, tail = whole.decode("utf-8").rpartition("  <Sources/>\n")
    assert sources and tail == "</Project>\n", "lxml's pretty printer changed its layout"
    return head, codes


def project_xml(data: ExportSet, progress: Progress) -> tuple[bytes, dict[str, str]]:
    """(project.qde bytes, {source guid: canonical text}), whole (write() streams them instead)."""
    user = guid("user", "annotator")
    head, codes = _head(data, user)
    body = "".join(_sources(data, codes, user, progress))
    return (head + body + "</Project>\n").encode("utf-8"), _texts(data)


def _texts(data: ExportSet) -> dict[str, str]:
    return {guid("source", a.uid): a.text for a in data.articles.values()}


def write(data: ExportSet, out: IO[bytes], progress: Progress) -> None:
    user = guid("user", "annotator")
    head, codes = _head(data, user)
    # Level 1 deflates several times faster than the default 6, for a file a
    # fifth larger: the right trade for an exchange file written while the user waits.
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("project.qde", "w") as stream:
            stream.write(head.encode("utf-8"))
            for piece in _sources(data, codes, user, progress):
                stream.write(piece.encode("utf-8"))
            stream.write(b"</Project>\n")
        for source_guid, source_text in _texts(data).items():
            archive.writestr(f"sources/{source_guid}.txt", source_text.encode("utf-8"))
