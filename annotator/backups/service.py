"""Backups of a project (project.backups): on demand, on a schedule, before upgrades.

Backups live in a folder next to the project, `<file>.backups/`, named by
time and kind so they sort by age and can be restored with any SQLite tool.
The newest N manual and scheduled backups are kept (N set per project); the
copies made before a schema upgrade or before a restore are never deleted
automatically, since they are the way back from those two steps.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError
from db.projectfile import backups as copier
from db.projectfile import connection, migrations
from db.projectfile import settings as project_settings
from db.projectfile.connection import ProjectFileError

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

FOLDER_SUFFIX = ".backups"
MANUAL = "manual"
SCHEDULED = "scheduled"
BEFORE_RESTORE = "before-restore"
BEFORE_REPAIR = "before-repair"  # check --repair, before foreign objects are dropped
BEFORE_SCHEMA = "before-schema"  # followed by the old version: before-schema-1
PRUNABLE = (MANUAL, SCHEDULED)

DEFAULT_INTERVAL_MINUTES = 30
DEFAULT_KEEP = 10
MAX_KEEP = 1000
MAX_INTERVAL_MINUTES = 7 * 24 * 60
INTERVAL_KEY = "backup.interval_minutes"
KEEP_KEY = "backup.keep"

_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<kind>[a-z0-9-]+)\.sqlite$"
)


class BackupError(AnnotatorError):
    """A backup could not be made or restored; the message says which file and why."""


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken and why."""

    path: Path
    kind: str
    created_at: datetime
    size: int

    def as_json(self) -> dict[str, Any]:
        return {
            "backup": str(self.path),
            "kind": self.kind,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "size": self.size,
        }


@dataclass(frozen=True)
class Schedule:
    """How often the open project is backed up (0: never) and how many to keep."""

    interval_minutes: int = DEFAULT_INTERVAL_MINUTES
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True)
class RestoreOutcome:
    project: Path
    restored_from: Path
    safety_copy: Path

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.project),
            "restored_from": str(self.restored_from),
            "safety_copy": str(self.safety_copy),
        }


def folder_for(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + FOLDER_SUFFIX)


def _same(a: Path, b: Path) -> bool:
    """The same file: by resolved name, or (both existing) by inode, so a hard
    link or a symlink to the project is caught too."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def project_part(project_path: Path, path: Path) -> str | None:
    """Which of the project's own files `path` is, or None when it is none of them.

    An export written over the project (or its -wal) would destroy it, one
    written into its backups folder would be taken for a backup; a caller
    that writes a file a user named refuses these.
    """
    if _same(path, project_path):
        return "is the project file itself"
    for suffix in ("-wal", "-shm", "-journal"):
        if _same(path, Path(f"{project_path}{suffix}")):
            return f"is the project's {suffix} file"
    folder = folder_for(project_path).resolve()
    target = path.resolve()
    if target == folder or folder in target.parents:
        return "is in the project's backups folder"
    return None


def _target(project_path: Path, kind: str, when: datetime | None = None) -> Path:
    folder = folder_for(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (when or datetime.now()).strftime(_STAMP_FORMAT)
    target = folder / f"{project_path.stem}-{stamp}-{kind}.sqlite"
    n = 2
    while target.exists():  # two backups in one second
        target = folder / f"{project_path.stem}-{stamp}-{n}-{kind}.sqlite"
        n += 1
    return target


def _describe(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match["stamp"], _STAMP_FORMAT)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path=path, kind=match["kind"], created_at=created, size=size)


def list_backups(project_path: Path) -> list[Backup]:
    """Backups of a project, newest first (files that are not ours are ignored)."""
    folder = folder_for(project_path)
    if not folder.is_dir():
        return []
    found = [b for p in folder.glob("*.sqlite") if (b := _describe(p)) is not None]
    # Backups of one second (their names differ only by kind) are told apart
    # by when their file was written.
    return sorted(found, key=lambda b: (b.created_at, _written_ns(b.path)), reverse=True)


def _written_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def back_up_file(project_path: Path, kind: str = MANUAL) -> Backup:
    """Copy a project file (open elsewhere or not) into its backups folder."""
    try:
        target = copier.copy_file(project_path, _target(project_path, kind))
    except OSError as exc:
        raise BackupError(f"{project_path}: cannot write a backup ({exc.strerror or exc})") from exc
    backup = _describe(target)
    assert backup is not None
    return backup


def before_migration(project_path: Path) -> migrations.BeforeMigrate:
    """The hook Project.open passes to migrate(): a backup before the schema changes."""

    def before(db: ProjectDatabase, from_version: int) -> None:
        target = _target(project_path, f"{BEFORE_SCHEMA}-{from_version}")
        copier.copy_connection(db.conn, target)

    return before


def prune(project_path: Path, keep: int) -> list[Path]:
    """Delete manual and scheduled backups beyond the newest `keep`; return them."""
    prunable = [b for b in list_backups(project_path) if b.kind in PRUNABLE]
    removed: list[Path] = []
    for backup in prunable[max(keep, 1) :]:
        try:
            backup.path.unlink()
        except FileNotFoundError:
            continue
        removed.append(backup.path)
    return removed


def validate_backup(path: Path) -> None:
    """Refuse anything that is not a healthy annotator project we can read."""
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    app_id, version = connection.inspect_existing(path)
    if app_id != connection.APPLICATION_ID:
        raise BackupError(f"{path}: is not an annotator project, so it cannot be restored")
    if version > migrations.latest_version():
        raise BackupError(
            f"{path}: was made by a newer version of the annotator (schema {version})"
        )


def restore(project_path: Path, backup_path: Path) -> RestoreOutcome:
    """Bring a backup back over a project file that no window of ours has open.

    The current file is first copied to the backups folder (kind
    before-restore), so a restore can itself be undone by restoring that copy.
    """
    try:
        validate_backup(backup_path)
    except ProjectFileError as exc:
        raise BackupError(f"{backup_path}: {exc.reason}") from exc
    if backup_path.resolve() == project_path.resolve():
        raise BackupError(f"{backup_path}: is the project file itself, not a backup")
    try:
        if project_path.exists() and project_path.stat().st_size > 0:
            safety = back_up_file(project_path, BEFORE_RESTORE).path
        else:
            safety = _target(project_path, BEFORE_RESTORE)
            safety.touch()
        copier.restore_over(backup_path, project_path)
    except OSError as exc:
        raise BackupError(f"{project_path}: cannot restore ({exc.strerror or exc})") from exc
    return RestoreOutcome(project_path, backup_path, safety)


class BackupManager:
    """project.backups: the open project's backups and its backup schedule."""

    def __init__(self, db: ProjectDatabase, path: Path | None) -> None:
        self._db = db
        self._file = path  # None for an in-memory project: nothing to back up

    def _path(self) -> Path:
        if self._file is None:
            raise BackupError("an in-memory project has no file to back up")
        return self._file

    @property
    def folder(self) -> Path:
        return folder_for(self._path())

    def list(self) -> list[Backup]:
        return list_backups(self._path()) if self._file is not None else []

    def schedule(self) -> Schedule:
        db = self._db
        return Schedule(
            interval_minutes=_int_setting(
                db, INTERVAL_KEY, DEFAULT_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES
            ),
            keep=_int_setting(db, KEEP_KEY, DEFAULT_KEEP, MAX_KEEP, minimum=1),
        )

    def set_schedule(self, schedule: Schedule) -> Schedule:
        if not 0 <= schedule.interval_minutes <= MAX_INTERVAL_MINUTES:
            raise BackupError(f"the backup interval must be 0 to {MAX_INTERVAL_MINUTES} minutes")
        if not 1 <= schedule.keep <= MAX_KEEP:
            raise BackupError(f"keep between 1 and {MAX_KEEP} backups")
        with self._db.atomic():
            project_settings.put(self._db, INTERVAL_KEY, str(schedule.interval_minutes))
            project_settings.put(self._db, KEEP_KEY, str(schedule.keep))
        return self.schedule()

    def create(self, kind: str = MANUAL) -> Backup:
        """Back up the open project now, then prune to the schedule's `keep`."""
        path = self._path()
        try:
            target = copier.copy_connection(self._db.conn, _target(path, kind))
        except OSError as exc:
            raise BackupError(f"{path}: cannot write a backup ({exc.strerror or exc})") from exc
        prune(path, self.schedule().keep)
        backup = _describe(target)
        assert backup is not None
        return backup

    def due(self, now: datetime | None = None) -> bool:
        """A scheduled backup is due when the interval has passed since the
        newest backup and the file changed since then (an idle project is not
        copied again and again)."""
        interval = self.schedule().interval_minutes
        if interval == 0 or self._file is None:
            return False
        newest = next(iter(self.list()), None)
        if newest is None:
            return True
        now = now or datetime.now()
        if (now - newest.created_at).total_seconds() < interval * 60:
            return False
        return _modified_since(self._file, newest.path)

    def run_scheduled(self, now: datetime | None = None) -> Backup | None:
        return self.create(SCHEDULED) if self.due(now) else None


def _modified_since(project_path: Path, backup_path: Path) -> bool:
    try:
        since = backup_path.stat().st_mtime
    except OSError:
        return True
    for candidate in (project_path, Path(f"{project_path}-wal")):
        try:
            if candidate.stat().st_mtime > since:
                return True
        except OSError:
            continue
    return False


def _int_setting(
    db: ProjectDatabase, key: str, default: int, maximum: int, minimum: int = 0
) -> int:
    raw = project_settings.get(db, key)
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        return default
    return min(max(value, minimum), maximum)
