"""The codebook: sides, stances, verdicts and topics (project.codebook).

Seeded from resources/codebook.json so a new project starts with the values
every fact-checker needs for the sample dispute.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from annotator.models import VocabEntry
from db import vocab as q

if TYPE_CHECKING:
    from annotator.project import Project

KINDS = ("side", "stance", "verdict", "topic")


def default_codebook() -> dict[str, list[dict[str, Any]]]:
    text = resources.files("resources").joinpath("codebook.json").read_text("utf-8")
    return dict(json.loads(text))


class Codebook:
    def __init__(self, project: Project) -> None:
        self._project = project

    def entries(self, kind: str | None = None) -> list[VocabEntry]:
        rows = q.all_rows(self._project.db)
        return [
            VocabEntry(
                id=r["id"],
                kind=r["kind"],
                name=r["name"],
                colour=r["colour"],
                rating=r["rating"],
                description=r["description"],
                position=r["position"],
            )
            for r in rows
            if kind is None or r["kind"] == kind
        ]

    def seed_defaults(self) -> None:
        """Fill an empty codebook with the defaults (idempotent)."""
        db = self._project.db
        if q.count(db):
            return
        with db.atomic():
            for kind_plural, values in default_codebook().items():
                kind = kind_plural.removesuffix("s")
                for position, value in enumerate(values):
                    q.insert(
                        db,
                        {
                            "kind": kind,
                            "name": value["name"],
                            "colour": value.get("colour", "#cccccc"),
                            "rating": value.get("rating"),
                            "description": value.get("description", ""),
                            "position": position,
                        },
                    )
