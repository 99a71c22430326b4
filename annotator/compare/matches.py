"""Suggested matches between claims (project.matches), confirmed as `same` links.

Scores come from annotator.compare.matching over the claims' statements and their
stored figures (so a checker's corrections to a figure sharpen matching).
Only claims in different articles are paired, and pairs already linked in
any way are not suggested again. A cheap word-set prefilter in C (rapidfuzz)
keeps a claim against thousands of others fast; only survivors are scored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from annotator.compare.matching import normalise, score
from annotator.figures.service import claim_text, quantity_from_row
from annotator.models import ClaimLink, Quantity
from db import figures as quantities_q

if TYPE_CHECKING:
    from annotator.claims.links import LinkManager
    from annotator.claims.service import ClaimManager
    from annotator.figures.service import QuantityManager
    from db.projectfile.connection import ProjectDatabase

# Word-set similarity below this never reaches THRESHOLD on the labelled pairs
# (the lowest true match there has 33), so such candidates are not scored at all.
PREFILTER = 25.0
SAME = "same"
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass(frozen=True)
class Suggestion:
    """Claim `claim_id` probably states the same thing as `other_id` (another article)."""

    claim_id: int
    other_id: int
    score: float
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"claim": self.claim_id, "other": self.other_id, "score": self.score,
                "reasons": list(self.reasons)}  # fmt: skip


@dataclass(frozen=True)
class _Entry:
    claim_id: int
    article_id: int
    text: str
    normalised: str


class MatchManager:
    def __init__(
        self,
        db: ProjectDatabase,
        claims: ClaimManager,
        links: LinkManager,
        quantities: QuantityManager,
    ) -> None:
        self._db = db
        self._claims = claims
        self._links = links
        self._quantities = quantities

    def _entries(self) -> list[_Entry]:
        return [
            _Entry(c.id, c.article_id, text, normalise(text))
            for c in self._claims.list()
            if (text := claim_text(c.statement, c.quote)).strip()
        ]

    def _figures(self, parse_all: bool = True) -> dict[int, list[Quantity] | None]:
        """Each claim's figures. With `parse_all` every stale claim is parsed and
        stored first (suggest_all runs on a background job); without, a stale
        claim maps to None and score() parses just the few candidates that pass
        the word prefilter, so suggesting for one claim on the GUI thread never
        parses 10,000 freshly imported claims (seconds)."""
        stale: list[int] = []
        if parse_all:
            self._quantities.sync()
        else:
            stale = self._quantities.stale()
        stored: dict[int, list[Quantity]] = defaultdict(list)
        for row in quantities_q.figures(self._db):
            stored[row["claim_id"]].append(quantity_from_row(row))
        grouped: dict[int, list[Quantity] | None] = dict(stored)
        for claim_id in stale:
            grouped[claim_id] = None
        return grouped

    def _linked(self) -> set[frozenset[int]]:
        return {frozenset((link.from_claim, link.to_claim)) for link in self._links.list()}

    def _against(
        self,
        entry: _Entry,
        candidates: list[_Entry],
        figures: dict[int, list[Quantity] | None],
        linked: set[frozenset[int]],
    ) -> list[Suggestion]:
        others = [c for c in candidates if c.article_id != entry.article_id]
        hits = process.extract(
            entry.normalised,
            [c.normalised for c in others],
            scorer=fuzz.token_set_ratio,
            score_cutoff=PREFILTER,
            limit=None,
        )
        found = []
        for _, _, index in hits:
            other = others[index]
            if frozenset((entry.claim_id, other.claim_id)) in linked:
                continue
            result = score(entry.text, other.text, figures.get(entry.claim_id, []),
                           figures.get(other.claim_id, []))  # fmt: skip
            if result.is_match:
                found.append(
                    Suggestion(entry.claim_id, other.claim_id, result.score, result.reasons)
                )
        return found

    def suggest(self, claim_id: int, limit: int = 10) -> list[Suggestion]:
        """Claims in other articles that probably state the same as this one, best first."""
        self._claims.get(claim_id)
        entries = self._entries()
        entry = next((e for e in entries if e.claim_id == claim_id), None)
        if entry is None:
            return []
        self._quantities.sync([claim_id])  # the claim asked about: parsed and stored
        found = self._against(entry, entries, self._figures(parse_all=False), self._linked())
        return sorted(found, key=lambda s: (-s.score, s.other_id))[:limit]

    def suggest_all(self, progress: Progress | None = None) -> list[Suggestion]:
        """Every unlinked pair across articles that probably matches, best first (each pair once)."""
        entries = self._entries()
        figures, linked = self._figures(), self._linked()
        found: list[Suggestion] = []
        for done, entry in enumerate(entries):
            later = entries[done + 1 :]
            found.extend(self._against(entry, later, figures, linked))
            if progress is not None and not progress(done + 1, len(entries)):
                break
        return sorted(found, key=lambda s: (-s.score, s.claim_id, s.other_id))

    def confirm(self, claim_id: int, other_id: int, note: str = "") -> ClaimLink:
        """The checker agrees: the two claims become a `same` link."""
        return self._links.add(claim_id, other_id, SAME, note)
