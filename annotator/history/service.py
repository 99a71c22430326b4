"""The undo history, kept in the project so undo still works after reopening it.

The GUI's undo stack is rebuilt from these rows when a project opens. Each
row is one user action: its kind (which command), the label shown in the Edit
menu, a JSON payload with everything needed to undo or redo it (for a deleted
claim, its snapshot), and whether it is currently done. Only the last
HISTORY_LIMIT actions are kept, like the in-memory stack.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.clock import now_iso
from annotator.errors import NotFound
from db import history as q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase

HISTORY_LIMIT = 200
BYTES_KEY = "__bytes_b64__"


def _encode(value: Any) -> Any:
    """Snapshots may hold a document's bytes: JSON carries them as base64."""
    if isinstance(value, bytes | bytearray | memoryview):
        return {BYTES_KEY: base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(f"{type(value).__name__} cannot be kept in the undo history")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and BYTES_KEY in obj:
        return base64.b64decode(obj[BYTES_KEY])
    return obj


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, default=_encode)


def loads(text: str) -> dict[str, Any]:
    found = json.loads(text, object_hook=_decode)
    return found if isinstance(found, dict) else {}


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    kind: str
    label: str
    payload: dict[str, Any]
    done: bool
    created_at: str


def _entry(r: dict[str, Any]) -> HistoryEntry:
    return HistoryEntry(
        id=r["id"],
        kind=r["kind"],
        label=r["label"],
        payload=loads(r["payload"]),
        done=bool(r["done"]),
        created_at=r["created_at"],
    )


class HistoryManager:
    def __init__(self, db: ProjectDatabase) -> None:
        self._db = db

    @contextmanager
    def recording(self) -> Iterator[None]:
        """One transaction around an action and its history row, so neither survives alone."""
        with self._db.atomic():
            yield

    def entries(self) -> list[HistoryEntry]:
        """Oldest first; the done entries come before the undone ones."""
        return [_entry(r) for r in q.rows(self._db)]

    def headers(self) -> list[HistoryEntry]:
        """As entries(), with empty payloads: opening a project need not read every snapshot."""
        return [_entry(r) for r in q.headers(self._db)]

    def get(self, entry_id: int) -> HistoryEntry:
        found = q.row(self._db, entry_id)
        if found is None:
            raise NotFound(f"no history entry {entry_id}")
        return _entry(found)

    # One row read, not the whole history: a step after a big deletion carries
    # the snapshot of every row it took, and marking a claim must stay quick.
    def next_undo(self) -> HistoryEntry | None:
        found = q.next_undo(self._db)
        return None if found is None else _entry(found)

    def next_redo(self) -> HistoryEntry | None:
        found = q.next_redo(self._db)
        return None if found is None else _entry(found)

    def states(self) -> list[tuple[int, bool]]:
        """(id, done) oldest first: enough to tell whether a window's stack is in step."""
        return q.states(self._db)

    def push(self, kind: str, label: str, payload: dict[str, Any]) -> int:
        """Record a new action (forgetting any undone ones); returns its entry id."""
        with self._db.atomic():
            q.drop_undone(self._db)
            entry_id = q.insert(
                self._db,
                {
                    "kind": kind,
                    "label": label,
                    "payload": dumps(payload),
                    "created_at": now_iso(),
                },
            )
            q.keep_last(self._db, HISTORY_LIMIT)
        return entry_id

    def set_done(self, entry_id: int, done: bool, payload: dict[str, Any]) -> None:
        """After an undo (done=False) or redo (True), with what the next step needs."""
        with self._db.atomic():
            q.set_state(self._db, entry_id, done, dumps(payload))

    def discard(self, entry_id: int) -> None:
        """Forget an action that can no longer be undone or redone."""
        with self._db.atomic():
            q.delete(self._db, entry_id)

    def clear(self) -> None:
        with self._db.atomic():
            q.clear(self._db)
