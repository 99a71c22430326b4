"""Is this a word? Word lists from pyspellchecker, for the language a text is in.

A PDF hyphenates at line ends: "inter-" / "national" is one word cut by the
typesetter, "long-" / "term" is a compound that keeps its hyphen. Which is
which is a question for a dictionary, not a rule: pyspellchecker's word
frequency lists (built from OpenSubtitles and Wiktionary, maintained upstream)
answer it. The language is guessed from the text's commonest short words; a
list is loaded on first use (a few tenths of a second) and kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

# Short words that mark a language, for the languages pyspellchecker has lists for.
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are", "as"]
    ),
    "de": frozenset(
        ["der", "die", "und", "das", "den", "von", "ist", "nicht", "mit", "sich", "des", "auf"]
    ),
    "fr": frozenset(
        ["le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "qui", "sur", "pas"]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "y", "que", "del", "en", "por", "una", "para", "con", "es"]
    ),
    "it": frozenset(
        ["il", "di", "che", "della", "per", "una", "sono", "gli", "del", "non", "con", "nel"]
    ),
    "nl": frozenset(
        ["de", "het", "een", "van", "en", "dat", "niet", "zijn", "voor", "met", "op", "ook"]
    ),
    "pt": frozenset(
        ["o", "os", "da", "do", "das", "dos", "que", "uma", "para", "com", "não", "em"]
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 20_000


def guess_language(text: str) -> str | None:
    """The language whose marker words the text uses most, or None for too few."""
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
        for language, markers in _MARKERS.items():
            if word in markers:
                counts[language] += 1
    if not counts:
        return None
    language, hits = counts.most_common(1)[0]
    return language if hits >= 3 else None


@lru_cache(maxsize=2)
def _words(language: str) -> frozenset[str]:
    from spellchecker import SpellChecker  # loads a word list: only when a PDF needs it

    return frozenset(SpellChecker(language=language, distance=1).word_frequency.dictionary)


def word_test(language: str | None) -> Callable[[str], bool] | None:
    """A test for "is a word of this language" (case-insensitive), or None without a list."""
    if language is None or language not in _MARKERS:
        return None
    try:
        words = _words(language)
    except (ValueError, OSError):  # no list for it in this installation
        return None
    return lambda word: word.lower() in words
