"""Our figure parser against quantulum3 on labelled news sentences, field by field.

    uv run python bench/figures_parser.py

The sentences and their expected figures are in tests/fixtures/figures_news.json
(written for this project). A found figure is paired with an expected one of the
same value in the same sentence; unpaired found figures are spurious. quantulum3
has no direction, base year, period or qualifier, so only value and unit are
scored for it (a dimensionless quantity counts as a count or a bare number).
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.figures.parser import parse  # noqa: E402

SENTENCES = ROOT / "tests" / "fixtures" / "figures_news.json"
FIELDS = ("value", "unit", "direction", "base_year", "period", "qualifier")
QUANTULUM_UNITS = {"percentage": "%", "pound sterling": "GBP", "euro": "EUR", "dollar": "USD",
                   "United States dollar": "USD", "day": "day", "hour": "hour", "week": "week",
                   "month": "month", "year": "year", "percentage point": "pp"}  # fmt: skip


def load() -> list[dict[str, Any]]:
    return list(json.loads(SENTENCES.read_text("utf-8"))["sentences"])


def ours(text: str) -> list[dict[str, Any]]:
    return [{k: q.as_json()[k] for k in FIELDS} for q in parse(text)]


def quantulum(text: str) -> list[dict[str, Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3

        found = q3.parse(text)
    out = []
    for q in found:
        unit = QUANTULUM_UNITS.get(
            q.unit.name, "count" if q.unit.name == "dimensionless" else q.unit.name
        )
        out.append({"value": q.value, "unit": unit})
    return out


def _same(field: str, want: Any, got: Any) -> bool:
    if field == "value":
        return got is not None and abs(float(got) - float(want)) <= 1e-6 * max(
            1.0, abs(float(want))
        )
    if field == "unit" and got == "count" and want is None:
        return True
    return bool(got == want)


def score(reader: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    right = dict.fromkeys(fields, 0)
    total = spurious = all_right = 0
    for sentence in load():
        found = reader(sentence["text"])
        used: set[int] = set()
        for want in sentence["figures"]:
            total += 1
            match = next((i for i, g in enumerate(found) if i not in used
                          and _same("value", want["value"], g["value"])), None)  # fmt: skip
            if match is None:
                continue
            used.add(match)
            ok = [f for f in fields if _same(f, want.get(f), found[match].get(f))]
            for f in ok:
                right[f] += 1
            all_right += len(ok) == len(fields)
        spurious += len(found) - len(used)
    shares = {f: round(right[f] / total, 3) for f in fields}
    return {"figures": total, "fields": shares, "all_fields": round(all_right / total, 3),
            "spurious": spurious}  # fmt: skip


def main() -> int:
    mine, peer = score(ours, FIELDS), score(quantulum, ("value", "unit"))
    figures = [{"name": "figures_all_fields_right", "value": mine["all_fields"], "floor": 0.95,
                "ratio": round(mine["all_fields"] / 0.95, 3), "unit": "share"},
               {"name": "figures_spurious", "value": mine["spurious"], "floor": 0,
                "ratio": 1.0, "unit": "figures"}]  # fmt: skip
    print(json.dumps({"ours": mine, "quantulum3": peer, "figures": figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
