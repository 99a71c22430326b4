"""The reader's display-only paragraph breaks for run-together scrapes."""

from __future__ import annotations

from importlib import resources

from annotator.articles.paragraphs import display_breaks


def test_glued_sentences_in_a_long_line_get_breaks() -> None:
    sentence = "The union says pay is a fifth lower than in 2008 once inflation is counted. "
    text = sentence * 10 + "It is over.Doctors took that as a sign." + " More words here." * 30
    breaks = display_breaks(text)
    glued = text.index("Doctors")
    assert glued in breaks
    assert all(text[b - 1] in ".!? " for b in breaks)


def test_short_lines_are_left_alone() -> None:
    assert display_breaks("Short para.Next one.\n\nAnother.") == []


def test_sample_scrape_becomes_paragraphs() -> None:
    text = (
        resources.files("resources").joinpath("samples/strike_ends_scrape.txt").read_text("utf-8")
    )
    breaks = display_breaks(text)
    assert len(breaks) >= 4
    gaps = [b - a for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    assert max(gaps) <= 1200
