"""Word: notes, text boxes, nested tables and Strict files come in; comments stay out."""

from __future__ import annotations

import pytest

from annotator.errors import ImportFailure
from annotator.exchange.importers import docx, docx_xml
from tests.annotator.word_packages import (
    STRICT,
    comment_mark,
    footnote_mark,
    p,
    package,
    table,
    text_box,
)

INTRO = "Resident doctors in England walked out for five days."
CLAIM = "The union says pay has fallen by a fifth since 2008."


def test_footnotes_and_endnotes_come_as_a_notes_section_naming_their_paragraph() -> None:
    body = (
        p("Strike ends", style="Title")
        + p(INTRO)
        + p(CLAIM, after=footnote_mark(1))
        + p("Ministers dispute the figure.", after=footnote_mark(2) + footnote_mark(1, "endnote"))
    )
    data = package(
        body,
        footnotes={1: "RPI-adjusted, BMA analysis of 2024.", 2: "Department of Health, 9 July."},
        endnotes={1: "Figures rounded."},
    )
    article = docx.read(data, "notes.docx")
    blocks = article.text.split("\n\n")
    assert blocks[:4] == ["Strike ends", INTRO, CLAIM, "Ministers dispute the figure."]
    assert blocks[4:] == [
        "Notes",
        "1. (paragraph 3) RPI-adjusted, BMA analysis of 2024.",
        "2. (paragraph 4) Department of Health, 9 July.",
        "3. (paragraph 4) Figures rounded.",
    ]
    assert article.metadata["notes"][2] == {"number": 3, "kind": "endnote", "paragraph": 4}
    assert article.title == "Strike ends"


def test_text_boxes_are_read_once_not_twice() -> None:
    body = p(INTRO) + p("", after=text_box(p("Pull quote: pay fell by a fifth"))) + p(CLAIM)
    text = docx.read(package(body), "box.docx").text
    assert text.count("Pull quote: pay fell by a fifth") == 1
    assert text.split("\n\n") == [INTRO, "Pull quote: pay fell by a fifth", CLAIM]


def test_a_document_of_only_a_text_box_holds_its_text() -> None:
    body = p("", after=text_box(p("Only the box holds words."), p("Two paragraphs of them.")))
    assert docx.read(package(body), "onlybox.docx").text == (
        "Only the box holds words.\n\nTwo paragraphs of them."
    )


def test_nested_tables_arrive_inside_their_cell() -> None:
    inner = table([p("2024"), p("5.4%")], [p("2025"), p("4%")])
    body = p(INTRO) + table([p("Measure"), p("Figures")], [p("Awards by year"), p("See:") + inner])
    text = docx.read(package(body), "nested.docx").text
    assert "Measure\tFigures\nAwards by year\tSee: / 2024 / 5.4% / 2025 / 4%" in text


def test_strict_open_xml_is_read() -> None:
    data = package(p(INTRO) + p(CLAIM, after=footnote_mark(1)), ns=STRICT, footnotes={1: "BMA."})
    article = docx.read(data, "strict.docx")
    assert article.text.startswith(f"{INTRO}\n\n{CLAIM}\n\nNotes\n\n1. (paragraph 2) BMA.")
    assert article.author == "Health desk" and article.published == "2025-07-10T09:15:00+00:00"


def test_comments_stay_out() -> None:
    data = package(p(CLAIM, after=comment_mark(0)), comments={0: "Check this against ONS"})
    text = docx.read(data, "comments.docx").text
    assert text == CLAIM and "ONS" not in text


def test_deleted_revisions_and_field_codes_stay_out() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Pay fell </w:t></w:r>'
        "<w:del><w:r><w:delText>sharply </w:delText></w:r></w:del>"
        "<w:r><w:instrText> PAGEREF _Toc1 </w:instrText></w:r><w:r><w:t>by a fifth.</w:t></w:r></w:p>"
    )
    assert docx.read(package(body), "tracked.docx").text == "Pay fell by a fifth."


def test_a_document_past_the_paragraph_budget_is_refused_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(docx_xml, "MAX_PARAGRAPHS", 1_000)
    with pytest.raises(ImportFailure) as info:
        docx.read(package(p(CLAIM) * 5_000), "huge.docx")
    assert "more than 1,000 paragraphs" in info.value.reason


def test_a_document_past_the_character_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_xml, "MAX_TEXT_CHARS", 3_000_000)
    with pytest.raises(ImportFailure, match="million characters"):
        docx.read(package(p("x" * 1_000_000) * 4), "long.docx")


def test_entities_are_not_expanded() -> None:
    body = p("safe &e; text")
    data = package(body).replace(b"<w:document", b'<!DOCTYPE d [<!ENTITY e "boom">]><w:document', 1)
    try:
        text = docx.read(data, "dtd.docx").text
    except ImportFailure as exc:  # refusing the entity outright is as good
        assert "damaged Word document" in exc.reason
    else:
        assert "boom" not in text and "safe" in text
