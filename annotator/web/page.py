"""A fetched page read exactly as a saved page is, with its address as the article's url.

The HTML importer does the reading (through its public entry point, the same
one a saved .html file goes through), so a page fetched and the same page
saved by hand give the same text. The article's `url` is the canonical
address: the page's own canonical link when it names the host that served
it, else the final address after redirects. A page cannot claim another
site's address (that would make it a "revision" of an unrelated article).
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urljoin, urlsplit

from annotator.errors import ImportFailure
from annotator.exchange import importers
from annotator.models import ImportedArticle
from annotator.web import content
from annotator.web.http import WEB_SCHEMES, Fetched


def read_page(fetched: Fetched) -> ImportedArticle:
    """The article in a fetched page, or ImportFailure naming the address as the user gave it."""
    source = fetched.requested_url
    data = content.recode_to_utf8(fetched.page, fetched.charset)
    reader = importers.READERS[".html"]
    try:
        article = reader(data, source)
    except ImportFailure as exc:
        raise ImportFailure(source, exc.reason) from exc
    except (MemoryError, RecursionError) as exc:
        raise ImportFailure(
            source, f"is too large or too complex to read ({type(exc).__name__})"
        ) from exc
    except Exception as exc:  # a parser bug costs this address, never the rest of a batch
        raise ImportFailure(source, f"could not be read ({type(exc).__name__}: {exc})") from exc
    metadata = dict(article.metadata)
    metadata["fetched_from"] = fetched.final_url
    return dataclasses.replace(
        article,
        source_name=source,
        url=canonical_address(fetched.final_url, article.url),
        metadata=metadata,
    )


def canonical_address(final_url: str, stated: str | None) -> str:
    """The page's stated canonical address if it is on the serving host, else the final one."""
    if stated:
        candidate = urljoin(final_url, stated.strip())
        parts = urlsplit(candidate)
        if parts.scheme.lower() in WEB_SCHEMES and _same_site(parts.hostname, final_url):
            return parts._replace(fragment="").geturl()
    return final_url


def _same_site(host: str | None, final_url: str) -> bool:
    served = urlsplit(final_url).hostname
    if not host or not served:
        return False
    return _bare(host) == _bare(served)


def _bare(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host
