"""What the export dialog remembers between exports, and the file names it offers.

A checker exports the same way day after day: all articles into the same
folder, say. The scope ("All articles" or the open article) and the folder of
the last written export are kept in the user's settings; each format offers its
own file name, so a ClaimReview (also .json) never overwrites the lossless JSON
by default.
"""

from __future__ import annotations

from pathlib import Path

from annotator.exchange.exporters import FORMATS
from ui.shell.settings import settings

FOLDER_KEY = "export/folder"
SCOPE_KEY = "export/scope"
ALL, ARTICLE = "all", "article"
# Each format's file name after the project's; the rest are "<project>-claims<extension>".
NAMES = {"claimreview": "claimreview", "html": "report", "md": "report"}


def default_name(project_stem: str, format_name: str) -> str:
    return f"{project_stem}-{NAMES.get(format_name, 'claims')}{FORMATS[format_name].extension}"


def is_default_name(name: str, project_stem: str) -> bool:
    return any(name == default_name(project_stem, f) for f in FORMATS)


def last_folder(fallback: Path) -> Path:
    """The folder of the last export if it still exists, else the fallback."""
    value = settings().value(FOLDER_KEY, "")
    folder = Path(value) if isinstance(value, str) and value else None
    return folder if folder is not None and folder.is_dir() else fallback


def all_articles_last_time() -> bool:
    return settings().value(SCOPE_KEY, "") == ALL


def remember(target: Path, all_articles: bool) -> None:
    store = settings()
    store.setValue(FOLDER_KEY, str(target.parent))
    store.setValue(SCOPE_KEY, ALL if all_articles else ARTICLE)


def forget() -> None:
    """Back to no remembered choices (tests, and a user resetting the dialog)."""
    store = settings()
    store.remove(FOLDER_KEY)
    store.remove(SCOPE_KEY)
