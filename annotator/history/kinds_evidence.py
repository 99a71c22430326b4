"""Undo kinds for evidence and datasets: items added, edited, linked, removed; tables in and out.

Adding an item takes one of several service calls (a URL, a file, a passage,
dataset rows...), so the caller makes it and records `add_evidence` in the
same transaction (`steps.record`); from then on undo deletes the item and redo
puts back the very same rows. Dataset imports run on a worker thread and are
recorded the same way when they finish.
"""

from __future__ import annotations

from typing import Any

from annotator.errors import AnnotatorError
from annotator.history.actions import Payload, Services, Step, action, edit_action, short
from annotator.models import Changes, Evidence

DATASETS = Changes(datasets=True)


def _changes(p: Payload) -> Changes:
    return Changes(evidence=True, claims=frozenset(int(c) for c in p.get("claim_ids", [])))


def _title(s: Services, evidence_id: int, p: Payload) -> str:
    return str(p.get("title") or s.evidence.get(evidence_id).label())


def added(item: Evidence, claim_ids: list[int]) -> tuple[str, Payload, Changes]:
    """What `steps.record` needs for an item just added (and maybe linked)."""
    payload = {"evidence_id": item.id, "claim_ids": list(claim_ids), "title": item.label()}
    return f"Add evidence {short(item.label())}", payload, _changes(payload)


def dataset_imported(name: str) -> tuple[str, Payload, Changes]:
    return f"Import dataset {short(name)}", {"name": name}, DATASETS


# -- whole items ------------------------------------------------------------------------
def _bring_back(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        raise AnnotatorError("this evidence item was never taken away")
    item = s.evidence.restore(p["snapshot"])
    return Step(_changes(p), {**p, "evidence_id": item.id, "snapshot": None})


def _take_away(s: Services, p: Payload) -> Step:
    evidence_id = int(p["evidence_id"])
    title = _title(s, evidence_id, p)
    snapshot = s.evidence.delete(evidence_id)
    claim_ids = sorted({int(r["claim_id"]) for r in snapshot.get("claim_evidence", [])}
                       | {int(c) for c in p.get("claim_ids", [])})  # fmt: skip
    p = {**p, "title": title, "claim_ids": claim_ids, "snapshot": snapshot}
    return Step(_changes(p), p, f"Delete evidence {short(title)}")


action("add_evidence", _bring_back, _take_away, "an evidence item added (maybe linked)")
action("delete_evidence", _take_away, _bring_back, "an evidence item deleted everywhere")


def _edit(s: Services, p: Payload, key: str) -> Step:
    evidence_id = int(p["evidence_id"])
    if "old" not in p:
        item = s.evidence.get(evidence_id)
        p = {**p, "old": {name: getattr(item, name) for name in p["new"]}}
    s.evidence.update(evidence_id, **p[key])
    return Step(_changes(p), p, f"Edit evidence {short(_title(s, evidence_id, p))}")


edit_action("edit_evidence", _edit, "an evidence item's own fields (title, figures, note text)")


# -- links to claims ------------------------------------------------------------------------
def _link(s: Services, p: Payload) -> Step:
    claim_id, evidence_id = int(p["claim_id"]), int(p["evidence_id"])
    if p.get("snapshot") is None:
        link = s.evidence.link(claim_id, evidence_id, p["relation"], p.get("note", ""))
    else:
        link = s.evidence.restore_link(p["snapshot"])
    p = {**p, "claim_ids": [claim_id], "snapshot": None, "title": link.evidence.label()}
    return Step(_changes(p), p, f"Link evidence {short(p['title'])}")


def _unlink(s: Services, p: Payload) -> Step:
    claim_id, evidence_id = int(p["claim_id"]), int(p["evidence_id"])
    title = _title(s, evidence_id, p)
    snapshot = s.evidence.unlink(claim_id, evidence_id)
    p = {**p, "claim_ids": [claim_id], "snapshot": snapshot, "title": title}
    return Step(_changes(p), p, f"Unlink evidence {short(title)}")


action("link_evidence", _link, _unlink, "an existing item linked to one more claim")
action("unlink_evidence", _unlink, _link, "an item unlinked from a claim (it stays)")


def _relink(s: Services, p: Payload, key: str) -> Step:
    claim_id, evidence_id = int(p["claim_id"]), int(p["evidence_id"])
    if "old" not in p:
        now = s.evidence.get_link(claim_id, evidence_id)
        p = {**p, "old": [now.relation, now.note]}
    relation, note = p[key]
    link = s.evidence.update_link(claim_id, evidence_id, relation, note)
    p = {**p, "claim_ids": [claim_id]}
    return Step(_changes(p), p, f"Change link to {short(link.evidence.label())}")


edit_action("edit_evidence_link", _relink, "how an item bears on a claim (relation, note)")


# -- datasets ---------------------------------------------------------------------------------


def _dataset_back(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        raise AnnotatorError(f"dataset {p['name']!r} was never taken away")
    s.datasets.restore(p["snapshot"])
    return Step(DATASETS, {**p, "snapshot": None})


def _dataset_away(s: Services, p: Payload) -> Step:
    snapshot: Any = s.datasets.delete(str(p["name"]))
    return Step(DATASETS, {**p, "snapshot": snapshot}, f"Delete dataset {short(p['name'])}")


action("import_dataset", _dataset_back, _dataset_away, "a CSV or spreadsheet imported as a table")
action("delete_dataset", _dataset_away, _dataset_back, "a dataset's table dropped")
