"""Console entry point: the window, or the sub-command handed to the CLI.

Qt is imported only when the window opens, so `annotator import ...` starts
fast and runs where there is no display.
"""

from __future__ import annotations

import sys
from pathlib import Path


def open_gui(project_path: Path | None) -> int:
    # The domain is imported before Qt on purpose: once PySide6 is loaded, its
    # import hook reads the source of every module imported after it (to look
    # for `from __feature__`), which costs start-up ~50 ms for pure-Python code.
    from annotator.project import Project, ProjectFileError, default_project_path

    from PySide6.QtWidgets import QApplication  # isort: skip

    from ui.shell import settings
    from ui.shell.main_window import MainWindow
    from ui.shell.session import ProjectSession

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
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
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Cannot open project", f"{exc.path}\n\n{exc.reason}")
        print(str(exc), file=sys.stderr)
        return 1
    if first_run:
        from annotator.samples.articles import seed_samples  # importers: only on a first run

        seed_samples(project)
    settings.remember_project(path)
    # The shell paints first; the features are built right after that frame.
    window = MainWindow(ProjectSession(project), defer_features=True)
    if window.first_start:
        window.showMaximized()  # first start: the whole screen, later the size left
    else:
        window.show()
    return int(app.exec())


def window_only(argv: list[str]) -> tuple[bool, Path | None]:
    """Whether the arguments just open the window (none, or `--project FILE`).

    Then the CLI and all its sub-commands need not be imported: the window
    paints sooner. Anything else, even a malformed `--project`, goes to the
    CLI, which parses and reports it.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--project" and not argv[1].startswith("-"):
        path = Path(argv[1])
        return (not path.is_dir()), path
    return False, None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    direct, project_path = window_only(args)
    if direct:
        return open_gui(project_path)
    from annotator.cli.main import main as cli_main

    return cli_main(args, open_gui=open_gui)


if __name__ == "__main__":
    sys.exit(main())
