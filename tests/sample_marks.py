"""Claims marked on the sample articles for the compare, figures and matching tests:
the union's pay-erosion figures restated in all three articles, the government's
rise, an economist between them, and a few claims with no speaker or topic."""

from __future__ import annotations

from annotator.models import Claim
from annotator.project import Project

# (sample file, exact quote, speaker, side, topics)
MARKS: tuple[tuple[str, str, str | None, str | None, tuple[str, ...]], ...] = (
    ("bma_rejects_offer.md", "Resident doctors' pay has gone up by almost 29% in three years.",
     "DHSC spokesperson", "government", ("pay",)),
    ("bma_rejects_offer.md", "once RPI inflation is taken into account, resident doctors earn around 21% less than their counterparts did in 2008",
     "BMA", "union", ("pay",)),
    ("bma_rejects_offer.md", "it would take a rise of about 26% to win back the lost ground",
     "BMA", "union", ("pay",)),
    ("bma_rejects_offer.md", "Against RPI you get a fall of roughly a fifth.",
     "Think-tank economist", "independent", ("pay",)),
    ("bma_rejects_offer.md", "More than 30,000 people applied for roughly 10,000 specialty jobs this year",
     None, None, ("training places", "jobs")),
    ("strike_ends_scrape.txt", "Once you factor in inflation, a resident doctor today earns about a fifth less than in 2008.",
     "Dr Jack Fletcher", "union", ("pay",)),
    ("strike_ends_scrape.txt", "resident doctors have received rises adding up to almost 29 over three years",
     "Ministers", "government", ("pay",)),
    ("strike_ends_scrape.txt", "If you measure with CPI, the real-terms drop since 2008 is nearer 5 to 10",
     "Think-tank economist", "independent", ("pay",)),
    ("strike_ends_scrape.txt", "The BMA says getting there would still take another 25 increase",
     "BMA", "union", ("pay",)),
    ("fightback_opinion.txt", "measured against RPI, a resident doctor's pay is worth roughly 21 percent less today than it was in 2008",
     "BMA", "union", ("pay",)),
    ("fightback_opinion.txt", "to get back to 2008 levels, pay would need to rise by around 26 percent",
     "BMA", "union", ("pay",)),
    ("fightback_opinion.txt", "resident doctors have had pay rises of close to 29 percent over the last three years",
     "DHSC spokesperson", "government", ("pay",)),
    ("fightback_opinion.txt", "This year more than 30,000 doctors applied for around 10,000 specialty places.",
     "NHS FightBack", "media", ("training places",)),
    ("fightback_opinion.txt", "waiting list stands at 7.4\u00a0million", None, None, ()),
    ("fightback_opinion.txt", "using spare capacity in the independent sector is how we bring waiting lists down faster",
     "DHSC spokesperson", "government", ("patient care",)),
)  # fmt: skip


def mark_samples(project: Project) -> list[Claim]:
    """Mark and tag MARKS on a project seeded with the samples; the claims in order."""
    articles = {(a.source_name or "").rsplit("/", 1)[-1]: a.id for a in project.articles.list()}
    claims = []
    for name, quote, speaker, side, topics in MARKS:
        claim = project.claims.mark_quote(articles[name], quote)
        claims.append(
            project.claims.tag(
                claim.id, speaker=speaker or "", side=side or "", topics=list(topics)
            )
        )
    return claims
