"""Undo kinds for the library and the project: articles deleted or imported, their details,
a merged claim set, the backup schedule.

Deleting several articles and importing a batch are one step each: undo puts
back (or takes away) every article together, with every row it took.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.history.actions import Payload, Services, Step, action, edit_action, quoted
from annotator.models import Changes


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


# -- deleting articles -------------------------------------------------------------------
def _delete_one(s: Services, p: Payload) -> Step:
    article_id = int(p["article_id"])
    title = s.articles.summary(article_id).title
    snapshot = s.articles.delete(article_id)
    p = {**p, "snapshot": snapshot}
    return Step(s.articles.changes_for_deletion(snapshot), p, f"Delete article {quoted(title)}")


def _restore_one(s: Services, p: Payload) -> Step:
    snapshot = p["snapshot"]
    s.articles.restore(snapshot)
    return Step(s.articles.changes_for_deletion(snapshot), {**p, "snapshot": None})


action("delete_article", _delete_one, _restore_one, "an article deleted with its claims")


def _take_articles(s: Services, p: Payload) -> Step:
    """Delete every article named, newest first, so a revision goes before its parent."""
    ids = [int(i) for i in p["article_ids"]]
    if not ids:
        raise AnnotatorError("no articles to delete")
    titles = [s.articles.summary(i).title for i in ids]
    changes, snapshots = Changes(), []
    for article_id in sorted(ids, reverse=True):
        snapshot = s.articles.delete(article_id)
        snapshots.append(snapshot)
        changes = changes | s.articles.changes_for_deletion(snapshot)
    label = (
        f"Delete article {quoted(titles[0])}"
        if len(ids) == 1
        else f"Delete {_plural(len(ids), 'article')}"
    )
    return Step(changes, {**p, "snapshots": snapshots}, label)


def _give_articles(s: Services, p: Payload) -> Step:
    """Restore in the reverse order of deletion (parents before their revisions)."""
    changes = Changes()
    for snapshot in reversed(p["snapshots"]):
        s.articles.restore(snapshot)
        changes = changes | s.articles.changes_for_deletion(snapshot)
    return Step(changes, {**p, "snapshots": None})


action("delete_articles", _take_articles, _give_articles, "several articles deleted in one step")
# An import is recorded when its job ends (steps.record): undo deletes what it
# brought, redo puts back the very same rows.
action("import_articles", _give_articles, _take_articles, "a batch of articles imported")


def import_label(count: int) -> str:
    return f"Import of {_plural(count, 'article')}"


# -- article details ------------------------------------------------------------------------
def _details(s: Services, p: Payload, key: str) -> Step:
    article_id = int(p["article_id"])
    if "before" not in p:
        now = s.articles.summary(article_id)
        p = {**p, "before": {name: getattr(now, name) for name in p["after"]}}
    values: dict[str, Any] = p[key]
    try:
        changes = s.articles.update_metadata(article_id, **values)
    except ValueError as exc:  # a blank title
        raise AnnotatorError(str(exc)) from exc
    title = (
        p["before"].get("title") or p["after"].get("title") or s.articles.summary(article_id).title
    )
    return Step(changes, p, f"Edit details of {quoted(str(title))}")


action(
    "edit_article_details",
    lambda s, p: _details(s, p, "after"),
    lambda s, p: _details(s, p, "before"),
    "an article's title, outlet, author, date or URL",
)


# -- a colleague's claim set merged in ---------------------------------------------------------
def _report(p: Payload) -> Any:
    from annotator.exchange.mergers.report import MergeReport

    report = MergeReport(source=str(p["path"]), format=str(p.get("format", "")))
    report.added_ids.update({k: list(v) for k, v in (p.get("added_ids") or {}).items()})
    return report


def _merge(s: Services, p: Payload) -> Step:
    """Read the file (again, for a redo) and merge it; the ids it added make the undo."""
    path = Path(p["path"])
    report = s.merge.apply(s.merge.read(path), str(path))
    p = {"path": str(path), "added_ids": report.added_ids, "format": report.format}
    return Step(report.changes, p, f"Merge {path.name}", result=report)


def _unmerge(s: Services, p: Payload) -> Step:
    report = _report(p)
    s.merge.undo(report)
    return Step(report.changes, p)


action("merge_file", _merge, _unmerge, "a claim set merged from a file")


# -- the backup schedule ------------------------------------------------------------------------
def _schedule(s: Services, p: Payload, key: str) -> Step:
    from annotator.backups.service import Schedule

    if "old" not in p:
        now = s.backups.schedule()
        p = {**p, "old": [now.interval_minutes, now.keep]}
    interval, keep = p[key]
    s.backups.set_schedule(Schedule(int(interval), int(keep)))
    return Step(Changes(), p, "Change backup schedule")


edit_action(
    "backup_schedule", _schedule, "how often the project is backed up and how many backups are kept"
)
