"""Compare two sides topic by topic, and count what was checked (project.compare).

The union says pay is a fifth lower than in 2008; the government says it
rose almost 29% in three years. Side by side, per topic, with who said it,
the stance, the verdict and the source, a checker sees where the two sides
talk past each other. Claims with no topic go to an "untagged" row, so
nothing marked is ever missing from the table.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.claims.service import STATUSES
from annotator.errors import AnnotatorError
from annotator.figures.service import quantity_from_row
from annotator.models import Quantity
from db import compare as q
from db import figures as quantities_q

if TYPE_CHECKING:
    from annotator.codebook.service import Codebook
    from annotator.figures.service import QuantityManager
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase

UNTAGGED = "untagged"
NO_SIDE = "no side"
NO_VERDICT = "no verdict"
DEFAULT_SIDES = ("union", "government")


class CompareError(AnnotatorError):
    """The comparison cannot be made as asked (unknown side, the same side twice...)."""


@dataclass(frozen=True)
class CompareClaim:
    """One claim as a compare cell shows it."""

    id: int
    article_id: int
    article_title: str
    published: str | None
    quote: str
    statement: str
    speaker: str | None
    side: str | None
    stance: str | None
    verdict: str | None
    status: str
    topics: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article_id,
            "article_title": self.article_title,
            "published": self.published,
            "quote": self.quote,
            "statement": self.statement,
            "speaker": self.speaker,
            "side": self.side,
            "stance": self.stance,
            "verdict": self.verdict,
            "status": self.status,
            "topics": list(self.topics),
        }


@dataclass(frozen=True)
class CompareFilter:
    """What to keep (None: everything); dates are ISO days against the article's date."""

    article_ids: frozenset[int] | None = None
    speaker: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "articles": None if self.article_ids is None else sorted(self.article_ids),
            "speaker": self.speaker,
            "from": self.date_from,
            "to": self.date_to,
            "status": self.status,
        }


@dataclass(frozen=True)
class CompareRow:
    topic: str
    cells: tuple[tuple[CompareClaim, ...], tuple[CompareClaim, ...]]


@dataclass(frozen=True)
class CompareTable:
    sides: tuple[str, str]
    rows: tuple[CompareRow, ...]
    filters: CompareFilter = field(default_factory=CompareFilter)

    def as_json(self) -> dict[str, Any]:
        return {
            "sides": list(self.sides),
            "filters": self.filters.as_json(),
            "rows": [
                {
                    "topic": row.topic,
                    "cells": {
                        side: [c.as_json() for c in cell]
                        for side, cell in zip(self.sides, row.cells, strict=True)
                    },
                }
                for row in self.rows
            ],
        }

    def claim_count(self) -> int:
        return len({c.id for row in self.rows for cell in row.cells for c in cell})


@dataclass(frozen=True)
class BalanceRow:
    """Per side and topic: how many claims were marked, checked, and given each verdict."""

    side: str
    topic: str
    marked: int
    checked: int
    verdicts: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {"side": self.side, "topic": self.topic, "marked": self.marked,
                "checked": self.checked, "verdicts": dict(self.verdicts)}  # fmt: skip


def _compare_claim(row: dict[str, Any]) -> CompareClaim:
    return CompareClaim(
        id=row["id"],
        article_id=row["article_id"],
        article_title=row["article_title"] or "",
        published=row["published"],
        quote=row["quote"],
        statement=row["statement"] or "",
        speaker=row["speaker"],
        side=row["side"],
        stance=row["stance"],
        verdict=row["verdict"],
        status=row["status"],
        topics=tuple(json.loads(row["topics"] or "[]")),
    )


class CompareManager:
    def __init__(
        self,
        db: ProjectDatabase,
        codebook: Codebook,
        speakers: SpeakerManager,
        quantities: QuantityManager,
    ) -> None:
        self._db = db
        self._codebook = codebook
        self._speakers = speakers
        self._quantities = quantities

    def default_sides(self) -> tuple[str, str] | None:
        """Union against government when the codebook has them, else its first two sides."""
        names = [e.name for e in self._codebook.entries("side")]
        if all(s in names for s in DEFAULT_SIDES):
            return DEFAULT_SIDES
        return (names[0], names[1]) if len(names) >= 2 else None

    def _rows(
        self, filters: CompareFilter, side_ids: list[int] | None = None
    ) -> list[CompareClaim]:
        if filters.status is not None and filters.status not in STATUSES:
            raise CompareError(
                f"unknown status {filters.status!r} (use one of: {', '.join(STATUSES)})"
            )
        speaker_id = None
        if filters.speaker is not None:
            found = self._speakers.find(filters.speaker)
            if found is None:
                raise CompareError(f"no speaker called {filters.speaker!r}")
            speaker_id = found.id
        rows = q.claim_rows(
            self._db,
            side_ids=side_ids,
            article_ids=None if filters.article_ids is None else sorted(filters.article_ids),
            speaker_id=speaker_id,
            status=filters.status,
            date_from=filters.date_from,
            date_to=filters.date_to,
        )
        return [_compare_claim(r) for r in rows]

    def table(
        self, sides: tuple[str, str] | None = None, filters: CompareFilter | None = None
    ) -> CompareTable:
        """Rows by topic (codebook order, then untagged), a cell per side."""
        filters = filters or CompareFilter()
        sides = sides or self.default_sides()
        if sides is None:
            raise CompareError("the codebook has fewer than two sides to compare")
        entries = [self._codebook.resolve("side", name) for name in sides]
        if entries[0].id == entries[1].id:
            raise CompareError(f"choose two different sides (both are {entries[0].name!r})")
        names = (entries[0].name, entries[1].name)
        claims = self._rows(filters, [e.id for e in entries])
        topics = [e.name for e in self._codebook.entries("topic")]
        rows = []
        for topic in [*topics, UNTAGGED]:
            cells = tuple(
                tuple(
                    c
                    for c in claims
                    if c.side == side
                    and (topic in c.topics or (topic == UNTAGGED and not c.topics))
                )
                for side in names
            )
            rows.append(CompareRow(topic, (cells[0], cells[1])))
        return CompareTable(names, tuple(rows), filters)

    def balance(self, filters: CompareFilter | None = None) -> list[BalanceRow]:
        """Every side (and claims with none) by topic (and untagged): marked, checked, verdicts."""
        claims = self._rows(filters or CompareFilter())
        sides = [e.name for e in self._codebook.entries("side")] + [NO_SIDE]
        topics = [e.name for e in self._codebook.entries("topic")] + [UNTAGGED]
        verdicts = [e.name for e in self._codebook.entries("verdict")] + [NO_VERDICT]
        found = []
        for side in sides:
            for topic in topics:
                cell = [
                    c for c in claims
                    if (c.side or NO_SIDE) == side and (topic in c.topics or (topic == UNTAGGED and not c.topics))
                ]  # fmt: skip
                if not cell:
                    continue
                counts = Counter(c.verdict or NO_VERDICT for c in cell)
                found.append(BalanceRow(side, topic, len(cell),
                                        sum(1 for c in cell if c.status == "checked"),
                                        {v: counts.get(v, 0) for v in verdicts}))  # fmt: skip
        return found

    def verdict_names(self) -> list[str]:
        return [e.name for e in self._codebook.entries("verdict")] + [NO_VERDICT]

    def figures(
        self,
        claim_ids: list[int] | None = None,
        parse: bool = True,
        subjects: list[str] | None = None,
    ) -> list[tuple[Quantity, dict[str, Any]]]:
        """Every figure with its claim's side, speaker, verdict and article (figures re-parsed
        first where a statement changed). `parse=False` reads what is stored: the window
        parses on a background job (seconds for 10,000 new claims), never while painting.
        `subjects`: only figures with one of these subjects (None: any)."""
        if parse:
            self._quantities.sync()
        rows = quantities_q.figures(self._db, claim_ids, subjects)
        return [(quantity_from_row(r), r) for r in rows]
