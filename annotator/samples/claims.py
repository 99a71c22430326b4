"""Claims marked on the sample articles, so a first run shows the work, not an empty page.

Each is marked by its exact quote (as a user would with `annotator mark`),
with who said it, their side, the stance, topics and, for some, a verdict.
The speakers carry the aliases the articles call them by.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.claims.service import ClaimManager
    from annotator.codebook.service import Codebook
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase


@dataclass(frozen=True)
class SampleSpeaker:
    name: str
    side: str
    role: str | None = None
    organisation: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SampleClaim:
    source: str  # the sample's file name, as in annotator.samples.articles.SAMPLES
    quote: str
    speaker: str | None
    side: str
    stance: str
    topics: tuple[str, ...] = field(default=())
    verdict: str | None = None
    status: str = "to check"


SPEAKERS: tuple[SampleSpeaker, ...] = (
    SampleSpeaker(
        "Wes Streeting",
        "government",
        "Health Secretary",
        "Department of Health and Social Care",
        ("the Health Secretary", "Streeting", "Mr Streeting", "Health Secretary Wes Streeting"),
    ),
    SampleSpeaker(
        "DHSC spokesperson",
        "government",
        "Spokesperson",
        "Department of Health and Social Care",
        ("a Department of Health and Social Care spokesperson", "DHSC"),
    ),
    SampleSpeaker(
        "Jack Fletcher",
        "union",
        "Chair, BMA resident doctors committee",
        "British Medical Association",
        ("Dr Jack Fletcher", "Dr Fletcher"),
    ),
    SampleSpeaker(
        "Shivam Sharma",
        "union",
        "BMA rep, psychiatry trainee",
        "British Medical Association",
        ("Dr Shivam Sharma", "Dr Sharma"),
    ),
    SampleSpeaker(
        "BMA", "union", None, "British Medical Association", ("British Medical Association",)
    ),
    SampleSpeaker("NHS England", "employer", None, "NHS England"),
    SampleSpeaker("NHS Providers", "employer", None, "NHS Providers"),
    SampleSpeaker(
        "Think-tank economist",
        "independent",
        "Economist",
        "a health think tank",
        ("an economist at a health think tank",),
    ),
    SampleSpeaker("NHS FightBack", "media", None, "NHS FightBack"),
)

SCRAPE, DIGEST, OPINION = "strike_ends_scrape.txt", "bma_rejects_offer.md", "fightback_opinion.txt"

CLAIMS: tuple[SampleClaim, ...] = (
    SampleClaim(SCRAPE, "Once you factor in inflation, a resident doctor today earns about a fifth less than in 2008", "Jack Fletcher", "union", "for", ("pay",), "half true", "checked"),
    SampleClaim(SCRAPE, "This government has already given resident doctors pay rises worth close to 29 since 2023", "DHSC spokesperson", "government", "against", ("pay",), "mostly true", "checked"),
    SampleClaim(SCRAPE, "If you measure with CPI, the real-terms drop since 2008 is nearer 5 to 10", "Think-tank economist", "independent", "neutral", ("pay",)),
    SampleClaim(SCRAPE, "An exam he is due to sit this autumn will cost him more than 1,000", "Shivam Sharma", "union", "for", ("exam fees",), status="in progress"),
    SampleClaim(SCRAPE, "Mr Streeting called the action reckless and said it showed no regard for patients", "Wes Streeting", "government", "against", ("strike action", "patient care")),
    SampleClaim(SCRAPE, "NHS England said thousands of operations and appointments had been rescheduled", "NHS England", "employer", "neutral", ("patient care",)),
    SampleClaim(SCRAPE, "This year more than 30,000 people applied for about 10,000 specialty posts", None, "media", "neutral", ("training places",), "true", "checked"),
    SampleClaim(DIGEST, "resident doctors have already had increases of nearly 30% over three years", "Wes Streeting", "government", "against", ("pay",), "misleading", "checked"),
    SampleClaim(DIGEST, "Resident doctors' pay has gone up by almost 29% in three years", "DHSC spokesperson", "government", "against", ("pay",), "mostly true", "checked"),
    SampleClaim(DIGEST, "resident doctors earn around 21% less than their counterparts did in 2008", "BMA", "union", "for", ("pay",), "half true", "in progress"),
    SampleClaim(DIGEST, "plenty of doctors will still hit a dead end partway through their training with no post to move into", "Jack Fletcher", "union", "for", ("training places",)),
    SampleClaim(DIGEST, "One leads to more strikes that patients will pay for", "Wes Streeting", "government", "against", ("strike action", "patient care")),
    SampleClaim(DIGEST, "every round of action pushes waiting lists in the wrong direction", "NHS Providers", "employer", "neutral", ("patient care", "strike action")),
    SampleClaim(DIGEST, "The new offer doubles that to 2,000, with the first 1,000 arriving next year", None, "media", "neutral", ("training places",), "true", "checked"),
    SampleClaim(OPINION, "resident doctors have had pay rises of close to 29 percent over the last three years", "DHSC spokesperson", "government", "against", ("pay",), "mostly true", "checked"),
    SampleClaim(OPINION, "a resident doctor's pay is worth roughly 21 percent less today than it was in 2008", "BMA", "union", "for", ("pay",)),
    SampleClaim(OPINION, "if you use CPI instead, the real-terms fall since 2008 shrinks to somewhere around 5 to 10 percent", "Think-tank economist", "independent", "neutral", ("pay",), "true", "checked"),
    SampleClaim(OPINION, "applications for specialty training grew by 174 percent, while the number of training posts rose by just 6.4 percent", "NHS FightBack", "media", "for", ("training places",), "unproven", "in progress"),
    SampleClaim(OPINION, "We were told Labour would put us on the road back to fair pay.", "Shivam Sharma", "union", "for", ("pay",)),
    SampleClaim(OPINION, "the waiting list stands at 7.4\u00a0million", "NHS FightBack", "media", "for", ("patient care",), "true", "checked"),
)  # fmt: skip


def seed_sample_claims(
    db: ProjectDatabase,
    claims: ClaimManager,
    speakers: SpeakerManager,
    codebook: Codebook,
    article_ids: dict[str, int],
) -> int:
    """Mark the sample claims on the samples just imported (file name -> article id).

    Returns how many were marked. One transaction: all or none.
    """
    wanted = [c for c in CLAIMS if c.source in article_ids]
    if not wanted:
        return 0
    with db.atomic():
        for s in SPEAKERS:
            if speakers.find(s.name) is None:
                side = codebook.find("side", s.side)
                speakers.create(
                    s.name,
                    role=s.role,
                    organisation=s.organisation,
                    side_id=side.id if side else None,
                    aliases=[a for a in s.aliases if speakers.find(a) is None],
                )
        for c in wanted:
            claim = claims.mark_quote(article_ids[c.source], c.quote)
            claims.tag(
                claim.id,
                speaker=c.speaker,
                side=c.side,
                stance=c.stance,
                verdict=c.verdict,
                topics=list(c.topics),
                status=c.status,
            )
    return len(wanted)
