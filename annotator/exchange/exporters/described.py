"""Each claim's evidence and links, described in full for the formats people read.

CSV, the HTML report and the Markdown report show the same facts in the same
order, so whoever reads any of them sees everything the checker recorded: the
relation, the kind, the title and URL, a statistic's value, unit, period and
source, a dataset's name with the values of the pinned rows, and the notes;
and for each link, its relation and the other claim's quote, speaker and
article. Each format only renders the (label, value) pairs given here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from annotator.exchange.exporters.collect import EvidenceUse, ExportSet
from annotator.models import Claim
from annotator.models.evidence import EVIDENCE_SHOWN

# Fields of an evidence item (its row's columns), in the order they are shown,
# with their labels: declared on annotator.models.Evidence.
ITEM_FIELDS = EVIDENCE_SHOWN
URL_LABELS = frozenset({"url", "archived"})
# A link seen from the claim it points to reads the other way round.
REVERSED = {"same": "same as", "contradicts": "contradicted by", "responds-to": "answered by"}
FORWARD = {"same": "same as", "contradicts": "contradicts", "responds-to": "responds to"}

Pairs = list[tuple[str, str]]


@dataclass(frozen=True)
class LinkLine:
    relation: str  # as read from this claim: "contradicts", "contradicted by", ...
    other: Claim
    article_title: str
    note: str

    def pairs(self) -> Pairs:
        found = [
            ("relation", self.relation),
            ("claim", f"C{self.other.id}"),
            ("quote", self.other.quote),
        ]
        if self.other.speaker:
            found.append(("speaker", self.other.speaker))
        found.append(("article", self.article_title))
        if self.note:
            found.append(("note", self.note))
        return found


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


class Describer:
    """Made once per export: the dataset rows and links are indexed on first use."""

    def __init__(self, data: ExportSet) -> None:
        self.data = data

    @cached_property
    def _rows(self) -> dict[str, tuple[list[str], dict[int, tuple[Any, ...]]]]:
        """Dataset name -> (column names, row number -> the row's values)."""
        found = {}
        for d in self.data.datasets:
            meta = d["dataset"]
            found[meta.name] = (
                [c.name for c in meta.columns],
                {int(r[0]): tuple(r[1:]) for r in d["rows"]},
            )
        return found

    @cached_property
    def _claims(self) -> dict[int, Claim]:
        return {c.id: c for c in (*self.data.claims, *self.data.left_out)}

    @cached_property
    def _links(self) -> dict[int, list[LinkLine]]:
        found: dict[int, list[LinkLine]] = {}
        for link in self.data.links:
            a, b = self._claims.get(link["from_claim"]), self._claims.get(link["to_claim"])
            if a is None or b is None:
                continue
            relation, note = link["relation"], link["note"] or ""
            found.setdefault(a.id, []).append(
                LinkLine(FORWARD.get(relation, relation), b, self._title(b), note)
            )
            found.setdefault(b.id, []).append(
                LinkLine(REVERSED.get(relation, relation), a, self._title(a), note)
            )
        return found

    def _title(self, claim: Claim) -> str:
        article = self.data.articles.get(claim.article_id)
        return article.title if article is not None else ""

    def evidence(self, use: EvidenceUse) -> Pairs:
        """One piece of evidence as (label, value) pairs, empty fields left out."""
        item = use.item
        pairs: Pairs = [("relation", use.relation), ("kind", item["kind"])]
        name = item.get("dataset_name")
        for key, label in ITEM_FIELDS:
            if name and key == "quote":  # a pin keeps its rows' values there, shown below
                continue
            value = _text(item.get(key))
            if value:
                pairs.append((label, value))
        if name:
            pairs.append(("dataset", name))
            pairs.extend(self._pinned(name, item))
        if item.get("note"):
            pairs.append(("evidence note", item["note"]))
        if use.note:
            pairs.append(("note", use.note))
        return pairs

    def _pinned(self, name: str, item: dict[str, Any]) -> Pairs:
        """Each pinned row's values: those kept with the pin (as they were when pinned),
        else the dataset's row now."""
        numbers = json.loads(item.get("dataset_rows") or "[]") or (
            [item["dataset_row"]] if item.get("dataset_row") is not None else []
        )
        kept = _kept_values(item.get("quote"))
        columns, rows = self._rows.get(name, ([], {}))
        pairs: Pairs = []
        for index, number in enumerate(numbers):
            if kept is not None and index < len(kept):
                cells = list(kept[index].items())
            elif (values := rows.get(int(number))) is not None:
                cells = list(zip(columns, values, strict=False))
            else:
                pairs.append((f"row {number}", "(values not in the export)"))
                continue
            pairs.append((f"row {number}", ", ".join(f"{c}={_text(v)}" for c, v in cells)))
        return pairs

    def links(self, claim: Claim) -> list[LinkLine]:
        return self._links.get(claim.id, [])

    def evidence_line(self, use: EvidenceUse) -> str:
        """The evidence as one line of plain text (a CSV cell part)."""
        return plain(self.evidence(use))

    def link_line(self, link: LinkLine) -> str:
        return plain(link.pairs())


def _kept_values(text: str | None) -> list[dict[str, Any]] | None:
    """The row values a pin kept (a JSON list of {column: value}), or None if unreadable."""
    try:
        values = json.loads(text or "")
    except ValueError:
        return None
    if isinstance(values, list) and all(isinstance(v, dict) for v in values):
        return values
    return None


def plain(pairs: Pairs) -> str:
    """'supports: kind statistic; title …' — the relation first, bare, then labelled fields."""
    head, *rest = pairs
    return "; ".join([head[1], *(f"{label}: {value}" for label, value in rest)])
