"""A project of many varied claims for the search and export benchmarks.

The older benchmark cut every claim out of one repeated paragraph, so every
query matched every claim: a worst case, not what a fact-checker sees. Here
each sentence is built from independent choices (who, what, where, which
figure, since when), so a place name matches about one claim in 500 and a
figure one in 250, while "since" still matches every claim (kept, labelled,
as the worst case). Everything is seeded: the same project every run.

(The leading underscore keeps bench/run.py from running this as a script.)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

ARTICLE_CHARS = 1_000_000
CLAIMS_PER_ARTICLE = 10_000
SENTENCES_PER_PARAGRAPH = 5
EVIDENCE_EVERY = 50  # one claim in this many has an evidence item
NOTE_EVERY = 7  # one claim in this many has a note
SEED = 7

_PLACE_HEADS = (
    "Ash", "Brook", "Cal", "Dun", "Elm", "Fen", "Glen", "Hart", "Ivy", "Kings", "Lang",
    "Marsh", "North", "Oak", "Pen", "Red", "Stan", "Thorn", "Upper", "Wick", "Whit",
    "Yar", "Bar", "Col", "Hol",
)  # fmt: skip
_PLACE_TAILS = (
    "bury", "ford", "ham", "ley", "mouth", "stead", "wick", "worth", "field", "gate",
    "ton", "by", "combe", "dale", "hurst", "minster", "port", "ridge", "well", "wood",
)  # fmt: skip
PLACES = tuple(h + t for h in _PLACE_HEADS for t in _PLACE_TAILS)  # 500 places
SUBJECTS = (
    "The union", "The health secretary", "Ministers", "NHS England", "The BMA",
    "A hospital trust", "The Treasury", "The shadow health secretary", "A think tank",
    "The pay review body", "Consultants", "Nurses' leaders", "The Royal College",
    "A junior minister", "Local councillors", "The statistics office", "Patients' groups",
    "The trust chief executive", "Campaigners", "The opposition",
)  # fmt: skip
VERBS = (
    "says", "claims", "insists", "warns", "estimates", "reports", "argues",
    "told reporters", "points out", "admits",
)  # fmt: skip
SUBJECT_MATTERS = (
    "resident doctors' pay", "waiting lists", "agency spending", "consultant vacancies",
    "training posts", "exam fees", "cancelled operations", "A&E waits", "nurse numbers",
    "bed occupancy", "overtime rates", "locum costs", "ambulance response times",
    "GP appointments", "mental health beds", "sickness absence", "pension contributions",
    "strike days", "rota gaps", "student debt", "specialty applications",
    "hospital deficits", "cancer referrals", "discharge delays", "maternity staffing",
    "pharmacy closures", "dental contracts", "capital budgets", "social care places",
    "vacancy rates",
)  # fmt: skip
CHANGES = (
    "fell by", "rose by", "is down", "is up", "grew by", "shrank by", "has doubled to",
    "stands at",
)  # fmt: skip
SOURCES = ("the ONS series", "NHS Digital", "the trust's accounts", "the IFS", "Hansard")


@dataclass(frozen=True)
class Sentence:
    text: str
    statement: str
    place: str


def _figure(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return f"{rng.randint(2, 60)}{'.5' if rng.random() < 0.3 else ''}%"
    if kind < 0.7:
        return f"£{rng.randint(1, 900)}m"
    return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d} posts"


def sentence(rng: random.Random) -> Sentence:
    place = rng.choice(PLACES)
    matter = rng.choice(SUBJECT_MATTERS)
    change = rng.choice(CHANGES)
    figure = _figure(rng)
    year = rng.randint(1998, 2024)
    text = (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {matter} in {place} {change} "
        f"{figure} since {year}."
    )
    statement = f"{matter.capitalize()} in {place} {change} {figure} since {year}"
    return Sentence(text, statement, place)


def article(
    rng: random.Random, claims: int, size: int = ARTICLE_CHARS
) -> tuple[str, list[tuple[int, int, Sentence]]]:
    """(text, [(start, end, sentence)]): `claims` claimed sentences padded to about `size` characters.

    Unclaimed sentences sit between the claimed ones so the text is as long
    as a real 1 MB article holding that many claims.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, Sentence]] = []
    position = 0
    count = 0

    def add(piece: str) -> None:
        nonlocal position, count
        count += 1
        separator = "\n\n" if count % SENTENCES_PER_PARAGRAPH == 0 else " "
        parts.append(piece + separator)
        position += len(piece) + len(separator)

    while len(spans) < claims:
        claimed = sentence(rng)
        spans.append((position, position + len(claimed.text), claimed))
        add(claimed.text)
        while position < size * len(spans) // claims:
            add(sentence(rng).text)
    return "".join(parts), spans


def build(path: Path, articles: int, claims_per_article: int = CLAIMS_PER_ARTICLE) -> int:
    """The benchmark project; returns how many claims it holds."""
    from annotator.anchoring.selectors import anchor_at
    from annotator.clock import new_uid, now_iso
    from annotator.models import ImportedArticle
    from annotator.project import Project
    from db import claims as claim_rows
    from db import exchange

    rng = random.Random(SEED)
    now = now_iso()
    with Project.open(path) as project:
        codebook = {
            k: [e.id for e in project.codebook.entries(k)]
            for k in ("side", "stance", "verdict", "topic")
        }
        speakers = [
            project.speakers.create(f"Speaker {n}", side_id=rng.choice(codebook["side"])).id
            for n in range(50)
        ]
        evidence_count = 0
        for a in range(articles):
            body, spans = article(rng, claims_per_article)
            title = f"Article {a}: pay and waiting lists"
            text = f"{title}\n\n{body}"
            shift = len(title) + 2
            article_id = project.articles.add(
                ImportedArticle(
                    text=text,
                    title=title,
                    source_format="txt",
                    url=f"https://news.example/{a}",
                    outlet="News Example",
                    published=f"2025-{(a % 12) + 1:02d}-15",
                )
            ).article_id
            assert article_id is not None
            with project.db.atomic():
                for n, (start, end, claimed) in enumerate(spans):
                    anchor = anchor_at(text, start + shift, end + shift)
                    claim_id = claim_rows.insert(
                        project.db,
                        {
                            "uid": new_uid(),
                            "article_id": article_id,
                            "start": anchor.start,
                            "end": anchor.end,
                            "quote": anchor.quote,
                            "prefix": anchor.prefix,
                            "suffix": anchor.suffix,
                            "anchor": "exact",
                            "statement": claimed.statement,
                            "speaker_id": rng.choice(speakers),
                            "side_id": rng.choice(codebook["side"]),
                            "stance_id": rng.choice(codebook["stance"]),
                            "verdict_id": rng.choice(codebook["verdict"]),
                            "status": "to check",
                            "note": (
                                f"check against {rng.choice(SOURCES)}"
                                if n % NOTE_EVERY == 0
                                else ""
                            ),
                            "created_by": "bench",
                            "created_at": now,
                            "updated_at": now,
                        },
                    )
                    claim_rows.set_topics(project.db, claim_id, [rng.choice(codebook["topic"])])
                    if n % EVIDENCE_EVERY == 0:
                        evidence_count += 1
                        evidence_id = exchange.insert_evidence(
                            project.db,
                            {
                                "uid": new_uid(),
                                "kind": "url",
                                "title": f"{claimed.place} health board figures",
                                "url": f"https://stats.example/{claimed.place.lower()}/{evidence_count}",
                                "accessed_at": "2025-11-06",
                                "created_at": now,
                            },
                        )
                        exchange.insert_claim_evidence(
                            project.db,
                            {
                                "claim_id": claim_id,
                                "evidence_id": evidence_id,
                                "relation": "supports",
                            },
                        )
        # Every review has its page and the project its publisher, as a site publishing
        # ClaimReviews has: the ClaimReview export then writes every claim.
        from annotator.publisher import set_publisher

        set_publisher(project.db, "Fact Check Example", "https://factcheck.example/", None)
        with project.db.atomic():
            project.db.execute(
                "UPDATE claims SET review_url = 'https://factcheck.example/review/' || uid"
            )
        return project.claims.count()
