"""Claim matching: precision and recall on hand-labelled pairs, and its speed.

    uv run python bench/matching_eval.py

The pairs (bench/matching_pairs.json) are claims as a checker marks them in
the three sample articles, labelled same / not same by hand, plus a holdout
set written after the threshold was chosen. Prints
{"figures": [{"name", "value", "floor", "ratio", "unit"}]}: quality figures
against the floors tests/annotator/test_matching.py asserts, and the time to
score pairs next to rapidfuzz's token-set ratio alone on the same pairs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from annotator.compare.matching import evaluate, score  # noqa: E402
from annotator.figures.parser import parse  # noqa: E402

PAIRS_FILE = Path(__file__).resolve().parent / "matching_pairs.json"
# The floors the test asserts; the ratio value/floor must stay >= 1.
FLOORS = {"precision": 0.90, "recall": 0.85, "holdout_precision": 0.75, "holdout_recall": 0.75}
TIMING_ROUNDS = 20


def load_pairs(which: str = "pairs") -> list[tuple[str, str, bool]]:
    data = json.loads(PAIRS_FILE.read_text("utf-8"))
    claims = data["claims"]
    return [(claims[a], claims[b], bool(same)) for a, b, same in data[which]]


def quality() -> list[dict[str, Any]]:
    figures = []
    for prefix, which in (("", "pairs"), ("holdout_", "holdout")):
        result = evaluate(load_pairs(which))
        for name in ("precision", "recall"):
            value = getattr(result, name)
            floor = FLOORS[prefix + name]
            figures.append({"name": f"matching_{prefix}{name}", "value": round(value, 3),
                            "floor": floor, "ratio": round(value / floor, 3), "unit": "share"})  # fmt: skip
    return figures


def speed() -> dict[str, Any]:
    """Scoring with figures parsed beforehand, as project.matches does with stored figures."""
    pairs = load_pairs() * TIMING_ROUNDS
    figures = {text: parse(text) for pair in pairs for text in pair[:2]}
    started = time.perf_counter()
    for a, b, _ in pairs:
        # The floor: the two rapidfuzz ratios our score weighs, on the lower-cased
        # texts. It leaves out our normalising (dashes, quotes, numbers), comparing
        # the figures (value, direction, base year, subject) and the reasons given.
        a, b = a.lower(), b.lower()
        fuzz.token_set_ratio(a, b)
        fuzz.partial_ratio(a, b)
    bare = time.perf_counter() - started
    started = time.perf_counter()
    for a, b, _ in pairs:
        score(a, b, figures[a], figures[b])
    ours = time.perf_counter() - started
    per_pair_us = 1e6 * ours / len(pairs)
    return {"name": "matching_score_per_pair", "value": round(per_pair_us, 1),
            "floor": round(1e6 * bare / len(pairs), 2), "ratio": round(ours / bare, 1), "unit": "µs"}  # fmt: skip


def main() -> int:
    print(json.dumps({"figures": [*quality(), speed()]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
