"""Project: one SQLite file, one object a caller holds, a manager per noun.

Opening never writes to a file until it is known to be one of our projects
(or a new, empty file), so a wrong pick in a file dialog costs nothing.

Each manager is built here with what it uses (the connection and the sibling
managers it calls) and never sees the Project, so the imports point one way:
this module down to the features, none of them back up to it.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from annotator.articles.service import ArticleManager
from annotator.claims.service import ClaimManager
from annotator.codebook.service import Codebook
from db.projectfile import connection, migrations, opening
from db.projectfile.connection import ProjectDatabase, ProjectFileError

if TYPE_CHECKING:
    from annotator.backups.service import BackupManager
    from annotator.claims.links import LinkManager
    from annotator.compare.matches import MatchManager
    from annotator.compare.service import CompareManager
    from annotator.datasets.service import DatasetManager
    from annotator.evidence.service import EvidenceManager
    from annotator.exchange.merge import MergeManager
    from annotator.figures.service import QuantityManager
    from annotator.history.service import HistoryManager
    from annotator.search.service import SearchManager
    from annotator.speakers.service import SpeakerManager
    from annotator.web.service import WebManager

APP_NAME = "factcheck-annotator"
DEFAULT_PROJECT_NAME = "default-project.sqlite"
DATA_DIR_ENV = "ANNOTATOR_DATA_DIR"


def data_dir() -> Path:
    """Where the default project lives; ANNOTATOR_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    # Imported here: platformdirs (and the tempfile and shutil it pulls in) costs
    # start-up ~3 ms, and a window opened with --project never asks.
    import platformdirs

    return platformdirs.user_data_path(APP_NAME)


def default_project_path() -> Path:
    return data_dir() / DEFAULT_PROJECT_NAME


def _check_openable(path: Path, create: bool) -> bool:
    """Return True when the file is new (to be created); raise when it cannot be opened."""
    if not path.exists():
        if not create:
            raise ProjectFileError(path, "no such project file")
        if not path.parent.exists():
            raise ProjectFileError(path, "its folder does not exist")
        return True
    if path.is_dir():
        raise ProjectFileError(path, "is a folder, not a project file")
    if not path.is_file():  # stat only: opening a FIFO to read its header would wait forever
        raise ProjectFileError(path, "is not a regular file (a device, pipe or socket)")
    app_id, version = connection.inspect_existing(path)
    if path.stat().st_size == 0:
        if not create:
            raise ProjectFileError(path, "is empty, not a project file")
        return True
    if app_id != connection.APPLICATION_ID:
        raise ProjectFileError(path, "is an SQLite database but not an annotator project")
    latest = migrations.latest_version()
    if version > latest:
        raise ProjectFileError(
            path,
            f"was made by a newer version of the annotator (schema {version}; "
            f"this version reads up to {latest})",
        )
    return False


def _backup_before_migration(path: Path) -> migrations.BeforeMigrate:
    """The backup hook for a migration, its module imported only when one runs
    (nearly every open finds the file already at the latest version)."""

    def before(db: ProjectDatabase, from_version: int) -> None:
        from annotator.backups import service as backups

        backups.before_migration(path)(db, from_version)

    return before


class Project:
    """An open project file, with one manager per noun (articles, codebook, claims, ...)."""

    def __init__(self, db: ProjectDatabase, path: Path | None) -> None:
        self.db = db
        self.path = path
        self.closed = False
        self.articles = ArticleManager(db)
        self.codebook = Codebook(db)
        self.claims = ClaimManager(db, self.codebook, speakers=lambda: self.speakers)
        # Claims follow an article to its new revision inside the import's transaction.
        self.articles.revision_hooks.append(self.claims.move_to_revision)

    # Managers the window does not need to show a project are built, and their
    # modules imported, on first use: parsers, statistics and merge readers
    # would otherwise cost every start-up a few hundred milliseconds.

    @cached_property
    def backups(self) -> BackupManager:
        from annotator.backups.service import BackupManager

        return BackupManager(self.db, self.path)

    @cached_property
    def search(self) -> SearchManager:
        from annotator.search.service import SearchManager

        return SearchManager(self.db)

    @cached_property
    def merge(self) -> MergeManager:
        from annotator.exchange.merge import MergeManager

        return MergeManager(self.db, self.speakers)

    @cached_property
    def speakers(self) -> SpeakerManager:
        from annotator.speakers.service import SpeakerManager

        return SpeakerManager(self.db)

    @cached_property
    def datasets(self) -> DatasetManager:
        from annotator.datasets.service import DatasetManager

        return DatasetManager(self.db)

    @cached_property
    def evidence(self) -> EvidenceManager:
        from annotator.evidence.service import EvidenceManager

        return EvidenceManager(self.db, self.claims, datasets=lambda: self.datasets)

    @cached_property
    def links(self) -> LinkManager:
        from annotator.claims.links import LinkManager

        return LinkManager(self.db, self.claims)

    @cached_property
    def quantities(self) -> QuantityManager:
        from annotator.figures.service import QuantityManager

        return QuantityManager(self.db, self.claims)

    @cached_property
    def history(self) -> HistoryManager:
        from annotator.history.service import HistoryManager

        return HistoryManager(self.db)

    @cached_property
    def matches(self) -> MatchManager:
        from annotator.compare.matches import MatchManager

        return MatchManager(self.db, self.claims, self.links, self.quantities)

    @cached_property
    def compare(self) -> CompareManager:
        from annotator.compare.service import CompareManager

        return CompareManager(self.db, self.codebook, self.speakers, self.quantities)

    @cached_property
    def web(self) -> WebManager:
        from annotator.web.service import WebManager

        return WebManager(self.db, self.articles, self.claims)

    @classmethod
    def open(cls, path: Path | str, create: bool = True) -> Project:
        """Open (or create) a project file and bring its schema up to date."""
        path = Path(path).expanduser()
        is_new = _check_openable(path, create)
        try:
            db = opening.open_checked(path, is_new, _backup_before_migration(path))
        except Exception as exc:  # sqlite3 errors vary; all mean the same to the user
            if isinstance(exc, ProjectFileError):
                raise
            raise ProjectFileError(path, opening.explain(exc, path, "could not be opened")) from exc
        project = cls(db, path)
        if is_new:
            project.codebook.seed_defaults()
        return project

    @classmethod
    def in_memory(cls) -> Project:
        db = connection.connect_memory()
        migrations.migrate(db)
        project = cls(db, None)
        project.codebook.seed_defaults()
        return project

    def external_change_token(self) -> int:
        """A number that changes when another connection commits to this file.

        The GUI polls it to pick up rows the CLI (or a worker) wrote; our own
        commits never change it, so the window does not refresh after itself.
        """
        if self.closed:
            return -1
        return connection.data_version(self.db)

    def check(self) -> list[str]:
        """Integrity and schema findings; an empty list means the file is healthy."""
        return opening.findings(self.db)

    def read_only_reason(self) -> str | None:
        """Why the file may not be written now (read-only, foreign schema objects), or None."""
        refusal = getattr(self.db, "write_refusal", None)
        return refusal.reason if isinstance(refusal, ProjectFileError) else None

    def repair(self) -> list[str]:
        """Back the file up, then drop schema objects we did not make and remake ours.

        Returns what was done (empty: nothing needed doing). The file is then
        open for writing again, with its schema brought up to date.
        """
        found = opening.schema_findings(self.db)
        if not found:
            return []
        if self.path is None:
            return []
        from annotator.backups import service as backups

        backup = self.backups.create(backups.BEFORE_REPAIR)
        done = opening.repair(self.db, found, backups.before_migration(self.path))
        return [f"backed up to {backup.path}", *done]

    def close(self) -> None:
        self.closed = True
        self.db.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
