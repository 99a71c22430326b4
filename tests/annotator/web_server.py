"""A real HTTP server on 127.0.0.1 inside the test process: pages the tests change at will.

Each path answers what its Route says (status, headers, body, a delay before
the answer or between body chunks); every request is recorded, so a test can
assert what was fetched, and with which headers. No outside network.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: list[tuple[str, str]] = field(
        default_factory=lambda: [("Content-Type", "text/html; charset=utf-8")]
    )
    delay: float = 0.0  # before the status line
    drip: float = 0.0  # between body chunks of DRIP_BYTES
    chunked: bool = False  # Transfer-Encoding: chunked instead of Content-Length
    length: int | None = None  # a Content-Length to state instead of the real one


DRIP_BYTES = 16


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client hanging up mid-answer (a refused body) is expected here


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    route = Route(b"<html><body>missing</body></html>", status=404)
                if route.delay:
                    time.sleep(route.delay)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._answer(route)

            def _answer(self, route: Route) -> None:
                self.send_response(route.status)
                for name, value in route.headers:
                    self.send_header(name, value)
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    length = len(route.body) if route.length is None else route.length
                    self.send_header("Content-Length", str(length))
                self.end_headers()
                if route.chunked:
                    for start in range(0, len(route.body), 65536):
                        piece = route.body[start : start + 65536]
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                elif route.drip:
                    for start in range(0, len(route.body), DRIP_BYTES):
                        self.wfile.write(route.body[start : start + DRIP_BYTES])
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, html: str, **route: object) -> str:
        """Serve an HTML page (UTF-8) at path; returns its address."""
        self.routes[path] = Route(html.encode("utf-8"), **route)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(b"", status=status, headers=[("Location", location)])
        return self.url(path)

    def paths_seen(self) -> list[str]:
        return [s.path for s in self.seen]

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def article_page(
    title: str, paragraphs: list[str], extra_head: str = "", extra_body: str = ""
) -> str:
    """A news page with furniture around the article, as a site serves it."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | Daily Example</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='og:site_name' content='Daily Example'>{extra_head}</head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>{extra_body}"
        "<footer>© Daily Example. All rights reserved.</footer></body></html>"
    )
