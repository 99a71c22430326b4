"""One key for the many addresses a browser gives the same article (pure).

An annotation made on `http://WWW.News.example/story/?utm_source=x#comments`
belongs to the article imported from `https://news.example/story`: the
fragment, tracking parameters, the scheme, a trailing slash, the host's case
and a leading `www.` do not change which page it is. Everything else in the
query (`?id=123`, `?page=2`) does, so it stays, sorted.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

from annotator.text.weburl import WEB_SCHEMES, is_web_url

__all__ = ["WEB_SCHEMES", "is_web_url", "url_key"]

# Query parameters that say how the reader arrived, not which page they read.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "at_", "_hs", "hsa_", "oly_")
TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "igsh",
        "li_fat_id",
        "mkt_tok",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "ref_src",
        "ref_url",
        "s_cid",
        "share",
        "spm",
        "vero_id",
        "wt_mc",
        "ito",
    }
)


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_NAMES or lowered.startswith(TRACKING_PREFIXES)


def url_key(value: str | None) -> str | None:
    """The article an address names, as a comparable string; None when not a web URL."""
    if not is_web_url(value):
        return None
    assert value is not None
    try:
        parts = urlsplit(value.strip())
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return None
    host = host.removeprefix("www.")
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)
    )
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")
