"""Fuzzed input: every importer, the merge reader and the quantity parser.

Random bytes and real files mutated at random (bytes flipped, cut, inserted,
blocks repeated; JSON trees with values swapped for random ones) go through
each reader. The result must be a clean article, one clear error line naming
the file (ImportFailure / MergeRefused), or for the quantity parser a list of
figures that point into the text; never another exception, never a hang
(hypothesis deadlines; pytest-timeout behind them), and through the project
never a partial row. Short runs here; `-m slow` runs thousands of examples.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError, ImportFailure
from annotator.exchange.importers import READERS, Reader
from annotator.exchange.mergers import MergeRefused, parse
from annotator.figures.parser import parse as parse_quantities
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.annotator import exchange_fixtures
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"

QUICK = settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
SLOW = settings(
    max_examples=1500,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Real inputs of each format, the starting points of mutation.
SEEDS: dict[str, list[Path]] = {
    "txt": sorted(SAMPLES.glob("*.txt")),
    "md": sorted(SAMPLES.glob("*.md")),
    "html": [FIXTURES / "article_page.html"],
    "pdf": [FIXTURES / "report.pdf"],
    "docx": [FIXTURES / "briefing.docx"],
}
# One suffix per distinct reader function (".htm" and ".html" share one).
FORMATS: dict[str, tuple[str, Reader]] = {}
for _suffix, _reader in READERS.items():
    # Readers load their module on first use; their qualified name says which.
    _module = _reader.__qualname__.removesuffix(".read").rsplit(".", 1)[-1]
    FORMATS.setdefault(_module, (_suffix, _reader))


def _seed_kind(suffix: str) -> str:
    return {".text": "txt", ".markdown": "md", ".htm": "html", ".xhtml": "html"}.get(
        suffix, suffix.lstrip(".")
    )


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A real file with a few random edits, the way files arrive damaged."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "repeat", "zero"]))
        if edit == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif edit == "cut":
            del data[at : at + draw(st.integers(1, 512))]
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif edit == "truncate":
            del data[at:]
        elif edit == "repeat":
            chunk = data[at : at + draw(st.integers(1, 256))]
            data[at:at] = chunk * draw(st.integers(2, 20))
        else:
            data[at : at + draw(st.integers(1, 64))] = bytes(min(64, len(data) - at))
    return bytes(data)


@st.composite
def mutated_zip_member(draw: st.DrawFn, seed: bytes) -> bytes:
    """A Word file whose XML inside is damaged, zipped again with valid checksums,
    so the damage reaches the XML reader instead of stopping at the zip's CRC."""
    with zipfile.ZipFile(io.BytesIO(seed)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    xml_names = sorted(name for name in members if name.endswith(".xml"))
    target = draw(st.sampled_from(xml_names))
    members[target] = draw(mutated([members[target]]))
    if draw(st.booleans()) and len(members) > 1:
        del members[draw(st.sampled_from(sorted(members)))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for name, data in members.items():
            rebuilt.writestr(name, data)
    return out.getvalue()


def _inputs(kind: str) -> st.SearchStrategy[bytes]:
    seeds = [p.read_bytes() for p in SEEDS[kind]]
    assert seeds, f"no seed files for {kind}"
    strategies = [st.binary(max_size=4096), mutated(seeds)]
    if kind == "docx":
        strategies.append(mutated_zip_member(seeds[0]))
        strategies.append(mutated_zip_member(seeds[0]))
    return st.one_of(*strategies)


def _read_cleanly(reader: Reader, data: bytes, source: str) -> ImportedArticle | None:
    """An article with text, or None after one clear ImportFailure line; else the test fails."""
    try:
        article = reader(data, source)
    except ImportFailure as exc:
        message = str(exc)
        assert message.startswith(source) and exc.reason.strip(), message
        assert "\n" not in message, "a failure is one line"
        assert "Traceback" not in message
        return None
    assert isinstance(article, ImportedArticle)
    assert article.text.strip(), "an article without text must be refused instead"
    assert "\r" not in article.text and "\x00" not in article.text
    return article


def _fuzz_reader(kind: str, run_settings: settings) -> None:
    suffix, reader = FORMATS[kind]
    source = f"fuzzed{suffix}"

    @run_settings
    @given(_inputs(_seed_kind(suffix)))
    def check(data: bytes) -> None:
        _read_cleanly(reader, data, source)

    check()


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_every_importer_reads_or_refuses_fuzzed_bytes(kind: str) -> None:
    _fuzz_reader(kind, QUICK)


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_every_importer_long_fuzz(kind: str) -> None:
    _fuzz_reader(kind, SLOW)


def test_every_format_has_seeds_and_was_fuzzed() -> None:
    assert set(FORMATS) >= {"plaintext", "markdown", "html", "pdf", "docx"}
    for suffix, _ in FORMATS.values():
        assert SEEDS[_seed_kind(suffix)], suffix


def _import_leaves_no_partial_row(tmp: Path, run_settings: settings) -> None:
    with Project.open(tmp / "fuzz.sqlite") as project:
        kinds = st.sampled_from(sorted(FORMATS))

        @run_settings
        @given(st.data())
        def check(data: st.DataObject) -> None:
            suffix, reader = FORMATS[data.draw(kinds)]
            raw = data.draw(_inputs(_seed_kind(suffix)))
            path = tmp / f"input{suffix}"
            path.write_bytes(raw)
            before = project.articles.count()
            outcome = project.articles.import_file(path)
            if outcome.status == "failed":
                assert outcome.reason and "\n" not in outcome.reason
                assert project.articles.count() == before, "a failed import added a row"
            else:
                assert outcome.article_id is not None
                stored = project.articles.get(outcome.article_id)
                expected = reader(raw, str(path))
                assert stored.text == expected.text, "the stored text is the whole text"
            assert project.check() == []

        check()


def test_fuzzed_files_imported_into_a_project_leave_no_partial_row(tmp_path: Path) -> None:
    _import_leaves_no_partial_row(tmp_path, settings(QUICK, max_examples=30))


@pytest.mark.slow
def test_fuzzed_files_imported_long_run(tmp_path: Path) -> None:
    _import_leaves_no_partial_row(tmp_path, settings(SLOW, max_examples=600))


# -- the merge reader -------------------------------------------------------------


def _merge_seeds() -> list[dict[str, Any]]:
    from annotator.exchange.exporters import FORMATS as EXPORTS
    from annotator.exchange.exporters import collect

    project = Project.in_memory()
    exchange_fixtures.build(project)
    seeds: list[dict[str, Any]] = []
    for name in ("json", "w3c"):
        import io

        buffer = io.BytesIO()
        EXPORTS[name].write(collect(project, None), buffer, lambda *_: None)
        seeds.append(json.loads(buffer.getvalue()))
    project.close()
    seeds.append(  # a Hypothesis-style export row
        {
            "rows": [
                {
                    "uri": "https://news.example/pay",
                    "text": "note",
                    "tags": ["stance:false"],
                    "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "a fifth"}]}],
                }
            ]
        }
    )
    return seeds


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated_json(draw: st.DrawFn, seeds: list[dict[str, Any]]) -> Any:
    """A real claim set with values replaced, keys deleted or lists emptied at random."""
    doc = json.loads(json.dumps(draw(st.sampled_from(seeds))))
    for _ in range(draw(st.integers(1, 5))):
        node: Any = doc
        # Walk down a random path, then damage what is there.
        for _depth in range(draw(st.integers(0, 5))):
            if isinstance(node, dict) and node:
                child = node[draw(st.sampled_from(sorted(node)))]
            elif isinstance(node, list) and node:
                child = node[draw(st.integers(0, len(node) - 1))]
            else:
                break
            if not isinstance(child, (dict, list)):
                break
            node = child
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if draw(st.booleans()):
                del node[key]
            else:
                node[key] = draw(JSON_VALUES)
        elif isinstance(node, list) and node:
            node[draw(st.integers(0, len(node) - 1))] = draw(JSON_VALUES)
    return doc


def _merge_inputs() -> st.SearchStrategy[bytes]:
    seeds = _merge_seeds()
    as_bytes = [json.dumps(s).encode() for s in seeds]
    return st.one_of(
        st.binary(max_size=2048),
        mutated(as_bytes),
        mutated_json(seeds).map(lambda doc: json.dumps(doc).encode()),
    )


def _fuzz_merge(run_settings: settings) -> None:
    project = Project.in_memory()
    exchange_fixtures.build(project)

    def counts() -> tuple[int, ...]:
        return tuple(
            project.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "claims", "speakers", "evidence", "claim_links")
        )

    @run_settings
    @given(_merge_inputs())
    def check(data: bytes) -> None:
        try:
            incoming = parse(data)
        except MergeRefused as exc:
            assert str(exc).strip() and "\n" not in str(exc)
            return
        before = counts()
        try:
            report = project.merge.apply(incoming, "fuzzed.json")
        except AnnotatorError as exc:  # refused while merging: nothing of it stays
            assert "\n" not in str(exc)
            assert counts() == before
        else:
            report.as_json()
            project.merge.undo(report)  # keep the project as it was for the next example
            assert counts() == before
        assert project.check() == []

    check()
    project.close()


def test_merge_reader_refuses_or_merges_fuzzed_claim_sets() -> None:
    _fuzz_merge(settings(QUICK, max_examples=80))


@pytest.mark.slow
def test_merge_reader_long_fuzz() -> None:
    _fuzz_merge(SLOW)


# -- the quantity parser ------------------------------------------------------------

SENTENCES = [
    "Pay has fallen by a fifth since 2008 (RPI), the BMA says.",
    "Ministers point to a 28.9% rise over three years and £1.5bn more.",
    "Between 20,000 and 30,000 applicants for 10,000 posts; nearly two-thirds said no.",
    "Inflation was 3.8% in July 2025, up from 3.6%; exams cost £1,000-£1,500 each.",
]


def _fuzz_quantities(run_settings: settings) -> None:
    text_inputs = st.one_of(
        st.text(max_size=300),
        mutated([s.encode() for s in SENTENCES]).map(lambda b: b.decode("utf-8", "replace")),
        st.lists(st.sampled_from([*SENTENCES, "£", "%", "-", "bn", "½", "٣", " ", "1e9999"])).map(
            "".join
        ),
    )

    @run_settings
    @given(text_inputs)
    def check(text: str) -> None:
        for q in parse_quantities(text):
            assert 0 <= q.start <= q.end <= len(text)
            assert q.words == text[q.start : q.end]
            assert isinstance(q.value, (int, float))
            q.as_json()

    check()


def test_quantity_parser_survives_fuzzed_text() -> None:
    _fuzz_quantities(settings(QUICK, max_examples=150))


@pytest.mark.slow
def test_quantity_parser_long_fuzz() -> None:
    _fuzz_quantities(settings(SLOW, max_examples=5000))


# -- what fuzzing found, kept as regressions ---------------------------------------

FOUND: dict[str, tuple[str, bytes]] = {
    # lxml refused to hold a C0 control character once a text node was edited.
    "html-control-char": (".html", b"\x01\xa0"),
    "html-control-in-text": (
        ".html",
        b"<p>Pay fell\x01 by\xc2\xa0a fifth since 2008, the union said today in London.</p>",
    ),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_inputs_fuzzing_found_are_read_or_refused_cleanly(name: str) -> None:
    suffix, data = FOUND[name]
    _read_cleanly(READERS[suffix], data, f"found{suffix}")
