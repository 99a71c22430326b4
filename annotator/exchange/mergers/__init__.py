"""Readers for merge files, one per input shape, and the one place that picks a reader.

A file is read whole and checked before anything touches the project: a file
that is not JSON, JSON of another shape, or bigger than MAX_MERGE_BYTES is
refused with one line saying why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.exchange.mergers import hypothesis, native, w3c
from annotator.exchange.mergers.incoming import InArticle, InClaim, Incoming, MergeRefused
from annotator.files import FileRefused, read_capped

__all__ = [
    "MAX_MERGE_BYTES",
    "InArticle",
    "InClaim",
    "Incoming",
    "MergeRefused",
    "parse",
    "read_path",
]

# Bigger than any real claim set (100,000 claims with their articles is ~100 MB),
# small enough that reading it whole cannot exhaust memory.
MAX_MERGE_BYTES = 256 * 1024 * 1024


def read_path(path: Path) -> Incoming:
    """Read and check a merge file; raises MergeRefused (message without the path)."""
    try:
        data = read_capped(path, MAX_MERGE_BYTES, "merge limit")
    except FileRefused as exc:
        raise MergeRefused(exc.reason) from exc
    return parse(data)


INT64 = 2**63


def _whole_number(digits: str) -> int:
    """A JSON integer SQLite can store (64 bits); a longer one refuses the file."""
    if len(digits.lstrip("-")) > 19 or not -INT64 <= int(digits) < INT64:
        raise MergeRefused(
            f"holds the number {digits[:24]}{'…' if len(digits) > 24 else ''}, past 64 bits"
        )
    return int(digits)


def _no_constant(name: str) -> float:
    raise MergeRefused(f"holds {name}, which is not JSON")


def _check_strings(doc: Any) -> None:
    """Refuse text that is not Unicode (lone UTF-16 surrogates from \\ud800 escapes)."""
    stack = [doc]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise MergeRefused("holds a lone UTF-16 surrogate (\\u escape), not text") from exc
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def parse(data: bytes) -> Incoming:
    if not data.strip():
        raise MergeRefused("is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MergeRefused(
            f"is not UTF-8 text (bad byte at offset {exc.start}); not a JSON file"
        ) from exc
    try:
        doc: Any = json.loads(text, parse_int=_whole_number, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise MergeRefused(
            f"is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise MergeRefused("is nested too deeply to be a claim set") from exc
    _check_strings(doc)
    if native.recognise(doc):
        return native.read(doc)
    if w3c.recognise(doc):
        return w3c.read(doc)
    if hypothesis.recognise(doc):
        return hypothesis.read(doc)
    raise MergeRefused(
        "is JSON but not a claim set (expected annotator JSON, W3C Web Annotation "
        "or a Hypothesis export)"
    )
