"""What the HTML and Markdown reports share: cutting a text into highlighted runs.

Claims may overlap, so the text is cut at every claim boundary and each piece
knows which claims cover it; each claim's reference goes right after its end.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from annotator.exchange.exporters.collect import ExportSet
from annotator.models import Claim


class Piece(NamedTuple):
    """A run of text and the claims over it (a tuple, not a dataclass: reports make 200,000)."""

    text: str
    claims: tuple[int, ...]  # ids of the claims covering this piece, in start order
    ending: tuple[int, ...]  # ids of the claims that end right after it


def pieces(text: str, claims: list[Claim]) -> list[Piece]:
    placed = [
        c for c in claims if c.anchor != "orphan" and c.start is not None and c.end is not None
    ]
    apart = _one_after_another(text, placed)
    return apart if apart is not None else _swept(text, placed)


def _swept(text: str, placed: list[Claim]) -> list[Piece]:
    """The pieces of any claims, overlapping or not: cut at every boundary, sweep left to right."""
    size = len(text)
    cuts = {0, size}
    starts: dict[int, list[Claim]] = {}
    ending: dict[int, list[int]] = {}
    for c in placed:
        if c.start is None or c.end is None:  # placed claims have both; an orphan has neither
            continue
        cuts.update((max(0, min(size, c.start)), max(0, min(size, c.end))))
        starts.setdefault(c.start, []).append(c)
        ending.setdefault(c.end, []).append(c.id)
    bounds = sorted(cuts)
    ends = {position: tuple(ids) for position, ids in ending.items()}
    active: dict[int, Claim] = {}
    result: list[Piece] = []
    none: tuple[int, ...] = ()
    no_claims: list[Claim] = []
    for left, right in itertools.pairwise(bounds):
        for c in starts.get(left, no_claims):
            active[c.id] = c
        for claim_id in ends.get(left, none):
            active.pop(claim_id, None)
        if len(active) > 1:
            covering = tuple(sorted(active, key=lambda i: (active[i].start, i)))
        else:
            covering = tuple(active)
        result.append(Piece(text[left:right], covering, ends.get(right, none)))
    return result


def _one_after_another(text: str, placed: list[Claim]) -> list[Piece] | None:
    """The pieces when no two claims overlap (the usual case), in one pass; None otherwise.

    The same pieces the general cut-and-sweep in pieces() makes, at a third of the cost.
    """
    size = len(text)
    position = 0
    result: list[Piece] = []
    append = result.append
    none: tuple[int, ...] = ()
    for c in placed:
        start, end = c.start, c.end
        if start is None or end is None or start < position or not start < end <= size:
            return None
        if start > position:
            append(Piece(text[position:start], none, none))
        ids = (c.id,)
        append(Piece(text[start:end], ids, ids))
        position = end
    if position < size:
        append(Piece(text[position:], none, none))
    return result


def by_article(data: ExportSet) -> dict[int, list[Claim]]:
    grouped: dict[int, list[Claim]] = {}
    for claim in data.claims:
        grouped.setdefault(claim.article_id, []).append(claim)
    return grouped


def summary_line(data: ExportSet, articles: int) -> str:
    filters = ", ".join(f"{k}={v}" for k, v in data.filters.items()) or "all claims"
    return (
        f"{len(data.claims)} claims in {articles} articles ({filters}); exported {data.exported_at}"
    )
