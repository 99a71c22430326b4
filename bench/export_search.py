"""Search and export 100,000 claims, each figure next to its floor.

    uv run python bench/export_search.py [--quick] [--repeat N] [--no-memory]

The project (bench/_claims_corpus.py): ten 1 MB articles with 10,000 claims
each (two articles, 20,000 claims, with --quick), every claim a sentence of
its own (who, what, where, which figure, since when), tagged with speakers,
sides, stances, verdicts and topics, one in fifty with an evidence link.

- search_claims_<query>: one page of claim hits as the search dock shows it
  (project.search.search, kinds=claim, limit=PAGE): the query planned from
  what was typed, the page, the total count, snippets and highlights.
  Floor: the bare FTS5 query on the same rows and the same page: the first
  PAGE rowids ORDER BY rank, rowid (the order our pages use, so both sort
  the same matches), those rows' indexed columns, and SELECT count(*) for
  the total. It leaves out planning the query, snippets and highlights.
- search_everything_<query>: claims, articles and evidence, a page of each
  with its count; floor: the three bare queries and their counts.
  Queries: a figure ("29%", some 400 of 100,000 claims), a place
  ("Thornbury", some 150), a phrase ("rose by 12%", some 50) and, labelled
  worst_case, a word in every claim ("since"): ranking 100,000 matches.
- export_<format>: export_to_path of every claim to a file (read, build,
  write); floor: the same format written from one joined SELECT of the same
  rows with the plain library for it (bench/_export_floors.py: csv.writer,
  orjson, lxml, a string join; each says what it leaves out). Like the
  exports, floors run with the cycle collector paused. Both sides' bytes are
  printed (a zip's members uncompressed); a floor writing more than 15%
  more or less than ours makes its ratio reference only.
- peak_memory_export_<format>: peak resident set (VmHWM; ru_maxrss on macOS)
  of a fresh process that opens the project and exports; floor: a fresh
  process streaming the same rows to a file with sqlite3 and orjson (rows
  written as read: what a streaming export should stay near).
- peak_memory_export_baseline: the same fresh process with our imports and
  the project opened, nothing exported; floor: the streaming floor's
  process with its imports and connection, nothing written.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _claims_corpus import build
from _export_floors import BYTES_TOLERANCE, FLOOR_MEANINGS, FLOORS, payload_bytes
from common import emit, figure, interleaved, parser, repeats, run_child, timed

ARTICLES_FULL = 10
ARTICLES_QUICK = 2
PAGE = 100  # hits on one page of the search dock
QUERIES = (
    ("figure", "29%"),
    ("place", "Thornbury"),
    ("phrase", '"rose by 12%"'),
    ("worst_case_every_claim", "since"),
)
# The floor returns every column each FTS table indexes (the text a hit is
# shown from), read from the table the index is built on.
FTS_CONTENT = {
    "claims_fts": ("claims", "quote, statement, note"),
    "articles_fts": ("articles", "title, text"),
    "evidence_fts": ("evidence", "title, citation, quote, note, url"),
}

MEMORY_CHILD = r"""
import resource, sqlite3, sys
from pathlib import Path
mode, project, out = sys.argv[1:4]
if mode == "floor":
    sys.path.insert(0, "bench")
    from _export_floors import streaming_json
    streaming_json(sqlite3.connect(project), Path(out))
elif mode == "floor_baseline":  # the floor's imports and connection, nothing written
    sys.path.insert(0, "bench")
    import _export_floors
    sqlite3.connect(project).execute("SELECT count(*) FROM claims").fetchone()
elif mode == "baseline":  # our imports and the project opened, nothing exported
    import annotator.exchange.exporters
    from annotator.project import Project
    with Project.open(project, create=False) as opened:
        opened.claims.count()
else:
    from annotator.exchange.exporters import export_to_path
    from annotator.project import Project
    with Project.open(project, create=False) as opened:
        export_to_path(opened, mode, Path(out))
status = Path("/proc/self/status")
if status.exists():
    # VmHWM: this process's own peak. ru_maxrss would report the parent's peak
    # instead when that was higher (Linux carries it over fork and exec).
    line = next(l for l in status.read_text().splitlines() if l.startswith("VmHWM:"))
    print(int(line.split()[1]) * 1024 / 1e6)
else:  # macOS: ru_maxrss in bytes
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6)
"""


def paused(work: Callable[[], None]) -> None:
    """The floor with the cycle collector paused too, as exports run: the ratio is our work."""
    from annotator.exchange.exporters import cyclic_gc_paused

    with cyclic_gc_paused():
        work()


def main() -> int:
    p = parser(__doc__ or "", quick_repeat=3, full_repeat=5)
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory figures")
    p.add_argument("--articles", type=int, default=None, help="1 MB articles (a smoke test: 1)")
    p.add_argument("--claims-per-article", type=int, default=None, help="claims in each")
    args = p.parse_args()
    repeat = repeats(args)
    from annotator.exchange.exporters import FORMATS, export_to_path
    from annotator.project import Project
    from annotator.search.service import KINDS, plan

    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.sqlite"
        articles = args.articles or (ARTICLES_QUICK if args.quick else ARTICLES_FULL)
        total = (
            build(path, articles, args.claims_per_article)
            if args.claims_per_article
            else build(path, articles)
        )
        with Project.open(path) as project:
            conn = project.db.conn

            def bare(table: str, match: str | None) -> tuple[list[tuple[object, ...]], int]:
                # The fastest plain form: rank the matches, then read the page's rows
                # (in one statement the sorter would carry every match's text).
                ids = [
                    r[0]
                    for r in conn.execute(
                        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank, rowid LIMIT ?",
                        [match, PAGE],
                    )
                ]
                content, columns = FTS_CONTENT[table]
                marks = ", ".join("?" * len(ids))
                page = conn.execute(
                    f"SELECT id, {columns} FROM {content} WHERE id IN ({marks})", ids
                ).fetchall()
                count = conn.execute(
                    f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [match]
                ).fetchone()[0]
                return page, int(count)

            for label, query in QUERIES:
                match, _short = plan(query)
                hits = bare("claims_fts", match)[1]
                value, floor = interleaved(
                    lambda q=query: timed(
                        lambda: project.search.search(q, kinds=("claim",), limit=PAGE)
                    ),
                    lambda m=match: timed(lambda: bare("claims_fts", m)),
                    repeat * 3,
                )
                figures.append(
                    figure(f"search_claims_{label}", value * 1000, floor * 1000, "ms")
                    | {"claims": total, "hits": hits}
                )
                value, floor = interleaved(
                    lambda q=query: timed(
                        lambda: project.search.search(q, kinds=KINDS, limit=PAGE)
                    ),
                    lambda m=match: timed(
                        lambda: [bare(t, m) for t in ("claims_fts", "articles_fts", "evidence_fts")]
                    ),
                    repeat * 3,
                )
                figures.append(
                    figure(f"search_everything_{label}", value * 1000, floor * 1000, "ms")
                    | {"claims": total, "hits": hits}
                )

            for name, fmt in FORMATS.items():
                out = folder / f"export{fmt.extension}"
                floor_out = folder / f"floor{fmt.extension}"
                write_floor = FLOORS[name]
                value, floor = interleaved(
                    lambda n=name, o=out: timed(lambda: export_to_path(project, n, o)),
                    lambda w=write_floor, o=floor_out: timed(lambda: paused(lambda: w(conn, o))),
                    max(1, repeat // 2),
                )
                ours_bytes, floor_bytes = payload_bytes(out), payload_bytes(floor_out)
                figures.append(
                    figure(f"export_{name}", value, floor, "s")
                    | {
                        "claims": total,
                        "megabytes": round(ours_bytes / 1e6, 1),
                        "floor_megabytes": round(floor_bytes / 1e6, 1),
                        "floor_is": FLOOR_MEANINGS[name],
                        "reference_only": abs(floor_bytes - ours_bytes)
                        > BYTES_TOLERANCE * ours_bytes,
                    }
                )
        if not args.no_memory:

            def peak(mode: str, suffix: str) -> float:
                target = folder / f"memory{suffix}"
                return float(run_child(MEMORY_CHILD, mode, str(path), str(target), timeout=600))

            # Peak memory hardly varies between runs: one sample each, one floor for all.
            floor = peak("floor", ".json")
            # What either process holds before it writes anything: at the --quick
            # size most of the gap to the streaming floor is our imports.
            figures.append(
                figure(
                    "peak_memory_export_baseline",
                    peak("baseline", ".none"),
                    peak("floor_baseline", ".none"),
                    "MB",
                    1,
                )
                | {"claims": total}
            )
            for name, fmt in FORMATS.items():
                figures.append(
                    figure(f"peak_memory_export_{name}", peak(name, fmt.extension), floor, "MB", 1)
                    | {"claims": total}
                )
    emit(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
