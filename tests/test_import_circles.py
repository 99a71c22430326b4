"""No import circles: the modules of the checked packages import each other one way only.

Counted strictly: an import under `if TYPE_CHECKING:` or inside a function is
an arrow too. Neither fails at run time, but each still ties two modules
together (a manager that names `Project` for its type hints is built around
the Project that builds it), and a circle is where the next refactor gets
stuck. Managers get their collaborators from `annotator.project` instead
(docs/ARCHITECTURE.md, "Where a new feature goes").

The graph is read with `ast`, never by importing, so it sees every branch.
To check another top-level package, add it to PACKAGES.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Checked together, so a circle through two of them is caught as well.
PACKAGES = ("annotator", "db", "ui")


def module_files(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file under the packages."""
    found: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """The module itself, else its nearest ancestor among the checked ones."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The checked modules `name` imports anywhere in its file (type-only and local ones too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from a import b` imports the module a.b when there is one, else a name in a.
            candidates = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for candidate in candidates:
            target = _known(candidate, modules)
            if target is not None and target != name:
                targets.add(target)
    return targets


def import_graph(root: Path, packages: Iterable[str]) -> dict[str, set[str]]:
    modules = module_files(root, packages)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that reach each other (strongly connected, more than one),
    by Tarjan's algorithm without recursion (deep import chains must not overflow)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.get(step, ())))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return sorted(found)


def describe(group: list[str], graph: dict[str, set[str]]) -> str:
    """One circle, each module with the members it imports: the arrows to cut."""
    lines = [f"import circle of {len(group)} modules:"]
    for module in group:
        inside = sorted(graph[module] & set(group))
        lines.append(f"  {module} -> {', '.join(inside)}")
    return "\n".join(lines)


def test_the_checked_packages_have_no_import_circle() -> None:
    graph = import_graph(ROOT, PACKAGES)
    assert len(graph) > 100, "the packages were not found: is ROOT right?"
    found = circles(graph)
    assert not found, "\n".join(describe(group, graph) for group in found)


# The only modules of the checked packages allowed to import annotator.project:
# the command line and the ui stand above the Project they open.
ABOVE_PROJECT = ("annotator.cli", "ui")


def test_nothing_below_the_project_imports_it() -> None:
    """Managers, exporters and mergers are handed what they use; none names the Project."""
    graph = import_graph(ROOT, PACKAGES)
    importers = sorted(
        module
        for module, targets in graph.items()
        if "annotator.project" in targets
        and not any(module == top or module.startswith(top + ".") for top in ABOVE_PROJECT)
    )
    assert importers == []


# The ui modules allowed to import the main window: the app builds it, the
# screenshots tool drives a real one. Features get the shell's Host instead.
ABOVE_WINDOW = ("ui.app", "ui.screenshots", "ui.shell.main_window")


def test_no_ui_feature_imports_the_main_window() -> None:
    """Features reach the window through ui.shell.host (menus, docks, peers), never its class."""
    graph = import_graph(ROOT, PACKAGES)
    importers = sorted(
        module
        for module, targets in graph.items()
        if "ui.shell.main_window" in targets
        and not any(module == top or module.startswith(top + ".") for top in ABOVE_WINDOW)
    )
    assert importers == []


# -- the checker itself, on small made-up packages ------------------------------------


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def test_a_type_only_import_closes_a_circle(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/project.py": "from app.claims import ClaimManager\n",
            "app/claims.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n"
                "    from app.project import Project\n"
            ),
        },
    )
    graph = import_graph(root, ["app"])
    assert circles(graph) == [["app.claims", "app.project"]]
    assert "app.claims -> app.project" in describe(circles(graph)[0], graph)


def test_a_function_local_and_a_relative_import_count(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/web/__init__.py": "",
            "app/web/service.py": "def refetch():\n    from . import refetch as r\n",
            "app/web/refetch.py": "from ..web.service import Manager\n",
            "app/other.py": "import app.web.service\n",
        },
    )
    assert circles(import_graph(root, ["app"])) == [["app.web.refetch", "app.web.service"]]


def test_one_way_imports_and_a_package_naming_its_modules_are_no_circle(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/exporters/__init__.py": "from app.exporters.collect import collect\n",
            "app/exporters/collect.py": "from app.models import Claim\nimport os, json\n",
            "app/exporters/native.py": "from app.exporters.collect import collect\n",
            "app/models.py": "from dataclasses import dataclass\n",
            "lower/__init__.py": "",
            "lower/rows.py": "",
        },
    )
    graph = import_graph(root, ["app", "lower"])
    assert circles(graph) == []
    assert graph["app.exporters"] == {"app.exporters.collect"}


def test_a_circle_across_two_packages_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "top/__init__.py": "",
            "top/a.py": "from low import b\n",
            "low/__init__.py": "",
            "low/b.py": "def f():\n    import top.a\n",
        },
    )
    assert circles(import_graph(root, ["top", "low"])) == [["low.b", "top.a"]]
