"""Storing articles: duplicates recognised, changed versions become revisions."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.samples.articles import seed_samples


def _article(text: str, **kw: str) -> ImportedArticle:
    return ImportedArticle(text=text, title=kw.pop("title", "Pay row"), source_format="txt", **kw)


def test_same_text_is_a_duplicate(empty_project: Project) -> None:
    first = empty_project.articles.add(_article("Pay fell by a fifth."))
    second = empty_project.articles.add(_article("Pay fell by a fifth.", title="Other title"))
    assert (first.status, second.status) == ("imported", "duplicate")
    assert second.article_id == first.article_id
    assert empty_project.articles.count() == 1


def test_changed_text_at_same_url_is_a_revision(empty_project: Project) -> None:
    url = "https://news.example/a"
    first = empty_project.articles.add(_article("Version one.", url=url))
    second = empty_project.articles.add(_article("Version two, edited.", url=url))
    assert second.status == "revision" and second.revision_of == first.article_id
    listed = {s.id: s for s in empty_project.articles.list()}
    assert listed[second.article_id].revision_of == first.article_id
    assert empty_project.articles.get(first.article_id).text == "Version one."


def test_without_url_title_and_outlet_make_the_revision(empty_project: Project) -> None:
    empty_project.articles.add(_article("One.", outlet="BBC"))
    assert empty_project.articles.add(_article("Two.", outlet="BBC")).status == "revision"
    assert empty_project.articles.add(_article("Three.", outlet="ITV")).status == "imported"


def test_revision_hook_runs_inside_the_import(empty_project: Project) -> None:
    seen: list[tuple[int, int]] = []
    empty_project.articles.revision_hooks.append(lambda old, new: seen.append((old, new)))
    a = empty_project.articles.add(_article("One.", url="https://news.example/u"))
    b = empty_project.articles.add(_article("Two.", url="https://news.example/u"))
    assert seen == [(a.article_id, b.article_id)]


def test_metadata_is_editable(empty_project: Project) -> None:
    outcome = empty_project.articles.add(_article("Body."))
    assert outcome.article_id is not None
    changes = empty_project.articles.update_metadata(
        outcome.article_id, outlet=" The Times ", published="2025-07-30", author=""
    )
    assert outcome.article_id in changes.articles
    s = empty_project.articles.summary(outcome.article_id)
    assert (s.outlet, s.published, s.author) == ("The Times", "2025-07-30", None)


def test_failed_file_adds_nothing(empty_project: Project, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    outcome = empty_project.articles.import_file(bad)
    assert outcome.status == "failed" and "NUL" in outcome.reason
    assert empty_project.articles.count() == 0


def test_samples_are_seeded_in_three_shapes(empty_project: Project) -> None:
    outcomes = seed_samples(empty_project)
    assert [o.status for o in outcomes] == ["imported"] * 3
    articles = empty_project.articles.list()
    assert {a.source_format for a in articles} == {"txt", "md"}
    assert all(a.outlet and a.published for a in articles)
    texts = [empty_project.articles.get(a.id).text for a in articles]
    assert any("£" in t and "\u00a0" in t for t in texts)
    assert any("\n" not in t for t in texts)  # the run-together scrape
    # Seeding again adds nothing.
    assert {o.status for o in seed_samples(empty_project)} == {"duplicate"}


def test_plain_text_title_is_first_line_or_glued_headline() -> None:
    from annotator.text.titles import title_from_text

    assert title_from_text("\n\n  Pay row deepens  \nBody") == "Pay row deepens"
    scrape = "Doctors strike is over - so what happens now?30 July 2025ShareSave" + " words" * 60
    assert title_from_text(scrape) == "Doctors strike is over - so what happens now?"
    no_mark = "word " * 80
    assert title_from_text(no_mark).endswith("…") and len(title_from_text(no_mark)) <= 201


def test_the_library_listing_matches_the_summaries(claimed_project: Project) -> None:
    listing = claimed_project.articles.listing()
    summaries = claimed_project.articles.list()
    assert [(r.id, r.title, r.outlet, r.published, r.revision_of, r.claims) for r in listing] == [
        (s.id, s.title, s.outlet, s.published, s.revision_of, s.claims) for s in summaries
    ]
    assert any(r.claims for r in listing)
    assert claimed_project.articles.listing_of(listing[0].id) == listing[0]
    assert claimed_project.articles.listing_of(10**9) is None
