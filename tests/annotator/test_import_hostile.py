"""Every kind of bad input: one clear message naming the file, nothing added, the batch goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.exchange import importers
from annotator.exchange.importers import html
from annotator.project import Project
from tests.conftest import FIXTURES

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 8
GOOD_TEXT = "Doctors walked out for five days.\n"

# name -> (bytes, words the reason must contain)
HOSTILE: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\n \t\n", "empty"),
    "empty.html": (b"", "empty"),
    "empty.pdf": (b"", "empty"),
    "empty.docx": (b"", "empty"),
    "picture.txt": (PNG, "NUL"),
    "picture.html": (PNG, "NUL"),
    "nul.md": (b"# Title\n\nText\x00with a NUL byte.", "NUL"),
    "controls.txt": (b"\x01\x02\x03\x04\x05\x06" * 50 + b"text", "binary"),
    "broken-utf8.html": ("<p>Café £5</p>".encode() + b"\xff\xfe broken" * 40, "invalid bytes"),
    "scripts-only.html": (
        b"<html><head><script>steal()</script></head><body><script>x()</script></body></html>",
        "no readable article text",
    ),
    "alias-bomb.md": (b"---\na: &a [x, x]\nb: [*a, *a]\n---\n\nBody text.\n", "alias"),
    "truncated.pdf": ((FIXTURES / "report.pdf").read_bytes()[:900], "truncated"),
    "corrupt.docx": (b"PK\x03\x04" + bytes(range(256)) * 4, "damaged Word document"),
    "renamed.docx": (b"Plain words in a file named docx.", "not a Word .docx document"),
    "notes.rtf": (b"{\\rtf1 hello}", "unsupported file type"),
}


def _write(folder: Path, files: dict[str, tuple[bytes, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, _reason) in files.items():
        (folder / name).write_bytes(data)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_bad_file_is_one_failure_naming_file_and_reason(
    name: str, empty_project: Project, tmp_path: Path
) -> None:
    data, reason = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    outcome = empty_project.articles.import_file(path)
    assert outcome.status == "failed"
    assert outcome.source == str(path)
    assert reason.lower() in outcome.reason.lower()
    assert "\n" not in outcome.reason and "Traceback" not in outcome.reason
    assert empty_project.articles.count() == 0


def test_a_folder_of_bad_files_still_imports_the_good_ones(
    empty_project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    _write(folder, {k: v for k, v in HOSTILE.items() if not k.endswith(".rtf")})
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    shutil.copy(FIXTURES / "article_page.html", folder / "zz-page.html")
    outcomes = empty_project.articles.import_paths([folder])
    by_name = {Path(o.source).name: o for o in outcomes}
    assert by_name["good.txt"].status == "imported"
    assert by_name["zz-page.html"].status == "imported"
    failed = [o for o in outcomes if o.status == "failed"]
    assert len(failed) == len(HOSTILE) - 1
    assert empty_project.articles.count() == 2


def test_hidden_files_and_office_lock_files_in_a_folder_are_skipped(
    empty_project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "notes.txt").write_text(GOOD_TEXT)
    (folder / "~$briefing.docx").write_bytes(b"\x0bowner")
    (folder / ".hidden.md").write_text("# Hidden\n")
    (folder / "article.txt").write_text(GOOD_TEXT)
    outcomes = empty_project.articles.import_paths([folder])
    assert [Path(o.source).name for o in outcomes] == ["article.txt"]


def test_files_over_the_size_limit_are_refused(
    monkeypatch: pytest.MonkeyPatch, empty_project: Project, tmp_path: Path
) -> None:
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "huge.txt"
    big.write_bytes(b"word " * (300 * 1024))
    outcome = empty_project.articles.import_file(big)
    assert outcome.status == "failed" and "over the 1 MB limit" in outcome.reason


def test_web_pages_have_their_own_smaller_limit(
    monkeypatch: pytest.MonkeyPatch, empty_project: Project, tmp_path: Path
) -> None:
    monkeypatch.setattr(html, "MAX_HTML_BYTES", 2 * 1024 * 1024)
    page = tmp_path / "huge.html"
    page.write_bytes(b"<p>" + b"word " * (600 * 1024) + b"</p>")
    outcome = empty_project.articles.import_file(page)
    assert outcome.status == "failed" and "over the 2 MB limit for web pages" in outcome.reason


def test_an_importer_crash_costs_one_file_not_the_batch(
    monkeypatch: pytest.MonkeyPatch, empty_project: Project, tmp_path: Path
) -> None:
    def explode(_data: bytes, _source: str) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setitem(importers.READERS, ".html", explode)
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.txt").write_text(GOOD_TEXT)
    outcomes = empty_project.articles.import_paths([tmp_path / "a.html", tmp_path / "b.txt"])
    assert [o.status for o in outcomes] == ["failed", "imported"]
    assert "RuntimeError: parser bug" in outcomes[0].reason


def test_same_page_twice_is_a_duplicate_and_an_edited_page_a_revision(
    empty_project: Project, tmp_path: Path
) -> None:
    page = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
    first = tmp_path / "first.html"
    first.write_text(page, encoding="utf-8")
    again = tmp_path / "again.html"
    again.write_text(page.replace("<title>", "<title> "), encoding="utf-8")
    edited = tmp_path / "edited.html"
    edited.write_text(
        page.replace("Emergency care will be kept running", "Emergency care will continue"),
        encoding="utf-8",
    )
    a, b, c = (empty_project.articles.import_file(p) for p in (first, again, edited))
    assert (a.status, b.status, c.status) == ("imported", "duplicate", "revision")
    assert b.article_id == a.article_id and c.revision_of == a.article_id


def test_a_device_named_like_an_article_is_not_read_forever(
    empty_project: Project, tmp_path: Path
) -> None:
    device = Path("/dev/zero")
    if not device.exists():
        pytest.skip("no /dev/zero here")
    disguised = tmp_path / "endless.txt"
    disguised.symlink_to(device)
    outcome = empty_project.articles.import_file(disguised)
    assert (outcome.status, outcome.reason) == ("failed", "is not a regular file")
