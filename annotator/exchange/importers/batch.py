"""Reading a batch of files ahead of storing them, in worker processes.

Extraction (parsing HTML, PDF, Word) is CPU-bound and holds the GIL; storing
is SQLite on the caller's connection. For a batch of many files, worker
processes read while the caller stores what was read before, so both overlap
and every core works. Results come back in input order, so outcomes,
duplicates and revision chains are exactly those of a one-by-one import, and
the caller still stores each article in its own transaction.

A small batch is read in-process: starting workers would cost more than they
save, and a single file must import at once. Workers are forked from a fork
server that imported the importers once (about 0.3 s, once per program run);
forking from the GUI's threaded process itself is not safe.

Each worker has at most a couple of files queued and reads them in order, so
a worker that dies (a parser crash, the OOM killer) costs exactly the file it
was reading: that file fails with a reason, the worker is replaced and the
batch goes on. Stopping terminates the workers at once; nothing they read is
returned, so nothing half-read is ever stored.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from annotator.errors import ImportFailure
from annotator.exchange.importers import read_file
from annotator.models import ImportedArticle

# Below this many files a batch is read in-process.
PARALLEL_MIN_FILES = 8
# Before the fork server runs (its start costs about 0.3 s), a batch also needs
# this many bytes (a second of parsing web pages) to be worth it.
COLD_START_BYTES = 2 * 1024 * 1024
# Plain text reads (decode, split paragraphs) faster than a worker can pass it
# back: 1,000 text files import in 0.44 s in-process, 0.73-0.78 s with readers
# (bench/import_html.py, import_text_files). These files do not count towards
# a batch being worth workers; a batch of only these is read in-process.
CHEAP_SUFFIXES = frozenset({".txt", ".text"})
# Workers never outnumber the cores; past a few, storing (one connection) is the bottleneck.
MAX_WORKERS = 4
# Files handed to one worker before it answers, so it never waits for the caller to store.
QUEUED_PER_WORKER = 2
# Results held ahead of the one the caller is storing (bounds memory when one file is slow).
READ_AHEAD = 12
# How often a wait for a worker checks whether the caller asked to stop.
STOP_POLL_SECONDS = 0.05
# Workers dying before they are ready, after which the batch is read in-process.
MAX_START_FAILURES = 2
# How long a terminated worker gets to go before it is killed.
TERMINATE_GRACE_SECONDS = 1.0
# Readers run at the program's own priority. Reniced (they were at +5), a
# reader got a quarter of a busy neighbour's share of a core, so on a machine
# whose cores were busy 1,000 pages took 2.4x trafilatura's time instead of
# 1.3x; the window stays as responsive without it (bench/import_html.py).
# Imported once by the fork server, so every worker starts with the parsers loaded.
PRELOAD = (
    "annotator.exchange.importers.html",
    "annotator.exchange.importers.pdf",
    "annotator.exchange.importers.docx",
    "annotator.exchange.importers.markdown",
    "annotator.exchange.importers.plaintext",
)

ReadResult = ImportedArticle | ImportFailure
# path -> article, raising ImportFailure; must be a module-level function (workers import it)
FileReader = Callable[[Path], ImportedArticle]


def default_workers() -> int:
    """One worker per core available to this process, capped; none on a single core."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(cores, MAX_WORKERS)


def read_in_order(
    files: Sequence[Path],
    stop: Callable[[], bool] | None = None,
    workers: int | None = None,
    min_files: int | None = None,
    min_bytes: int | None = None,
    reader: FileReader = read_file,
) -> Generator[tuple[Path, ReadResult], None, None]:
    """Each file with its article or failure, in input order; ends early once `stop()` is true.

    Workers read the batch when there are `workers` (default_workers()), at
    least `min_files` (PARALLEL_MIN_FILES) files and, until a first batch has
    started the fork server, `min_bytes` (COLD_START_BYTES) of them. With the
    default reader, plain-text files (CHEAP_SUFFIXES) are not counted.
    Close the iterator (contextlib.closing) when leaving it early: that ends the workers.
    """
    global _server_started
    count = default_workers() if workers is None else workers
    smallest = PARALLEL_MIN_FILES if min_files is None else min_files
    if min_bytes is None:
        min_bytes = 0 if _server_started else COLD_START_BYTES
    costly = [f for f in files if f.suffix.lower() not in CHEAP_SUFFIXES]
    counted = costly if reader is read_file else files
    if count < 1 or len(counted) < smallest or _total_bytes(counted, min_bytes) < min_bytes:
        yield from _read_here(files, stop, reader)
        return
    try:
        pool = _Pool(_context(), min(count, len(files)), reader)
    except Exception:  # no processes here (limits, sandbox): reading in-process is always right
        yield from _read_here(files, stop, reader)
        return
    _server_started = True
    try:
        yield from pool.read(files, stop or _never)
    finally:
        pool.close()


# The fork server runs from a first pool on until the program ends.
_server_started = False


def _total_bytes(files: Sequence[Path], enough: int) -> int:
    """The batch's size, counted until it reaches `enough` (unreadable files count 0)."""
    total = 0
    for path in files:
        if total >= enough:
            break
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def _never() -> bool:
    return False


def _read_here(
    files: Sequence[Path], stop: Callable[[], bool] | None, reader: FileReader
) -> Iterator[tuple[Path, ReadResult]]:
    for path in files:
        if stop is not None and stop():
            return
        yield path, _read_one(reader, path)


def _read_one(reader: FileReader, path: Path) -> ReadResult:
    try:
        return reader(path)
    except ImportFailure as exc:
        return exc


def _context() -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))
        return context
    return multiprocessing.get_context("spawn")  # Windows


# -- the worker process ----------------------------------------------------------


def _serve(conn: Connection, reader: FileReader) -> None:
    """A worker's life: read each path sent, answer (ok, article) or (failed, reason)."""
    # Ctrl+C in a terminal reaches the whole process group: the caller handles
    # it and ends the workers; a worker must not print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        conn.send(("ready", None))
    except OSError:
        return
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):  # the caller is gone
            return
        if path is None:
            return
        result = _read_one(reader, Path(path))
        answer: tuple[str, Any] = (
            ("ok", result) if isinstance(result, ImportedArticle) else ("failed", result.reason)
        )
        try:
            conn.send(answer)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send(("failed", f"could not be passed back from the reader ({exc})"))
        except (BrokenPipeError, OSError):
            return


# -- the caller's side -------------------------------------------------------------


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process of the chosen context
    conn: Connection
    queued: deque[int] = field(default_factory=deque)  # indexes sent, oldest first
    ready: bool = False  # it said so: a death after that is the fault of the file it read


class _Pool:
    def __init__(self, context: BaseContext, count: int, reader: FileReader) -> None:
        self._context = context
        self._reader = reader
        self._workers: list[_Worker] = []
        self._files: Sequence[Path] = ()
        self._start_failures = 0
        self._broken = False  # workers cannot start here: the rest is read in-process
        try:
            for _ in range(count):
                self._workers.append(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, self._reader), name="annotator-reader", daemon=True
        )
        process.start()
        theirs.close()  # only the worker holds its end: its death reads as EOF here
        return _Worker(process, mine)

    def read(
        self, files: Sequence[Path], stop: Callable[[], bool]
    ) -> Iterator[tuple[Path, ReadResult]]:
        self._files = files
        results: dict[int, ReadResult] = {}
        sent = 0
        for index in range(len(files)):
            while True:
                if self._broken and index not in results:
                    results[index] = _read_one(self._reader, files[index])
                if self._broken:
                    break
                self._collect(results, timeout=0)  # free the queues of workers that answered
                sent = self._hand_out(sent, index)
                if index in results:
                    break
                if stop():
                    return
                self._collect(results, timeout=STOP_POLL_SECONDS)
            if stop():
                return
            yield files[index], results.pop(index)

    def _hand_out(self, sent: int, storing: int) -> int:
        """Queue files on idle workers, never more than READ_AHEAD past the one being stored."""
        for worker in sorted(self._workers, key=lambda w: len(w.queued)):
            while (
                sent < len(self._files)
                and sent - storing < READ_AHEAD
                and len(worker.queued) < QUEUED_PER_WORKER
            ):
                _send(worker, sent, self._files[sent])
                sent += 1
        return sent

    def _collect(self, results: dict[int, ReadResult], timeout: float) -> None:
        busy = {worker.conn: worker for worker in self._workers if worker.queued}
        if not busy:
            return
        for conn in wait(list(busy), timeout=timeout):
            worker = busy[conn]  # type: ignore[index]
            try:
                status, value = worker.conn.recv()
            except (EOFError, OSError):
                self._on_death(worker, results)
                if self._broken:
                    return
                continue
            if status == "ready":
                worker.ready = True
                continue
            index = worker.queued.popleft()
            source = str(self._files[index])
            results[index] = value if status == "ok" else ImportFailure(source, value)

    def _on_death(self, dead: _Worker, results: dict[int, ReadResult]) -> None:
        """Blame the file a ready worker died reading; replace the worker.

        A worker that dies before saying it is ready blames no file; when that
        happens twice, workers cannot start here (a broken install, no
        /dev/shm) and the rest of the batch is read in-process.
        """
        dead.process.join(TERMINATE_GRACE_SECONDS)
        code = dead.process.exitcode
        dead.conn.close()
        if dead.ready:
            index = dead.queued.popleft()
            reason = f"made the reader process stop ({_describe_exit(code)})"
            results[index] = ImportFailure(str(self._files[index]), reason)
        else:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                self._workers.remove(dead)
                self._broken = True
                self.close()
                return
        try:
            fresh = self._start()
        except Exception:  # cannot start another: the rest is read in-process
            self._workers.remove(dead)
            self._broken = True
            self.close()
            return
        self._workers[self._workers.index(dead)] = fresh
        for index in dead.queued:
            _send(fresh, index, self._files[index])

    def close(self) -> None:
        """End every worker now, whatever it is reading."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.close()
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join(TERMINATE_GRACE_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._workers = []


def _send(worker: _Worker, index: int, path: Path) -> None:
    """Queue a file on a worker; one that died meanwhile is found by the next wait (EOF)."""
    with contextlib.suppress(OSError):
        worker.conn.send(str(path))
    worker.queued.append(index)


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "it stopped answering"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
