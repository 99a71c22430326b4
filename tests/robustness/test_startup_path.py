"""The window's start-up path stays lean: what it must not import, and the CLI bypass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import window_only

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "direct"),
    [
        ([], True),
        (["--project", "p.sqlite"], True),
        (["--project"], False),  # malformed: the CLI reports it
        (["--project", "--json"], False),
        (["import", "x.txt"], False),
        (["--version"], False),
        (["--project", "p.sqlite", "check"], False),
    ],
)
def test_only_a_bare_window_launch_skips_the_cli(argv: list[str], direct: bool) -> None:
    assert window_only(argv)[0] is direct


def test_a_folder_as_project_still_goes_to_the_cli_for_its_usage_error(tmp_path: Path) -> None:
    assert window_only(["--project", str(tmp_path)]) == (False, tmp_path)


def test_opening_a_project_imports_no_parser_or_exporter() -> None:
    """Importers, exporters, merge readers and statistics load on first use only.

    So does platformdirs: a project named on the command line needs no data folder.
    """
    code = (
        "import sys, tempfile, pathlib\n"
        "from annotator.project import Project\n"
        "p = Project.open(pathlib.Path(tempfile.mkdtemp()) / 'p.sqlite')\n"
        "p.articles.list(); p.claims.list(); p.codebook\n"
        "heavy = ['trafilatura', 'pypdf', 'docx', 'charset_normalizer', 'markdown_it', 'yaml',\n"
        "         'openpyxl', 'annotator.exchange.importers.html', 'annotator.exchange.mergers', 'annotator.exchange.exporters',\n"
        "         'annotator.compare.service', 'annotator.datasets.service', 'platformdirs']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert out.stdout.strip() == "[]"


def test_the_window_module_imports_no_merger_or_exporter() -> None:
    """The window's first paint needs no merge reader or exporter: they load on first use."""
    code = (
        "import sys\n"
        "import ui.shell.main_window\n"
        "heavy = ['annotator.exchange.mergers', 'annotator.exchange.exporters']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "[]"
