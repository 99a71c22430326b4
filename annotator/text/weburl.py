"""Which addresses a project keeps: absolute http(s) ones with a host (pure).

Kept here, at the bottom of the imports, because storing an article, merging
a file and exporting one all ask it, and none may pull in the others.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def is_web_url(value: str | None) -> bool:
    """True for an absolute http(s) address with a host: the only URLs a project keeps."""
    if not value or any(ord(c) < 0x21 for c in value.strip()):
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
