"""Screenshots of side-by-side reading, the compare view and the figures view,
on the sample project with its sample claims (and one confirmed match)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from annotator.models import Changes

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow


def _articles(window: MainWindow) -> dict[str, int]:
    return {
        (a.source_name or "").rsplit("/", 1)[-1]: a.id
        for a in window.session.project.articles.list()
    }


def _hide_side_docks(window: MainWindow) -> None:
    for name in ("editor", "evidence", "datasets", "search"):
        dock = window.host.docks.get(name)
        if dock is not None:
            dock.hide()


def _show_bottom(window: MainWindow, dock: object) -> None:
    window.library_dock.hide()
    _hide_side_docks(window)
    window.compare.show_dock(dock)  # type: ignore[arg-type]
    QApplication.processEvents()


def side_by_side(window: MainWindow) -> None:
    """The union's article next to the government's, a linked claim shown in both."""
    project = window.session.project
    claims = project.claims.list()
    union = next(c for c in claims if "21% less than their counterparts" in c.quote)
    fletcher = next(c for c in claims if "a fifth less than in 2008" in c.quote)
    digest, scrape = union.article_id, fletcher.article_id
    window.library_dock.hide()
    _hide_side_docks(window)
    window.open_article(digest)
    window.compare.new_pane()
    window.open_article(scrape)
    if not project.links.list(union.id):
        project.matches.confirm(union.id, fletcher.id)
        window.session.notify(Changes(claims=frozenset({union.id, fletcher.id}), evidence=True))
    window.reader_area.set_active(window.reader_area.panes()[0])
    window.session.request_article(digest, union.id)


def compare_view(window: MainWindow) -> None:
    _show_bottom(window, window.compare.compare_dock)
    window.compare.compare.set_sides("union", "government")


# (words in the claim, corrections a checker makes after reading the article around it)
_CORRECTIONS = (
    ("21% less than their counterparts", {"measure": "RPI", "basis": "real"}),
    ("21 percent less today", {"measure": "RPI", "basis": "real"}),
    ("a fifth less than in 2008", {"measure": "RPI"}),
    ("almost 29% in three years", {"basis": "cash"}),
    ("nearly 30% over three years", {"basis": "cash"}),
)


def figures_view(window: MainWindow) -> None:
    """The figures on resident doctors' pay after a checker added the measure and basis
    that the quoted words leave out (the union's RPI, the government's cash terms)."""
    project = window.session.project
    project.quantities.sync()
    for claim in project.claims.list():
        for words, fields in _CORRECTIONS:
            if words in claim.quote:
                for q in project.quantities.list(claim.id):
                    if q.unit == "%" and not q.corrected:
                        project.quantities.update(int(q.id or 0), **fields)
    window.session.notify(Changes(everything=True))
    _show_bottom(window, window.compare.figures_dock)
    window.compare.figures.set_subject("resident doctors' pay")
