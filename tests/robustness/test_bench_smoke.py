"""Every benchmark script runs at a tiny size and prints its figures, each with its floor.

A smoke test only: the numbers are not checked (a loaded machine makes any
timing assertion flaky), only that each script still runs against the code
it measures and names the figures the README table shows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# script -> (tiny arguments, figures it must print)
TINY: dict[str, tuple[list[str], set[str]]] = {
    "startup.py": (
        ["--repeat", "1"],
        {
            "startup_first_paint",
            "startup_import_domain",
            "startup_import_ui",
            "startup_main_window",
        },
    ),
    "reader_paint.py": (
        ["--repeat", "1", "--claims", "50"],
        {
            "open_1mb_10k_claims_painted",
            "open_1mb_no_claims_painted",
            "mark_claim_1mb_10k_committed_painted",
            "mark_claim_1mb_10k_same_work",
        },
    ),
    "export_search.py": (
        ["--repeat", "1", "--articles", "1", "--claims-per-article", "400", "--no-memory"],
        {"search_claims_worst_case_every_claim", "export_json", "export_refi", "export_md"},
    ),
    "import_html.py": (
        ["--repeat", "1", "--pages", "12"],
        {"import_html_pages", "import_html_pages_cpu", "import_text_files"},
    ),
    "library.py": (
        ["--repeat", "1", "--sizes", "30"],
        {"library_open_30", "library_filter_keystroke_30", "library_typing_longest_stall_30"},
    ),
    "freezes.py": (
        ["--quick", "--size-mb", "0.05", "--claims", "300"],
        {
            "open_0.05mb_longest_stall",
            "export_csv_longest_stall",
            "export_html_longest_stall",
            "figures_view_longest_stall",
        },
    ),
    "search_dock.py": (
        ["--repeat", "1", "--articles", "1", "--claims-per-article", "400"],
        {"search_dock_figure", "search_dock_longest_stall_worst_case_every_claim"},
    ),
    "memory.py": (["--repeat", "1", "--claims", "50"], {"peak_memory_open_1mb_10k_claims"}),
}


@pytest.mark.parametrize("script", sorted(TINY))
def test_the_script_prints_its_figures_with_floors(script: str) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from common import child_env
    finally:
        sys.path.remove(str(ROOT / "bench"))
    arguments, expected = TINY[script]
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(),
        timeout=240,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    printed = json.loads(out.stdout[out.stdout.index("{") :])["figures"]
    names = {f["name"] for f in printed}
    assert expected <= names, f"{script} did not print {sorted(expected - names)}"
    for f in printed:
        assert isinstance(f["value"], (int, float)) and isinstance(f["floor"], (int, float)), f
        assert f["floor"] > 0, f"{f['name']}: a floor of nothing"
