"""PDF lines back into paragraphs: wrapped sentences joined, paragraphs a blank line
apart (by gaps, indents, font size, short last lines), hyphenated words made whole
only before lower case, items kept apart, page boundaries kept."""

from __future__ import annotations

import pytest

from annotator.exchange.importers import pdf
from annotator.exchange.importers.pdf_paragraphs import Line, lines_from_pieces, page_text
from tests.fixtures.builders import Placed, build_pdf, placed_content

LEFT = 72.0
BODY = 11.0
LEADING = 14.0
TOP = 760.0


def _layout(paragraphs: list[list[str]], gap: float = 0.0, indent: float = 0.0) -> list[Placed]:
    """Paragraphs of printed lines, LEADING apart, `gap` more between paragraphs,
    the first line of each indented by `indent`."""
    placed: list[Placed] = []
    y = TOP
    for paragraph in paragraphs:
        for number, text in enumerate(paragraph):
            placed.append((LEFT + (indent if number == 0 else 0.0), y, BODY, text))
            y -= LEADING
        y -= gap
    return placed


def _read(*pages: list[Placed]) -> str:
    data = build_pdf([[] for _ in pages], contents=[placed_content(p) for p in pages])
    return pdf.read(data, "report.pdf").text


STRIKE = [
    "Resident doctors in England walked out for five days in July, the",
    "third strike of the year, after talks on pay broke down without an",
    "agreement on restoring what the union calls lost earnings.",
]
OFFER = [
    "Ministers said the award of 5.4% was the highest in the public sector",
    "and that the offer on the table would not be reopened this year,",
    "whatever the ballot decides.",
]


def test_wrapped_lines_join_and_a_wider_gap_starts_a_paragraph() -> None:
    text = _read(_layout([STRIKE, OFFER], gap=8))
    assert text == " ".join(STRIKE) + "\n\n" + " ".join(OFFER)


def test_a_first_line_indent_starts_a_paragraph_when_the_spacing_is_even() -> None:
    full_last = [*STRIKE[:2], "agreement on restoring what the union calls lost earnings in full."]
    text = _read(_layout([full_last, OFFER], indent=18))
    assert text == " ".join(full_last) + "\n\n" + " ".join(OFFER)


def test_a_short_last_line_ends_its_paragraph_when_nothing_else_says() -> None:
    strike = [*STRIKE[:2], "agreement on lost earnings."]
    text = _read(_layout([strike, OFFER]))
    assert text == " ".join(strike) + "\n\n" + " ".join(OFFER)


def test_a_nearly_full_last_line_at_even_spacing_is_read_as_running_on() -> None:
    """The known limit: with nothing on the page to say so, a last line almost as
    long as the others cannot be told from a line that wraps."""
    text = _read(_layout([STRIKE, OFFER]))
    assert text == " ".join(STRIKE + OFFER)


def test_a_heading_in_a_larger_size_stands_alone() -> None:
    heading: list[Placed] = [(LEFT, TOP + 30, 16.0, "What the strike is about")]
    text = _read(heading + _layout([STRIKE]))
    assert text == "What the strike is about\n\n" + " ".join(STRIKE)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("talks on the inter-", "national comparison of pay went on", "international comparison"),
        ("the Anglo-", "Saxon model of pay bargaining was", "Anglo-Saxon model"),
        ("cases of COVID-", "19 among staff rose again in", "COVID-19 among"),
        ("the offer stands -", "ministers said so again on", "stands - ministers"),
        ("a rise in real\xad", "terms pay for the first time in", "realterms pay"),
    ],
)
def test_hyphenated_words_are_whole_only_before_lower_case(
    first: str, second: str, joined: str
) -> None:
    lines = [
        "Doctors and ministers met again on Monday to discuss the offer and",
        f"{first}",
        f"{second}",
        "years, according to the figures the union published on Tuesday.",
    ]
    # the hyphenated line is as long as the others, as a justified column has it
    lines[1] = "and agreed on a timetable for further talks including " + lines[1]
    text = _read(_layout([lines]))
    assert joined in text
    assert "\n" not in text


def test_list_items_stay_one_per_line_and_a_wrapped_item_joins() -> None:
    items = [
        "Talks on pay and conditions resumed on Monday with both sides at the table:",
        "• a rise of 5.4% for 2025-26, which the union says falls short of",
        "  inflation once exam fees are counted, and",
        "• a review of rotas and training posts before the winter.",
    ]
    text = _read(_layout([items]))
    assert text.split("\n") == [
        items[0],
        "• a rise of 5.4% for 2025-26, which the union says falls short of inflation once "
        "exam fees are counted, and",
        items[3],
    ]


def test_a_page_boundary_ends_a_paragraph_and_pages_starts_are_kept() -> None:
    data = build_pdf(
        [[], []],
        contents=[placed_content(_layout([STRIKE[:2]])), placed_content(_layout([STRIKE[2:]]))],
    )
    article = pdf.read(data, "two-pages.pdf")
    first = " ".join(STRIKE[:2])
    assert article.text == first + "\n\n" + STRIKE[2]
    assert article.metadata["page_starts"] == [0, len(first) + 2]


def test_a_paragraph_running_into_the_next_column_stays_whole() -> None:
    left = _layout([STRIKE[:2]])
    right = [(320.0, TOP, BODY, STRIKE[2]), (320.0, TOP - LEADING, BODY, OFFER[0])]
    right += [
        (320.0, TOP - 2 * LEADING, BODY, OFFER[1]),
        (320.0, TOP - 3 * LEADING, BODY, OFFER[2]),
    ]
    text = _read(left + right)
    assert text.startswith(" ".join(STRIKE) + " ")  # not broken where the column breaks


# -- the same rules without positions (text from pypdf that does not add up) ------


def test_without_positions_the_words_decide() -> None:
    lines = [Line(t) for t in [*STRIKE, "", *OFFER, "Background", *STRIKE]]
    assert page_text(lines) == "\n\n".join(
        [" ".join(STRIKE), " ".join(OFFER), "Background", " ".join(STRIKE)]
    )


def test_pieces_become_lines_placed_where_they_start() -> None:
    pieces = [
        ("Resident doctors ", 72.0, 700.0, 11.0),
        ("walked out\n", 160.0, 700.0, 11.0),
        ("again\nand again\n", 72.0, 686.0, 11.0),
    ]
    assert lines_from_pieces(pieces) == [
        Line("Resident doctors walked out", 72.0, 700.0, 11.0),
        Line("again", 72.0, 686.0, 11.0),
        Line("and again", None, None, None),
    ]


def test_blank_and_whitespace_lines_only_separate() -> None:
    assert page_text([Line("  "), Line("One line.  "), Line(""), Line("")]) == "One line."
    assert page_text([]) == ""
