"""What one service call changed, told to the views so they repaint only that."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """What one service call changed, so views refresh only what they show."""

    articles: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    speakers: bool = False
    codebook: bool = False
    evidence: bool = False
    datasets: bool = False
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            articles=self.articles | other.articles,
            claims=self.claims | other.claims,
            speakers=self.speakers or other.speakers,
            codebook=self.codebook or other.codebook,
            evidence=self.evidence or other.evidence,
            datasets=self.datasets or other.datasets,
            everything=self.everything or other.everything,
        )
