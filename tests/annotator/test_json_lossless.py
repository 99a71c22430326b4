"""Our JSON is lossless: project -> JSON -> an empty project gives back everything.

Hypothesis builds the projects: articles of news-like words, claims on any
words (two on the same words too, fuzzy ones and orphans), speakers that are people or
organisations with aliases and dated roles, codebook values of our own,
evidence of every kind a checker types in, pinned dataset rows, links between
claims, figures, review URLs and the publisher. Whatever it builds comes back
equal, field by field, keyed by uid or name.
"""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.claims.links import LinkError
from annotator.exchange.exporters import export_to_path
from annotator.models import Attach, ImportedArticle
from annotator.project import Project
from annotator.publisher import set_publisher
from db import exchange as exchange_q
from tests.annotator import exchange_fixtures as fx

WORDS = (
    "pay", "rose", "fell", "22%", "a", "fifth", "since", "2008", "the", "union", "said",
    "£1.5bn", "NHS", "waiting", "lists", "doctors'", "“real", "terms”", "—", "über", "🙂",
)  # fmt: skip
NAMES = ("Wes Streeting", "British Medical Association", "Unite", "Rachel Reeves", "NHS England")
RELATIONS = ("supports", "refutes", "context")
LINKS = ("same", "contradicts", "responds-to")
DATES = st.dates(date(1950, 1, 1), date(2030, 12, 31)).map(lambda d: d.isoformat())

sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(" ".join)
texts = st.lists(sentences, min_size=1, max_size=4).map(lambda s: ". ".join(s) + ".")
optional_text = st.one_of(st.none(), st.text(min_size=1, max_size=20).filter(str.strip))


@dataclass
class Plan:
    """What to build; indices point into the lists made before (modulo their length)."""

    texts: list[str]
    speakers: list[dict[str, Any]]
    topics: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    links: list[tuple[int, int, str, str]]
    publisher: dict[str, Any] | None
    pins: list[tuple[int, list[int], str]] = field(default_factory=list)


speaker_plans = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(("person", "organisation")),
        "role": optional_text,
        "organisation": optional_text,
        "aliases": st.lists(
            st.sampled_from(("the minister", "the union", "HMT")), unique=True, max_size=2
        ),
        "roles": st.lists(st.tuples(optional_text, DATES, st.one_of(st.none(), DATES)), max_size=2),
        "note": st.text(max_size=15),
    }
)
claim_plans = st.fixed_dictionaries(
    {
        "article": st.integers(0, 99),
        "at": st.integers(0, 10_000),
        "length": st.integers(1, 40),
        "twice": st.booleans(),  # a second claim on the same words
        "anchor": st.sampled_from(("exact", "exact", "fuzzy", "orphan")),
        "speaker": st.one_of(st.none(), st.integers(0, 99)),
        "verdict": st.one_of(st.none(), st.sampled_from(("true", "false", "misleading"))),
        "topics": st.lists(st.integers(0, 99), max_size=2),
        "note": st.text(max_size=30),
        "review_url": st.one_of(
            st.none(), st.integers(1, 999).map(lambda n: f"https://fc.example/r/{n}")
        ),
        "figures": st.lists(
            st.tuples(
                st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
                st.sampled_from(("%", "GBP", "people", None)),
                st.one_of(st.none(), st.integers(1990, 2030)),
            ),
            max_size=2,
        ),
    }
)
evidence_plans = st.one_of(
    st.fixed_dictionaries(
        {
            "kind": st.just("url"),
            "url": st.integers(1, 99).map(lambda n: f"https://stats.example/t/{n}"),
            "title": st.text(max_size=20),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("statistic"),
            "measure": st.text(min_size=1, max_size=20).filter(str.strip),
            "value": st.text(max_size=8),
            "unit": st.text(max_size=5),
            "period": st.text(max_size=10),
            "source": st.text(max_size=15),
        }
    ),
    st.fixed_dictionaries(
        {"kind": st.just("note"), "text": st.text(min_size=1, max_size=30).filter(str.strip)}
    ),
).flatmap(
    lambda e: st.fixed_dictionaries(
        {
            "item": st.just(e),
            "claim": st.integers(0, 99),
            "relation": st.sampled_from(RELATIONS),
            "note": st.text(max_size=15),
        }
    )
)
plans = st.builds(
    Plan,
    texts=st.lists(texts, min_size=1, max_size=3),
    speakers=st.lists(speaker_plans, max_size=len(NAMES)),
    topics=st.lists(
        st.fixed_dictionaries(
            {
                "colour": st.from_regex(r"#[0-9a-f]{6}", fullmatch=True),
                "rating": st.one_of(st.none(), st.integers(0, 6)),
                "description": st.text(max_size=20),
            }
        ),
        max_size=3,
    ),
    claims=st.lists(claim_plans, min_size=1, max_size=6),
    evidence=st.lists(evidence_plans, max_size=4),
    links=st.lists(
        st.tuples(
            st.integers(0, 99), st.integers(0, 99), st.sampled_from(LINKS), st.text(max_size=10)
        ),
        max_size=3,
    ),
    publisher=st.one_of(
        st.none(),
        st.fixed_dictionaries(
            {
                "name": st.text(min_size=1, max_size=20).filter(str.strip),
                "logo": st.one_of(st.none(), st.just("https://fc.example/logo.png")),
            }
        ),
    ),
    pins=st.lists(
        st.tuples(
            st.integers(0, 99),
            st.lists(st.integers(1, 4), min_size=1, max_size=3),
            st.sampled_from(RELATIONS),
        ),
        max_size=2,
    ),
)

PAY_TABLE = (
    "year,median pay,note\n2008,38500,base\n2016,34100,\n2020,32000,covid\n2024,30800,fell\n"
)


def build(project: Project, plan: Plan, folder: Path) -> None:
    articles = [
        project.articles.add(
            ImportedArticle(
                text=text, title=f"Story {n}", source_format="txt", url=f"https://news.example/{n}"
            )
        ).article_id
        for n, text in enumerate(plan.texts)
    ]
    speakers = []
    taken: set[str] = set()  # an alias is one speaker's: later speakers go without it
    for n, s in enumerate(plan.speakers):
        aliases = [a for a in s["aliases"] if a not in taken]
        taken.update(aliases)
        made = project.speakers.create(
            NAMES[n],
            role=s["role"],
            organisation=s["organisation"],
            aliases=aliases,
            note=s["note"],
        )
        project.speakers.update(made.id, kind=s["kind"])
        for role, valid_from, valid_to in s["roles"]:
            if valid_to is not None and valid_to < valid_from:
                valid_from, valid_to = valid_to, valid_from
            project.speakers.add_role(
                made.id, role or "adviser", valid_from=valid_from, valid_to=valid_to
            )
        speakers.append(made.id)
    topics = [
        project.codebook.add(
            "topic",
            f"topic {n}",
            colour=t["colour"],
            rating=t["rating"],
            description=t["description"],
        ).name
        for n, t in enumerate(plan.topics)
    ]
    claims: list[int] = []
    for c in plan.claims:
        article = articles[c["article"] % len(articles)]
        text = plan.texts[c["article"] % len(articles)]
        start = c["at"] % len(text)
        end = min(len(text), start + c["length"])
        if not text[start:end].strip():
            continue
        for _ in range(2 if c["twice"] else 1):
            claim = project.claims.mark(article, start, end)
            project.claims.tag(
                claim.id,
                speaker=project.speakers.get(speakers[c["speaker"] % len(speakers)]).name
                if speakers and c["speaker"] is not None
                else None,
                verdict=c["verdict"],
                topics=[topics[t % len(topics)] for t in c["topics"]] if topics else None,
                review_url=c["review_url"],
            )
            project.claims.update(claim.id, note=c["note"])
            for value, unit, base_year in c["figures"]:
                exchange_q.insert_quantity(
                    project.db,
                    claim.id,
                    {
                        "value": value,
                        "unit": unit,
                        "base_year": base_year,
                        "words": f"{value} {unit}",
                    },
                )
            if c["anchor"] == "orphan":  # what a revision that lost the words leaves
                project.db.execute(
                    "UPDATE claims SET anchor = 'orphan', start = NULL, \"end\" = NULL, "
                    "original_quote = quote WHERE id = ?",
                    [claim.id],
                )
            elif c["anchor"] == "fuzzy":  # a revision moved it onto reworded words
                project.db.execute(
                    "UPDATE claims SET anchor = 'fuzzy', original_quote = quote || ' (as marked)' "
                    "WHERE id = ?",
                    [claim.id],
                )
            claims.append(claim.id)
    if not claims:
        return
    for e in plan.evidence:
        attach = Attach(claims[e["claim"] % len(claims)], e["relation"], e["note"])
        item = e["item"]
        if item["kind"] == "url":
            project.evidence.add_url(item["url"], title=item["title"], attach=attach)
        elif item["kind"] == "statistic":
            project.evidence.add_statistic(
                item["measure"],
                item["value"],
                item["unit"],
                item["period"],
                item["source"],
                attach=attach,
            )
        else:
            project.evidence.add_note(item["text"], attach=attach)
    if plan.pins:
        table = folder / "pay.csv"
        table.write_text(PAY_TABLE, encoding="utf-8")
        project.datasets.import_file(table, "Median pay")
        for claim, rows, relation in plan.pins:
            project.evidence.add_dataset_rows(
                "Median pay", rows, Attach(claims[claim % len(claims)], relation)
            )
    seen: set[tuple[int, int, str]] = set()
    for a, b, relation, note in plan.links:
        from_claim, to_claim = claims[a % len(claims)], claims[b % len(claims)]
        if from_claim != to_claim and (from_claim, to_claim, relation) not in seen:
            seen.add((from_claim, to_claim, relation))
            with contextlib.suppress(LinkError):  # "same" one way is "same" the other way
                project.links.add(from_claim, to_claim, relation, note)
    if plan.publisher is not None:
        set_publisher(
            project.db, plan.publisher["name"], "https://fc.example/", plan.publisher["logo"]
        )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_project_to_json_to_an_empty_project_gives_everything_back(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Project.open(folder / "ours.sqlite") as ours:
            build(ours, plan, folder)
            out = folder / "claims.json"
            assert export_to_path(ours, "json", out).skipped == ()
            expected = fx.snapshot(ours)
        with Project.open(folder / "theirs.sqlite") as theirs:
            report = theirs.merge.merge_file(out)
            assert report.left_out == []
            assert fx.snapshot(theirs) == expected
            assert theirs.check() == []
