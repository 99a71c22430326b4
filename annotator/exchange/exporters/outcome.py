"""What an export wrote and what it left out, and why.

Some formats cannot carry every claim: REFI-QDA codes a position, so an orphan
has nowhere to go; a ClaimReview is a published verdict, so a claim without a
verdict or without its review page is not one. Those claims are taken out
before the writer runs and reported by name with the reason, so nothing is
dropped silently and the writers never decide on their own what to leave out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.exchange.exporters.collect import ExportSet
from annotator.models import Claim

QUOTE_SHOWN = 60  # characters of a skipped claim's quote in a report line

NO_POSITION = "orphan: its quote is not in the text, and REFI-QDA codes a position"
NO_VERDICT = "no verdict: a ClaimReview rates a claim"
NO_REVIEW_URL = (
    "no review URL: a ClaimReview's url is the published fact-check page "
    "(annotator tag CLAIM --review-url URL, or export with --draft)"
)


@dataclass(frozen=True)
class Skipped:
    claim_id: int
    uid: str
    quote: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"claim": self.claim_id, "uid": self.uid, "quote": self.quote, "reason": self.reason}

    def line(self) -> str:
        quote = self.quote if len(self.quote) <= QUOTE_SHOWN else self.quote[:QUOTE_SHOWN] + "…"
        return f"skipped claim {self.claim_id} {quote!r}: {self.reason}"


@dataclass(frozen=True)
class ExportResult:
    file: Path
    format: str
    written: int
    skipped: tuple[Skipped, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "format": self.format,
            "written": self.written,
            "skipped": [s.as_json() for s in self.skipped],
        }

    def summary(self) -> str:
        left = f"; {len(self.skipped)} skipped" if self.skipped else ""
        return f"{self.written} claims written to {self.file} ({self.format}){left}"


def _orphan(claim: Claim, _draft: bool) -> str | None:
    if claim.anchor == "orphan" or claim.start is None or claim.end is None:
        return NO_POSITION
    return None


def _not_a_review(claim: Claim, draft: bool) -> str | None:
    if claim.verdict_id is None:
        return NO_VERDICT
    if not claim.review_url and not draft:
        return NO_REVIEW_URL
    return None


# Format name -> why a claim cannot go into it (None: it can).
RULES: dict[str, Callable[[Claim, bool], str | None]] = {
    "refi": _orphan,
    "claimreview": _not_a_review,
}


def split(data: ExportSet, format_name: str) -> tuple[ExportSet, tuple[Skipped, ...]]:
    """The set the writer gets (only claims the format can carry) and the claims left out."""
    rule = RULES.get(format_name)
    if rule is None:
        return data, ()
    kept: list[Claim] = []
    out: list[Claim] = []
    skipped: list[Skipped] = []
    for claim in data.claims:
        reason = rule(claim, data.draft)
        if reason is None:
            kept.append(claim)
        else:
            out.append(claim)
            skipped.append(Skipped(claim.id, claim.uid, claim.quote, reason))
    if not skipped:
        return data, ()
    return dataclasses.replace(data, claims=tuple(kept), left_out=tuple(out)), tuple(skipped)
