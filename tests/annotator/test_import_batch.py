"""Batches read by worker processes: same outcomes as one by one, in input order;
a crashing parser costs one file; stopping ends the readers and stores nothing half-read."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import shutil
import signal
import time
from contextlib import closing
from pathlib import Path

import pytest

from annotator.errors import ImportFailure
from annotator.exchange.importers import batch, read_file
from annotator.models import ImportedArticle, ImportOutcome
from annotator.project import Project
from tests.conftest import FIXTURES

# A worker reading a file with this in its name is killed, as a parser crash would kill it.
CRASH_MARK = "crash-"
# A worker reading a file with this in its name takes far longer than any test may run.
SLOW_MARK = "slow-"
FOREVER_SECONDS = 3600


def crashing_reader(path: Path) -> ImportedArticle:
    """Module-level, so worker processes import it by name."""
    if CRASH_MARK in path.name:
        os.kill(os.getpid(), signal.SIGKILL)
    return read_file(path)


def slow_reader(path: Path) -> ImportedArticle:
    if SLOW_MARK in path.name:
        time.sleep(FOREVER_SECONDS)
    return read_file(path)


def priority_reader(path: Path) -> ImportedArticle:
    """Reports the niceness of the process that read the file, as its title."""
    return dataclasses.replace(read_file(path), title=f"niceness {os.nice(0)}")


class DiesInWorker:
    """A reader that works here but kills any process it is sent to (a worker that cannot start)."""

    def __call__(self, path: Path) -> ImportedArticle:
        return read_file(path)

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (os._exit, (3,))


def _note(folder: Path, number: int, prefix: str = "note") -> Path:
    path = folder / f"{number:03}-{prefix}.txt"
    path.write_text(
        f"Note {number} on the pay talks\n\nThe offer stood at {number}.5% on day {number}.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def mixed_batch(tmp_path: Path) -> list[Path]:
    """Twenty files of every kind: good ones, failures, a duplicate and a revision."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    files = [_note(folder, n) for n in range(12)]
    for name in ("article_page.html", "report.pdf", "briefing.docx"):
        shutil.copy(FIXTURES / name, folder / name)
        files.append(folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "copy.txt").write_bytes(files[3].read_bytes())  # a duplicate of note 3
    page = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
    (folder / "page-edited.html").write_text(page.replace("90.3%", "90.4%"), encoding="utf-8")
    (folder / "missing.txt").write_text("x")
    (folder / "missing.txt").unlink()  # named in the batch, gone before it is read
    files += [folder / n for n in ("empty.txt", "binary.html", "copy.txt", "page-edited.html")]
    files.append(folder / "missing.txt")
    return files


def _shape(outcomes: list[ImportOutcome]) -> list[tuple[str, str, str, str]]:
    return [(Path(o.source).name, o.status, o.title, o.reason) for o in outcomes]


def test_a_batch_read_by_workers_gives_the_outcomes_of_one_by_one_in_input_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mixed_batch: list[Path]
) -> None:
    with Project.open(tmp_path / "alone.sqlite") as alone:
        monkeypatch.setattr(batch, "default_workers", lambda: 0)
        expected = alone.articles.import_files(mixed_batch)
        texts = [alone.articles.get(s.id).text for s in alone.articles.list()]
    with Project.open(tmp_path / "workers.sqlite") as project:
        monkeypatch.setattr(batch, "default_workers", lambda: 2)
        monkeypatch.setattr(batch, "PARALLEL_MIN_FILES", 2)
        monkeypatch.setattr(batch, "COLD_START_BYTES", 0)
        outcomes = project.articles.import_files(mixed_batch)
        assert [project.articles.get(s.id).text for s in project.articles.list()] == texts
    assert _shape(outcomes) == _shape(expected)
    statuses = [o.status for o in outcomes]
    assert statuses.count("imported") == 15
    assert statuses[-5:] == ["failed", "failed", "duplicate", "revision", "failed"]
    assert "is empty" in outcomes[-5].reason and "cannot be read" in outcomes[-1].reason
    assert not multiprocessing.active_children()


def test_a_parser_crash_in_a_worker_fails_that_file_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    files = [_note(tmp_path, n, CRASH_MARK + "x" if n in (3, 4) else "note") for n in range(10)]
    with closing(
        batch.read_in_order(files, workers=2, min_files=1, min_bytes=0, reader=crashing_reader)
    ) as it:
        results = list(it)
    assert [path for path, _ in results] == files
    for number, (_path, result) in enumerate(results):
        if number in (3, 4):
            assert isinstance(result, ImportFailure)
            assert result.reason == "made the reader process stop (killed by SIGKILL)"
        else:
            assert isinstance(result, ImportedArticle)
            assert result.title == f"Note {number} on the pay talks"
    assert not multiprocessing.active_children()


def test_stopping_ends_the_readers_even_mid_file_and_yields_nothing_more(
    tmp_path: Path,
) -> None:
    files = [_note(tmp_path, n, SLOW_MARK + "x" if n == 2 else "note") for n in range(10)]
    seen: list[Path] = []
    reader = batch.read_in_order(
        files, stop=lambda: len(seen) >= 2, workers=2, min_files=1, min_bytes=0, reader=slow_reader
    )
    with closing(reader) as it:
        for path, result in it:
            assert isinstance(result, ImportedArticle)
            seen.append(path)
    # The third file never finishes reading; the stop ended its worker instead of waiting.
    assert seen == files[:2]
    assert not multiprocessing.active_children()


def test_readers_run_at_the_callers_priority(tmp_path: Path) -> None:
    # Reniced, readers lost to every busy neighbour and a loaded machine
    # imported at less than half speed (bench/import_html.py).
    files = [_note(tmp_path, n) for n in range(4)]
    with closing(
        batch.read_in_order(files, workers=2, min_files=1, min_bytes=0, reader=priority_reader)
    ) as it:
        titles = {result.title for _path, result in it if isinstance(result, ImportedArticle)}
    assert titles == {f"niceness {os.nice(0)}"}
    assert not multiprocessing.active_children()


def test_workers_that_cannot_start_leave_the_batch_to_this_process(tmp_path: Path) -> None:
    files = [_note(tmp_path, n) for n in range(6)]
    with closing(
        batch.read_in_order(files, workers=2, min_files=1, min_bytes=0, reader=DiesInWorker())
    ) as it:
        results = list(it)
    assert [p for p, _ in results] == files
    assert all(isinstance(r, ImportedArticle) for _, r in results)
    assert not multiprocessing.active_children()


@pytest.mark.parametrize(("count", "min_bytes"), [(3, 0), (10, 10**9)])
def test_a_small_batch_is_read_in_this_process(tmp_path: Path, count: int, min_bytes: int) -> None:
    """Workers cost a start-up: a handful of files, or a few small ones while the
    fork server has yet to start, are read here, at once."""
    files = [_note(tmp_path, n) for n in range(count)]
    reader = batch.read_in_order(files, workers=2, min_bytes=min_bytes, reader=crashing_reader)
    with closing(reader) as it:
        next(it)
        assert not multiprocessing.active_children()
        assert len(list(it)) == count - 1


def test_import_files_reports_progress_before_each_file_and_at_the_end(
    empty_project: Project, tmp_path: Path
) -> None:
    files = [_note(tmp_path, n) for n in range(3)]
    calls: list[tuple[int, int, str]] = []
    empty_project.articles.import_files(files, progress=lambda *a: calls.append(a))
    names = [f.name for f in files]
    assert calls == [(0, 3, names[0]), (1, 3, names[1]), (2, 3, names[2]), (3, 3, "")]


def test_import_files_stops_storing_once_asked(
    monkeypatch: pytest.MonkeyPatch, empty_project: Project, tmp_path: Path
) -> None:
    monkeypatch.setattr(batch, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(batch, "COLD_START_BYTES", 0)
    files = [_note(tmp_path, n) for n in range(12)]
    stored: list[int] = []
    outcomes = empty_project.articles.import_files(
        files, progress=lambda done, *_: stored.append(done), stop=lambda: len(stored) > 4
    )
    assert len(outcomes) == 4 == empty_project.articles.count()
    assert [o.title for o in outcomes] == [f"Note {n} on the pay talks" for n in range(4)]


def test_a_batch_leaves_the_connection_checkpointing_as_before(
    empty_project: Project, tmp_path: Path
) -> None:
    """Checkpoints are spaced out while a batch is stored, then everything is written back."""
    db = empty_project.db
    before = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    empty_project.articles.import_files([_note(tmp_path, n) for n in range(3)])
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
    busy, wal_pages, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and wal_pages == copied


def test_a_batch_puts_the_index_merging_back_and_every_article_is_found(
    empty_project: Project, tmp_path: Path
) -> None:
    """Merging is spaced out while a batch is stored; afterwards the index is whole and as before."""
    from db import articles as article_rows

    db = empty_project.db
    outcomes = empty_project.articles.import_files([_note(tmp_path, n) for n in range(30)])
    assert [o.status for o in outcomes] == ["imported"] * 30
    assert article_rows.automerge(db) == article_rows.FTS5_DEFAULT_AUTOMERGE
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    found = empty_project.search.search("pay talks", kinds=("article",), limit=100)
    assert found.totals["article"] == 30
    assert {h.title for h in found.hits} == {f"Note {n} on the pay talks" for n in range(30)}


def test_a_batch_of_plain_text_is_read_in_process_where_workers_would_not_pay(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Text files read faster here than a worker can pass them back: no reader processes."""
    started: list[object] = []
    monkeypatch.setattr(batch, "default_workers", lambda: 2)
    monkeypatch.setattr(batch, "_Pool", lambda *a: started.append(a) or pytest.fail("pool"))
    monkeypatch.setattr(batch, "_server_started", True)  # no cold-start bytes asked for either
    files = [_note(tmp_path, n) for n in range(40)]
    with Project.open(tmp_path / "p.sqlite") as project:
        outcomes = project.articles.import_files(files)
    assert [o.status for o in outcomes] == ["imported"] * 40
    assert not started and not multiprocessing.active_children()


def test_a_batch_with_enough_web_pages_still_gets_workers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[int] = []

    class Pool:
        def __init__(self, _context: object, count: int, _reader: object) -> None:
            asked.append(count)

        def read(self, files: list[Path], _stop: object) -> object:
            return ((f, read_file(f)) for f in files)

        def close(self) -> None:
            pass

    monkeypatch.setattr(batch, "default_workers", lambda: 2)
    monkeypatch.setattr(batch, "_Pool", Pool)
    monkeypatch.setattr(batch, "_server_started", True)
    page = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
    files = [_note(tmp_path, n) for n in range(4)]
    for n in range(batch.PARALLEL_MIN_FILES):
        (tmp_path / f"page-{n}.html").write_text(
            page.replace("90.3%", f"9{n}.3%"), encoding="utf-8"
        )
        files.append(tmp_path / f"page-{n}.html")
    with closing(batch.read_in_order(files)) as results:
        assert [path for path, _ in results] == files
    assert asked == [2]
