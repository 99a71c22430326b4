"""A merge says how far it is, and a Cancel raised from its progress rolls all of it back.

The window's merge job relies on both: its progress window counts the file's
articles and claims, and its Cancel must leave the project and its history
exactly as they were (the step is recorded in the same transaction).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import Cancelled
from annotator.history import steps
from annotator.models import ImportedArticle
from annotator.project import Project

TEXT = "The union says pay fell by a fifth. Ministers disagree about the figure entirely."
URL = "https://news.example/story"
CLAIMS = 120


@pytest.fixture
def project(empty_project: Project) -> Project:
    empty_project.articles.add(
        ImportedArticle(text=TEXT, title="Story", source_format="txt", url=URL)
    )
    return empty_project


@pytest.fixture
def many(tmp_path: Path) -> Path:
    rows = [
        {
            "id": f"h{n}",
            "uri": URL,
            "target": [
                {"source": URL, "selector": [{"type": "TextQuoteSelector", "exact": "pay fell"}]}
            ],
        }
        for n in range(CLAIMS)
    ]
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"total": CLAIMS, "rows": rows}), encoding="utf-8")
    return path


def state(project: Project) -> tuple[int, int, int]:
    db = project.db
    return (
        db.execute("SELECT count(*) FROM claims").fetchone()[0],
        db.execute("SELECT count(*) FROM vocab").fetchone()[0],
        len(project.history.entries()),
    )


def test_progress_counts_the_page_and_every_claim(project: Project, many: Path) -> None:
    seen: list[tuple[int, int]] = []
    with project.merge.reporting(lambda done, total: seen.append((done, total))):
        done = steps.do(project, "merge_file", {"path": str(many)})
    assert done.result.added["claims"] == CLAIMS
    total = CLAIMS + 1  # the page the rows annotate, then the rows
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    project.merge.merge_file(many)  # outside `reporting`: nothing told any more
    assert len(seen) == len(set(seen))


def test_cancelled_midway_nothing_is_merged_and_nothing_recorded(
    project: Project, many: Path
) -> None:
    before = state(project)

    def stop_at_half(done: int, total: int) -> None:
        if done >= total // 2:
            raise Cancelled("merge cancelled")

    with project.merge.reporting(stop_at_half), pytest.raises(Cancelled):
        steps.do(project, "merge_file", {"path": str(many)})
    assert state(project) == before
    assert steps.do(project, "merge_file", {"path": str(many)}).result.added["claims"] == CLAIMS
