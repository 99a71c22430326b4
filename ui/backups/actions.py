"""The window's backup actions: back up now, restore from a backup, the schedule.

Restoring replaces the open file, so it is done here in the order that keeps
every step safe: close the project, let annotator.backups.service keep a safety copy
and write the backup in (through SQLite's backup API), then reopen the file
and hand it to the session, which clears the undo history of the old file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from annotator.backups import service as backups
from annotator.project import Project, ProjectFileError
from ui.backups.scheduler import BackupScheduler

if TYPE_CHECKING:
    from ui.backups.dialog import BackupDialog
    from ui.shell.host import Host


class BackupActions:
    """The backup menu actions and the backup timer of one window."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.window = host.window
        self.session = session = host.session
        self.scheduler = BackupScheduler(session, parent=host)
        self.scheduler.backed_up.connect(
            lambda made: host.status(f"Backed up to {made.path.name}", 5000)
        )
        self.scheduler.failed.connect(lambda message: host.status(message, 10000))
        host.on_close(self.scheduler.shutdown)
        host.add_action(
            "file/backup", "back_up_now", "&Back up now", self.back_up_now, "Ctrl+Alt+B"
        )
        host.add_action(
            "file/backup",
            "restore_backup",
            "&Restore from backup…",
            self.open_dialog,
            "Ctrl+Alt+Shift+B",
        )

    def back_up_now(self) -> None:
        project = self.session.project
        if project.path is None:
            return
        try:
            made = project.backups.create(backups.MANUAL)
        except backups.BackupError as exc:
            self.host.show_error("Backup failed", str(exc))
            return
        self.host.status(f"Backed up to {made.path}", 5000)

    def open_dialog(self) -> BackupDialog:
        from ui.backups.dialog import BackupDialog  # built when asked for, not at start-up

        dialog = BackupDialog(self.session, self.confirm_and_restore, self.window)
        dialog.open()
        return dialog

    def confirm_and_restore(self, backup: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Restore from backup",
            f"Replace the open project with the backup\n{backup.name}?\n\n"
            "The project as it is now is kept as another backup first.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.restore(backup)

    def restore(self, backup: Path) -> bool:
        """Close, restore, reopen. On failure the project reopens as it was."""
        session = self.session
        path = session.project.path
        if path is None:
            return False
        try:  # refuse a bad pick before anything is closed
            backups.validate_backup(backup)
        except (backups.BackupError, ProjectFileError) as exc:
            self.host.show_error("Cannot restore", str(exc))
            return False
        session.project.close()
        error: str | None = None
        outcome: backups.RestoreOutcome | None = None
        try:
            outcome = backups.restore(path, backup)
        except backups.BackupError as exc:
            error = str(exc)
        try:
            reopened = Project.open(path, create=False)
        except ProjectFileError as exc:
            if outcome is None:
                raise
            # The restored file will not open: put the safety copy back.
            backups.restore(path, outcome.safety_copy)
            reopened = Project.open(path, create=False)
            error = f"{exc}; the project was put back as it was"
        session.replace(reopened)
        if error is not None:
            self.host.show_error("Restore failed", error)
            return False
        assert outcome is not None
        self.host.status(
            f"Restored {backup.name}; the previous state is kept as {outcome.safety_copy.name}",
            8000,
        )
        return True
