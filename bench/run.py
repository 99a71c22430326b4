"""Every benchmark in one command, each figure next to its floor.

    uv run python bench/run.py [--quick] [--readme] [--only NAME ...]

Runs each benchmark script in bench/ as its own process, one after another
(in parallel they would slow each other), and prints one JSON object:
`{"figures": [...], "missing": [...], "failed": [...]}`. A script that is
expected but absent is listed under "missing", one that crashes or times
out under "failed"; neither stops the others. `--quick` is passed on to the
scripts that accept it; the whole quick run stays under three minutes on a
2-core machine. `--readme` also rewrites the Performance table in README.md
between its markers.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
README = ROOT / "README.md"
sys.path.insert(0, str(BENCH))

from _export_floors import FLOOR_MEANINGS  # noqa: E402
from common import child_env  # noqa: E402

# The scripts the issue list promises, in the order the table shows them; any
# other bench/*.py that prints figures is run too, after these.
EXPECTED = (
    "startup.py",
    "reader_paint.py",
    "export_search.py",
    "import_html.py",
    "reanchor.py",
    "memory.py",
    "library.py",
    "freezes.py",
    "search_dock.py",
)
NOT_BENCHMARKS = {"run.py", "common.py"}
# Evaluations that read clones of public corpora named on their command line
# (see each script's docstring): run by hand, not by this command.
NEEDS_CORPUS = {"import_corpora.py", "import_eval.py"}
QUICK_TIMEOUT_S = 100
FULL_TIMEOUT_S = 900
START_MARKER = "<!-- performance:start -->"
END_MARKER = "<!-- performance:end -->"

# What each figure means, for the README table (figures not listed show their name).
MEANINGS: dict[str, str] = {
    "startup_first_paint": "Start the app (`annotator --project FILE`) to the first painted window; floor: a bare PySide6 window",
    "startup_interpreter": "Start-up phase: the process started until its first line runs; floor: the same in the bare window's process",
    "startup_import_domain": "Start-up phase: the domain imported (annotator.project, sqlite-utils); floor: import sqlite3",
    "startup_import_qt": "Start-up phase: PySide6's widgets imported and the QApplication made; floor: the same in the bare process",
    "startup_import_ui": "Start-up phase: our ui modules imported (ui.shell.main_window and what it imports); floor: nothing to import (shown as 1 ms)",
    "startup_open_project": "Start-up phase: the project opened (Project.open: checks, migrations); floor: sqlite3.connect and the article titles read",
    "startup_main_window": "Start-up phase: MainWindow() built; floor: a QMainWindow around a QPlainTextEdit",
    "startup_window_to_paint": "Start-up phase: from the window built to its first paint (show, layout, paint); floor: the same for the bare window",
    "open_1mb_10k_claims_painted": "Open the 1 MB article with 10,000 claims, highlights painted; floor: a bare QPlainTextEdit showing the same text",
    "open_1mb_no_claims_painted": "Open the same 1 MB text with no claims in our window; floor: a bare QPlainTextEdit showing it",
    "mark_claim_1mb_10k_committed_painted": "Mark one claim in that article: committed and repainted; floor: a bare INSERT committed and a bare QPlainTextEdit repainted",
    "peak_memory_open_1mb_10k_claims": "Peak memory of the window showing that article; floor: the same text in a bare text view",
    "import_html_pages": "Import 1,000 web pages as `annotator import FOLDER` does, in a fresh process (reader processes started and counted, read, extract, store one transaction each); floor: trafilatura alone on the same pages in one process",
    "import_html_pages_per_second": "The same import as pages per second (ratio: floor over ours)",
    "import_html_pages_cores_busy": "The same import while one spinning process per core runs beside it (a machine busy with other work); floor: trafilatura alone beside the same spinners",
    "import_html_pages_cpu": "CPU seconds of that import over the whole process tree (readers included); floor: trafilatura's CPU in one process",
    "import_html_extraction_only": "Our HTML reader on the same pages in one process, nothing stored; floor: trafilatura alone",
    "import_text_files": "Import as many plain-text files in a fresh process (read in-process: reader processes do not pay for plain text); floor: each file read, decoded and inserted in its own transaction into a bare table with an FTS5 index",
    "import_gui_longest_stall": "Longest freeze of the window while importing in the background; floor: the idle event loop",
    "reanchor_1000_claims_1mb": "Re-anchor 1,000 claims onto a revised 1 MB article and store them; floor: 1,000 `str.find` of the quotes",
    "reanchor_match_only_1000_claims": "The same re-anchoring without storing; floor: 1,000 `str.find`",
    "dataset_import_20k_rows": "Import a 20,000-row CSV as a dataset, checked and typed; floor: csv.reader and a bare executemany",
    "dataset_page_sorted_filtered": "One sorted, filtered page of that dataset; floor: the same SELECT through sqlite3",
    "matching_score_per_pair": "Score one pair of claims as possibly the same claim; floor: rapidfuzz's token-set ratio alone",
    # bench/export_search.py: 100,000 varied claims in ten 1 MB articles (20,000 with --quick)
    "search_claims_figure": "Search 100,000 claims (20,000 with --quick) for `29%` (1 in 200 match): first page of 100 hits with snippets and the total; floor: the bare FTS5 query ordered by rank and rowid, the same page and the count",
    "search_claims_place": "Search claims for a place name (1 in 500 match); floor: the bare FTS5 page and count",
    "search_claims_phrase": 'Search claims for a phrase, `"rose by 12%"` (1 in 1,500 match); floor: the bare FTS5 page and count',
    "search_claims_worst_case_every_claim": "Worst case: a word in every claim (`since`): every claim ranked; floor: the bare FTS5 page and count",
    "search_everything_figure": "Search claims, articles and evidence for `29%`: a page of each with snippets and counts; floor: the three bare FTS5 pages (with the article texts) and counts",
    "search_everything_place": "Search everything for a place name; floor: the three bare FTS5 pages and counts",
    "search_everything_phrase": "Search everything for a phrase; floor: the three bare FTS5 pages and counts",
    "search_everything_worst_case_every_claim": "Worst case: search everything for a word in every claim; floor: the three bare FTS5 pages and counts",
    "export_csv": "Export 100,000 claims (20,000 with --quick) as CSV (read, escape, write); floor: "
    + FLOOR_MEANINGS["csv"],
    "export_json": "Export the claims as our lossless JSON; floor: " + FLOOR_MEANINGS["json"],
    "export_w3c": "Export the claims as W3C Web Annotation JSON-LD; floor: "
    + FLOOR_MEANINGS["w3c"],
    "export_claimreview": "Export the claims as schema.org ClaimReview; floor: "
    + FLOOR_MEANINGS["claimreview"],
    "export_refi": "Export the claims as a REFI-QDA project (zip of XML and texts); floor: "
    + FLOOR_MEANINGS["refi"],
    "export_html": "Export the claims as the HTML report (ten 1 MB articles highlighted, the claims table); floor: "
    + FLOOR_MEANINGS["html"],
    "export_md": "Export the claims as the Markdown report; floor: " + FLOOR_MEANINGS["md"],
    "peak_memory_export_csv": "Peak memory of a process exporting those claims as CSV; floor: a process streaming the same rows to a file with sqlite3 and orjson",
    "peak_memory_export_json": "Peak memory of exporting our JSON; floor: a process streaming the same rows to a file with sqlite3 and orjson",
    "peak_memory_export_w3c": "Peak memory of exporting W3C Web Annotation; floor: a process streaming the same rows to a file with sqlite3 and orjson",
    "peak_memory_export_claimreview": "Peak memory of exporting ClaimReview; floor: a process streaming the same rows to a file with sqlite3 and orjson",
    "peak_memory_export_refi": "Peak memory of exporting REFI-QDA; floor: a process streaming the same rows to a file with sqlite3 and orjson",
    "peak_memory_export_html": "Peak memory of exporting the HTML report; floor: a process streaming the same rows to a file with sqlite3 and orjson",
    "peak_memory_export_md": "Peak memory of exporting the Markdown report; floor: a process streaming the same rows to a file with sqlite3 and orjson",
}
MEANINGS |= {
    "library_open_1000": "Open the library of 1,000 articles, painted; floor: a bare QTableView over a plain model of the same rows, no auto-sizing",
    "library_open_10000": "The same with 10,000 articles",
    "library_filter_keystroke_1000": "One letter typed in the library filter, table repainted (1,000 articles); floor: a bare QSortFilterProxyModel given the same string",
    "library_filter_keystroke_10000": "The same with 10,000 articles",
    "library_clear_filter_1000": "The library filter cleared, repainted (1,000 articles); floor: the bare proxy cleared",
    "library_clear_filter_10000": "The same with 10,000 articles",
    "library_typing_longest_stall_1000": "Longest freeze of the window while a word is typed in the filter (1,000 articles); floor: the idle event loop",
    "library_typing_longest_stall_10000": "The same with 10,000 articles",
    "search_dock_figure": "The search dock: `29%` asked for until its first page is listed and painted (search on its own thread); floor: project.search.search alone",
    "search_dock_longest_stall_figure": "Longest freeze of the window while the dock searches for `29%`; floor: the idle event loop",
    "search_dock_worst_case_every_claim": "The search dock for a word in every claim; floor: project.search.search alone",
    "search_dock_longest_stall_worst_case_every_claim": "Longest freeze of the window while the dock ranks every claim; floor: the idle event loop",
    "open_5mb_longest_stall": "Longest freeze of the window while it opens a 5 MB article; floor: the idle event loop",
    "open_10mb_longest_stall": "Longest freeze of the window while it opens a 10 MB article; floor: the idle event loop",
}
for _fmt in ("csv", "json", "w3c", "claimreview", "refi", "html", "md"):
    MEANINGS[f"export_{_fmt}_longest_stall"] = (
        f"Longest freeze of the window while the export dialog's worker writes {_fmt} "
        "(20,000 claims; 4,000 with --quick); floor: the idle event loop"
    )

# The ratio each figure aims at (ours over the floor); quality figures (the
# matching ones) must stay at or above theirs instead.
DEFAULT_AIM = 2.0
AIMS: dict[str, float] = {
    "import_html_pages": 1.25,
    "import_html_pages_per_second": 1.25,
    "import_html_pages_cpu": 1.25,
    "import_html_pages_cores_busy": 1.25,
    "import_text_files": 1.25,
}
AT_LEAST = ("matching_",)
# Why a figure is not yet within its aim, shown in the table when it is not.
NOT_YET: dict[str, str] = {}

for _name in ("precision", "recall", "holdout_precision", "holdout_recall"):
    MEANINGS[f"matching_{_name}"] = (
        f"Similar-claim matching {_name.replace('_', ' ')} (quality; floor: the level the tests demand, ratio must stay >= 1)"
    )


def scripts(bench: Path = BENCH, expected: tuple[str, ...] = EXPECTED) -> list[str]:
    present = sorted(p.name for p in bench.glob("*.py") if not p.name.startswith("_"))
    skipped = NOT_BENCHMARKS | NEEDS_CORPUS
    extra = [name for name in present if name not in expected and name not in skipped]
    return [*expected, *extra]


def accepts_quick(path: Path) -> bool:
    return "--quick" in path.read_text(encoding="utf-8")


def parse_figures(stdout: str) -> list[dict[str, Any]]:
    """The last JSON object with a "figures" list in a script's output."""
    lines = stdout.strip().splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("{")]
    for start in reversed(starts):
        candidate = "\n".join(lines[start:])
        try:
            value = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict) and isinstance(value.get("figures"), list):
            return [f for f in value["figures"] if isinstance(f, dict) and "name" in f]
    raise ValueError("printed no JSON object with a figures list")


def run_script(path: Path, quick: bool) -> tuple[list[dict[str, Any]], str | None]:
    """Figures of one script, or an error saying why there are none."""
    name = path.name
    command = [sys.executable, str(path)]
    if quick and accepts_quick(path):
        command.append("--quick")
    try:
        out = subprocess.run(
            command,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=child_env(),
            timeout=QUICK_TIMEOUT_S if quick else FULL_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [], f"timed out after {QUICK_TIMEOUT_S if quick else FULL_TIMEOUT_S} s"
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["(no output)"])[-1]
        return [], f"exit {out.returncode}: {last}"
    try:
        figures = parse_figures(out.stdout)
    except ValueError as exc:
        return [], str(exc)
    for f in figures:
        f.setdefault("script", name)
    return figures, None


def run_all(
    quick: bool,
    only: list[str] | None = None,
    bench: Path = BENCH,
    expected: tuple[str, ...] = EXPECTED,
) -> dict[str, Any]:
    figures: list[dict[str, Any]] = []
    missing: list[str] = []
    failed: list[dict[str, str]] = []
    started = time.perf_counter()
    for name in scripts(bench, expected):
        if only and name.removesuffix(".py") not in only and name not in only:
            continue
        if not (bench / name).exists():
            missing.append(name)
            continue
        print(f"bench: running {name}…", file=sys.stderr, flush=True)
        found, error = run_script(bench / name, quick)
        if error is not None:
            failed.append({"script": name, "reason": error})
        figures.extend(found)
    return {
        "figures": figures,
        "missing": missing,
        "failed": failed,
        "quick": quick,
        "seconds": round(time.perf_counter() - started, 1),
    }


def _number(value: Any, unit: str) -> str:
    if not isinstance(value, (int, float)):
        return str(value)
    if unit == "s":
        return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"
    return f"{value:,.1f} {unit}".strip()


def table(result: dict[str, Any]) -> str:
    lines = [
        "| Figure | Ours | Floor | Ratio | Aim | What it measures |",
        "|---|---:|---:|---:|---|---|",
    ]
    for f in result["figures"]:
        unit = str(f.get("unit", ""))
        lines.append(
            f"| `{f['name']}` | {_number(f.get('value'), unit)} | {_number(f.get('floor'), unit)} "
            f"| {f.get('ratio')} | {aim_status(f)} | {MEANINGS.get(f['name'], f.get('meaning', ''))} |"
        )
    for name in result["missing"]:
        lines.append(f"| `{name}` | – | – | – | – | not yet written |")
    for item in result["failed"]:
        lines.append(f"| `{item['script']}` | – | – | – | – | failed: {item['reason']} |")
    kind = "`--quick`" if result["quick"] else "full"
    cpus = _cpu_count()
    lines.append("")
    lines.append(
        f"Measured {date.today().isoformat()} ({kind} run, {result['seconds']} s) on "
        f"{platform.system()} {platform.machine()}, {cpus} CPU cores, Python {platform.python_version()}."
    )
    return "\n".join(lines)


def aim_status(f: dict[str, Any]) -> str:
    """ "≤ 2: yes", or "≤ 2: not yet" with the reason when one is recorded.

    A figure whose floor is not the same work (it wrote a different amount)
    says "reference only": its ratio is printed but aims at nothing.
    """
    name, ratio = str(f["name"]), f.get("ratio")
    if f.get("reference_only"):
        return "reference only (the floor writes a different amount)"
    if any(name.startswith(p) for p in AT_LEAST):
        aim, sign = 1.0, "≥"
        within = isinstance(ratio, (int, float)) and ratio >= aim
    else:
        aim, sign = AIMS.get(name, DEFAULT_AIM), "≤"
        within = isinstance(ratio, (int, float)) and ratio <= aim
    if within:
        return f"{sign} {aim:g}: yes"
    reason = NOT_YET.get(name)
    return f"{sign} {aim:g}: not yet" + (f" ({reason})" if reason else "")


def _cpu_count() -> int:
    import os

    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )


def rewrite_readme(result: dict[str, Any], readme: Path = README) -> None:
    text = readme.read_text(encoding="utf-8")
    if START_MARKER not in text or END_MARKER not in text:
        raise SystemExit(f"{readme}: no {START_MARKER} … {END_MARKER} markers to rewrite between")
    head, rest = text.split(START_MARKER, 1)
    _, tail = rest.split(END_MARKER, 1)
    readme.write_text(
        f"{head}{START_MARKER}\n{table(result)}\n{END_MARKER}{tail}", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="short runs (under three minutes in all)"
    )
    parser.add_argument(
        "--readme", action="store_true", help="rewrite README.md's Performance table"
    )
    parser.add_argument("--only", nargs="*", help="run only these scripts (names without .py)")
    args = parser.parse_args(argv)
    result = run_all(args.quick, args.only)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.readme:
        rewrite_readme(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
