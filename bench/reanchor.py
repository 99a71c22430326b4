"""Re-anchoring 1,000 claims onto a revised 1 MB article, next to plain str.find.

    uv run python bench/reanchor.py [--quick] [--repeat N]

The article is a megabyte of distinct paragraphs (a real article does not
repeat itself; bench.common's repeated paragraph would make every quote occur
thousands of times). The revision inserts, deletes, rewords, fixes typos,
retypesets quotes and moves a paragraph. Figures:

- reanchor_1000_claims_1mb: `project.claims.move_to_revision` (diff, matching
  and the 1,000 row updates in one transaction, rolled back between samples);
- reanchor_match_only_1000_claims: the pure matcher alone on the same claims.

The floor of both is 1,000 `str.find` of the claims' quotes in the new text:
what finding them would cost if nothing had moved and nothing were checked.
The tally (exact / fuzzy / orphan) goes to stderr.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from common import ONE_MB, emit, figure, interleaved, parser, repeats, timed

from annotator.anchoring.reanchor import FoldedText, locate
from annotator.anchoring.selectors import anchor_at
from annotator.anchoring.textdiff import PositionMap
from annotator.models import ImportedArticle
from annotator.project import Project

CLAIMS = 1_000
QUOTE_CHARS = 60
EDITS = 200
SEED = 20250730
WORDS = [
    "pay",
    "doctors",
    "union",
    "ministers",
    "strike",
    "inflation",
    "training",
    "posts",
    "exam",
    "fees",
    "patients",
    "appointments",
    "hospital",
    "rota",
    "consultants",
    "offer",
    "ballot",
    "mandate",
    "talks",
    "England",
    "NHS",
    "BMA",
    "government",
    "award",
    "percent",
    "since",
    "three",
    "years",
    "rise",
    "fall",
    "real",
    "terms",
    "measure",
]


def article(rng: random.Random, size: int = ONE_MB) -> str:
    paragraphs: list[str] = []
    total = 0
    number = 0
    while total < size:
        number += 1
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 110))]
        words.insert(rng.randrange(len(words)), f"{rng.randint(1, 99_999):,}")
        words.insert(rng.randrange(len(words)), f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"')
        paragraph = f"{number}. " + " ".join(words).capitalize() + ". 😀\n\n"
        paragraphs.append(paragraph)
        total += len(paragraph)
    return "".join(paragraphs)


def revise(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    for _ in range(EDITS):
        i = rng.randrange(len(paragraphs))
        p = paragraphs[i]
        kind = rng.randrange(5)
        if kind == 0:
            paragraphs.insert(i, "Update: " + " ".join(rng.choice(WORDS) for _ in range(30)) + ".")
        elif kind == 1 and len(p) > 200:
            cut = rng.randrange(len(p) - 100)
            paragraphs[i] = p[:cut] + p[cut + 80 :]
        elif kind == 2 and len(p) > 20:
            at = rng.randrange(len(p) - 10)
            paragraphs[i] = p[:at] + p[at + 1] + p[at] + p[at + 2 :]  # a swapped-letter typo
        elif kind == 3:
            paragraphs[i] = p.replace('"', "“", 1).replace('"', "”", 1)
        else:
            paragraphs.append(paragraphs.pop(i))  # moved to the end
    return "\n\n".join(paragraphs)


def build(folder: Path) -> tuple[Project, int, int, str, list[tuple[str, str, str, int]]]:
    rng = random.Random(SEED)
    old = article(rng)
    new = revise(old, rng)
    project = Project.open(folder / "reanchor.sqlite")
    project.articles.revision_hooks.clear()  # the claims move only when measured
    old_id = project.articles.add(
        ImportedArticle(text=old, title="Long", source_format="txt", url="https://x.example/a")
    ).article_id
    assert old_id is not None
    step = len(old) // CLAIMS
    anchors = []
    with project.db.atomic():
        for k in range(CLAIMS):
            start = k * step
            claim = project.claims.mark(old_id, start, start + QUOTE_CHARS)
            a = anchor_at(old, claim.start or 0, claim.end or 0)
            anchors.append((a.quote, a.prefix, a.suffix, a.start))
    new_id = project.articles.add(
        ImportedArticle(text=new, title="Long", source_format="txt", url="https://x.example/a")
    ).article_id
    assert new_id is not None
    return project, old_id, new_id, old, anchors


def main() -> None:
    args = parser(__doc__ or "", quick_repeat=3, full_repeat=5).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project, old_id, new_id, old, anchors = build(Path(tmp))
        new = project.articles.get(new_id).text
        db = project.db

        def move() -> float:
            db.execute("BEGIN")
            try:
                return timed(lambda: project.claims.move_to_revision(old_id, new_id))
            finally:
                db.conn.rollback()

        def match_only() -> float:
            def work() -> None:
                positions = PositionMap(old, new)
                folded = FoldedText(new)
                for quote, prefix, suffix, start in anchors:
                    locate(new, quote, prefix, suffix, positions.map(start), folded)

            return timed(work)

        def floor() -> float:
            return timed(lambda: [new.find(quote) for quote, _, _, _ in anchors])

        n = repeats(args)
        moved, floor_a = interleaved(move, floor, n)
        matched, floor_b = interleaved(match_only, floor, n)

        db.execute("BEGIN")
        project.claims.move_to_revision(old_id, new_id)
        tally = Counter(c.anchor for c in project.claims.list(new_id))
        wrong = project.check()
        db.conn.rollback()
        project.close()
    print(
        f"reanchor tally over {CLAIMS} claims: {dict(tally)}; integrity findings: {len(wrong)}",
        file=sys.stderr,
    )
    emit(
        [
            figure("reanchor_1000_claims_1mb", moved, floor_a, "s"),
            figure("reanchor_match_only_1000_claims", matched, floor_b, "s"),
        ]
    )


if __name__ == "__main__":
    main()
