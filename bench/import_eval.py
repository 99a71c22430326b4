"""trafilatura's own evaluation set, read by our HTML import and by trafilatura alone.

    uv run python bench/import_eval.py --trafilatura CLONE [--limit N] [--json]

CLONE is a clone of github.com/adbar/trafilatura (bare or not; the `fetch`
tool gives one): its tests/evaldata.json names about 990 saved pages (under
tests/cache and tests/eval) with snippets each extraction should hold
("with") and should leave out ("without"), and for most pages the title,
author and date. Nothing is copied into this repository: files are read with
`git cat-file` from the clone's HEAD, or from its work tree.

Scored as trafilatura's evaluation scores (tests/eval_common.py): white space
collapsed, a snippet counts when it occurs in the text; both read as they
read (annotator.text.visible folds soft hyphens, decomposed accents and
ligatures, as search and quoting do: trafilatura drops or normalises some of
those itself, we keep the canonical text exact); precision, recall and
F1 over all snippets. Three readers, same pages, same run:
  - ours: `annotator.exchange.importers.html.read` (a refused page scores no text);
  - extract(): trafilatura's `extract()` with its defaults;
  - extract(no comments, tables): the options trafilatura's benchmark uses.
Title, author and date accuracy: the share of annotated pages where the
reader's value equals the annotation (case and white space ignored; dates as
year, month and day).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura

from annotator.errors import ImportFailure
from annotator.exchange.importers import html
from annotator.text.visible import fold

_SPACE = re.compile(r"\s+")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class Clone:
    """Files of a clone's HEAD (bare or not), read through one `git cat-file --batch`."""

    def __init__(self, path: str) -> None:
        root = Path(path)
        self.tree = root if (root / "tests" / "evaldata.json").exists() else None
        gitdir = root / ".git" if (root / ".git").exists() else root
        self.batch = (
            None
            if self.tree
            else subprocess.Popen(
                ["git", f"--git-dir={gitdir}", "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        )

    def read(self, name: str) -> bytes | None:
        if self.tree is not None:
            file = self.tree / name
            return file.read_bytes() if file.is_file() else None
        assert self.batch is not None and self.batch.stdin and self.batch.stdout
        self.batch.stdin.write(f"HEAD:{name}\n".encode())
        self.batch.stdin.flush()
        header = self.batch.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            return None
        data = self.batch.stdout.read(int(header[2]))
        self.batch.stdout.read(1)
        return data


def norm(text: str) -> str:
    """White space collapsed, and as it reads: the same for every reader and the annotation."""
    return _SPACE.sub(" ", fold(text)).strip()


def same_text(found: str | None, expected: str | None) -> bool:
    return bool(found) and norm(str(found)).casefold() == norm(str(expected)).casefold()


def same_date(found: str | None, expected: str | None) -> bool:
    a = _DATE.match(found or "")
    b = _DATE.match(expected or "")
    return bool(a and b) and tuple(map(int, a.groups())) == tuple(map(int, b.groups()))  # type: ignore[union-attr]


Reading = tuple[str | None, str | None, str | None, str | None]  # text, title, author, date


def ours(data: bytes, name: str) -> Reading:
    try:
        article = html.read(data, name)
    except ImportFailure:
        return None, None, None, None
    return article.text, article.title, article.author, article.published


def trafilatura_reader(**options: Any) -> Callable[[bytes, str], Reading]:
    def read(data: bytes, _name: str) -> Reading:
        document = trafilatura.bare_extraction(data, with_metadata=True, **options)
        if document is None:
            return None, None, None, None
        text = trafilatura.extract(data, **options)
        return text, document.title, document.author, document.date

    return read


READERS: dict[str, Callable[[bytes, str], Reading]] = {
    "ours": ours,
    "extract()": trafilatura_reader(),
    "extract(no comments, tables)": trafilatura_reader(
        include_comments=False, include_tables=True, include_formatting=False
    ),
}


def evaluate(clone: Clone, limit: int | None) -> dict[str, Any]:
    evaldata = json.loads(clone.read("tests/evaldata.json") or b"{}")
    counts = {name: Counter() for name in READERS}
    seconds = dict.fromkeys(READERS, 0.0)
    refused: list[str] = []
    pages = 0
    for url in sorted(evaldata)[:limit]:
        item = evaldata[url]
        data = clone.read(f"tests/cache/{item['file']}") or clone.read(f"tests/eval/{item['file']}")
        if data is None:
            continue
        pages += 1
        for name, reader in READERS.items():
            started = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                text, title, author, date = reader(data, item["file"])
            seconds[name] += time.perf_counter() - started
            c = counts[name]
            if text is None:
                c["no_text"] += 1
                if name == "ours":
                    refused.append(item["file"])
            found = norm(text or "")
            c["tp"] += sum(1 for w in item["with"] if norm(w) in found)
            c["fn"] += sum(1 for w in item["with"] if norm(w) not in found)
            c["fp"] += sum(1 for w in item["without"] if norm(w) in found)
            c["tn"] += sum(1 for w in item["without"] if norm(w) not in found)
            for field, value, same in (
                ("title", title, same_text),
                ("author", author, same_text),
                ("date", date, same_date),
            ):
                if item.get(field):
                    c[f"{field}_annotated"] += 1
                    c[f"{field}_right"] += int(same(value, item[field]))
    results: dict[str, Any] = {"pages": pages, "refused_by_ours": refused}
    for name, c in counts.items():
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        results[name] = {
            "f1": round(2 * precision * recall / max(1e-9, precision + recall), 4),
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "with_found": round(c["tp"] / max(1, c["tp"] + c["fn"]), 4),
            "without_left_out": round(c["tn"] / max(1, c["tn"] + c["fp"]), 4),
            "pages_without_text": c["no_text"],
            **{
                f"{field}_accuracy": round(c[f"{field}_right"] / max(1, c[f"{field}_annotated"]), 4)
                for field in ("title", "author", "date")
            },
            "seconds": round(seconds[name], 1),
        }
    return results


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--trafilatura", required=True, help="a clone of adbar/trafilatura")
    args.add_argument("--limit", type=int, default=None, help="only the first N pages")
    options = args.parse_args()
    print(json.dumps(evaluate(Clone(options.trafilatura), options.limit), indent=1))


if __name__ == "__main__":
    main()
