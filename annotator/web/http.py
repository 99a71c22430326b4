"""Fetching one address the user asked for: one GET, redirects followed by hand, bounded.

urllib3 does the HTTP; we follow redirects ourselves so each hop is checked
(http and https only, at most MAX_REDIRECTS) and recorded for the archive, and
read the body raw (content encoding kept, as the server sent it) so the
archived copy is the response as received. One deadline covers the whole
fetch, every hop included. Each failure is an ImportFailure naming the
address as the user gave it, with a reason a user can act on.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from annotator import __version__
from annotator.clock import now_iso
from annotator.errors import ImportFailure
from annotator.web import content

USER_AGENT = (
    f"fact-checking-annotator/{__version__} "
    "(+fetches only the address its user asked for; follows no links)"
)
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 10
# The same cap as a saved web page (importers.html.MAX_HTML_BYTES, not imported
# here: it loads the parsers), for the bytes received and for the page decoded.
MAX_BODY_BYTES = 20 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
REDIRECTS = (301, 302, 303, 307, 308)
WEB_SCHEMES = ("http", "https")
REQUEST_HEADERS = (
    ("User-Agent", USER_AGENT),
    ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"),
    ("Accept-Encoding", "gzip, deflate, br"),
)
HTTP_VERSIONS = {9: "HTTP/0.9", 10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}

Stop = Callable[[], bool]
# addresses done, addresses in all, the address fetched next ("" at the end)
FetchProgress = Callable[[int, int, str], None]


class FetchCancelled(ImportFailure):
    """The user stopped the fetch; nothing of it is kept."""


@dataclass(frozen=True)
class Fetched:
    """One response as received: status line, headers, the raw body; and the page it carries."""

    requested_url: str
    final_url: str
    redirects: tuple[tuple[int, str], ...]
    status: int
    reason: str
    http_version: str
    request_headers: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body: bytes  # as received: content encoding kept, transfer encoding undone
    page: bytes  # the body decoded (gzip, br, deflate undone)
    media_type: str
    charset: str | None
    fetched_at: str = field(default_factory=now_iso)

    @property
    def body_sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def check_address(url: str) -> str:
    """The address to fetch, or ImportFailure when it is not an http(s) address with a host."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise ImportFailure(url, "is not a web address (only http and https are fetched)")
    if not parts.hostname:
        raise ImportFailure(url, "is not a web address (no host name)")
    return parts._replace(fragment="").geturl()


class Fetcher:
    """Fetches pages; one per batch, so connections to one host are reused."""

    def __init__(self, timeout: float | None = None, max_bytes: int | None = None) -> None:
        # Read at construction, not definition, so a test can shorten the timeout.
        self.timeout = TIMEOUT_SECONDS if timeout is None else timeout
        self.max_bytes = MAX_BODY_BYTES if max_bytes is None else max_bytes
        self._pool = urllib3.PoolManager(num_pools=4, retries=False)

    def fetch(self, url: str, stop: Stop | None = None) -> Fetched:
        """GET the address (following redirects); raise ImportFailure naming `url` on failure."""
        requested = url
        current = check_address(url)
        deadline = time.monotonic() + self.timeout
        hops: list[tuple[int, str]] = []
        while True:
            response = self._open(requested, current, deadline)
            done = False
            try:
                if response.status in REDIRECTS and response.headers.get("Location"):
                    if len(hops) >= MAX_REDIRECTS:
                        raise ImportFailure(requested, f"redirects more than {MAX_REDIRECTS} times")
                    hops.append((response.status, current))
                    current = _next_hop(requested, current, response.headers["Location"])
                    continue
                fetched = self._finish(requested, current, tuple(hops), response, deadline, stop)
                done = True
                return fetched
            finally:
                if not done:  # a body left unread must not reach the next request on this socket
                    response.close()
                response.release_conn()

    def close(self) -> None:
        self._pool.clear()

    def _open(self, requested: str, url: str, deadline: float) -> urllib3.BaseHTTPResponse:
        remaining = self._remaining(requested, deadline)
        try:
            return self._pool.request(
                "GET",
                url,
                headers=dict(REQUEST_HEADERS),
                redirect=False,
                retries=False,
                preload_content=False,
                decode_content=False,
                timeout=urllib3.Timeout(connect=remaining, read=remaining),
            )
        # NewConnectionError subclasses ConnectTimeoutError (and NameResolutionError
        # subclasses it in turn): the most specific comes first.
        except NameResolutionError as exc:
            raise ImportFailure(
                requested, f"cannot be reached: no such host ({_host(url)})"
            ) from exc
        except NewConnectionError as exc:
            if isinstance(exc.__cause__ or exc.__context__, TimeoutError) or "timed out" in str(
                exc
            ):
                raise self._timed_out(requested) from exc
            raise ImportFailure(
                requested, f"cannot be reached: the connection was refused ({_host(url)})"
            ) from exc
        except (ConnectTimeoutError, ReadTimeoutError) as exc:
            raise self._timed_out(requested) from exc
        except SSLError as exc:
            raise ImportFailure(requested, f"cannot be reached securely ({_reason(exc)})") from exc
        except LocationParseError as exc:
            raise ImportFailure(requested, "is not a valid web address") from exc
        except (ProtocolError, HTTPError, OSError) as exc:
            raise ImportFailure(requested, f"cannot be fetched ({_reason(exc)})") from exc

    def _finish(
        self,
        requested: str,
        url: str,
        hops: tuple[tuple[int, str], ...],
        response: urllib3.BaseHTTPResponse,
        deadline: float,
        stop: Stop | None,
    ) -> Fetched:
        _check_status(requested, response)
        kind, charset = content.media_type(response.headers.get("Content-Type"))
        if kind and kind not in content.HTML_TYPES:
            raise ImportFailure(requested, f"is not a web page ({kind})")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise ImportFailure(
                requested,
                f"is too large ({int(declared) / (1024 * 1024):.1f} MB, over the "
                f"{self.max_bytes // (1024 * 1024)} MB limit for web pages)",
            )
        body = self._read_body(requested, response, deadline, stop)
        page = content.decode_body(
            body,
            content.encodings(response.headers.get("Content-Encoding")),
            self.max_bytes,
            requested,
        )
        if not kind and not content.looks_like_html(page):
            raise ImportFailure(requested, "is not a web page (no content type, and not HTML)")
        return Fetched(
            requested_url=requested,
            final_url=url,
            redirects=hops,
            status=response.status,
            reason=response.reason or "",
            http_version=HTTP_VERSIONS.get(response.version, "HTTP/1.1"),
            request_headers=REQUEST_HEADERS,
            headers=tuple((str(k), str(v)) for k, v in response.headers.items()),
            body=body,
            page=page,
            media_type=kind or "text/html",
            charset=charset,
        )

    def _read_body(
        self,
        requested: str,
        response: urllib3.BaseHTTPResponse,
        deadline: float,
        stop: Stop | None,
    ) -> bytes:
        body = bytearray()
        try:
            while True:
                if stop is not None and stop():
                    raise FetchCancelled(requested, "was cancelled")
                self._narrow_timeout(response, self._remaining(requested, deadline))
                chunk = response.read(CHUNK_BYTES, decode_content=False)
                if not chunk:
                    return bytes(body)
                body += chunk
                if len(body) > self.max_bytes:
                    raise ImportFailure(
                        requested,
                        f"is too large (over the {self.max_bytes // (1024 * 1024)} MB limit "
                        "for web pages)",
                    )
        except ReadTimeoutError as exc:
            raise self._timed_out(requested) from exc
        except (ProtocolError, HTTPError, OSError) as exc:
            raise ImportFailure(
                requested, f"was cut off while being read ({_reason(exc)})"
            ) from exc

    def _remaining(self, requested: str, deadline: float) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise self._timed_out(requested)
        return remaining

    def _timed_out(self, requested: str) -> ImportFailure:
        return ImportFailure(requested, f"timed out (no complete answer within {self.timeout:g} s)")

    @staticmethod
    def _narrow_timeout(response: urllib3.BaseHTTPResponse, seconds: float) -> None:
        """Each read waits only as long as the whole fetch has left."""
        connection = getattr(response, "connection", None)
        sock = getattr(connection, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.settimeout(seconds)


def _check_status(requested: str, response: urllib3.BaseHTTPResponse) -> None:
    status = response.status
    if 200 <= status < 300:
        return
    reason = f"HTTP {status}{' ' + response.reason if response.reason else ''}"
    if status in (404, 410):
        raise ImportFailure(requested, f"was not found ({reason})")
    if status in (401, 403):
        raise ImportFailure(requested, f"was refused by the server ({reason})")
    if status in REDIRECTS:
        raise ImportFailure(requested, f"redirects nowhere ({reason} without a Location)")
    if status >= 500:
        raise ImportFailure(requested, f"failed on the server ({reason})")
    raise ImportFailure(requested, f"was not served ({reason})")


def _next_hop(requested: str, current: str, location: str) -> str:
    target = urljoin(current, location.strip())
    scheme = urlsplit(target).scheme.lower()
    if scheme not in WEB_SCHEMES:
        shown = target if len(target) <= 80 else target[:77] + "..."
        raise ImportFailure(requested, f"redirects to a non-web address ({shown}); not followed")
    return urlsplit(target)._replace(fragment="").geturl()


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _reason(exc: BaseException) -> str:
    text = str(exc.__cause__ or exc) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
