"""Undo kinds for the registries: speakers, the codebook and the publisher.

Deletions and merges keep what the service returned (a snapshot, a merge
record) so undo restores exactly, and that payload is JSON so the step
survives reopening the project.
"""

from __future__ import annotations

from dataclasses import asdict

from annotator.history.actions import Payload, Services, Step, action, edit_action
from annotator.models import Changes, MergeRecord

SPEAKERS = Changes(speakers=True)
CODEBOOK = Changes(codebook=True)


# -- speakers -----------------------------------------------------------------------
def _create_speaker(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        speaker = s.speakers.create(**p["fields"])
    else:
        speaker = s.speakers.restore(p["snapshot"])
    p = {**p, "speaker_id": speaker.id, "snapshot": None}
    return Step(SPEAKERS, p, f"New speaker “{speaker.name}”")


def _uncreate_speaker(s: Services, p: Payload) -> Step:
    return Step(SPEAKERS, {**p, "snapshot": s.speakers.delete(int(p["speaker_id"]))})


action("create_speaker", _create_speaker, _uncreate_speaker, "a new speaker")


def _edit_speaker(s: Services, p: Payload, key: str) -> Step:
    speaker_id = int(p["speaker_id"])
    if "old" not in p:
        speaker = s.speakers.get(speaker_id)
        p = {**p, "old": {name: getattr(speaker, name) for name in p["new"]}}
    speaker = s.speakers.update(speaker_id, **p[key])
    return Step(SPEAKERS, p, f"Edit speaker “{speaker.name}” ({', '.join(p['new'])})")


edit_action("edit_speaker", _edit_speaker, "a speaker's name, role, organisation, side or note")


def _alias(s: Services, p: Payload, add: bool) -> Step:
    speaker_id, alias = int(p["speaker_id"]), str(p["alias"])
    if add:
        s.speakers.add_alias(speaker_id, alias)
    else:
        s.speakers.remove_alias(speaker_id, alias)
    return Step(SPEAKERS, p, f"{'Add' if p['add'] else 'Remove'} alias “{alias}”")


action(
    "speaker_alias",
    lambda s, p: _alias(s, p, bool(p["add"])),
    lambda s, p: _alias(s, p, not p["add"]),
    "one alias added to or removed from a speaker",
)


def _add_role(s: Services, p: Payload) -> Step:
    speaker_id = int(p["speaker_id"])
    before = {r.id for r in s.speakers.get(speaker_id).roles}
    after = s.speakers.add_role(speaker_id, **p["role"])
    role_id = next(r.id for r in after.roles if r.id not in before)
    role = p["role"]
    return Step(SPEAKERS, {**p, "role_id": role_id},
                f"Add role “{role.get('role') or role.get('organisation')}”")  # fmt: skip


def _remove_role(s: Services, p: Payload) -> Step:
    s.speakers.remove_role(int(p["speaker_id"]), int(p["role_id"]))
    return Step(SPEAKERS, p)


action("add_speaker_role", _add_role, _remove_role, "a dated role of a speaker")


def _merge_changes(p: Payload) -> Changes:
    record = p.get("record") or {}
    return Changes(speakers=True, claims=frozenset(int(c) for c in record.get("claim_ids", [])))


def _merge(s: Services, p: Payload) -> Step:
    keep, drop = s.speakers.get(int(p["keep_id"])), s.speakers.get(int(p["drop_id"]))
    label = f"Merge “{drop.name}” into “{keep.name}”"
    p = {**p, "record": asdict(s.speakers.merge(keep.id, drop.id))}
    return Step(_merge_changes(p), p, label)


def _unmerge(s: Services, p: Payload) -> Step:
    data = p["record"]
    s.speakers.unmerge(
        MergeRecord(
            keep_id=int(data["keep_id"]),
            drop=data["drop"],
            claim_ids=tuple(data["claim_ids"]),
            added_alias_ids=tuple(data["added_alias_ids"]),
        )
    )
    return Step(_merge_changes(p), p)


action("merge_speakers", _merge, _unmerge, "one speaker folded into another")


def _delete_speaker(s: Services, p: Payload) -> Step:
    speaker_id = int(p["speaker_id"])
    name = s.speakers.get(speaker_id).name
    p = {**p, "snapshot": s.speakers.delete(speaker_id)}
    return Step(SPEAKERS, p, f"Delete speaker “{name}”")


def _undelete_speaker(s: Services, p: Payload) -> Step:
    s.speakers.restore(p["snapshot"])
    return Step(SPEAKERS, {**p, "snapshot": None})


action("delete_speaker", _delete_speaker, _undelete_speaker, "a speaker deleted")


# -- the codebook -------------------------------------------------------------------
def _add_entry(s: Services, p: Payload) -> Step:
    if p.get("snapshot") is None:
        entry = s.codebook.add(**p["fields"])
    else:
        entry = s.codebook.restore(p["snapshot"])
    p = {**p, "vocab_id": entry.id, "snapshot": None}
    return Step(CODEBOOK, p, f"Add {entry.kind} “{entry.name}”")


def _unadd_entry(s: Services, p: Payload) -> Step:
    return Step(CODEBOOK, {**p, "snapshot": s.codebook.delete(int(p["vocab_id"]))})


action("add_codebook_entry", _add_entry, _unadd_entry, "a new side, stance, verdict or topic")


def _edit_entry(s: Services, p: Payload, key: str) -> Step:
    vocab_id = int(p["vocab_id"])
    entry = s.codebook.get(vocab_id)
    if "old" not in p:
        p = {**p, "old": {name: getattr(entry, name) for name in p["new"]}}
    s.codebook.update(vocab_id, **p[key])
    return Step(CODEBOOK, p, f"Edit {entry.kind} “{entry.name}” ({', '.join(p['new'])})")


edit_action(
    "edit_codebook_entry",
    _edit_entry,
    "a codebook value renamed, recoloured, re-rated or described",
)


def _delete_entry(s: Services, p: Payload) -> Step:
    vocab_id = int(p["vocab_id"])
    replace_with = p.get("replace_with")
    entry = s.codebook.get(vocab_id)
    label = f"Delete {entry.kind} “{entry.name}”"
    if replace_with is not None:
        label += f" (now “{s.codebook.get(int(replace_with)).name}”)"
    snapshot = s.codebook.delete(vocab_id, None if replace_with is None else int(replace_with))
    return Step(CODEBOOK, {**p, "snapshot": snapshot}, label)


def _undelete_entry(s: Services, p: Payload) -> Step:
    s.codebook.restore(p["snapshot"])
    return Step(CODEBOOK, {**p, "snapshot": None})


action("delete_codebook_entry", _delete_entry, _undelete_entry, "a codebook value deleted")


# -- the publisher -------------------------------------------------------------------
def _set_publisher(s: Services, p: Payload, key: str) -> Step:
    from annotator import publisher as pub

    if "old" not in p:
        now = pub.get(s.db)
        new = pub.set_publisher(s.db, p.get("name"), p.get("url"), p.get("logo"))
        p = {"old": now.as_json() if now else None, "new": new.as_json()}
        return Step(Changes(), p, f"Set publisher “{new.name}”")
    values = p[key]
    pub.put(s.db, None if values is None else pub.Publisher(values["name"], values["url"],
                                                         values.get("logo")))  # fmt: skip
    return Step(Changes(), p)


edit_action("set_publisher", _set_publisher, "the fact-checking organisation named in ClaimReviews")
