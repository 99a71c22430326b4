"""One place for "now" and new ids, so tests and merges agree on their shape."""

from __future__ import annotations

import datetime as dt
import uuid


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def new_uid() -> str:
    return str(uuid.uuid4())
