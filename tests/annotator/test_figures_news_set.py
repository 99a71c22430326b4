"""The labelled news set: our parser keeps every field right for >= 95% of figures.

The set (tests/fixtures/figures_news.json) and the scoring live with the bench
script, so the figure the bench prints is the one this test holds.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
AIM = 0.95


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_figures_parser", ROOT / "bench" / "figures_parser.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_field_right_for_most_figures_and_nothing_spurious() -> None:
    bench = _bench()
    result = bench.score(bench.ours, bench.FIELDS)
    assert result["all_fields"] >= AIM, result
    assert result["spurious"] == 0, result


def test_set_sentences_each_name_their_figures() -> None:
    bench = _bench()
    sentences = bench.load()
    assert all(s["text"].strip() and isinstance(s["figures"], list) for s in sentences)
    assert len(sentences) >= 100
    assert sum(len(s["figures"]) for s in sentences) >= 150
