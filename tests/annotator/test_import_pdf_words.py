"""PDF words: line-end hyphens judged by a word list, sentences kept whole, AES files opened."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from annotator.errors import ImportFailure
from annotator.exchange.importers import pdf
from annotator.exchange.importers.pdf_paragraphs import Line, page_text
from annotator.text.lexicon import guess_language, word_test
from tests.conftest import FIXTURES

REPORT = FIXTURES / "report.pdf"
ENGLISH = word_test("en")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("a comparison of inter-", "national pay levels was made", "of international pay"),
        ("the union wants a long-", "term settlement of the dispute", "a long-term settlement"),
        ("and the well-", "being of patients came first", "the well-being of"),
        ("Dr Kiess-", "ling said so in her lecture", "Dr Kiessling said"),
    ],
)
def test_line_end_hyphens_are_dropped_only_inside_a_word(
    first: str, second: str, expected: str
) -> None:
    lines = [Line(first), Line(second), Line("and the talks went on for a long time after that.")]
    assert expected in page_text(lines, ENGLISH)


def test_without_a_word_list_the_old_rule_holds() -> None:
    assert "longterm" in page_text([Line("a long-"), Line("term deal")], None)


def test_language_is_guessed_from_common_words() -> None:
    assert (
        guess_language("Die Ärzte und die Regierung sind sich nicht einig über den Lohn.") == "de"
    )
    assert guess_language("The doctors and the government are at odds on pay.") == "en"
    assert guess_language("12 34 56") is None


def test_a_wider_gap_before_a_lower_case_continuation_does_not_break_the_sentence() -> None:
    lines = [
        Line("Doctors say pay has fallen by a fifth since", 72, 700, 10),
        Line("2008 and ministers dispute that figure today.", 72, 688, 10),
        Line("The offer on the table is worth", 72, 676, 10),
        # a taller gap (a superscript, a formula line), but the sentence runs on
        Line("four per cent, the department says again.", 72, 658, 10),
    ]
    text = page_text(lines, ENGLISH)
    assert "worth four per cent" in text


def _encrypted(user: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(REPORT.read_bytes())))
    writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_encrypted_pdf_with_an_empty_user_password_is_read(algorithm: str) -> None:
    plain = pdf.read(REPORT.read_bytes(), "report.pdf")
    article = pdf.read(_encrypted("", algorithm), "aes.pdf")
    assert article.text == plain.text


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_pdf_with_a_user_password_is_password_protected_not_damaged(algorithm: str) -> None:
    with pytest.raises(ImportFailure) as info:
        pdf.read(_encrypted("secret", algorithm), "locked.pdf")
    assert info.value.reason == "is a password-protected PDF"
