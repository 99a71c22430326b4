"""The house stays walkable: every package says what it holds, no folder is crowded."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("annotator", "db", "ui")
MOST_MODULES = 15


def _packages() -> list[Path]:
    return [
        init.parent
        for layer in LAYERS
        for init in (ROOT / layer).rglob("__init__.py")
        if "__pycache__" not in init.parts
    ]


def test_no_folder_holds_more_than_fifteen_modules() -> None:
    crowded = {
        str(folder.relative_to(ROOT)): count
        for folder in _packages()
        if (count := len(list(folder.glob("*.py")))) > MOST_MODULES
    }
    assert crowded == {}


def test_every_package_says_what_it_holds() -> None:
    silent = [
        str(folder.relative_to(ROOT))
        for folder in _packages()
        if not ast.get_docstring(ast.parse((folder / "__init__.py").read_text("utf-8")))
    ]
    assert silent == []
