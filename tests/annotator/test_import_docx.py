"""Word documents: paragraphs, headings, lists and tables in order; broken packages refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from annotator.errors import ImportFailure
from annotator.exchange.importers import docx, read_file
from tests.conftest import FIXTURES
from tests.fixtures.builders import BRIEFING_AUTHOR, BRIEFING_TITLE, build_docx

BRIEFING = FIXTURES / "briefing.docx"


def test_briefing_metadata_and_blocks() -> None:
    article = read_file(BRIEFING)
    assert (article.title, article.author) == (BRIEFING_TITLE, BRIEFING_AUTHOR)
    assert article.published == "2025-07-10T09:15:00+00:00"
    assert article.language == "en-GB"
    blocks = article.text.split("\n\n")
    assert blocks[0] == BRIEFING_TITLE
    assert blocks[2] == "The claims on each side"
    assert "Exam fees can cost more than £1,000 a year." in blocks
    assert "There were 30,000 applicants for 10,000 posts." in blocks


def test_table_rows_are_lines_with_tab_separated_cells() -> None:
    text = read_file(BRIEFING).text
    assert "Measure\tFigure\nReal-terms fall since 2008\t≈20%\n2025–26 award\t5.4%" in text


def test_line_break_inside_a_paragraph_is_kept_and_header_left_out() -> None:
    text = read_file(BRIEFING).text
    assert text.endswith("Talks resume next week.\nQuestions to the health desk.")
    assert "INTERNAL" not in text


def test_freshly_built_document_round_trips(tmp_path: Path) -> None:
    built = build_docx(tmp_path / "again.docx")
    assert read_file(built).text == read_file(BRIEFING).text


def test_untitled_document_takes_its_first_heading(tmp_path: Path) -> None:
    import docx as python_docx

    document = python_docx.Document()
    document.core_properties.title = ""
    document.add_paragraph("")
    document.add_heading("Ministers’ claims checked", level=1)
    document.add_paragraph("The award is 5.4%.")
    path = tmp_path / "untitled.docx"
    document.save(str(path))
    article = read_file(path)
    assert article.title == "Ministers’ claims checked"
    assert article.text == "Ministers’ claims checked\n\nThe award is 5.4%."


def test_old_binary_doc_is_refused_with_advice() -> None:
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504
    with pytest.raises(ImportFailure, match=r"old \.doc\? save it as \.docx"):
        docx.read(ole, "old.docx")


def test_truncated_docx_is_refused() -> None:
    data = BRIEFING.read_bytes()
    with pytest.raises(ImportFailure, match="damaged Word document") as caught:
        docx.read(data[: len(data) // 2], "cut.docx")
    assert caught.value.source == "cut.docx"


def test_zip_without_a_document_part_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("hello.txt", "not a Word document")
    with pytest.raises(ImportFailure, match="damaged Word document"):
        docx.read(out.getvalue(), "fake.docx")


def test_corrupt_document_xml_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(BRIEFING) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(ImportFailure, match="damaged Word document"):
        docx.read(out.getvalue(), "broken.docx")


def test_zip_bomb_is_refused_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx, "MAX_UNPACKED_BYTES", 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b" " * (2 * 1024 * 1024))
    with pytest.raises(ImportFailure, match="zip bomb"):
        docx.read(out.getvalue(), "bomb.docx")


def test_document_with_no_text_is_refused(tmp_path: Path) -> None:
    import docx as python_docx

    path = tmp_path / "blank.docx"
    python_docx.Document().save(str(path))
    with pytest.raises(ImportFailure, match="holds no text"):
        read_file(path)
