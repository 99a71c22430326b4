"""An article's archived copies as a WARC file (ISO 28500, WARC/1.1), written with warcio.

Per capture: the request we sent, the response as received (status line,
headers, body with its content encoding kept) and a metadata record with the
address the user asked for and the redirects on the way. Digests are SHA-256.
The body was stored with its transfer encoding undone, so a Transfer-Encoding
header is renamed (kept for the record) and Content-Length states the length
stored: a replay tool then reads the body as it is. The file is written
beside its destination and moved into place, so a failure leaves no half file.
"""

from __future__ import annotations

import base64
import contextlib
import os
import tempfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from annotator import __version__
from annotator.errors import ImportFailure
from annotator.files import output_refusal
from annotator.models import ArticleSummary
from annotator.models.web import Capture

WARC_VERSION = "1.1"
# Hop-by-hop framing that no longer describes the stored body.
_REFRAMED = ("transfer-encoding", "content-length")


class _Sha256Writer(WARCWriter):
    """warcio's writer with SHA-256 digests instead of SHA-1."""

    @staticmethod
    def _create_digester() -> Digester:
        return Digester("sha256")


def warc_date(iso: str) -> str:
    """'2026-12-02T01:14:55+00:00' -> '2026-12-02T01:14:55Z' (WARC dates are UTC with Z)."""
    return iso.replace("+00:00", "Z") if iso.endswith("+00:00") else iso


def payload_digest(body: bytes) -> str:
    import hashlib

    return "sha256:" + base64.b32encode(hashlib.sha256(body).digest()).decode("ascii")


def write(path: Path, article: ArticleSummary, captures: Sequence[tuple[Capture, bytes]]) -> int:
    """Write the records to `path` (gzip per record); returns how many were written."""
    path = Path(path)
    refused = output_refusal(path)
    if refused is not None:
        raise ImportFailure(str(path), refused)
    handle, temporary = tempfile.mkstemp(prefix=".warc-", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            count = _write_records(
                _Sha256Writer(stream, gzip=True, warc_version=WARC_VERSION),
                path.name,
                article,
                captures,
            )
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return count


def _write_records(
    writer: WARCWriter,
    filename: str,
    article: ArticleSummary,
    captures: Sequence[tuple[Capture, bytes]],
) -> int:
    info = {
        "software": f"fact-checking-annotator/{__version__}",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iso.org/standard/68004.html",
        "description": f"Archived copies of article {article.id}: {article.title}",
    }
    writer.write_record(writer.create_warcinfo_record(filename, info))
    count = 1
    for capture, body in captures:
        date = warc_date(capture.fetched_at)
        response = _response(writer, capture, body, date)
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        writer.write_record(_request(writer, capture, date, response_id))
        writer.write_record(response)
        writer.write_record(_metadata(writer, capture, date, response_id))
        count += 3
    return count


def _response(writer: WARCWriter, capture: Capture, body: bytes, date: str) -> Any:
    headers = [(k, v) for k, v in capture.headers if k.lower() not in _REFRAMED]
    headers += [
        (f"X-Archive-Orig-{k}", v) for k, v in capture.headers if k.lower() == "transfer-encoding"
    ]
    headers.append(("Content-Length", str(len(body))))
    http_headers = StatusAndHeaders(
        f"{capture.status} {capture.reason}".strip(), headers, protocol=capture.http_version
    )
    return writer.create_warc_record(
        capture.final_url,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": date, "WARC-Payload-Digest": payload_digest(body)},
    )


def _request(writer: WARCWriter, capture: Capture, date: str, response_id: str) -> Any:
    parts = urlsplit(capture.final_url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    headers = [("Host", parts.netloc), *capture.request_headers]
    http_headers = StatusAndHeaders(f"GET {target} HTTP/1.1", headers, is_http_request=True)
    return writer.create_warc_record(
        capture.final_url,
        "request",
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response_id},
    )


def _metadata(writer: WARCWriter, capture: Capture, date: str, response_id: str) -> Any:
    lines = [f"requested-url: {capture.requested_url}"]
    lines += [f"redirect: {status} {url}" for status, url in capture.redirects]
    lines.append(f"last-checked: {warc_date(capture.checked_at)}")
    payload = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    return writer.create_warc_record(
        capture.final_url,
        "metadata",
        payload=BytesIO(payload),
        length=len(payload),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Date": date, "WARC-Refers-To": response_id},
    )
