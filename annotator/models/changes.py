"""What one service call changed, told to the views so they repaint only that."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.models.articles import ImportOutcome


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

    @staticmethod
    def of_imports(outcomes: Iterable[ImportOutcome]) -> Changes:
        """What a batch of imports changed: the new articles and revisions, the old
        versions whose claims moved to a new revision, and those claims (so a pane
        still showing the old version repaints them away)."""
        articles: set[int] = set()
        claims: set[int] = set()
        for outcome in outcomes:
            if outcome.status in ("imported", "revision") and outcome.article_id is not None:
                articles.add(outcome.article_id)
            if outcome.revision_of is not None:
                articles.add(outcome.revision_of)
            claims.update(outcome.moved_claims)
        return Changes(articles=frozenset(articles), claims=frozenset(claims))
