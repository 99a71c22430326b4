"""Render the main views with the sample project to PNG files for the README.

    uv run python -m ui.screenshots [OUTDIR]

Runs offscreen on a throwaway project, so it needs no display and never
touches the user's default project.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SIZE = (1400, 860)
# Views register here: name -> function that prepares the window for the shot.
Shot = Callable[["MainWindow"], None]  # type: ignore[name-defined]  # noqa: F821


def _library_and_reader(window) -> None:  # type: ignore[no-untyped-def]
    articles = window.session.project.articles.list()
    window.library.select_article(articles[-1].id)


# (quote, stance, verdict, speaker): claims marked for the claims shot.
_SHOT_CLAIMS = (
    ("the offer contained no new money for pay whatsoever", "for", None, "BMA"),
    (
        "resident doctors have had pay rises of close to 29 percent over the last three years",
        "against",
        "misleading",
        "Department of Health and Social Care",
    ),
    ("close to 29 percent", "neutral", "mostly true", None),
    ("rejecting, by 83 percent in an online ballot", "neutral", "true", None),
    ('Keir Starmer called the walkout "reckless"', "against", None, "Keir Starmer"),
    ("a single exam can cost a trainee more than £1,000", "for", None, None),
    ("restoring the pay lost since 2008", "for", None, "BMA"),
)


def _claims(window) -> None:  # type: ignore[no-untyped-def]
    """An opinion piece with claims in three stance colours, one nested in another."""
    from annotator.models import Changes

    project = window.session.project
    article = next(a for a in project.articles.list() if a.outlet == "NHS FightBack")
    sides = {e.name: e.id for e in project.codebook.entries("side")}
    for name, side in (
        ("BMA", "union"),
        ("Department of Health and Social Care", "government"),
        ("Keir Starmer", "government"),
    ):
        if project.speakers.find(name) is None:
            project.speakers.create(name, side_id=sides[side])
    ids = []
    for quote, stance, verdict, speaker in _SHOT_CLAIMS:
        fields = {"stance": stance, "verdict": verdict, "speaker": speaker}
        claim = project.claims.mark_quote(article.id, quote)
        project.claims.tag(claim.id, **{k: v for k, v in fields.items() if v})
        ids.append(claim.id)
    window.session.notify(Changes(everything=True))
    window.library_dock.hide()
    window.library.select_article(article.id)
    window.session.set_current_claim(ids[1])


SHOTS: dict[str, Shot] = {"main-window": _library_and_reader, "claims": _claims}


def render(outdir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.project import Project
    from annotator.samples import seed_samples
    from ui.main_window import MainWindow
    from ui.session import ProjectSession

    app = QApplication.instance() or QApplication([])
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # fresh window state, not the user's
        project = Project.open(Path(tmp) / "samples.sqlite")
        seed_samples(project)
        for name, prepare in SHOTS.items():
            window = MainWindow(ProjectSession(project))
            window.resize(*SIZE)
            window.show()
            prepare(window)
            for _ in range(5):
                app.processEvents()
            target = outdir / f"{name}.png"
            window.grab().save(str(target))
            written.append(target)
            window.close()
        project.close()
    return written


def main() -> int:
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    for path in render(outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
