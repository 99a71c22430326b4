"""Console entry point: the window, or the sub-command handed to the CLI.

Qt is imported only when the window opens, so `annotator import ...` starts
fast and runs where there is no display.
"""

from __future__ import annotations

import sys
from pathlib import Path


def open_gui(project_path: Path | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from annotator.project import Project, ProjectFileError, default_project_path
    from ui import settings
    from ui.main_window import MainWindow
    from ui.session import ProjectSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Fact-check annotator")

    path = project_path or default_project_path()
    first_run = project_path is None and not path.exists()
    try:
        if first_run:
            path.parent.mkdir(parents=True, exist_ok=True)
        project = Project.open(path, create=project_path is None or not path.exists())
    except ProjectFileError as exc:
        QMessageBox.critical(None, "Cannot open project", f"{exc.path}\n\n{exc.reason}")
        print(str(exc), file=sys.stderr)
        return 1
    if first_run:
        from annotator.samples import seed_samples  # importers: only on a first run

        seed_samples(project)
    settings.remember_project(path)
    window = MainWindow(ProjectSession(project))
    window.show()
    return int(app.exec())


def main(argv: list[str] | None = None) -> int:
    from annotator.cli import main as cli_main

    return cli_main(argv, open_gui=open_gui)


if __name__ == "__main__":
    sys.exit(main())
