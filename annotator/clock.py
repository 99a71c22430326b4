"""One place for "now" and new ids, so tests and merges agree on their shape."""

from __future__ import annotations

import datetime as dt


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def new_uid() -> str:
    # Imported here: uuid (and the platform module it loads) costs start-up
    # ~3 ms, and opening a project makes no new ids (issue 19).
    import uuid

    return str(uuid.uuid4())
