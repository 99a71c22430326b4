"""Undo kinds for claims: mark, tag/edit, move, delete, claim links, matches, figures.

Payload keys are those the window has always written, so histories saved by
earlier versions still undo.
"""

from __future__ import annotations

from typing import Any

from annotator.errors import AnnotatorError, NotFound
from annotator.history.actions import Payload, Services, Step, action, edit_action, quoted
from annotator.models import Changes, Claim, Quantity
from annotator.models.claims import CLAIM_LABELS

# Editable claim fields and how labels name them (declared on Claim), with the
# topics after the note, where labels have always listed them.
_LABELS = list(CLAIM_LABELS.items())
_AFTER_NOTE = list(CLAIM_LABELS).index("note") + 1
FIELD_NAMES = dict([*_LABELS[:_AFTER_NOTE], ("topic_ids", "topics"), *_LABELS[_AFTER_NOTE:]])


def _ensure_free(s: Services, claim_id: int) -> None:
    """Refuse to restore over a claim that took the same id meanwhile."""
    try:
        s.claims.get(claim_id)
    except NotFound:
        return
    raise AnnotatorError(f"claim {claim_id} exists again (made elsewhere meanwhile)")


# -- mark -------------------------------------------------------------------------
def _mark(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        claim = s.claims.mark(int(p["article_id"]), int(p["start"]), int(p["end"]))
        label = f"Mark claim {quoted(claim.quote)}"
    else:
        _ensure_free(s, int(p["snapshot"]["claims"][0]["id"]))
        claim, label = s.claims.restore(p["snapshot"]), ""
    return Step(s.claims.changes_for(claim), {**p, "claim_id": claim.id, "snapshot": None}, label)


def _unmark(s: Services, p: Payload) -> Step:
    claim = s.claims.get(int(p["claim_id"]))
    snapshot = s.claims.delete(claim.id)
    return Step(s.claims.changes_for(claim), {**p, "snapshot": snapshot})


action("mark_claim", _mark, _unmark, "a claim marked on selected words")


# -- delete -----------------------------------------------------------------------
def _delete(s: Services, p: Payload) -> Step:
    claim = s.claims.get(int(p["claim_id"]))
    snapshot = s.claims.delete(claim.id)
    return Step(
        s.claims.changes_for(claim),
        {**p, "snapshot": snapshot},
        f"Delete claim {quoted(claim.quote)}",
    )


def _undelete(s: Services, p: Payload) -> Step:
    _ensure_free(s, int(p["claim_id"]))
    claim = s.claims.restore(p["snapshot"])
    return Step(s.claims.changes_for(claim), {**p, "snapshot": None})


action("delete_claim", _delete, _undelete, "a claim deleted with its tags, figures and links")


# -- move onto other words ----------------------------------------------------------
def _move(s: Services, p: Payload, key: str) -> Step:
    claim_id = int(p["claim_id"])
    if "old" not in p:
        claim = s.claims.get(claim_id)
        p = {**p, "old": [claim.start, claim.end]}
    start, end = p[key]
    return Step(s.claims.changes_for(s.claims.adjust(claim_id, int(start), int(end))), p,
                f"Adjust claim {claim_id} span")  # fmt: skip


edit_action("adjust_claim", _move, "a claim moved onto other words")


# -- tag or edit fields --------------------------------------------------------------
def claim_fields(claim: Claim, topic_ids: list[int], names: list[str]) -> dict[str, Any]:
    """The current values of some editable fields, to undo an edit to them."""
    return {
        name: list(topic_ids) if name == "topic_ids" else getattr(claim, name) for name in names
    }


def _set(s: Services, p: Payload, key: str) -> Step:
    claim_id = int(p["claim_id"])
    unknown = set(p["new"]) - set(FIELD_NAMES)
    if unknown:
        raise AnnotatorError(f"not editable: {', '.join(sorted(unknown))}")
    if "old" not in p:
        current = s.claims.get(claim_id)
        p = {**p, "old": claim_fields(current, s.claims.topic_ids(claim_id), list(p["new"]))}
    fields = dict(p[key])
    topic_ids = fields.pop("topic_ids", None)
    claim = s.claims.update(claim_id, topic_ids=topic_ids, **fields)
    label = "Set " + ", ".join(FIELD_NAMES[name] for name in p["new"]) + f" on claim {claim_id}"
    return Step(s.claims.changes_for(claim), p, label)


edit_action("edit_claim", _set, "statement, speaker, side, stance, verdict, topics, status or note")


# -- claim to claim links ---------------------------------------------------------------
def _link_changes(p: Payload) -> Changes:
    return Changes(evidence=True, claims=frozenset(int(c) for c in p.get("claims", [])))


def _add_link(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        link = s.links.add(int(p["from_claim"]), int(p["to_claim"]), p["relation"],
                           p.get("note", ""))  # fmt: skip
    else:
        link = s.links.restore(p["snapshot"])
    p = {**p, "link_id": link.id, "claims": [link.from_claim, link.to_claim], "snapshot": None}
    return Step(s.links.changes(link), p, f"Link claims ({link.relation})")


def _remove_link(s: Services, p: Payload) -> Step:
    link = s.links.get(int(p["link_id"]))
    snapshot = s.links.remove(link.id)
    p = {**p, "claims": [link.from_claim, link.to_claim], "snapshot": snapshot}
    return Step(s.links.changes(link), p, f"Remove claim link ({link.relation})")


action("add_claim_link", _add_link, _remove_link, "two claims linked")
action("remove_claim_link", _remove_link, _add_link, "a claim link removed")


def _edit_link(s: Services, p: Payload, key: str) -> Step:
    link_id = int(p["link_id"])
    if "old" not in p:
        now = s.links.get(link_id)
        p = {**p, "old": [now.relation, now.note]}
    relation, note = p[key]
    link = s.links.update(link_id, relation, note)
    p = {**p, "claims": [link.from_claim, link.to_claim]}
    return Step(s.links.changes(link), p, f"Change claim link ({p['new'][0]})")


edit_action("edit_claim_link", _edit_link, "a claim link's relation or note")


# -- suggested matches --------------------------------------------------------------
def _confirm(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        link = s.matches.confirm(int(p["claim_id"]), int(p["other_id"]))
    else:
        link = s.links.restore(p["snapshot"])
    return Step(s.links.changes(link), {**p, "link_id": link.id, "snapshot": None})


def _unconfirm(s: Services, p: Payload) -> Step:
    link = s.links.get(int(p.get("link_id") or 0))
    return Step(s.links.changes(link), {**p, "snapshot": s.links.remove(link.id)})


action("confirm_match", _confirm, _unconfirm, "a suggested match confirmed as the same claim")


# -- figures -------------------------------------------------------------------------
def quantity_payload(q: Quantity) -> dict[str, Any]:
    from annotator.figures.service import CORRECTABLE

    return {"id": q.id, "claim_id": q.claim_id, "corrected": q.corrected,
            **{name: getattr(q, name) for name in CORRECTABLE}}  # fmt: skip


def _quantity(data: dict[str, Any]) -> Quantity:
    return Quantity(**{k: v for k, v in data.items() if k in Quantity.__dataclass_fields__})


def _figure_changes(claim_id: Any) -> Changes:
    return Changes(claims=frozenset({int(claim_id or 0)}))


def _correct(s: Services, p: Payload) -> Step:
    if "old" not in p:
        p = {**p, "old": quantity_payload(s.quantities.get(int(p["quantity_id"])))}
    q = s.quantities.update(int(p["old"]["id"] or 0), **p["fields"])
    label = "Correct figure " + ", ".join(name.replace("_", " ") for name in p["fields"])
    return Step(_figure_changes(q.claim_id), p, label)


def _uncorrect(s: Services, p: Payload) -> Step:
    q = s.quantities.put_back(_quantity(p["old"]))
    return Step(_figure_changes(q.claim_id), p)


action("edit_quantity", _correct, _uncorrect, "a figure's fields corrected")


def _add_figure(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        q = s.quantities.add(int(p["claim_id"]), **p["fields"])
    else:
        q = s.quantities.restore(p["snapshot"])
    return Step(_figure_changes(p["claim_id"]), {**p, "quantity_id": q.id, "snapshot": None},
                "Add figure")  # fmt: skip


def _remove_figure(s: Services, p: Payload) -> Step:
    snapshot = s.quantities.delete(int(p.get("quantity_id") or 0))
    return Step(_figure_changes(p["claim_id"]), {**p, "snapshot": snapshot}, "Delete figure")


action("add_quantity", _add_figure, _remove_figure, "a figure the parser missed")
action("delete_quantity", _remove_figure, _add_figure, "a figure that is not one removed")
