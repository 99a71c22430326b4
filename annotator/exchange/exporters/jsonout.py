"""JSON written as it is built: the big array in batches, never the whole document in memory.

orjson encodes several times faster than the standard library and gives
UTF-8 bytes directly (non-ASCII characters as themselves, as
`ensure_ascii=False` did), without spaces after separators. A JSON export
of 100,000 claims is over 100 MB; building it whole as Python objects and
then as one string held the better part of a gigabyte, so the exporters write
the members before the big array, then the array a batch at a time, then the
rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, TypeVar

import orjson

from annotator.exchange.exporters.collect import PROGRESS_EVERY, Progress

T = TypeVar("T")
# Already-encoded JSON placed in a document as it is (for values repeated many times).
Fragment = orjson.Fragment


def dumps(value: Any) -> bytes:
    return orjson.dumps(value)


def object_head(members: dict[str, Any], key: str) -> bytes:
    """`{...members, "key":` — an object left open for one more member, written next.

    Key order is kept: the members as given, then `key`.
    """
    head = orjson.dumps(members)
    separator = b"," if members else b""
    return head[:-1] + separator + orjson.dumps(key) + b":"


def write_array(out: IO[bytes], batches: Iterable[list[Any]]) -> None:
    """A JSON array of every item of every batch; one encode and one write per batch."""
    out.write(b"[")
    separator = b""
    for batch in batches:
        if batch:
            out.write(separator)
            out.write(orjson.dumps(batch)[1:-1])
            separator = b","
    out.write(b"]")


def batches(
    items: Sequence[T], build: Callable[[T], Any | None], progress: Progress
) -> Iterator[list[Any]]:
    """build(item) for every item (None leaves it out), PROGRESS_EVERY at a time, with progress."""
    total = len(items)
    for start in range(0, total, PROGRESS_EVERY):
        built = [build(item) for item in items[start : start + PROGRESS_EVERY]]
        yield [b for b in built if b is not None]
        progress(min(start + PROGRESS_EVERY, total), total)
