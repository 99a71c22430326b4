"""PDF reports: every page's text in order; damaged, locked and scanned files refused."""

from __future__ import annotations

import io
import zlib

import pytest
from pypdf import PdfReader, PdfWriter

from annotator.errors import ImportFailure
from annotator.exchange.importers import pdf, read_file
from tests.conftest import FIXTURES
from tests.fixtures.builders import REPORT_PAGES, build_pdf

REPORT = FIXTURES / "report.pdf"


def test_report_pages_in_reading_order_with_metadata() -> None:
    article = read_file(REPORT)
    assert article.title == "Resident doctors’ pay: an evidence review"
    assert article.author == "Health Pay Monitor"
    assert article.published == "2025-07-14T09:30:00+01:00"
    assert article.source_format == "pdf"
    lines = [text for page in REPORT_PAGES for _style, text in page if text]
    positions = [article.text.index(line) for line in lines]
    assert positions == sorted(positions)  # every line, in reading order
    assert "£29,384 in 2023–24" in article.text
    assert "“Bottlenecks in training are now the main worry,”" in article.text


def test_pages_are_a_blank_line_apart_and_their_starts_recorded() -> None:
    article = read_file(REPORT)
    starts = article.metadata["page_starts"]
    assert article.metadata["pages"] == 2 and starts[0] == 0
    assert article.text[starts[1] :].startswith("Training posts")
    assert article.text[starts[1] - 2 : starts[1]] == "\n\n"


def test_placeholder_title_gives_way_to_the_first_line() -> None:
    data = build_pdf(REPORT_PAGES, title="Microsoft Word - draft3.docx", author=None)
    article = pdf.read(data, "draft.pdf")
    assert article.title == "Resident doctors’ pay: an evidence review"
    assert article.author is None


def test_truncated_pdf_is_refused() -> None:
    data = REPORT.read_bytes()
    with pytest.raises(ImportFailure, match="truncated PDF") as caught:
        pdf.read(data[: len(data) // 2], "cut.pdf")
    assert caught.value.source == "cut.pdf"


def test_garbage_after_a_pdf_header_is_a_damaged_pdf() -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    with pytest.raises(ImportFailure, match=r"damaged PDF|no pages"):
        pdf.read(data, "junk.pdf")


def test_text_file_named_pdf_is_not_a_pdf() -> None:
    with pytest.raises(ImportFailure, match="not a PDF file"):
        pdf.read(b"Strike talks resume on Monday.\n", "notes.pdf")


def test_scan_without_a_text_layer_is_refused() -> None:
    data = build_pdf([[("", "")], [("", "")]])
    with pytest.raises(ImportFailure, match="no text layer"):
        pdf.read(data, "scan.pdf")


def test_password_protected_pdf_is_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(REPORT.read_bytes())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ImportFailure, match="password-protected"):
        pdf.read(out.getvalue(), "locked.pdf")


def test_decompression_bomb_in_a_content_stream_is_refused() -> None:
    # Inflates to 80 MB of spaces, past pypdf's 75 MB output limit.
    bomb = zlib.compress(b" " * (80 * 1024 * 1024), 9)
    data = build_pdf(REPORT_PAGES, first_stream=bomb)
    with pytest.raises(ImportFailure) as caught:
        pdf.read(data, "bomb.pdf")
    assert caught.value.source == "bomb.pdf"
    assert "damaged PDF" in caught.value.reason
