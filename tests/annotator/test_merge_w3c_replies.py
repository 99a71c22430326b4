"""W3C "replying" annotations come in as reply notes on the claim they answer.

The file is written here the way a W3C annotation server (and the Hypothesis
client's own W3C output) writes a thread: the annotation on the words, then
replies whose target is that annotation's id, not a page, in any order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.cli.main import main
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.fixtures import hypothesis_page as page

ROOT = "https://annotations.example/a/w3c-root-1"
OTHER = "https://annotations.example/a/w3c-root-2"
SECOND = "Ministers dispute the figure, saying it depends on which measure of inflation is used."


@pytest.fixture
def news_project(empty_project: Project) -> Project:
    empty_project.articles.add(
        ImportedArticle(
            text=page.canonical_text(), title=page.TITLE, source_format="html", url=page.ARTICLE_URL
        )
    )
    return empty_project


def _annotation(annotation_id: str, quote: str, comment: str, who: str) -> dict[str, Any]:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": annotation_id,
        "type": "Annotation",
        "motivation": "commenting",
        "creator": {"type": "Person", "name": who},
        "created": "2025-11-05T09:00:00Z",
        "body": [{"type": "TextualBody", "purpose": "commenting", "value": comment}],
        "target": {
            "source": page.ARTICLE_URL + "?utm_source=newsletter",
            "selector": [{"type": "TextQuoteSelector", "exact": quote}],
        },
    }


def _reply(
    reply_id: str, to: str | dict[str, str], text: str, who: str, created: str
) -> dict[str, Any]:
    return {
        "id": reply_id,
        "type": "Annotation",
        "motivation": "replying",
        "creator": {"type": "Person", "name": who},
        "created": created,
        "body": {"type": "TextualBody", "value": text, "format": "text/plain"},
        "target": to,
    }


def _collection(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": list(items)},
    }


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "thread.jsonld"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_replies_land_after_the_comment_oldest_first_and_are_no_claims(
    news_project: Project, tmp_path: Path
) -> None:
    doc = _collection(
        # The later reply comes first in the file: order is by date, not by place.
        _reply(
            "https://annotations.example/a/r2",
            ROOT,
            "ONS says 21%.",
            "omar",
            "2025-11-07T10:00:00Z",
        ),
        _annotation(ROOT, page.UNION_SENTENCE, "Source: BMA pay briefing", "jfielding"),
        _reply(
            "https://annotations.example/a/r1",
            ROOT,
            " Agreed, and the IFS puts it at about a fifth. ",
            "priya_s",
            "2025-11-06T08:00:00Z",
        ),
        _annotation(OTHER, SECOND, "Which index?", "omar"),
        _reply(
            "https://annotations.example/a/r3",
            {"id": OTHER, "type": "Annotation"},
            "CPIH, per the DHSC note.",
            "acct:priya_s@hypothes.is",
            "2025-11-06T12:00:00Z",
        ),
        # A reply to a reply joins the thread's root claim.
        _reply(
            "https://annotations.example/a/r4",
            "https://annotations.example/a/r3",
            "Thanks.",
            "omar",
            "2025-11-08T09:00:00Z",
        ),
    )
    path = _write(tmp_path, doc)
    report = news_project.merge.merge_file(path)
    assert report.left_out == []
    assert report.added["claims"] == 2
    notes = {c.quote: c.note for c in news_project.claims.list()}
    assert notes[page.UNION_SENTENCE] == (
        "Source: BMA pay briefing\n\n"
        "Reply from priya_s (2025-11-06): Agreed, and the IFS puts it at about a fifth.\n\n"
        "Reply from omar (2025-11-07): ONS says 21%."
    )
    assert notes[SECOND] == (
        "Which index?\n\nReply from priya_s (2025-11-06): CPIH, per the DHSC note.\n\n"
        "Reply from omar (2025-11-08): Thanks."
    )
    # Merged again: the same annotations are already there, nothing doubled.
    assert news_project.merge.merge_file(path).added["claims"] == 0
    assert {c.quote: c.note for c in news_project.claims.list()} == notes


def test_a_reply_to_an_annotation_not_in_the_file_is_left_out_with_exit_1(
    news_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lost = "https://annotations.example/a/gone"
    doc = _collection(
        _annotation(ROOT, page.UNION_SENTENCE, "Source: BMA pay briefing", "jfielding"),
        _reply("https://annotations.example/a/r9", lost, "Me too.", "omar", "2025-11-06T09:00:00Z"),
        {"id": "https://annotations.example/a/r10", "type": "Annotation", "motivation": "replying"},
    )
    path = _write(tmp_path, doc)
    code = main(["merge", str(path), "--project", str(news_project.path)])
    assert code == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{path}: left out https://annotations.example/a/r10: is a reply with no target",
        f"{path}: left out https://annotations.example/a/r9: "
        f"is a reply to {lost}, not in this file",
    ]
    claims = news_project.claims.list()
    assert [c.note for c in claims] == ["Source: BMA pay briefing"]
