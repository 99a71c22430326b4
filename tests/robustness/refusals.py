"""What the hostile-input tests of issue 16 share: the command line run in-process,
a project's tables dumped one by one (to prove a refusal changed nothing), and
the one-line refusal every failure must be."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from annotator.cli.main import main

Tables = dict[str, list[tuple[Any, ...]]]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def tables(path: Path) -> Tables:
    """Every table's rows, read without writing to the file (immutable: no -shm)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.text_factory = bytes  # text that is not UTF-8 is compared too
    try:
        names = [
            str(row[0], "utf-8") if isinstance(row[0], bytes) else row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
            if not name.startswith("sqlite_")
        }
    finally:
        conn.close()


def assert_same_tables(before: Tables, after: Tables) -> None:
    assert sorted(after) == sorted(before)
    for name, rows in before.items():
        assert after[name] == rows, f"table {name} changed"


def assert_refused(code: int, err: str, names: str, reason: str) -> None:
    """Exit 1, one stderr line, naming the file and saying why (never 'internal error')."""
    assert code == 1, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert names in lines[0] and reason in lines[0], lines[0]
    assert "internal error" not in err and "Traceback" not in err


def assert_check_clean(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "--project", str(path)], capsys)
    assert code == 0 and err == "", err
    assert out.strip().endswith(": ok")
