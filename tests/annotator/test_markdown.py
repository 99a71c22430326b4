"""Markdown with YAML front matter: metadata read safely, body as paragraphs."""

from __future__ import annotations

import pytest

from annotator.errors import ImportFailure
from annotator.exchange.importers import markdown

DOC = """---
layout: post
title: "Offer rejected: what now?"
date: 2025-11-05T19:21:00
author: "A. Writer"
{url_key}: https://news.example/offer
tags: []
---

# A heading

First paragraph with **bold** and a [link](https://x.example).
It continues here.

Second paragraph: pay rose 28.9% in three years.
"""


@pytest.mark.parametrize("url_key", ["url", "link", "canonical_url"])
def test_front_matter_fields(url_key: str) -> None:
    article = markdown.read(DOC.format(url_key=url_key).encode(), "post.md")
    assert article.title == "Offer rejected: what now?"
    assert article.author == "A. Writer"
    assert article.published == "2025-11-05T19:21:00"
    assert article.url == "https://news.example/offer"
    assert article.text.split("\n\n") == [
        "A heading",
        "First paragraph with bold and a link. It continues here.",
        "Second paragraph: pay rose 28.9% in three years.",
    ]


def test_title_falls_back_to_first_line() -> None:
    article = markdown.read(b"Just a body line\n\nMore.", "plain.md")
    assert article.title == "Just a body line"
    assert article.published is None


ALIAS_BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
title: *f
---
Body.
"""


def test_alias_bomb_is_refused() -> None:
    with pytest.raises(ImportFailure, match="alias"):
        markdown.read(ALIAS_BOMB.encode(), "bomb.md")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: [unclosed\n---\nBody", "not valid YAML"),
        ("---\n- a list\n---\nBody", "not a mapping"),
        ("---\ntitle: Only front matter\n---\n", "no article text"),
        ("---\n!!python/object:os.system x: 1\n---\nBody", "YAML"),
    ],
)
def test_bad_front_matter(text: str, reason: str) -> None:
    with pytest.raises(ImportFailure, match=reason):
        markdown.read(text.encode(), "bad.md")
