"""CI: install the package with plain pip (no uv, no lock) into a fresh venv and
import one file of each format with the installed `annotator` command.

Why: pip resolves only what pyproject.toml declares, so a dependency that uv's
lock brings in by chance (lxml's html_clean extra, which trafilatura's jusText
needs) is missing here if it is not declared, and the web page import breaks.

    python3 .ci/pip_check.py [--keep]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BLOG_POST = (
    "---\ntitle: Pay talks resume\nauthor: Health desk\ndate: 2025-07-10\n---\n\n"
    "Talks between the BMA and the government resume next week.\n"
)
NOTE = "Resident doctors in England walked out for five days in July.\n"


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="pip-check-"))
    try:
        venv = work / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip"]
        subprocess.run([*pip, "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "install", "-q", str(ROOT)], check=True)
        inbox = work / "inbox"
        inbox.mkdir()
        for name in ("article_page.html", "report.pdf", "briefing.docx"):
            shutil.copy(FIXTURES / name, inbox / name)
        (inbox / "note.txt").write_text(NOTE, encoding="utf-8")
        (inbox / "post.md").write_text(BLOG_POST, encoding="utf-8")
        result = subprocess.run(
            [
                str(venv / "bin" / "annotator"),
                "import",
                str(inbox),
                "--project",
                str(work / "check.sqlite"),
                "--json",
            ],
            capture_output=True,
            text=True,
            env={"PATH": str(venv / "bin"), "QT_QPA_PLATFORM": "offscreen", "HOME": str(work)},
        )
        outcomes = json.loads(result.stdout or "[]")
        formats = {Path(o["file"]).suffix: o["status"] for o in outcomes}
        print(f"pip install check: {formats}")
        if result.returncode != 0 or set(formats.values()) != {"imported"} or len(formats) != 5:
            print(result.stderr, file=sys.stderr)
            print(
                "pip install check FAILED: a format does not import from a plain pip install",
                file=sys.stderr,
            )
            return 1
        return 0
    finally:
        if "--keep" not in sys.argv:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
