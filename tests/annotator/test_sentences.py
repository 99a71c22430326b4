"""Sentence and clause boundaries for the reader's selection keys, on news text."""

from __future__ import annotations

from annotator.text.sentences import clause_at, extend, sentence_at

TEXT = (
    'Pay fell by 2.5% since 2008, the BMA said. Dr. Smith disagreed: "It rose by £1.2bn." '
    "Then J. Bloggs spoke!\n\nA new paragraph, with a clause; and more"
)


def _at(word: str) -> int:
    return TEXT.index(word)


def _said(span: tuple[int, int]) -> str:
    return TEXT[span[0] : span[1]]


def test_a_sentence_ignores_decimals_abbreviations_and_initials() -> None:
    assert _said(sentence_at(TEXT, _at("2.5"))) == "Pay fell by 2.5% since 2008, the BMA said."
    assert _said(sentence_at(TEXT, _at("Smith"))) == 'Dr. Smith disagreed: "It rose by £1.2bn."'
    assert _said(sentence_at(TEXT, _at("Bloggs"))) == "Then J. Bloggs spoke!"


def test_the_last_sentence_needs_no_full_stop_and_a_gap_gives_the_next() -> None:
    assert _said(sentence_at(TEXT, len(TEXT))) == "A new paragraph, with a clause; and more"
    assert _said(sentence_at(TEXT, _at("\n\n") + 1)) == "A new paragraph, with a clause; and more"
    assert _said(sentence_at(TEXT, _at(" Dr."))) == 'Dr. Smith disagreed: "It rose by £1.2bn."'


def test_a_clause_stops_at_commas_colons_and_semicolons_without_them() -> None:
    assert _said(clause_at(TEXT, _at("fell"))) == "Pay fell by 2.5% since 2008"
    assert _said(clause_at(TEXT, _at("BMA"))) == "the BMA said."
    assert _said(clause_at(TEXT, _at("Smith"))) == "Dr. Smith disagreed"
    assert _said(clause_at(TEXT, _at("more"))) == "and more"


def test_extend_grows_by_the_next_unit_and_stops_at_the_end() -> None:
    span = clause_at(TEXT, 0)
    span = extend(TEXT, *span, by="clause")
    assert _said(span) == "Pay fell by 2.5% since 2008, the BMA said."
    span = extend(TEXT, *span, by="sentence")
    assert _said(span).endswith('"It rose by £1.2bn."')
    span = extend(TEXT, *span, by="sentence")
    span = extend(TEXT, *span, by="sentence")
    assert _said(span).endswith("and more")
    assert extend(TEXT, *span, by="sentence") == span  # nothing after the last
    # A hand-made selection mid-word becomes whole units.
    assert _said(extend(TEXT, _at("ell"), _at("ell") + 2, "sentence")).startswith("Pay fell")


def test_hostile_text_never_fails() -> None:
    for text in ("", " ", "\n\n\n", "...", "a", "😀.😀", "Dr.", "e.g. x", "x" * 10_000):
        for position in range(-1, min(len(text), 50) + 2):
            start, end = sentence_at(text, position)
            assert 0 <= start <= end <= len(text)
            start, end = clause_at(text, position)
            assert 0 <= start <= end <= len(text)
            assert extend(text, start, end, "clause")[1] <= len(text)
