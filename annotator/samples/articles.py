"""The sample articles a first run seeds, so the window is never empty.

The texts are our own, written in the three shapes users really open: a
run-together scrape, Markdown with front matter, a long opinion piece.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

from annotator.exchange.importers import markdown, plaintext
from annotator.models import ImportOutcome
from annotator.samples.claims import seed_sample_claims

if TYPE_CHECKING:
    from annotator.articles.service import ArticleManager
    from annotator.claims.service import ClaimManager
    from annotator.codebook.service import Codebook
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase


class Seedable(Protocol):
    """Where the samples go: an open Project is one (stated here, so seeding
    sits below the Project instead of importing it)."""

    @property
    def db(self) -> ProjectDatabase: ...
    @property
    def articles(self) -> ArticleManager: ...
    @property
    def claims(self) -> ClaimManager: ...
    @property
    def codebook(self) -> Codebook: ...
    @property
    def speakers(self) -> SpeakerManager: ...


# File name, reader, and the metadata a checker would fill in by hand.
SAMPLES: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "strike_ends_scrape.txt",
        "txt",
        {
            "outlet": "BBC News (scrape)",
            "published": "2025-07-30",
            "author": "Health correspondent",
        },
    ),
    ("bma_rejects_offer.md", "md", {"outlet": "Health News Digest"}),
    (
        "fightback_opinion.txt",
        "txt",
        {"outlet": "NHS FightBack", "published": "2025-12-26"},
    ),
)


def seed_samples(project: Seedable, claims: bool = True) -> list[ImportOutcome]:
    """Import the sample articles into a project (duplicates are skipped).

    With claims, the articles newly imported also get the sample claims
    (annotator.samples.claims), so a first run shows coloured, tagged claims.
    """
    folder = resources.files("resources").joinpath("samples")
    outcomes: list[ImportOutcome] = []
    imported: dict[str, int] = {}
    for name, kind, extra in SAMPLES:
        data = folder.joinpath(name).read_bytes()
        reader = markdown.read if kind == "md" else plaintext.read
        article = reader(data, f"samples/{name}")
        fields: dict[str, Any] = {k: v for k, v in extra.items() if not getattr(article, k)}
        outcome = project.articles.add(replace(article, **fields))
        outcomes.append(outcome)
        if outcome.status == "imported" and outcome.article_id is not None:
            imported[name] = outcome.article_id
    if claims:
        seed_sample_claims(project.db, project.claims, project.speakers, project.codebook, imported)
    return outcomes
