"""Codebook values: the sides, stances, verdicts and topics claims are tagged with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class VocabEntry:
    """A codebook value: a side, stance, verdict or topic."""

    id: int
    kind: str
    name: str
    colour: str
    rating: float | None
    description: str
    position: int


# Everything needed to bring a deleted codebook value back exactly.
VocabSnapshot = dict[str, Any]
