"""What you see is what you can find and quote: soft hyphens, zero-width characters,
decomposed accents and ligatures do not hide words from search or `mark --quote`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.models import ImportedArticle
from annotator.project import Project
from annotator.text.visible import VisibleText, find_visible

# As real sources deliver it: a German page with soft hyphens and an accent
# written as u + U+0308, a PDF with the ﬁ ligature, a CMS's zero-width spaces.
CANONICAL = (
    "Der Bericht wurde gepru\u0308ft, sagt die BMA, und in die\u00adsem Jahr "
    "nicht veröffentlicht.\n\nSome mis\ufb01ts in the NHS\u200b workforce plan remain."
)


def test_the_folded_copy_maps_every_span_back_to_canonical_text() -> None:
    visible = VisibleText(CANONICAL)
    assert "geprüft" in visible.text and "diesem Jahr" in visible.text
    assert "misfits in the NHS workforce" in visible.text
    for word in ("geprüft", "diesem Jahr", "misfits", "NHS workforce", "Der", "remain."):
        at = visible.text.index(word)
        start, end = visible.span(at, at + len(word))
        assert VisibleText(CANONICAL[start:end]).text == word


def test_find_visible_gives_the_canonical_span() -> None:
    assert find_visible(CANONICAL, "diesem Jahr") == (
        CANONICAL.index("die\u00adsem"),
        CANONICAL.index("Jahr") + 4,
    )
    start, end = find_visible(CANONICAL, "misfits") or (0, 0)
    assert CANONICAL[start:end] == "mis\ufb01ts"
    assert find_visible(CANONICAL, "misfits", occurrence=2) is None
    assert find_visible("plain text", "text") == (6, 10)


def _article(project: Project, text: str = CANONICAL, title: str = "Gepru\u0308ft") -> int:
    outcome = project.articles.add(ImportedArticle(text=text, title=title, source_format="txt"))
    assert outcome.article_id is not None
    return outcome.article_id


@pytest.mark.parametrize("query", ["geprüft", '"diesem Jahr"', "misfits", '"NHS workforce"'])
def test_search_finds_the_visible_words(empty_project: Project, query: str) -> None:
    article_id = _article(empty_project)
    _article(empty_project, "Another article about pay, with nothing folded in it at all.", "Pay")
    result = empty_project.search.search(query, kinds=("article",))
    assert [hit.id for hit in result.hits] == [article_id]
    assert result.totals["article"] == 1
    hit = result.hits[0]
    (start, end), *_ = hit.highlights
    assert hit.snippet[start:end].casefold() == query.strip('"').casefold()


def test_canonical_text_stays_byte_exact(empty_project: Project) -> None:
    article_id = _article(empty_project)
    empty_project.search.search("geprüft")
    assert empty_project.articles.get(article_id).text == CANONICAL


def test_articles_stored_before_the_index_are_folded_before_searching(
    empty_project: Project,
) -> None:
    article_id = _article(empty_project)
    empty_project.db.execute("DELETE FROM visible_texts")  # as a merged or older project has it
    result = empty_project.search.search('"diesem Jahr"', kinds=("article",))
    assert [hit.id for hit in result.hits] == [article_id]


def test_deleting_an_article_takes_its_visible_copy(empty_project: Project) -> None:
    article_id = _article(empty_project)
    empty_project.articles.delete(article_id)
    assert empty_project.search.search("geprüft", kinds=("article",)).hits == ()
    assert empty_project.db.execute("SELECT count(*) FROM visible_texts").fetchone()[0] == 0


def test_mark_quote_matches_the_visible_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bericht.txt"
    source.write_text(CANONICAL, encoding="utf-8")
    project = str(tmp_path / "p.sqlite")
    assert main(["import", str(source), "--project", project]) == 0
    capsys.readouterr()
    code = main(["mark", "1", "--quote", "in diesem Jahr", "--project", project, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    claim = json.loads(out)
    assert claim["quote"] == "in die\u00adsem Jahr"
    assert CANONICAL[claim["start"] : claim["end"]] == claim["quote"]
    code = main(["mark", "1", "--quote", "misfits", "--project", project, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["quote"] == "mis\ufb01ts"
    assert main(["mark", "1", "--quote", "not there at all", "--project", project]) == 1
