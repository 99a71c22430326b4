"""PDF reports: the text of every page in reading order, pages a blank line apart.

The printed lines of a paragraph are joined back into one (pdf_paragraphs),
using where pypdf says each line sits on the page; paragraphs are a blank line
apart and a page boundary always ends a paragraph (`page_starts` in the
metadata gives where each page begins in the text).

pypdf reads the text layer; a PDF without one (a scan) is refused with the
advice to OCR it, rather than imported empty. A truncated file is refused
outright: pypdf's lenient mode would otherwise import whatever pages it could
rebuild and silently lose the rest. Nothing in a PDF runs: pypdf never
executes its JavaScript or follows its links.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Callable
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

from annotator.errors import ImportFailure
from annotator.exchange.importers.pdf_paragraphs import Line, Piece, lines_from_pieces, page_text
from annotator.models import ImportedArticle
from annotator.text.decode import normalise_newlines
from annotator.text.lexicon import SAMPLE_CHARS, guess_language, word_test
from annotator.text.titles import title_from_text

# The PDF standard puts %%EOF in the last 1024 bytes; some writers append a
# little junk after it, so look a bit further.
EOF_WINDOW_BYTES = 2048
HEADER_WINDOW_BYTES = 1024
MAX_PDF_PAGES = 5_000
PAGE_SEPARATOR = "\n\n"

# Producers write placeholders into /Title; those are not the article's title.
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled|microsoft word - .*|document\d*|.*\.(docx?|pdf|rtf))$", re.I
)
# Control characters a broken font mapping leaves in extracted text; they are
# not visible characters of the page, so they are dropped (tabs and newlines stay).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Off-diagonal terms of a text matrix above this mean the text is turned.
ROTATION_TOLERANCE = 1e-3

# pypdf reports recoverable damage through logging; without a handler the
# logging module would print those lines on the CLI's stderr, which is
# reserved for one line per failed file.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def read(data: bytes, source: str) -> ImportedArticle:
    if b"%PDF-" not in data[:HEADER_WINDOW_BYTES]:
        if not data.strip():
            raise ImportFailure(source, "is empty")
        raise ImportFailure(source, "is not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-EOF_WINDOW_BYTES:]:
        raise ImportFailure(source, "is a truncated PDF (its end-of-file marker is missing)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pages, info = _read_pages(data, source)
    except ImportFailure:
        raise
    except FileNotDecryptedError as exc:
        raise ImportFailure(source, "is a password-protected PDF") from exc
    except LimitReachedError as exc:
        raise ImportFailure(
            source, "is a damaged PDF (a stream inflates past the safety limit: a PDF bomb?)"
        ) from exc
    except (PdfReadError, RecursionError, MemoryError) as exc:
        raise ImportFailure(source, f"is a damaged PDF ({_short(exc)})") from exc
    except Exception as exc:  # pypdf meets broken files with many error types
        raise ImportFailure(
            source, f"is a damaged PDF ({type(exc).__name__}: {_short(exc)})"
        ) from exc

    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for page in pages:
        if parts:
            offset += len(PAGE_SEPARATOR)
        starts.append(offset)
        parts.append(page)
        offset += len(page)
    text = PAGE_SEPARATOR.join(parts)
    if not text.strip():
        raise ImportFailure(source, "has no text layer (a scanned image? run OCR on it first)")
    title = info.get("title")
    if not title or _PLACEHOLDER_TITLE.match(title):
        title = title_from_text(text)
    return ImportedArticle(
        text=text,
        title=title,
        source_format="pdf",
        source_name=source,
        author=info.get("author"),
        published=info.get("created"),
        metadata={"page_starts": starts, "pages": len(pages)}
        | {k: v for k, v in info.items() if k in ("subject", "producer") and v},
    )


def _read_pages(data: bytes, source: str) -> tuple[list[str], dict[str, Any]]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ImportFailure(source, "is a password-protected PDF")
    count = len(reader.pages)
    if count == 0:
        raise ImportFailure(source, "has no pages")
    if count > MAX_PDF_PAGES:
        raise ImportFailure(source, f"has {count:,} pages, over the limit of {MAX_PDF_PAGES:,}")
    extracted = [_page_lines(page) for page in reader.pages]
    # the document's language decides which word list tells "long-term" from
    # "inter-national"; the list loads only if a line ends in a hyphen
    sample = " ".join(line.text for lines in extracted for line in lines[:200])[:SAMPLE_CHARS]
    is_word = _lazy_word_test(sample)
    pages = [page_text(lines, is_word) for lines in extracted]
    return pages, _info(reader)


def _lazy_word_test(sample: str) -> Callable[[str], bool]:
    loaded: list[Callable[[str], bool] | None] = []

    def is_word(word: str) -> bool:
        if not loaded:
            loaded.append(word_test(guess_language(sample)))
        test = loaded[0]
        return test is not None and test(word)

    return is_word


def _page_lines(page: PageObject) -> list[Line]:
    pieces: list[Piece] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: Any) -> None:
        pieces.append((text, *_placement(cm, tm, size)))

    raw = page.extract_text(visitor_text=visit) or ""
    if "".join(piece[0] for piece in pieces) == raw:
        return lines_from_pieces([(_clean(t), x, y, s) for t, x, y, s in pieces])
    # pieces that do not add up to the text: let the words alone decide
    return [Line(line) for line in _clean(raw).split("\n")]


def _clean(text: str) -> str:
    return _CONTROL.sub("", normalise_newlines(text))


def _placement(cm: Any, tm: Any, size: Any) -> tuple[float | None, float | None, float | None]:
    """Where a piece starts on the page (x, baseline y) and its printed font size.

    Text turned on the page (rotated, set vertically) gets no place: its
    "lines" do not run down the page.
    """
    try:
        a, b, c, d, e, f = (float(v) for v in tm)
        ca, cb, cc, cd, ce, cf = (float(v) for v in cm)
        size = float(size)
    except (TypeError, ValueError):
        return None, None, None
    scale_x = (a * ca + b * cc, a * cb + b * cd)
    scale_y = (c * ca + d * cc, c * cb + d * cd)
    if abs(scale_x[1]) > ROTATION_TOLERANCE or abs(scale_y[0]) > ROTATION_TOLERANCE:
        return None, None, None
    if scale_x[0] <= 0 or scale_y[1] <= 0:  # mirrored
        return None, None, None
    x = e * ca + f * cc + ce
    y = e * cb + f * cd + cf
    return x, y, size * scale_y[1]


def _info(reader: PdfReader) -> dict[str, Any]:
    try:
        meta = reader.metadata
    except Exception:  # a damaged /Info dictionary costs the metadata, not the text
        return {}
    if meta is None:
        return {}
    info: dict[str, Any] = {}
    for key, attr in (
        ("title", "title"),
        ("author", "author"),
        ("subject", "subject"),
        ("producer", "producer"),
    ):
        value = getattr(meta, attr, None)
        if isinstance(value, str) and value.strip():
            info[key] = _CONTROL.sub("", value).strip()
    try:
        created = meta.creation_date
    except Exception:  # an unparseable date string
        created = None
    if created is not None:
        info["created"] = created.isoformat()
    return info


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
