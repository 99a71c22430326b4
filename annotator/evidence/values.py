"""Evidence values checked and read back: the URL rule, and a stored row made an Evidence.

Kept apart from EvidenceManager (the transactions), so what makes an address
acceptable and how a row reads back can be seen on their own.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from annotator.errors import AnnotatorError
from annotator.models import Evidence
from annotator.models.evidence import EVIDENCE_FIELDS

MAX_URL_CHARS = 4096
URL_SCHEMES = ("http", "https")
_HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


class EvidenceError(AnnotatorError):
    """An evidence item cannot be made or linked as asked."""


def clean_url(url: str) -> str:
    """A web address as stored: http(s) only, no spaces or control characters.

    A bare "ons.gov.uk/..." gets https://; javascript:, file: and the like are
    refused, because the panel opens a URL in the browser on a click.
    """
    url = url.strip()
    if not url:
        raise EvidenceError("the URL is empty")
    if len(url) > MAX_URL_CHARS:
        raise EvidenceError(f"the URL is longer than {MAX_URL_CHARS} characters")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise EvidenceError("the URL contains spaces or control characters")
    if not _HAS_SCHEME.match(url) or url.lower().startswith("localhost:"):
        url = "https://" + url.lstrip("/")
    parts = urlsplit(url)
    if parts.scheme.lower() not in URL_SCHEMES:
        raise EvidenceError(f"only http and https addresses can be linked, not {parts.scheme}:")
    if not parts.netloc:
        raise EvidenceError(f"the URL has no host: {url}")
    return url


# What a row of db.evidence.select holds under the field's own name: every
# field but the two read from JSON text (rows, row_values) and the quote.
_AS_IS = tuple(f for f in EVIDENCE_FIELDS if f not in ("rows", "row_values", "quote"))


def evidence_from_row(row: dict[str, Any]) -> Evidence:
    """The item a row of db.evidence.select holds (its columns and the joined names)."""
    values = {f: row[f] for f in _AS_IS}
    values["rows"] = tuple(int(r) for r in json.loads(row.get("dataset_rows") or "[]"))
    quote = row["quote"]
    if row["kind"] == "dataset" and quote:
        values["row_values"] = tuple(json.loads(quote))
        quote = None
    return Evidence(**values, quote=quote)
