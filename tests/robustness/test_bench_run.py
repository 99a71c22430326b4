"""bench/run.py: every script's figures merged, a missing or broken script reported, not fatal."""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


@pytest.fixture(scope="module")
def run() -> ModuleType:
    return _load("run")


GOOD = """
import json, sys
quick = "--quick" in sys.argv
print("warming up")
print(json.dumps({"figures": [{"name": "good", "value": 2.0 if quick else 3.0,
                               "floor": 1.0, "ratio": 2.0, "unit": "s"}]}, indent=2))
"""
NO_QUICK = """
import argparse, json
argparse.ArgumentParser().parse_args()
print(json.dumps({"figures": [{"name": "plain", "value": 1, "floor": 1, "ratio": 1.0, "unit": "MB"}]}))
"""
CRASHES = "raise SystemExit('the floor library is not installed')\n"
SILENT = "print('no figures here')\n"


@pytest.fixture
def bench_dir(tmp_path: Path) -> Path:
    for name, code in {
        "good.py": GOOD,
        "no_quick.py": NO_QUICK,
        "crashes.py": CRASHES,
        "silent.py": SILENT,
        "common.py": "raise AssertionError('helpers are not run')\n",
    }.items():
        (tmp_path / name).write_text(textwrap.dedent(code), encoding="utf-8")
    return tmp_path


def test_figures_are_merged_and_absent_or_broken_scripts_reported(
    run: ModuleType, bench_dir: Path
) -> None:
    result = run.run_all(quick=True, bench=bench_dir, expected=("good.py", "promised.py"))
    by_name = {f["name"]: f for f in result["figures"]}
    assert set(by_name) == {"good", "plain"}
    assert by_name["good"]["value"] == 2.0  # --quick reached the script that takes it
    assert by_name["plain"]["script"] == "no_quick.py"  # and was not forced on one that does not
    assert result["missing"] == ["promised.py"]
    reasons = {item["script"]: item["reason"] for item in result["failed"]}
    assert set(reasons) == {"crashes.py", "silent.py"}
    assert "not installed" in reasons["crashes.py"]
    assert "no JSON" in reasons["silent.py"]


def test_full_run_does_not_pass_quick(run: ModuleType, bench_dir: Path) -> None:
    result = run.run_all(quick=False, only=["good"], bench=bench_dir, expected=())
    assert [f["value"] for f in result["figures"]] == [3.0]


def test_readme_table_is_rewritten_between_markers_only(
    run: ModuleType, bench_dir: Path, tmp_path: Path
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Title\n\nBefore.\n\n{run.START_MARKER}\nold table\n{run.END_MARKER}\n\nAfter.\n",
        encoding="utf-8",
    )
    result = run.run_all(quick=True, bench=bench_dir, expected=("good.py", "promised.py"))
    run.rewrite_readme(result, readme)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\nBefore.") and text.endswith("After.\n")
    assert "old table" not in text
    assert "| `good` | 2,000 ms | 1,000 ms | 2.0 | ≤ 2: yes |" in text
    assert "`promised.py` | – | – | – | – | not yet written" in text
    assert "failed: exit 1" in text


def test_the_real_readme_has_the_markers(run: ModuleType) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert run.START_MARKER in text and run.END_MARKER in text


def test_json_is_found_after_other_output(run: ModuleType) -> None:
    out = "building the case…\n" + json.dumps({"figures": [{"name": "x"}]}, indent=2) + "\n"
    assert run.parse_figures(out) == [{"name": "x"}]
    with pytest.raises(ValueError):
        run.parse_figures("{not json")


def test_the_table_says_which_figures_are_not_yet_within_their_aim(run: ModuleType) -> None:
    run.NOT_YET["slow_thing"] = "the layout is done in one go"
    run.AIMS["slow_import"] = 1.25
    try:
        assert run.aim_status({"name": "fast_thing", "ratio": 1.4}) == "≤ 2: yes"
        assert run.aim_status({"name": "slow_import", "ratio": 1.4}) == "≤ 1.25: not yet"
        assert run.aim_status({"name": "matching_score_per_pair", "ratio": 2.7}).startswith(
            "≤ 2: not yet"
        )  # a timing, though its name starts as the quality figures' do
        assert (
            run.aim_status({"name": "slow_thing", "ratio": 3.1})
            == "≤ 2: not yet (the layout is done in one go)"
        )
        assert run.aim_status({"name": "matching_recall", "ratio": 0.9}) == "≥ 1: not yet"
        assert run.aim_status({"name": "matching_recall", "ratio": 1.0}) == "≥ 1: yes"
    finally:
        run.NOT_YET.pop("slow_thing")
        run.AIMS.pop("slow_import")


def test_a_floor_writing_a_different_amount_is_reference_only(run: ModuleType) -> None:
    status = run.aim_status({"name": "export_html", "ratio": 0.5, "reference_only": True})
    assert status.startswith("reference only")
    assert run.aim_status({"name": "export_html", "ratio": 0.5, "reference_only": False}) == (
        "≤ 2: yes"
    )


def test_evaluations_needing_corpora_are_not_run(run: ModuleType, bench_dir: Path) -> None:
    (bench_dir / "import_eval.py").write_text("raise SystemExit(2)\n", encoding="utf-8")
    assert "import_eval.py" not in run.scripts(bench_dir, ())
