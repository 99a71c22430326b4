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

from _figure_notes import (  # noqa: E402
    AIMS,
    AT_LEAST,
    DEFAULT_AIM,
    MEANINGS,
    NOT_YET,
    NOT_YET_BY_SUFFIX,
    REFERENCE_ONLY,
)
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
    load_before = _load()
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
        "load": [load_before, _load()],
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
    load = result.get("load")
    if load and None not in load:
        lines.append(
            f"Load average (1 minute) {load[0]:.2f} before the run and {load[1]:.2f} after: "
            "the cores were shared with other work, so single figures are noisy "
            "(each is a median of few samples, taken in turn with its floor)."
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
    if name in REFERENCE_ONLY:
        return f"reference only ({REFERENCE_ONLY[name]})"
    if name in AT_LEAST:
        aim, sign = 1.0, "≥"
        within = isinstance(ratio, (int, float)) and ratio >= aim
    else:
        aim, sign = AIMS.get(name, DEFAULT_AIM), "≤"
        within = isinstance(ratio, (int, float)) and ratio <= aim
    if within:
        return f"{sign} {aim:g}: yes"
    reason = NOT_YET.get(name) or next(
        (why for suffix, why in NOT_YET_BY_SUFFIX.items() if name.endswith(suffix)), None
    )
    return f"{sign} {aim:g}: not yet" + (f" ({reason})" if reason else "")


def _load() -> float | None:
    """The one-minute load average (None where the system does not say)."""
    import os

    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


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
