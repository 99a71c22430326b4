"""The window's web actions: import pages from their addresses, check fetched pages for edits.

Both run as one ProjectJob (fetching waits on servers for up to 20 s an
address: never on the GUI thread), with a progress window whose Cancel stops
before the next address, and end in a summary the user can open articles from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from annotator.models import Changes, ImportOutcome
from annotator.models.web import RefetchOutcome
from annotator.project import Project
from ui.exchange.import_summary import ImportSummaryDialog, headline
from ui.shell.job_progress import JobProgressDialog
from ui.shell.job_runner import JobRunner, JobSpec
from ui.shell.jobs import ProjectJob, Report, Stopped
from ui.web.address_dialog import AddressDialog
from ui.web.refetch_summary import RefetchSummaryDialog, refetch_headline

if TYPE_CHECKING:
    from annotator.web.http import Fetcher
    from ui.shell.host import Host

BUSY = "Fetching is already running; wait for it or cancel it."
IMPORT_JOB = JobSpec("Import from address", "Fetching", "addresses", busy=BUSY)
CHECK_JOB = JobSpec("Check for changes", "Fetching", "addresses", busy=BUSY)


class WebActions(QObject):
    """Owns File > Import from address…, the Article menu's checks, their job and dialogs."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        self.session = host.session
        self.runner = JobRunner(host, self)
        self.import_summary: ImportSummaryDialog | None = None
        self.refetch_summary: RefetchSummaryDialog | None = None
        # Tests point fetching at a local server with a short timeout.
        self.make_fetcher: Callable[[], Fetcher] | None = None
        self._install_actions()
        host.on_close(self.shutdown)

    def _install_actions(self) -> None:
        a = self.host.add_action
        a(
            "file/import",
            "import_address",
            "Import from &address…",
            self.import_address_dialog,
            "Ctrl+L",
        )
        self.article_menu = self.host.menu("article")
        a("article/web", "check_for_changes", "Check for &changes", self.check_current, "F5")
        a(
            "article/web",
            "check_all_for_changes",
            "Check &all fetched articles for changes",
            self.check_all,
        )

    # -- importing ---------------------------------------------------------------
    def import_address_dialog(self) -> None:
        dialog = AddressDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.import_addresses(dialog.addresses())

    def import_addresses(self, urls: list[str]) -> bool:
        """Fetch and import each address in the background; False when a job is running."""
        make_fetcher = self.make_fetcher

        def work(project: Project, report: Report, stopped: Stopped) -> list[ImportOutcome]:
            if make_fetcher is not None:
                project.web.make_fetcher = make_fetcher
            return project.web.import_addresses(urls, progress=report, stop=stopped)

        return self.runner.run(IMPORT_JOB, work, self._imported)

    def _imported(self, result: object, cancelled: bool, _error: str) -> None:
        outcomes: list[ImportOutcome] = list(result) if isinstance(result, list) else []
        changes = Changes.of_imports(outcomes)
        if changes.articles or changes.claims:
            self.session.notify(changes)
        self.host.status(headline(outcomes, cancelled), 8000)
        if self.import_summary is not None:
            self.import_summary.close()
        self.import_summary = ImportSummaryDialog(outcomes, cancelled, self.window)
        self.import_summary.article_chosen.connect(self.session.request_article)
        self.import_summary.open()
        if len(changes.articles) == 1:  # one new page fetched: it opens
            self.session.request_article(next(iter(changes.articles)))

    # -- checking for changes ----------------------------------------------------
    def check_current(self) -> None:
        article_id = self.host.current_article_id()
        if article_id is None:
            self.host.status("Pick an article in the library first.", 4000)
            return
        if not self.session.project.web.captures(article_id) and not _fetched_along(
            self.session.project, article_id
        ):
            title = self.session.project.articles.summary(article_id).title
            self.host.status(
                f"“{title}” was not fetched from a web address: nothing to check.", 6000
            )
            return
        self.check([article_id])

    def check_all(self) -> None:
        if not self.session.project.web.fetched_articles():
            self.host.status("No article in this project was fetched from a web address.", 6000)
            return
        self.check(None)

    def check(self, article_ids: list[int] | None) -> bool:
        """Fetch the addresses again in the background; a changed text becomes a revision."""
        make_fetcher = self.make_fetcher

        def work(project: Project, report: Report, stopped: Stopped) -> list[RefetchOutcome]:
            if make_fetcher is not None:
                project.web.make_fetcher = make_fetcher
            return project.web.refetch(article_ids, progress=report, stop=stopped)

        return self.runner.run(CHECK_JOB, work, self._checked)

    def _checked(self, result: object, cancelled: bool, _error: str) -> None:
        outcomes: list[RefetchOutcome] = list(result) if isinstance(result, list) else []
        changed: set[int] = set()
        for outcome in outcomes:
            if outcome.status == "revision" and outcome.revision is not None:
                changed |= {outcome.article_id, outcome.revision}
        if changed:
            # The claims now on each new revision all came from the version before.
            claims = self.session.project.claims
            moved = frozenset(
                position[0]
                for outcome in outcomes
                if outcome.status == "revision" and outcome.revision is not None
                for position in claims.positions(outcome.revision)
            )
            self.session.notify(Changes(articles=frozenset(changed)))
            if moved:
                self.session.notify(Changes(claims=moved))
        self.host.status(refetch_headline(outcomes, cancelled), 8000)
        if self.refetch_summary is not None:
            self.refetch_summary.close()
        self.refetch_summary = RefetchSummaryDialog(outcomes, cancelled, self.window)
        self.refetch_summary.article_chosen.connect(self.session.request_article)
        self.refetch_summary.open()

    # -- the job -------------------------------------------------------------------
    @property
    def job(self) -> ProjectJob | None:
        return self.runner.job

    @property
    def progress(self) -> JobProgressDialog | None:
        return self.runner.progress

    def cancel(self) -> None:
        self.runner.cancel()

    def shutdown(self) -> None:
        """Stop a running job before the window goes (its thread must not outlive it)."""
        self.runner.shutdown()


def _fetched_along(project: Project, article_id: int) -> bool:
    """An article from a file whose older revision was fetched still has an address."""
    from annotator.web.refetch import fetched_address

    return fetched_address(project.db, article_id) is not None
