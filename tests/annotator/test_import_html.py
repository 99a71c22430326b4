"""Saved web pages: the article and its metadata in, the page furniture out."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from annotator.errors import ImportFailure
from annotator.exchange.importers import html, read_file
from tests.conftest import FIXTURES

PAGE = FIXTURES / "article_page.html"
PARAGRAPH = "<p>Paragraph {i}: the union says pay fell by {i}% in real terms since 2008, ministers disagree.</p>"


def _page(body: str, head: str = "<title>A page</title>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the importer tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_article_page_metadata_comes_from_og_tags_and_json_ld(no_network: None) -> None:
    article = read_file(PAGE)
    assert article.title == "Resident doctors vote to strike again over pay"
    assert article.author == "Priya Raman"
    assert article.published == "2025-07-09T06:30:00+01:00"
    assert article.outlet == "The Ward Gazette"
    assert article.url == "https://wardgazette.example/health/2025/07/resident-doctors-strike-vote"
    assert article.language == "en-GB"
    assert article.source_format == "html"
    assert article.metadata["modified"] == "2025-07-09T11:05:00+01:00"


def test_article_page_body_keeps_the_story_and_drops_the_furniture() -> None:
    text = read_file(PAGE).text
    for kept in (
        "Of the members who returned a ballot, 90.3% backed further walkouts",
        "“We have been clear that we will not reopen this year’s pay award,”",
        "more than £1,000 a year",
        "About 30,000 doctors applied for 10,000 speciality posts this year.",
        "Emergency care will be kept running during any strike.",
    ):
        assert kept in text
    for dropped in (
        "cookies",  # banner
        "Subscribe for £1",  # navigation
        "Related stories",
        "Consultants accept pay offer",  # related links
        "rota gaps",  # comments
        "taxpayer42",
        "All rights reserved",  # footer
        "dataLayer",  # scripts
        "querySelectorAll",
        "video.example",  # iframe
        "picket-line.jpg",  # image
    ):
        assert dropped not in text


def test_headings_and_paragraphs_are_separate_blocks() -> None:
    blocks = read_file(PAGE).text.split("\n\n")
    assert blocks[0] == "Resident doctors vote to strike again over pay"
    assert "What the government says" in blocks
    assert "What happens next" in blocks
    assert blocks[1].startswith("Resident doctors in England have voted by a large margin")
    # the two list items stay together, one per line
    assert (
        "About 30,000 doctors applied for 10,000 speciality posts this year.\n"
        "The last five-day walkout ended on 30 July."
    ) in blocks
    assert all(block == block.strip() and block for block in blocks)


def test_characters_survive_exactly() -> None:
    body = "<article><p>Pay rose by 5%&nbsp;this year — “café” staff said 😀, and 100&#8239;000 walked out.</p></article>"
    text = html.read(_page(body), "chars.html").text
    assert (
        text == "Pay rose by 5%\u00a0this year — “café” staff said 😀, and 100\u202f000 walked out."
    )


def test_declared_legacy_charset_is_honoured() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Prix</title></head><body><article><p>Café owners say “prices” rose by £5 – again.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    assert html.read(page, "legacy.html").text == "Café owners say “prices” rose by £5 – again."


def test_cyrillic_page_declared_as_windows_1251() -> None:
    sentence = "Врачи объявили забастовку из-за зарплаты."
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head>'
        f"<body><article><p>{sentence}</p></article></body></html>"
    ).encode("cp1251")
    assert html.read(page, "ru.html").text == sentence


def test_xhtml_with_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>XHTML</title></head><body><article><p>Strict markup still reads: £29,384.</p>"
        "</article></body></html>"
    ).encode()
    assert html.read(page, "page.xhtml").text == "Strict markup still reads: £29,384."


def test_page_without_metadata_takes_its_title_from_the_text() -> None:
    article = html.read(b"<p>Just one line of text.</p>", "bare.html")
    assert (article.title, article.text) == ("Just one line of text.", "Just one line of text.")
    assert article.author is None and article.url is None and article.published is None


def test_nested_tens_of_thousands_deep_keeps_all_its_text() -> None:
    depth = 40_000
    body = (
        "<p>Before the nesting, an ordinary opening paragraph.</p>"
        + "<div><span>" * depth
        + "<p>The inner paragraph libxml2 alone would silently drop.</p>"
        + "</span></div>" * depth
        + "<p>After the nesting, the closing paragraph.</p>"
    )
    text = html.read(_page(body), "deep.html").text
    assert "Before the nesting" in text
    assert "The inner paragraph libxml2 alone would silently drop." in text
    assert "After the nesting, the closing paragraph." in text


def test_paragraphs_past_the_flattening_depth_do_not_run_together() -> None:
    paragraphs = "".join(PARAGRAPH.format(i=i) for i in range(4))
    body = "<article>" + "<div>" * 300 + paragraphs + "</div>" * 300 + "</article>"
    text = html.read(_page(body), "deep300.html").text
    for i in range(4):
        assert f"Paragraph {i}: the union says pay fell by {i}% in real terms" in text
    assert "disagree.Paragraph" not in text


def test_unclosed_deep_nesting_still_imports() -> None:
    body = "<div><b>" * 30_000 + "<p>Unclosed tags everywhere, but the sentence is here.</p>"
    assert "the sentence is here." in html.read(_page(body), "unclosed.html").text


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ("<script>document.write('<p>Injected story</p>')</script><noscript></noscript>", ""),
        ("", "<script src='https://evil.example/x.js'></script><style>body{}</style>"),
        ("<nav><a href='/'>Home</a></nav>", "<title>Only a menu</title>"),
    ],
    ids=["scripts", "head-only", "nav-only"],
)
def test_page_with_no_article_text_is_refused(body: str, head: str) -> None:
    with pytest.raises(ImportFailure, match="holds no readable article text"):
        html.read(_page(body, head), "empty-page.html")


def test_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_HTML_BYTES", html.MEGABYTE // 2)
    with pytest.raises(
        ImportFailure, match=r"is 0\.[6-9] MB, over the 0\.5 MB limit for web pages"
    ):
        html.read(_page(PARAGRAPH.format(i=1) * 8000), "big.html")


def test_hostile_json_ld_is_only_ever_data(tmp_path: Path) -> None:
    deep_json = "[" * 100_000 + "]" * 100_000
    head = (
        f'<script type="application/ld+json">{deep_json}</script>'
        '<script type="application/ld+json">{"datePublished": "not a date", "x": </script>'
        '<meta property="article:published_time" content="coming soon">'
    )
    body = "<article><p>The text is still imported when the metadata is broken.</p></article>"
    article = html.read(_page(body, head), "json.html")
    assert article.text == "The text is still imported when the metadata is broken."
    assert article.published is None


def test_page_too_large_for_extraction_keeps_its_whole_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from annotator.exchange.importers import html_large

    monkeypatch.setattr(html, "MAX_EXTRACT_ELEMENTS", 50)
    head = (
        '<title>Hansard: pay debate</title><meta name="author" content="House of Commons">'
        '<meta property="og:site_name" content="Hansard"><link rel="canonical" href="https://hansard.example/pay">'
        '<meta property="article:published_time" content="2025-07-10">'
    )
    body = (
        "<header><nav><a href='/'>Home</a></nav></header>"
        "<div class='cookie-banner'><p>We use cookies.</p></div>"
        + "".join(PARAGRAPH.format(i=i) for i in range(60))
        + "<p>A line<br>broken in two.</p><aside><p>Related debates</p></aside>"
        "<footer><p>Parliamentary copyright</p></footer><script>track()</script>"
    )
    article = html.read(_page(body, head), "hansard.html")
    assert html_large.element_count(html_large.etree.fromstring("<a><b/><c/></a>")) == 3
    blocks = article.text.split("\n\n")
    assert len(blocks) == 61
    assert blocks[0].startswith("Paragraph 0:") and blocks[-1] == "A line\nbroken in two."
    for furniture in ("Home", "cookies", "Related debates", "copyright", "track()"):
        assert furniture not in article.text
    assert (article.title, article.author, article.outlet) == (
        "Hansard: pay debate",
        "House of Commons",
        "Hansard",
    )
    assert (article.url, article.published) == ("https://hansard.example/pay", "2025-07-10")
    assert article.metadata["extraction"].startswith("whole page")


def test_tables_quotes_and_nested_lists_become_lines() -> None:
    body = (
        "<article><h1>Pay in figures</h1>"
        "<p>The union’s table, as published, sets out the claim in full for readers.</p>"
        "<table><tr><th>Year</th><th>Pay</th></tr><tr><td>2008</td><td>£37,000</td></tr>"
        "<tr><td>2025</td><td>£38,831</td></tr></table>"
        "<blockquote><p>“This is not about a pay rise, it is about pay restoration,” the chair said.</p></blockquote>"
        "<ul><li>Exam fees<ul><li>Membership fees</li></ul></li><li>Training posts</li></ul>"
        "<p>Ministers said the figures leave out pension contributions entirely.</p></article>"
    )
    text = html.read(_page(body), "figures.html").text
    assert "Year\tPay\n2008\t£37,000\n2025\t£38,831" in text
    assert (
        "“This is not about a pay rise, it is about pay restoration,” the chair said."
        in text.split("\n\n")
    )
    assert "Exam fees\nMembership fees\nTraining posts" in text


def test_pictures_inlined_as_data_uris_do_not_stop_a_saved_page() -> None:
    picture = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * 300_000 + '">'
    body = (
        "<article><p>The saved page still reads: strike dates are to follow.</p>"
        + picture
        + "</article>"
    )
    assert (
        html.read(_page(body), "singlefile.html").text
        == "The saved page still reads: strike dates are to follow."
    )
