"""Per-user GUI settings (QSettings): recent projects, window geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "factcheck-annotator"
APPLICATION = "annotator"
MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def recent_projects() -> list[Path]:
    value = settings().value("recent_projects", [])
    if isinstance(value, str):
        items: list[object] = [value]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        items = []
    return [Path(p) for p in items if isinstance(p, str) and p]


def remember_project(path: Path) -> None:
    path = path.resolve()
    items = [p for p in recent_projects() if p != path]
    items.insert(0, path)
    settings().setValue("recent_projects", [str(p) for p in items[:MAX_RECENT]])


def forget_project(path: Path) -> None:
    items = [p for p in recent_projects() if p != path.resolve() and p != path]
    settings().setValue("recent_projects", [str(p) for p in items])
