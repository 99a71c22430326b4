"""Claim matching: does this claim in one article state the same thing as that one?

Restated claims share words ("resident doctors", "since 2008") but news
rewrites them freely, so word overlap alone both misses restatements and
joins opposites ("pay fell a fifth" and "pay rose almost 29%" share most
words). The figures decide: two claims that give figures must agree on them
(value within rounding, same direction, same base year), and the words then
only need to be moderately alike. Pure functions (rapidfuzz, no models).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from annotator.figures.arithmetic import same_subject
from annotator.figures.parser import parse
from annotator.models import Quantity

# Weights of the three signals in the score (0-100): word sets first, because
# restatements reuse the key words in any order; partial matches catch a short
# claim quoted inside a longer one; figures confirm or veto.
TOKEN_SET_WEIGHT = 0.45
PARTIAL_WEIGHT = 0.20
FIGURES_WEIGHT = 0.35
# With no figures on one side, the figure share of the score is this neutral value.
NO_FIGURES = 45.0
# Figures that contradict (no figure of one claim found in the other) cap the score.
CONTRADICTION_CAP = 40.0
# Suggestions at or above this score are shown; tuned on bench/matching_pairs.json.
THRESHOLD = 50.0
STOPWORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "and", "or", "that", "this", "it", "is", "was",
    "has", "have", "had", "be", "by", "for", "with", "as", "at", "than", "their", "they",
    "he", "she", "said", "says", "its", "there", "would", "will", "can", "from", "did", "do",
})  # fmt: skip
# Restated figures are rounded: they may differ by one unit in their last
# significant digit ("almost 29%" and "nearly 30%"), but never by more than this share.
ROUNDING_CAP = 0.05
# Units that a scrape may have lost: a bare number can stand for any of them.
LOSABLE = frozenset({"%", "GBP", "USD", "EUR", "pp"})
ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|"
                     r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth)\b", re.I)  # fmt: skip
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"]  # fmt: skip


@dataclass(frozen=True)
class MatchScore:
    score: float
    words: float  # token-set similarity, 0-100
    figures: float | None  # share of figures that agree, 0-1 (None: a side has none)
    reasons: tuple[str, ...]

    @property
    def is_match(self) -> bool:
        return self.score >= THRESHOLD


def normalise(text: str) -> str:
    words = re.findall(r"[a-z0-9£$€%]+", text.lower().replace("’", "'"))
    return " ".join(w for w in words if w not in STOPWORDS)


def _units_agree(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    return (a is None and b in LOSABLE) or (b is None and a in LOSABLE)


def _last_digit_unit(value: float) -> float:
    """1 for 29, 10 for 30, 0.1 for 5.4, 100,000 for 7,400,000."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    text = f"{abs(value):.6f}".rstrip("0")
    if text.endswith("."):
        digits = text[:-1]
        trailing = len(digits) - len(digits.rstrip("0"))
        return float(10**trailing) if digits.rstrip("0") else 0.0
    return 10.0 ** -(len(text) - text.index(".") - 1)


def values_agree(a: float, b: float) -> bool:
    """Equal up to rounding: one unit of the less precise figure's last digit, capped."""
    unit = max(_last_digit_unit(a), _last_digit_unit(b))
    allowed = min(unit, ROUNDING_CAP * max(abs(a), abs(b)))
    return abs(a - b) <= allowed + 1e-9


def figure_agrees(a: Quantity, b: Quantity) -> bool:
    """Same figure as far as a restatement goes: value within rounding, same direction,
    subject and base year (where both say)."""
    if not _units_agree(a.unit, b.unit) or not values_agree(a.value, b.value):
        return False
    if a.direction and b.direction and a.direction != b.direction:
        return False
    if a.subject and b.subject and not same_subject(a.subject, b.subject):
        return False  # consultants' 26% is not resident doctors' 26%
    return not (a.base_year and b.base_year and a.base_year != b.base_year)


def figures_agreement(a: Sequence[Quantity], b: Sequence[Quantity]) -> float | None:
    """Share of the smaller claim's figures found in the other; None when either has none."""
    if not a or not b:
        return None
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    found = sum(1 for q in small if any(figure_agrees(q, other) for other in large))
    return found / len(small)


def _ordinals(text: str) -> set[int]:
    found = set()
    for match in ORDINAL.finditer(text):
        if match.group(1):
            found.add(int(match.group(1)))
        else:
            found.add(ORDINAL_WORDS.index(match.group(2).lower()) + 1)
    return found


def score(
    a_text: str,
    b_text: str,
    a_figures: Sequence[Quantity] | None = None,
    b_figures: Sequence[Quantity] | None = None,
) -> MatchScore:
    """How likely two claims state the same thing (0-100), and why."""
    a_figures = parse(a_text) if a_figures is None else a_figures
    b_figures = parse(b_text) if b_figures is None else b_figures
    a_norm, b_norm = normalise(a_text), normalise(b_text)
    words = fuzz.token_set_ratio(a_norm, b_norm)
    partial = fuzz.partial_ratio(a_norm, b_norm)
    agreement = figures_agreement(a_figures, b_figures)
    reasons = [f"words {words:.0f}%"]
    figure_part = NO_FIGURES if agreement is None else 100 * agreement
    total = TOKEN_SET_WEIGHT * words + PARTIAL_WEIGHT * partial + FIGURES_WEIGHT * figure_part
    if agreement is not None:
        reasons.append(f"figures agree {agreement:.0%}")
        if agreement == 0:
            total = min(total, CONTRADICTION_CAP)
    a_ord, b_ord = _ordinals(a_text), _ordinals(b_text)
    if a_ord and b_ord and not a_ord & b_ord:
        total = min(total, CONTRADICTION_CAP)  # "the 12th stoppage" is not "the 13th strike"
        reasons.append("different ordinals")
    return MatchScore(round(total, 1), words, agreement, tuple(reasons))


@dataclass(frozen=True)
class Evaluation:
    precision: float
    recall: float
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def evaluate(pairs: Iterable[tuple[str, str, bool]], threshold: float = THRESHOLD) -> Evaluation:
    """Precision and recall of score() >= threshold against pairs labelled same / not same."""
    tp = fp = fn = tn = 0
    for a, b, same in pairs:
        predicted = score(a, b).score >= threshold
        tp += predicted and same
        fp += predicted and not same
        fn += (not predicted) and same
        tn += (not predicted) and not same
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return Evaluation(precision, recall, tp, fp, fn, tn)
