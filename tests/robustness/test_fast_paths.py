"""The speed-ups behave exactly as the plain versions they replaced.

The paragraph breaks, the UTF-16 map and the quote check were rewritten to
avoid per-character Python work on a megabyte; each is checked here against a
straightforward reference on random and hostile text.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.articles.paragraphs import (
    MIN_PARAGRAPH_CHARS,
    RUN_TOGETHER_LINE_CHARS,
    SOFT_PARAGRAPH_CHARS,
    display_breaks,
)
from annotator.models import ImportedArticle
from annotator.project import Project
from ui.reader.offsets import TextMap

# The original definitions: a look-behind tried at every position.
_REF_GLUED = re.compile(r"(?<=[a-z0-9\)\]][.!?])(?=[A-Z\"“‘])|(?<=[.!?][\"”’])(?=[A-Z])")
_REF_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)][.!?]) (?=[A-Z\"“])")


def _reference_breaks(text: str) -> list[int]:
    breaks: list[int] = []
    line_start = 0
    for line in text.split("\n"):
        if len(line) > RUN_TOGETHER_LINE_CHARS:
            hard: list[int] = []
            for m in _REF_GLUED.finditer(line):
                if m.start() - (hard[-1] if hard else 0) >= MIN_PARAGRAPH_CHARS:
                    hard.append(m.start())
            soft = [m.end() for m in _REF_SENTENCE_END.finditer(line)]
            result: list[int] = []
            for left, right in itertools.pairwise([0, *hard, len(line)]):
                last = left
                for position in soft:
                    if (
                        left < position < right
                        and position - last >= SOFT_PARAGRAPH_CHARS
                        and right - position >= MIN_PARAGRAPH_CHARS
                    ):
                        result.append(position)
                        last = position
                if right != len(line):
                    result.append(right)
            breaks.extend(line_start + p for p in sorted(set(result)))
        line_start += len(line) + 1
    return breaks


# Pieces that make sentence ends, glued ends, quotes and capitals likely.
PIECES = st.sampled_from(
    [
        "pay fell",
        "Doctors",
        "a.",
        "b!",
        "9?",
        ").",
        "].",
        '."',
        "”",
        "’",
        '"',
        "“",
        "‘",
        " ",
        "  ",
        "The",
        "X",
        "over.Doctors",
        'said."The',
        "now?Why",
        'a."B',
        "😀",
        "\n",
        "é",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, min_size=50, max_size=600))
def test_paragraph_breaks_match_the_reference(pieces: list[str]) -> None:
    text = "".join(pieces)
    # Long lines are where breaks happen: repeat until some line is long.
    text = (text.replace("\n", " ") + " ") * (
        RUN_TOGETHER_LINE_CHARS // max(len(text), 1) + 2
    ) + text
    assert display_breaks(text) == _reference_breaks(text)


def test_overlapping_glued_ends_both_break() -> None:
    filler = "word " * 20
    line = (filler + 'it ended a."But then ' + filler + 'x."Y ' + filler) * 10
    assert display_breaks(line) and display_breaks(line) == _reference_breaks(line)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é😀𝑥\u00a0\n"), max_size=300))
def test_text_map_counts_utf16_units_like_an_encoder(text: str) -> None:
    tmap = TextMap(text)
    for cp in range(len(text) + 1):
        assert tmap.utf16_of(cp) == len(text[:cp].encode("utf-16-le")) // 2


def test_check_flags_a_claim_whose_offsets_leave_the_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Project.open(tmp_path / "p.sqlite") as project:
        article_id = project.articles.add(
            ImportedArticle(
                text="Pay fell by a fifth 😀 since 2008.", title="t", source_format="txt"
            )
        ).article_id
        assert article_id is not None
        claim = project.claims.mark_quote(article_id, "since 2008")
        assert project.check() == []
        # Damage the file the way a foreign tool could: offsets past the end.
        project.db.execute('UPDATE claims SET start = 40, "end" = 50 WHERE id = ?', [claim.id])
        project.db.conn.commit()
        problems = project.check()
    assert len(problems) == 1 and f"claim {claim.id}" in problems[0]
