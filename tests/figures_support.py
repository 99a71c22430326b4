"""Many claims with figures in one article, written straight to the file (marking
thousands one by one would take longer than the tests that need them)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.anchoring.selectors import anchor_at
from annotator.clock import new_uid, now_iso
from annotator.models import ImportedArticle
from annotator.project import Project
from db import claims as claim_rows

MATTERS = ("resident doctors' pay", "waiting lists", "nurse numbers", "exam fees", "rota gaps")


def sentence(n: int, matter: str | None = None) -> str:
    """A claim with one figure: its subject (unless given), direction and base year vary with n."""
    change = "rose by" if n % 2 else "fell by"
    matter = matter or MATTERS[n % len(MATTERS)]
    return f"Ministers say {matter} {change} {n % 40 + 2}% since {1990 + n % 30}."


def many_claims(
    project: Project, count: int, matter: Callable[[int], str | None] = lambda _n: None
) -> list[int]:
    """`count` claims (none parsed yet), one sentence each, sides taking turns; their ids.
    `matter(n)` names the nth claim's subject (None: the five subjects take turns)."""
    sentences = [sentence(n, matter(n)) for n in range(count)]
    text = "Claims\n\n" + " ".join(sentences)
    article_id = project.articles.add(
        ImportedArticle(text=text, title="Many claims", source_format="txt")
    ).article_id
    assert article_id is not None
    sides = [e.id for e in project.codebook.entries("side")]
    now = now_iso()
    ids = []
    position = len("Claims\n\n")
    with project.db.atomic():
        for n in range(count):
            words = sentences[n]
            anchor = anchor_at(text, position, position + len(words))
            position += len(words) + 1
            ids.append(
                claim_rows.insert(
                    project.db,
                    {
                        "uid": new_uid(), "article_id": article_id, "start": anchor.start,
                        "end": anchor.end, "quote": anchor.quote, "prefix": anchor.prefix,
                        "suffix": anchor.suffix, "anchor": "exact", "statement": "",
                        "side_id": sides[n % len(sides)] if sides else None,
                        "status": "to check", "created_by": "test", "created_at": now,
                        "updated_at": now,
                    },
                )
            )  # fmt: skip
    return ids
