"""Which other articles hold a claim's words: its quote, exactly, in their canonical text.

A ClaimReview's `appearance` and `firstAppearance` name every article the claim
appeared in; the same words reprinted by another outlet are the same claim
even when nobody linked the two. Scanning every text for every quote (20,000
claims, 10 MB of text) would take minutes, so each article's text is read
once into the set of its KEY_LENGTH-character windows at word starts after
white space (built by one regex, in C). A quote's last such window (never at
its first character: a quote may begin mid-word) is in every text holding the
quote, so an article without it cannot hold it; only the few (quote, article)
pairs left are checked against the text itself. Quotes too short for a window
(a lone figure, one word) are looked for in each article's text directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol

KEY_LENGTH = 32
# A window at every word start after white space (never at a quote's first character,
# which may be mid-word), captured in a lookahead so windows overlap.
WINDOWS = re.compile(rf"\s(?=(\w.{{{KEY_LENGTH - 1}}}))", re.DOTALL)
WORD = re.compile(r"\w")


class Quoted(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def article_id(self) -> int: ...
    @property
    def quote(self) -> str: ...


class Texted(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def text(self) -> str: ...


def _last_window(quote: str) -> str | None:
    """The quote's last window, if it has one: its end (the place, the figure) tells
    sentences apart better than its opening words."""
    at = len(quote) - KEY_LENGTH
    while at >= 1:
        if quote[at - 1].isspace() and WORD.match(quote, at):  # what WINDOWS finds in a text
            return quote[at : at + KEY_LENGTH]
        at -= 1
    return None


def elsewhere(claims: Iterable[Quoted], articles: Mapping[int, Texted]) -> dict[int, list[int]]:
    """Claim id -> ids of the other articles whose text holds its quote exactly, in id order.

    An article holding the quote holds its last window; only a quote whose window
    the article has (or one too short to have a window) is looked for in the text.
    """
    by_quote: dict[str, list[Quoted]] = {}  # quote -> the claims with those words
    for claim in claims:
        if claim.quote:
            by_quote.setdefault(claim.quote, []).append(claim)
    keys = {quote: _last_window(quote) for quote in by_quote}
    wanted = {w for w in keys.values() if w is not None}
    # The one article all of a quote's claims are in (0 when they are in several): there,
    # finding the quote says nothing new.
    home = {
        q: g[0].article_id if len({c.article_id for c in g}) == 1 else 0
        for q, g in by_quote.items()
    }
    holders: dict[str, list[int]] = {}  # quote -> the other articles holding it
    for article_id in sorted(articles):
        text = articles[article_id].text
        present = wanted.intersection(WINDOWS.findall(text))  # no set of all its windows
        for quote, window in keys.items():
            if home[quote] == article_id:
                continue
            if (window is None or window in present) and quote in text:
                holders.setdefault(quote, []).append(article_id)
    result: dict[int, list[int]] = {}
    for quote, ids in holders.items():
        for claim in by_quote[quote]:
            others = [i for i in ids if i != claim.article_id]
            if others:
                result[claim.id] = others
    return result
