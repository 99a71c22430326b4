"""Export 100,000 claims in every format and search them, each figure next to its floor.

    uv run python bench/export_search.py [--quick] [--repeat N]

The project: ten 1 MB articles with 10,000 claims each (two with --quick),
tagged with speakers, sides, stances, verdicts and topics, some with evidence.

- search_claims_<query>: project.search.search(query, kinds=claims) — the
  query planned from what a user typed, filters, snippets, hits built;
  floor: the bare FTS5 MATCH on the same rows (same phrase, ORDER BY rank,
  same LIMIT).
- search_everything_<query>: claims, articles and evidence together; floor:
  the three bare FTS5 queries.
- export_<format>: export_to_path of every claim to a file; floor: one
  SELECT of the claims table and json.dump of the rows to a file.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

from common import emit, figure, interleaved, one_mb_text, parser, repeats, timed

ARTICLES_FULL = 10
ARTICLES_QUICK = 2
CLAIMS_PER_ARTICLE = 10_000
CLAIM_CHARS = 60
QUERIES = ("29%", "a fifth lower", "£1,000 exams")
LIMIT = 200


def build(path: Path, articles: int) -> int:
    """The benchmark project; returns how many claims it holds."""
    from annotator.anchoring import anchor_at
    from annotator.clock import new_uid, now_iso
    from annotator.models import ImportedArticle
    from annotator.project import Project
    from db import claims as claim_rows

    rng = random.Random(7)
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
        for a in range(articles):
            text = f"Article {a}\n" + one_mb_text()
            article_id = project.articles.add(
                ImportedArticle(
                    text=text,
                    title=f"Article {a}",
                    source_format="txt",
                    url=f"https://news.example/{a}",
                )
            ).article_id
            step = len(text) // CLAIMS_PER_ARTICLE
            with project.db.atomic():
                for start in range(20, 20 + step * CLAIMS_PER_ARTICLE, step):
                    anchor = anchor_at(text, start, start + CLAIM_CHARS)
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
                            "statement": anchor.quote,
                            "speaker_id": rng.choice(speakers),
                            "side_id": rng.choice(codebook["side"]),
                            "stance_id": rng.choice(codebook["stance"]),
                            "verdict_id": rng.choice(codebook["verdict"]),
                            "status": "to check",
                            "note": "check the ONS series" if start % 7 == 0 else "",
                            "created_by": "bench",
                            "created_at": now,
                            "updated_at": now,
                        },
                    )
                    claim_rows.set_topics(project.db, claim_id, [rng.choice(codebook["topic"])])
        return project.claims.count()


def main() -> int:
    args = parser(__doc__ or "", quick_repeat=3, full_repeat=5).parse_args()
    repeat = repeats(args)
    from annotator.exporters import FORMATS, export_to_path
    from annotator.project import Project
    from annotator.search import KINDS, plan

    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.sqlite"
        total = build(path, ARTICLES_QUICK if args.quick else ARTICLES_FULL)
        with Project.open(path) as project:
            conn = project.db.conn
            for query in QUERIES:
                match, _short = plan(query)

                def bare(table: str, match: str | None = match) -> list[tuple[int]]:
                    return conn.execute(
                        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                        [match, LIMIT + 1],
                    ).fetchall()

                value, floor = interleaved(
                    lambda q=query: timed(
                        lambda: project.search.search(q, kinds=("claim",), limit=LIMIT)
                    ),
                    lambda: timed(lambda: bare("claims_fts")),
                    repeat * 3,
                )
                figures.append(
                    figure(f"search_{total}_claims_{query}", value * 1000, floor * 1000, "ms")
                )
                value, floor = interleaved(
                    lambda q=query: timed(
                        lambda: project.search.search(q, kinds=KINDS, limit=LIMIT)
                    ),
                    lambda: timed(
                        lambda: [bare(t) for t in ("claims_fts", "articles_fts", "evidence_fts")]
                    ),
                    repeat * 3,
                )
                figures.append(
                    figure(f"search_everything_{query}", value * 1000, floor * 1000, "ms")
                )

            floor_out = folder / "floor.json"

            def floor_export() -> None:
                rows = [dict(r) for r in project.db.query("SELECT * FROM claims")]
                with floor_out.open("w", encoding="utf-8") as handle:
                    json.dump(rows, handle)

            for name, fmt in FORMATS.items():
                out = folder / f"export{fmt.extension}"
                value, floor = interleaved(
                    lambda n=name, o=out: timed(lambda: export_to_path(project, n, o)),
                    lambda: timed(floor_export),
                    max(1, repeat // 2),
                )
                figures.append(figure(f"export_{total}_claims_{name}", value, floor, "s"))
    emit(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
