"""What the HTML and Markdown reports share: cutting a text into highlighted runs.

Claims may overlap, so the text is cut at every claim boundary and each piece
knows which claims cover it; each claim's reference goes right after its end.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from annotator.exporters.collect import EvidenceUse, ExportSet
from annotator.models import Claim


@dataclass(frozen=True)
class Piece:
    text: str
    claims: tuple[int, ...]  # ids of the claims covering this piece, in start order
    ending: tuple[int, ...]  # ids of the claims that end right after it


def pieces(text: str, claims: list[Claim]) -> list[Piece]:
    placed = [
        c for c in claims if c.anchor != "orphan" and c.start is not None and c.end is not None
    ]
    cuts = {0, len(text)}
    for c in placed:
        cuts.update((max(0, min(len(text), c.start)), max(0, min(len(text), c.end))))  # type: ignore[type-var]
    bounds = sorted(cuts)
    starts: dict[int, list[Claim]] = {}
    ends: dict[int, list[int]] = {}
    for c in placed:
        starts.setdefault(c.start, []).append(c)  # type: ignore[arg-type]
        ends.setdefault(c.end, []).append(c.id)  # type: ignore[arg-type]
    active: dict[int, Claim] = {}
    result: list[Piece] = []
    for left, right in itertools.pairwise(bounds):
        for c in starts.get(left, []):
            active[c.id] = c
        for claim_id in ends.get(left, []):
            active.pop(claim_id, None)
        covering = tuple(sorted(active, key=lambda i: (active[i].start, i)))
        result.append(Piece(text[left:right], covering, tuple(ends.get(right, []))))
    return result


def by_article(data: ExportSet) -> dict[int, list[Claim]]:
    grouped: dict[int, list[Claim]] = {}
    for claim in data.claims:
        grouped.setdefault(claim.article_id, []).append(claim)
    return grouped


def evidence_label(use: EvidenceUse) -> str:
    item = use.item
    return str(item["title"] or item["citation"] or item["value"] or item["kind"])


def summary_line(data: ExportSet, articles: int) -> str:
    filters = ", ".join(f"{k}={v}" for k, v in data.filters.items()) or "all claims"
    return (
        f"{len(data.claims)} claims in {articles} articles ({filters}); exported {data.exported_at}"
    )
