"""Changes.of_imports: what a batch of imports tells the views to repaint."""

from __future__ import annotations

from annotator.models import Changes, ImportOutcome


def test_new_articles_revisions_their_old_versions_and_moved_claims_are_named() -> None:
    outcomes = [
        ImportOutcome("a.html", "imported", article_id=7),
        ImportOutcome("b.html", "revision", article_id=9, revision_of=4, moved_claims=(11, 12)),
        ImportOutcome("c.html", "duplicate", article_id=3),
        ImportOutcome("d.pdf", "failed", reason="is password-protected"),
    ]
    changes = Changes.of_imports(outcomes)
    assert changes.articles == {7, 9, 4}
    assert changes.claims == {11, 12}
    assert not (changes.everything or changes.speakers or changes.evidence)


def test_a_batch_of_duplicates_and_failures_changes_nothing() -> None:
    outcomes = [
        ImportOutcome("c.html", "duplicate", article_id=3),
        ImportOutcome("d.pdf", "failed", reason="holds no text"),
    ]
    assert Changes.of_imports(outcomes) == Changes()
