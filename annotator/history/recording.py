"""Recording edits made by richer service calls (the CLI's `tag`, `mark`, `speaker`) as steps.

Those commands do several things at once (a tag by name may create the
speaker it names), so they are recorded from what changed: the claim's
fields before and after, the speakers that were not there before. Called in
the same transaction as the edit (`project.history.recording()`), so the edit
and its undo commit together.
"""

from __future__ import annotations

from typing import Any

from annotator.history import steps
from annotator.history.actions import Payload, Services
from annotator.history.kinds_claims import FIELD_NAMES, claim_fields
from annotator.models import Changes

Child = dict[str, Any]


def claim_state(s: Services, claim_id: int) -> dict[str, Any]:
    """Every editable field of a claim, to compare before and after an edit."""
    claim = s.claims.get(claim_id)
    return claim_fields(claim, sorted(s.claims.topic_ids(claim_id)), list(FIELD_NAMES))


def claim_edit(claim_id: int, before: dict[str, Any], after: dict[str, Any]) -> list[Child]:
    """An edit_claim step for the fields that changed (none when nothing did)."""
    names = [name for name in FIELD_NAMES if before.get(name) != after.get(name)]
    if not names:
        return []
    payload = {
        "claim_id": claim_id,
        "new": {n: after[n] for n in names},
        "old": {n: before[n] for n in names},
    }
    return [{"kind": "edit_claim", "payload": payload}]


def speaker_ids(s: Services) -> set[int]:
    return {speaker.id for speaker in s.speakers.list()}


def new_speakers(s: Services, before: set[int]) -> list[Child]:
    """create_speaker steps for speakers made since `before` (say, by a tag naming one)."""
    made = sorted(speaker_ids(s) - before)
    return [
        {"kind": "create_speaker",
         "payload": {"fields": {"name": s.speakers.get(i).name}, "speaker_id": i,
                     "snapshot": None}}
        for i in made
    ]  # fmt: skip


def record_children(
    s: Services, label: str, children: list[Child], changes: Changes
) -> steps.Done | None:
    """One history entry: the only child as itself, several as a group; None for none."""
    if not children:
        return None
    if len(children) == 1:
        only: Payload = children[0]["payload"]
        return steps.record(s, str(children[0]["kind"]), label, only, changes)
    return steps.record(s, "group", label, {"steps": children}, changes)
