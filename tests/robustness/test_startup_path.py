"""The window's start-up path stays lean: what it must not import, and the CLI bypass."""

from __future__ import annotations

import json
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

    So does platformdirs: a project named on the command line needs no data folder;
    and sqlite-utils (with click and dateutil): the connection is plain sqlite3.
    """
    code = (
        "import sys, tempfile, pathlib\n"
        "from annotator.project import Project\n"
        "p = Project.open(pathlib.Path(tempfile.mkdtemp()) / 'p.sqlite')\n"
        "p.articles.list(); p.claims.list(); p.codebook\n"
        "heavy = ['trafilatura', 'pypdf', 'docx', 'charset_normalizer', 'markdown_it', 'yaml',\n"
        "         'openpyxl', 'annotator.exchange.importers.html', 'annotator.exchange.mergers', 'annotator.exchange.exporters',\n"
        "         'annotator.compare.service', 'annotator.datasets.service', 'platformdirs',\n"
        "         'sqlite_utils', 'click', 'dateutil']\n"
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


# What the window's first frame must not wait for: the features built after it
# and the heavy libraries they (or the domain) use on first use.
NOT_BEFORE_FIRST_PAINT = (
    "ui.shell.features",
    "ui.claims.wiring",
    "ui.evidence.wiring",
    "ui.search.panel",
    "ui.exchange.import_actions",
    "ui.web.actions",
    "ui.compare.wiring",
    "ui.shell.undo",
    "rapidfuzz",
    "trafilatura",
    "sqlite_utils",
    "dateutil",
    "click",
    "pluggy",
    "annotator.models.evidence",
    "annotator.models.datasets",
    "annotator.models.figures",
    "annotator.models.web",
    "annotator.claims.revisions",
    "annotator.anchoring.textdiff",
    "annotator.anchoring.reanchor",
    "difflib",
    "hashlib",
    "uuid",
    "annotator.exchange.importers",
    "annotator.compare.service",
)

# Widget classes the first frame does without (each costs PySide ~0.5-5 ms to make).
LAZY_CLASSES = ("QFileDialog", "QMessageBox", "QStyle", "QWizard", "QColorDialog")

FIRST_PAINT_CHILD = """
import json, sys
LAZY_CLASSES = %r
import ui.shell.main_window as main_window
from ui.app import main
seen = {}
painting, building = main_window.MainWindow.paintEvent, main_window.MainWindow.build_features
def paint(self, event):
    seen.setdefault("painted", True)
    painting(self, event)
def build(self):
    if "loaded" not in seen:
        seen["loaded"] = sorted(sys.modules)
        seen["painted_first"] = "painted" in seen
        import PySide6.QtWidgets as widgets
        seen["classes"] = [n for n in LAZY_CLASSES if n in widgets.__dict__]
    building(self)
    seen["built"] = self.features_built and self.claims is not None
    print(json.dumps(seen), flush=True)
    from PySide6.QtWidgets import QApplication
    QApplication.instance().quit()
main_window.MainWindow.paintEvent = paint
main_window.MainWindow.build_features = build
sys.exit(main(["--project", sys.argv[1]]))
"""


def test_the_first_paint_comes_before_the_features_and_their_libraries(tmp_path: Path) -> None:
    """The app paints its shell, then builds the features: nothing heavy before that frame."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_CHILD % (LAZY_CLASSES,), str(tmp_path / "p.sqlite")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "ANNOTATOR_DATA_DIR": str(tmp_path / "data"),
        },
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["painted_first"] and seen["built"]
    loaded = set(seen["loaded"])
    early = [
        m for m in NOT_BEFORE_FIRST_PAINT if any(n == m or n.startswith(m + ".") for n in loaded)
    ]
    assert early == []
    # PySide makes a class (and all its enums) when Python first meets it: the
    # dialogs on first use, the style never asked for, and no viewport asked
    # for (its type is found by making every widget class, QWizard among them).
    assert seen["classes"] == []
    assert out.stderr == ""


def test_every_model_name_resolves_from_the_package_on_first_use() -> None:
    """annotator.models imports each model's module when a name of it is first asked for."""
    import annotator.models as models

    for name in models.__all__:
        assert getattr(models, name) is not None
    with pytest.raises(AttributeError):
        _ = models.NoSuchModel  # type: ignore[attr-defined]
