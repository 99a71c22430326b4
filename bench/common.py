"""What every benchmark shares: the sample texts, the projects, the JSON it prints.

Every figure is measured next to its floor (the same work without our code) in
the same run, samples interleaved so a noisy neighbour slows both alike, and
the ratio is the figure that matters. Scripts print one JSON object,
`{"figures": [{"name", "value", "floor", "ratio", "unit"}]}`, and take
`--quick` for the short run `bench/run.py --quick` makes.

Child processes get bytecode caching back (the test sandbox disables it with
PYTHONDONTWRITEBYTECODE), so start-up is measured as a user's second start
is, not as a first start that compiles every module.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ONE_MB = 1_000_000
CLAIMS_IN_BIG_CASE = 10_000
# A claim in the big case covers this many characters, spread evenly.
CLAIM_CHARS = 60

Figure = dict[str, Any]


def one_mb_text(size: int = ONE_MB) -> str:
    """A megabyte of article-like text with figures, curly quotes and emoji (UTF-16 pairs)."""
    paragraph = (
        "The union says resident doctors’ pay is a fifth lower than in 2008 once inflation "
        "is counted, while ministers point to rises of almost 29% over three years — £1,000 "
        "exams, 30,000 applicants for 10,000 posts, and a 5.4% award for 2025-26. 😀\n"
    )
    return (paragraph * (size // len(paragraph) + 1))[:size]


def figure(name: str, value: float, floor: float, unit: str, digits: int = 4) -> Figure:
    ratio = value / floor if floor > 0 else float("inf")
    return {
        "name": name,
        "value": round(value, digits),
        "floor": round(floor, digits),
        "ratio": round(ratio, 2),
        "unit": unit,
    }


def emit(figures: Sequence[Figure]) -> None:
    print(json.dumps({"figures": list(figures)}, indent=2, ensure_ascii=False))


def parser(
    description: str, quick_repeat: int = 3, full_repeat: int = 7
) -> argparse.ArgumentParser:
    """An argument parser with --quick and --repeat (quick runs fewer samples)."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="fewer samples, for bench/run.py --quick")
    p.add_argument("--repeat", type=int, default=None, help="samples per figure")
    p.set_defaults(quick_repeat=quick_repeat, full_repeat=full_repeat)
    return p


def repeats(args: argparse.Namespace) -> int:
    if args.repeat:
        return int(args.repeat)
    return int(args.quick_repeat if args.quick else args.full_repeat)


def interleaved(
    measure: Callable[[], float], floor: Callable[[], float], repeat: int
) -> tuple[float, float]:
    """Medians of `repeat` samples of each, floor and value taken in turn."""
    values: list[float] = []
    floors: list[float] = []
    for _ in range(repeat):
        floors.append(floor())
        values.append(measure())
    return statistics.median(values), statistics.median(floors)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def settle(max_passes: int = 50) -> int:
    """Run Qt's event loop until nothing is left to do; returns the passes it took.

    One `processEvents()` leaves the events posted while it ran (a layout
    request posts the paint, the paint posts deferred deletes) for the next
    call: a sample ending on one pass hands the rest of its work to whatever
    is timed next, often its floor. The dispatcher says whether a pass did
    anything, so an idle queue costs one cheap check.
    """
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop

    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is None:
        return 0
    passes = 0
    while passes < max_passes and dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents):
        passes += 1
    return passes


def child_env(sandbox: Path | None = None) -> dict[str, str]:
    """Environment for a measured child process: offscreen Qt, bytecode cached.

    With a sandbox folder, Qt settings and the default project go there, so a
    benchmark never touches the user's recent-projects list or window state.
    """
    env = dict(os.environ)
    if sandbox is not None:
        env["XDG_CONFIG_HOME"] = str(sandbox / "config")
        env["ANNOTATOR_DATA_DIR"] = str(sandbox / "data")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def run_child(code: str, *args: str, sandbox: Path | None = None, timeout: float = 120) -> str:
    """Run Python code in a fresh interpreter; return the last line it printed."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(sandbox),
        timeout=timeout,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(
            f"benchmark child failed ({out.returncode}): {out.stderr.strip()[-800:]}"
        )
    return out.stdout.strip().splitlines()[-1]


def make_big_project(path: Path, claims: int = CLAIMS_IN_BIG_CASE, text: str | None = None) -> int:
    """A project holding the 1 MB article with `claims` claims spread over it; returns its id.

    The rows are the ones `project.claims.mark` writes (the same anchor from
    annotator.anchoring.selectors), inserted in one transaction through db.claims:
    marking one by one re-reads the megabyte each time and takes half a minute.
    """
    from annotator.anchoring.selectors import anchor_at
    from annotator.clock import new_uid, now_iso
    from annotator.models import ImportedArticle
    from annotator.project import Project
    from db import claims as claim_rows

    text = text if text is not None else one_mb_text()
    with Project.open(path) as project:
        outcome = project.articles.add(
            ImportedArticle(text=text, title="A 1 MB article", source_format="txt")
        )
        article_id = outcome.article_id
        assert article_id is not None
        step = max(CLAIM_CHARS + 1, len(text) // max(claims, 1))
        now = now_iso()
        with project.db.atomic():
            for start in list(range(0, len(text) - CLAIM_CHARS, step))[:claims]:
                anchor = anchor_at(text, start, start + CLAIM_CHARS)
                claim_rows.insert(
                    project.db,
                    {
                        "uid": new_uid(),
                        "article_id": article_id,
                        "start": anchor.start,
                        "end": anchor.end,
                        "quote": anchor.quote,
                        "prefix": anchor.prefix,
                        "suffix": anchor.suffix,
                        "anchor": "exact",
                        "statement": anchor.quote,
                        "status": "to check",
                        "note": "",
                        "created_by": "bench",
                        "created_at": now,
                        "updated_at": now,
                    },
                )
        assert project.claims.count(article_id) == claims, "the text is too short for the claims"
        assert not project.check(), "the benchmark project must be a healthy one"
    return article_id


def cached_big_project(folder: Path, claims: int = CLAIMS_IN_BIG_CASE) -> tuple[Path, int]:
    """The big case, built once per folder (scripts in one run can share it)."""
    path = folder / f"big-{claims}.sqlite"
    if not path.exists():
        partial = folder / f"big-{claims}.partial.sqlite"
        for leftover in folder.glob(f"{partial.name}*"):
            leftover.unlink()
        article_id = make_big_project(partial, claims)
        partial.rename(path)
        return path, article_id
    return path, 1
