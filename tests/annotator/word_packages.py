"""Small Word packages written part by part, shaped like what Word itself saves.

python-docx cannot write footnotes, text boxes or Strict Open XML, so these
tests build the package's XML directly: a document part, optional notes and
comments parts, and the relationships that tie them together.
"""

from __future__ import annotations

import io
import zipfile

TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL_TYPES = {
    TRANSITIONAL: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    STRICT: "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def p(text: str, style: str | None = None, after: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{after}</w:p>'


def footnote_mark(note_id: int, kind: str = "footnote") -> str:
    return f'<w:r><w:{kind}Reference w:id="{note_id}"/></w:r>'


def comment_mark(comment_id: int) -> str:
    return f'<w:r><w:commentReference w:id="{comment_id}"/></w:r>'


def text_box(*paragraphs: str) -> str:
    """A text box as Word 2010+ saves it: the shape, and a VML fallback repeating the text."""
    inner = "".join(paragraphs)
    return (
        f'<w:r><mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="wps">'
        f'<w:drawing><wps:wsp xmlns:wps="{_WPS}"><wps:txbx><w:txbxContent>{inner}'
        "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        f"<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def table(*rows: list[str]) -> str:
    """Rows of cells; a cell is raw XML (paragraphs, or a nested table)."""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


def notes_part(kind: str, notes: dict[int, str], ns: str = TRANSITIONAL) -> str:
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
    )
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}'
        f"</w:t></w:r></w:p></w:{kind}>"
        for i, text in notes.items()
    )
    return f'<w:{kind}s xmlns:w="{ns}">{separators}{body}</w:{kind}s>'


def package(
    body: str,
    ns: str = TRANSITIONAL,
    footnotes: dict[int, str] | None = None,
    endnotes: dict[int, str] | None = None,
    comments: dict[int, str] | None = None,
    title: str = "",
) -> bytes:
    rel = _REL_TYPES[ns]
    parts: dict[str, str] = {
        "word/document.xml": f'<w:document xmlns:w="{ns}"><w:body>{body}<w:sectPr/></w:body></w:document>',
    }
    doc_rels: list[tuple[str, str]] = []
    if footnotes:
        parts["word/footnotes.xml"] = notes_part("footnote", footnotes, ns)
        doc_rels.append(("footnotes", "footnotes.xml"))
    if endnotes:
        parts["word/endnotes.xml"] = notes_part("endnote", endnotes, ns)
        doc_rels.append(("endnotes", "endnotes.xml"))
    if comments:
        parts["word/comments.xml"] = (
            f'<w:comments xmlns:w="{ns}">'
            + "".join(
                f'<w:comment w:id="{i}" w:author="Ed"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:comment>'
                for i, t in comments.items()
            )
            + "</w:comments>"
        )
        doc_rels.append(("comments", "comments.xml"))
    core_rel = (
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    )
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
        f'<Relationship Id="rId2" Type="{core_rel}" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{rel}/{role}" Target="{target}"/>'
            for i, (role, target) in enumerate(doc_rels, start=10)
        )
        + "</Relationships>"
    )
    parts["docProps/core.xml"] = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{title}</dc:title><dc:creator>Health desk</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "2025-07-10T09:15:00Z</dcterms:created></cp:coreProperties>"
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("[Content_Types].xml", *sorted(set(parts) - {"[Content_Types].xml"})):
            archive.writestr(name, parts[name])
    return buffer.getvalue()
