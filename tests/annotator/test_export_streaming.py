"""The fast export paths write what the plain ones did: XML escaped as lxml escapes it,
JSON streamed in batches equal to the whole document, the cycle collector restored."""

from __future__ import annotations

import dataclasses
import gc
import json
import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.anchoring.selectors import anchor_at
from annotator.exchange.exporters import (
    FORMATS,
    collect,
    cyclic_gc_paused,
    export_to_path,
    native,
    web_annotation,
)
from annotator.exchange.exporters.collect import PROGRESS_EVERY, ExportCancelled, no_progress
from annotator.exchange.exporters.refi_qda import attribute, text
from annotator.exchange.exporters.report_parts import _swept, pieces
from annotator.models import Claim, ImportedArticle
from annotator.project import Project
from annotator.publisher import set_publisher
from db import claims as claim_rows
from tests.annotator import exchange_fixtures as fx

HOSTILE = [
    "plain",
    "",
    "quote \" and apostrophe ' together",
    "a & b < c > d",
    "tab\there",
    "new\nline and\r\ncrlf and lone\rcr",
    "controls \x00\x01\x08\x0b\x0c\x0e\x1f end",
    "not characters \ufffe\uffff",
    "emoji 😀 and NBSP\u00a0and £",
    "]]> <![CDATA[ x ]]>",
    "&amp; already escaped &#10;",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_xml_escaping_matches_lxml(value: str) -> None:
    cleaned = value
    for bad in "\x00\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff":
        cleaned = cleaned.replace(bad, "\ufffd")
    element = etree.Element("E", name=cleaned)
    element.text = cleaned
    expected = etree.tostring(element, encoding="unicode")
    assert f'<E name="{attribute(value)}">{text(value)}</E>' == expected
    parsed = etree.fromstring(expected)
    assert parsed.get("name") == cleaned and (parsed.text or "") == cleaned


def _hostile_project(project: Project) -> Project:
    body = "Intro.\tTabbed\r\nline\rwith 😀 and a claim here & there <b>."
    article = project.articles.add(
        ImportedArticle(text=body, title='T "q" <x> & \t', source_format="txt")
    ).article_id
    assert article is not None
    claim = project.claims.mark_quote(article, "claim here & there <b>")
    project.claims.update(claim.id, note='say "no"\tand\r<go>', statement="a\r\nb")
    return project


def test_refi_selection_with_hostile_text_reads_back(
    empty_project: Project, tmp_path: Path
) -> None:
    project = _hostile_project(empty_project)
    out = tmp_path / "p.qdpx"
    export_to_path(project, "refi", out)
    root = etree.fromstring(zipfile.ZipFile(out).read("project.qde"))
    ns = "{urn:QDA-XML:project:1.0}"
    (selection,) = root.iter(f"{ns}PlainTextSelection")
    assert selection.get("name") == "claim here & there <b>"
    description = selection.find(f"{ns}Description").text
    assert description.startswith('a\r\nb\nNote: say "no"\tand\r<go>')
    (source,) = root.iter(f"{ns}TextSource")
    assert source.get("name") == project.articles.list()[0].title == 'T "q" <x> &'


def test_streamed_json_formats_equal_their_whole_documents(
    empty_project: Project, tmp_path: Path
) -> None:
    fx.build(empty_project, tmp_path)
    data = collect(empty_project)
    whole_native = json.loads(json.dumps(native.document(data, no_progress)))
    out = tmp_path / "n.json"
    with out.open("wb") as handle:
        native.write(data, handle, no_progress)
    assert json.loads(out.read_bytes()) == whole_native
    whole = web_annotation.collection(data, no_progress)
    with out.open("wb") as handle:
        web_annotation.write(data, handle, no_progress)
    streamed = json.loads(out.read_bytes())
    for doc in (whole, streamed):  # fresh ids each time
        doc["id"] = doc["first"]["id"] = "x"
    assert streamed == json.loads(json.dumps(whole))


def test_big_exports_report_progress_per_batch_and_can_be_cancelled(
    empty_project: Project, tmp_path: Path
) -> None:
    text_ = " ".join(f"Claim number {n} says pay rose {n}%." for n in range(PROGRESS_EVERY + 5))
    article = empty_project.articles.add(
        ImportedArticle(text=text_, title="Many", source_format="txt")
    ).article_id
    assert article is not None
    verdict = empty_project.codebook.entries("verdict")[0].id
    with empty_project.db.atomic():  # the rows mark() writes, without re-reading the text each time
        for n in range(PROGRESS_EVERY + 5):
            start = text_.index(f"Claim number {n} says")
            anchor = anchor_at(text_, start, start + 12)
            claim_rows.insert(
                empty_project.db,
                {
                    "uid": f"uid-{n}",
                    "article_id": article,
                    "start": anchor.start,
                    "end": anchor.end,
                    "quote": anchor.quote,
                    "prefix": anchor.prefix,
                    "suffix": anchor.suffix,
                    "anchor": "exact",
                    "statement": anchor.quote,
                    "verdict_id": verdict,
                    "created_at": "2025-01-01",
                    "updated_at": "2025-01-01",
                },
            )
        # reviews with their pages and a publisher: the ClaimReview export writes every claim
        empty_project.db.execute("UPDATE claims SET review_url = 'https://fc.example/r/' || uid")
    set_publisher(empty_project.db, "Fact Check Example", "https://fc.example/", None)
    total = PROGRESS_EVERY + 5
    for name in FORMATS:
        calls: list[tuple[int, int]] = []
        export_to_path(
            empty_project,
            name,
            tmp_path / f"out{FORMATS[name].extension}",
            progress=lambda d, t, calls=calls: calls.append((d, t)),
        )
        assert calls == [(PROGRESS_EVERY, total), (total, total)], name

        def cancel(done: int, _total: int) -> None:
            raise ExportCancelled("stop")

        target = tmp_path / f"cancelled{FORMATS[name].extension}"
        with pytest.raises(ExportCancelled):
            export_to_path(empty_project, name, target, progress=cancel)
        assert not target.exists() and list(tmp_path.glob(".cancelled*")) == []


def test_the_cycle_collector_comes_back_on_even_after_a_failure() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cyclic_gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def _claim(claim_id: int, start: int | None, end: int | None, anchor: str = "exact") -> Claim:
    values: dict[str, object] = {f.name: None for f in dataclasses.fields(Claim)}
    values.update(id=claim_id, start=start, end=end, anchor=anchor, topics=())
    return Claim(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(40))
def test_report_pieces_one_pass_equals_the_general_sweep(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab \n😀") for _ in range(rng.randint(0, 60)))
    claims: list[Claim] = []
    position = 0
    overlapping = seed % 3 == 0
    for claim_id in range(1, rng.randint(0, 8) + 1):
        start = rng.randint(0, len(text)) if overlapping else rng.randint(position, len(text))
        end = rng.randint(start, len(text) + (2 if overlapping else 0))
        claims.append(_claim(claim_id, start, end))
        position = end
    claims.append(_claim(99, None, None, "orphan"))
    claims.sort(key=lambda c: (c.start if c.start is not None else -1, c.end or 0, c.id))
    placed = [c for c in claims if c.anchor != "orphan"]
    cut = pieces(text, claims)
    assert cut == _swept(text, placed)
    assert "".join(p.text for p in cut) == text


@pytest.mark.parametrize("name", list(FORMATS))
def test_an_empty_selection_still_writes_a_valid_file(
    empty_project: Project, tmp_path: Path, name: str
) -> None:
    out = tmp_path / f"empty{FORMATS[name].extension}"
    assert export_to_path(empty_project, name, out, draft=True).written == 0
    if name == "refi":
        root = etree.fromstring(zipfile.ZipFile(out).read("project.qde"))
        assert [etree.QName(c).localname for c in root][-1] == "Sources"
        assert len(root[-1]) == 0
    elif name in ("json", "w3c", "claimreview"):
        doc = json.loads(out.read_bytes())
        if name == "claimreview":
            assert doc == []
        if name == "w3c":
            assert doc["total"] == 0 and doc["first"]["items"] == []
        if name == "json":
            assert doc["claims"] == [] and doc["links"] == []
    else:
        assert out.stat().st_size > 0


def test_documents_are_read_in_batches_all_of_them_in_order(empty_project: Project) -> None:
    from db import exchange

    db = empty_project.db
    with db.atomic():
        for n in range(exchange.IN_BATCH * 2 + 3):
            exchange.insert_document(
                db,
                {
                    "sha256": f"{n:064x}",
                    "name": f"d{n}.csv",
                    "media_type": "text/csv",
                    "size": 1,
                    "data": b"x",
                },
            )
    # reversed, with a repeat and a missing id
    wanted = [*range(exchange.IN_BATCH * 2 + 3, 0, -1), 1, 99_999]
    rows = exchange.document_rows(db, wanted)
    assert [r["id"] for r in rows] == list(range(1, exchange.IN_BATCH * 2 + 4))
    assert rows[0]["data"] == b"x"
