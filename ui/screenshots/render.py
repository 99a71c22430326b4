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

# The sizes people use: a small laptop and a full-HD monitor. Every shot starts
# from the default layout at that size (View > Reset layout's state), so what the
# README shows is what a user sees on a first start, not a hand-tuned arrangement.
SIZES = ((1280, 800), (1920, 1080))
# Views register here: name -> function that prepares the window for the shot.
Shot = Callable[["MainWindow"], object]  # type: ignore[name-defined]  # noqa: F821


def _library_and_reader(window) -> None:
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


def _claims(window) -> None:
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
    window.library.select_article(article.id)
    window.session.set_current_claim(ids[1])


def _evidence_example(window) -> int:
    """A claim in the opinion piece with one item of each kind and a claim it contradicts."""
    from importlib import resources

    from annotator.models import Attach, Changes

    project = window.session.project
    articles = {a.source_name: a.id for a in project.articles.list()}
    opinion = articles["samples/fightback_opinion.txt"]
    existing = [c for c in project.claims.list(opinion) if "a fifth less" in c.quote]
    if existing:
        return existing[0].id
    claim = project.claims.mark_quote(
        opinion, "a doctor in training still takes home around a fifth less in real terms"
    )
    other = project.claims.mark_quote(
        articles["samples/bma_rejects_offer.md"],
        "Resident doctors' pay has gone up by almost 29% in three years",
    )
    sample = resources.files("resources").joinpath("samples", "pay_index.csv")
    with resources.as_file(sample) as path:
        project.datasets.import_file(path, "Pay index (illustrative)")
    ev = project.evidence
    ev.add_statistic_text(
        "resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA analysis (illustrative)",
        attach=Attach(claim.id, "supports", "the union's own figure"),
    )
    ev.add_dataset_rows(
        "Pay index (illustrative)", [18], attach=Attach(claim.id, "supports", "index 79.4 in 2025")
    )
    ev.add_url(
        "https://www.gov.uk/government/publications/ddrb-report-2025",
        "Review Body on Doctors' and Dentists' Remuneration, 2025 report",
        attach=Attach(claim.id, "context", "table of awards since 2008"),
    )
    ev.add_note(
        "Which inflation index? RPI gives a larger fall than CPI.",
        attach=Attach(claim.id, "context"),
    )
    project.links.add(claim.id, other.id, "contradicts", "29% nominal vs a fifth real")
    window.session.notify(
        Changes(claims=frozenset({claim.id, other.id}), evidence=True, datasets=True)
    )
    return claim.id


def _claim_with_evidence(window) -> None:
    claim_id = _evidence_example(window)
    claim = window.session.project.claims.get(claim_id)
    window.session.request_article(claim.article_id, claim_id)
    window.session.set_current_claim(claim_id)
    window.host.show_dock("evidence")  # the inspector's second tab, beside the claim form


def _dataset_chart(window) -> None:
    from PySide6.QtWidgets import QApplication

    claim_id = _evidence_example(window)
    claim = window.session.project.claims.get(claim_id)
    window.session.request_article(claim.article_id, claim_id)
    # The default layout: the dataset in the bottom panel between the library and
    # the inspector, whose Evidence tab lists the row pinned to the claim.
    window.session.set_current_claim(claim_id)
    window.host.show_dock("evidence")
    window.host.show_dock("datasets")
    QApplication.processEvents()
    window.evidence.datasets.set_chart("real_pay_index", "year", "line")
    window.evidence.show_dataset("Pay index (illustrative)", 18)


def _search(window) -> None:
    """The search dock with hits of every kind for a figure typed as it appears."""
    if not window.session.project.claims.list():
        _claims(window)
    window.library.select_article(window.session.project.articles.list()[-1].id)
    window.evidence.datasets_dock.hide()
    window.search.focus()
    window.search.panel.box.setText("29 percent")
    window.search.panel.run()
    from PySide6.QtWidgets import QApplication

    # The search runs on a worker thread: wait for its hits, as a user would.
    while window.search.panel.pending:
        QApplication.processEvents()


# (quote, speaker, side, verdict, topic, note) marked in the news story for the report shot.
_REPORT_CLAIMS = (
    (
        "More than 30,000 people applied for roughly 10,000 specialty jobs this year",
        None,
        None,
        "true",
        "training places",
        "",
    ),
    (
        "A single exam can cost a trainee more than £1,000",
        None,
        "union",
        "mostly true",
        "exam fees",
        "Fees vary by college; check the RCP list.",
    ),
    (
        "resident doctors earn around 21% less than their counterparts did in 2008",
        "BMA",
        "union",
        "half true",
        "pay",
        "RPI, not CPI: the fall is smaller on CPI.",
    ),
)


def report_pages(project, outdir: Path, suffix: str) -> list[Path]:
    """The HTML report of a news story's claims, laid out by QTextDocument (no browser)."""
    from annotator.exchange.exporters import collect
    from annotator.exchange.exporters.collect import no_progress
    from annotator.exchange.exporters.html_report import render as render_html
    from annotator.models import Attach
    from annotator.search.service import ClaimFilter
    from ui.exchange.export_dialog import report_image

    article = next(a for a in project.articles.list() if a.outlet == "Health News Digest")
    for quote, speaker, side, verdict, topic, note in _REPORT_CLAIMS:
        claim = project.claims.mark_quote(article.id, quote)
        project.claims.tag(claim.id, speaker=speaker, side=side, verdict=verdict, topics=[topic])
        if note:
            project.claims.update(claim.id, note=note)
        if topic == "pay":
            project.evidence.add_url(
                "https://www.bma.org.uk/pay-erosion",
                "BMA pay erosion analysis",
                attach=Attach(claim.id, "supports", "the union's own figures"),
            )
    html = render_html(collect(project, ClaimFilter(article_id=article.id)), no_progress)
    image = report_image(html)
    target = outdir / f"report-{suffix}.png"
    image.save(str(target))
    return [target]


def _import_summary(window) -> object:
    from ui.screenshots.imports import import_summary

    return import_summary(window)


def _backups(window) -> object:
    """File > Restore from backup…, with a backup of each kind listed."""
    from annotator.backups import service as backups

    manager = window.session.project.backups
    for kind in (backups.SCHEDULED, backups.MANUAL, backups.BEFORE_RESTORE):
        manager.create(kind)
    dialog = window.backup_actions.open_dialog()
    dialog.resize(680, 460)
    return dialog.grab()


def _delete_article(window) -> object:
    from ui.screenshots.imports import delete_article

    return delete_article(window)


def _compare_shot(name: str) -> Shot:
    def shot(window) -> None:
        from ui.screenshots import compare as compare_shots

        getattr(compare_shots, name)(window)

    return shot


SHOTS: dict[str, Shot] = {
    "main-window": _library_and_reader,
    "claims": _claims,
    "claim-evidence": _claim_with_evidence,
    "dataset-chart": _dataset_chart,
    "search": _search,
    "import-summary": _import_summary,
    "backups": _backups,
    "delete-article": _delete_article,
    "side-by-side": _compare_shot("side_by_side"),
    "compare-view": _compare_shot("compare_view"),
    "figures-view": _compare_shot("figures_view"),
}


def render(outdir: Path, sizes: tuple[tuple[int, int], ...] = SIZES) -> list[Path]:
    """Every shot at every size, named `NAME-WxH.png`, each on a fresh window with no
    saved state; each size on its own freshly seeded project, so a shot never shows
    what an earlier one left behind (claims marked twice, a dock another raised)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory() as tmp:
        # Settings isolated before Qt reads them: never the user's window state.
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        app = QApplication.instance() or QApplication([])
        outdir.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for n, size in enumerate(sizes):
            written += _render_size(app, Path(tmp) / f"samples-{n}.sqlite", outdir, size)
        return written


def _render_size(app, path: Path, outdir: Path, size: tuple[int, int]) -> list[Path]:
    from PySide6.QtGui import QPixmap

    from annotator.project import Project
    from annotator.samples.articles import seed_samples
    from ui.shell import settings
    from ui.shell.main_window import MainWindow
    from ui.shell.session import ProjectSession

    project = Project.open(path)
    seed_samples(project)
    written: list[Path] = []
    suffix = f"{size[0]}x{size[1]}"
    for name, prepare in SHOTS.items():
        settings.settings().remove("window")  # a first start: the default layout
        window = MainWindow(ProjectSession(project))
        window.resize(*size)
        window.show()
        for _ in range(3):
            app.processEvents()
        result = prepare(window)
        for _ in range(5):
            app.processEvents()
        target = outdir / f"{name}-{suffix}.png"
        # a shot may return its own picture (a dialog drawn over the window)
        picture = result if isinstance(result, QPixmap) else window.grab()
        picture.save(str(target))
        written.append(target)
        window.close()
    written.extend(report_pages(project, outdir, suffix))
    project.close()
    return written


def main() -> int:
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    for path in render(outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
