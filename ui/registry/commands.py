"""Undo commands for the speaker registry and the codebook (see ui/shell/undo.py).

Each command is one service call each way; deletions and merges keep what
the service returned (a snapshot, a merge record) so undo restores exactly,
and that payload is JSON so the step survives reopening the project.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Self

from annotator.models import Changes, MergeRecord
from ui.shell.session import ProjectSession
from ui.shell.undo import ProjectCommand

SPEAKERS_CHANGED = Changes(speakers=True)
CODEBOOK_CHANGED = Changes(codebook=True)


class CreateSpeaker(ProjectCommand):
    """A new speaker; undo deletes it, redo brings back the same one (same id)."""

    kind = "create_speaker"

    def __init__(
        self,
        session: ProjectSession,
        fields: dict[str, Any],
        label: str = "",
        speaker_id: int | None = None,
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(session, label or f"New speaker “{fields.get('name', '')}”")
        self.fields = dict(fields)
        self.speaker_id = speaker_id
        self.snapshot = snapshot

    def apply(self) -> Changes:
        speakers = self.session.project.speakers
        if self.snapshot is None:
            self.speaker_id = speakers.create(**self.fields).id
        else:
            speakers.restore(self.snapshot)
            self.snapshot = None
        return SPEAKERS_CHANGED

    def revert(self) -> Changes:
        assert self.speaker_id is not None
        self.snapshot = self.session.project.speakers.delete(self.speaker_id)
        return SPEAKERS_CHANGED

    def payload(self) -> dict[str, Any]:
        return {"fields": self.fields, "speaker_id": self.speaker_id, "snapshot": self.snapshot}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["fields"], label, payload["speaker_id"], payload["snapshot"])


class EditSpeaker(ProjectCommand):
    """Change a speaker's name, role, organisation, side or note."""

    kind = "edit_speaker"

    def __init__(
        self,
        session: ProjectSession,
        speaker_id: int,
        new: dict[str, Any],
        old: dict[str, Any] | None = None,
        label: str = "",
    ) -> None:
        if old is None:
            speaker = session.project.speakers.get(speaker_id)
            old = {name: getattr(speaker, name) for name in new}
        super().__init__(session, label or f"Edit speaker ({', '.join(new)})")
        self.speaker_id, self.new, self.old = speaker_id, dict(new), dict(old)

    def apply(self) -> Changes:
        self.session.project.speakers.update(self.speaker_id, **self.new)
        return SPEAKERS_CHANGED

    def revert(self) -> Changes:
        self.session.project.speakers.update(self.speaker_id, **self.old)
        return SPEAKERS_CHANGED

    def payload(self) -> dict[str, Any]:
        return {"speaker_id": self.speaker_id, "new": self.new, "old": self.old}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["speaker_id"], payload["new"], payload["old"], label)


class SpeakerAlias(ProjectCommand):
    """Add (or remove) one alias of a speaker."""

    kind = "speaker_alias"

    def __init__(
        self, session: ProjectSession, speaker_id: int, alias: str, add: bool, label: str = ""
    ) -> None:
        verb = "Add" if add else "Remove"
        super().__init__(session, label or f"{verb} alias “{alias}”")
        self.speaker_id, self.alias, self.add = speaker_id, alias, add

    def _step(self, add: bool) -> Changes:
        speakers = self.session.project.speakers
        if add:
            speakers.add_alias(self.speaker_id, self.alias)
        else:
            speakers.remove_alias(self.speaker_id, self.alias)
        return SPEAKERS_CHANGED

    def apply(self) -> Changes:
        return self._step(self.add)

    def revert(self) -> Changes:
        return self._step(not self.add)

    def payload(self) -> dict[str, Any]:
        return {"speaker_id": self.speaker_id, "alias": self.alias, "add": self.add}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["speaker_id"], payload["alias"], payload["add"], label)


class AddSpeakerRole(ProjectCommand):
    """A dated role (title, organisation, side, from, to); undo removes it."""

    kind = "add_speaker_role"

    def __init__(
        self,
        session: ProjectSession,
        speaker_id: int,
        role: dict[str, Any],
        label: str = "",
        role_id: int | None = None,
    ) -> None:
        super().__init__(
            session, label or f"Add role “{role.get('role') or role.get('organisation')}”"
        )
        self.speaker_id, self.role, self.role_id = speaker_id, dict(role), role_id

    def apply(self) -> Changes:
        speakers = self.session.project.speakers
        before = {r.id for r in speakers.get(self.speaker_id).roles}
        after = speakers.add_role(self.speaker_id, **self.role)
        self.role_id = next(r.id for r in after.roles if r.id not in before)
        return SPEAKERS_CHANGED

    def revert(self) -> Changes:
        assert self.role_id is not None
        self.session.project.speakers.remove_role(self.speaker_id, self.role_id)
        return SPEAKERS_CHANGED

    def payload(self) -> dict[str, Any]:
        return {"speaker_id": self.speaker_id, "role": self.role, "role_id": self.role_id}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["speaker_id"], payload["role"], label, payload["role_id"])


def _record(data: dict[str, Any]) -> MergeRecord:
    return MergeRecord(
        keep_id=int(data["keep_id"]),
        drop=data["drop"],
        claim_ids=tuple(data["claim_ids"]),
        added_alias_ids=tuple(data["added_alias_ids"]),
    )


class MergeSpeakers(ProjectCommand):
    """Fold one speaker into another (claims, aliases, roles move; the name becomes an alias)."""

    kind = "merge_speakers"

    def __init__(
        self,
        session: ProjectSession,
        keep_id: int,
        drop_id: int,
        label: str = "",
        record: dict[str, Any] | None = None,
    ) -> None:
        if not label:
            speakers = session.project.speakers
            keep, drop = speakers.get(keep_id), speakers.get(drop_id)
            label = f"Merge “{drop.name}” into “{keep.name}”"
        super().__init__(session, label)
        self.keep_id, self.drop_id, self.record = keep_id, drop_id, record

    def _changes(self) -> Changes:
        claim_ids = frozenset(self.record["claim_ids"]) if self.record else frozenset()
        return Changes(speakers=True, claims=claim_ids)

    def apply(self) -> Changes:
        record = self.session.project.speakers.merge(self.keep_id, self.drop_id)
        self.record = asdict(record)
        return self._changes()

    def revert(self) -> Changes:
        assert self.record is not None
        self.session.project.speakers.unmerge(_record(self.record))
        return self._changes()

    def payload(self) -> dict[str, Any]:
        return {"keep_id": self.keep_id, "drop_id": self.drop_id, "record": self.record}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["keep_id"], payload["drop_id"], label, payload["record"])


class DeleteSpeaker(ProjectCommand):
    """Delete a speaker (their claims lose the speaker); undo puts everything back."""

    kind = "delete_speaker"

    def __init__(
        self,
        session: ProjectSession,
        speaker_id: int,
        label: str = "",
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        if not label:
            label = f"Delete speaker “{session.project.speakers.get(speaker_id).name}”"
        super().__init__(session, label)
        self.speaker_id, self.snapshot = speaker_id, snapshot

    def apply(self) -> Changes:
        self.snapshot = self.session.project.speakers.delete(self.speaker_id)
        return SPEAKERS_CHANGED

    def revert(self) -> Changes:
        assert self.snapshot is not None
        self.session.project.speakers.restore(self.snapshot)
        self.snapshot = None
        return SPEAKERS_CHANGED

    def payload(self) -> dict[str, Any]:
        return {"speaker_id": self.speaker_id, "snapshot": self.snapshot}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["speaker_id"], label, payload["snapshot"])


# -- the codebook ----------------------------------------------------------------
class AddCodebookEntry(ProjectCommand):
    """A new side, stance, verdict or topic; undo deletes it, redo restores the same one."""

    kind = "add_codebook_entry"

    def __init__(
        self,
        session: ProjectSession,
        fields: dict[str, Any],
        label: str = "",
        vocab_id: int | None = None,
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(session, label or f"Add {fields['kind']} “{fields['name']}”")
        self.fields, self.vocab_id, self.snapshot = dict(fields), vocab_id, snapshot

    def apply(self) -> Changes:
        codebook = self.session.project.codebook
        if self.snapshot is None:
            self.vocab_id = codebook.add(**self.fields).id
        else:
            codebook.restore(self.snapshot)
            self.snapshot = None
        return CODEBOOK_CHANGED

    def revert(self) -> Changes:
        assert self.vocab_id is not None
        self.snapshot = self.session.project.codebook.delete(self.vocab_id)
        return CODEBOOK_CHANGED

    def payload(self) -> dict[str, Any]:
        return {"fields": self.fields, "vocab_id": self.vocab_id, "snapshot": self.snapshot}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["fields"], label, payload["vocab_id"], payload["snapshot"])


class EditCodebookEntry(ProjectCommand):
    """Rename, recolour, re-rate or describe a codebook value."""

    kind = "edit_codebook_entry"

    def __init__(
        self,
        session: ProjectSession,
        vocab_id: int,
        new: dict[str, Any],
        old: dict[str, Any] | None = None,
        label: str = "",
    ) -> None:
        entry = session.project.codebook.get(vocab_id)
        if old is None:
            old = {name: getattr(entry, name) for name in new}
        super().__init__(session, label or f"Edit {entry.kind} “{entry.name}” ({', '.join(new)})")
        self.vocab_id, self.new, self.old = vocab_id, dict(new), dict(old)

    def apply(self) -> Changes:
        self.session.project.codebook.update(self.vocab_id, **self.new)
        return CODEBOOK_CHANGED

    def revert(self) -> Changes:
        self.session.project.codebook.update(self.vocab_id, **self.old)
        return CODEBOOK_CHANGED

    def payload(self) -> dict[str, Any]:
        return {"vocab_id": self.vocab_id, "new": self.new, "old": self.old}

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(session, payload["vocab_id"], payload["new"], payload["old"], label)


class DeleteCodebookEntry(ProjectCommand):
    """Delete a codebook value, its uses moved to a replacement; undo restores every use."""

    kind = "delete_codebook_entry"

    def __init__(
        self,
        session: ProjectSession,
        vocab_id: int,
        replace_with: int | None = None,
        label: str = "",
        snapshot: dict[str, Any] | None = None,
    ) -> None:
        if not label:
            codebook = session.project.codebook
            entry = codebook.get(vocab_id)
            label = f"Delete {entry.kind} “{entry.name}”"
            if replace_with is not None:
                label += f" (now “{codebook.get(replace_with).name}”)"
        super().__init__(session, label)
        self.vocab_id, self.replace_with, self.snapshot = vocab_id, replace_with, snapshot

    def apply(self) -> Changes:
        self.snapshot = self.session.project.codebook.delete(self.vocab_id, self.replace_with)
        return CODEBOOK_CHANGED

    def revert(self) -> Changes:
        assert self.snapshot is not None
        self.session.project.codebook.restore(self.snapshot)
        self.snapshot = None
        return CODEBOOK_CHANGED

    def payload(self) -> dict[str, Any]:
        return {
            "vocab_id": self.vocab_id,
            "replace_with": self.replace_with,
            "snapshot": self.snapshot,
        }

    @classmethod
    def from_payload(cls, session: ProjectSession, label: str, payload: dict[str, Any]) -> Self:
        return cls(
            session, payload["vocab_id"], payload["replace_with"], label, payload["snapshot"]
        )
