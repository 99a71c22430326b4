"""Text that is not quite text: encodings, invisible characters, front matter, page dates.

Each case is a file shaped like the real ones that broke: a CESU-8 export, a
page with one Latin-1 byte in an alt attribute, a blog post saved as .txt, a
page whose body mentions a year it was not published in.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.datasets.tabular import MAX_WORKBOOK_UNPACKED_BYTES
from annotator.errors import ImportFailure
from annotator.exchange.importers import html, markdown, read_file
from annotator.project import Project
from annotator.text.dates import to_iso
from annotator.text.decode import decode, decode_markup

STORY = (
    "<p>Resident doctors in England walked out for five days in July, the union said, "
    "after talks with the health secretary broke down over pay restoration.</p>"
    "<p>The government says the offer on the table is the best it can afford this year.</p>"
)


def page(body: str, head: str = "<title>Doctors strike</title>") -> bytes:
    return f"<html><head><meta charset='utf-8'>{head}</head><body><article>{body}</article></body></html>".encode()


# -- encodings ---------------------------------------------------------------------------


def test_cesu8_surrogates_are_refused_as_invalid_utf8() -> None:
    # "Strike 🚑" written by a Java tool: the emoji as two three-byte surrogates
    data = b"Strike \xed\xa0\xbd\xed\xba\x91 ends today, the union says.\n"
    with pytest.raises(ImportFailure) as info:
        decode(data, "export.txt")
    assert "not valid UTF-8" in info.value.reason and "CESU-8" in info.value.reason


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_only_invisible_characters_is_no_text(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"invisible{suffix}"
    path.write_bytes(("\ufeff\u200b\u200c\u00ad\u2060\n\u200d " * 20).encode())
    with pytest.raises(ImportFailure) as info:
        read_file(path)
    assert "no" in info.value.reason and "text" in info.value.reason


def test_utf8_page_with_a_stray_latin1_byte_imports_with_a_note() -> None:
    body = (
        STORY + "<img alt='Gr\xfc\xdfe' src='x.png'><p>Pay has fallen by a fifth – since 2008.</p>"
    )
    data = page("").replace(
        b"<article></article>",
        b"<article>" + body.encode("utf-8", "surrogateescape") + b"</article>",
    )
    data = data.replace("Grüße".encode(), b"Gr\xfc\xdfe")
    article = html.read(data, "stray.html")
    assert "Pay has fallen by a fifth – since 2008." in article.text
    assert article.notes and "Windows-1252" in article.notes[0] and "2 bytes" in article.notes[0]


def test_plain_text_keeps_the_strict_utf8_rule() -> None:
    data = "Pay fell – by a fifth".encode() + b" \xfc"
    with pytest.raises(ImportFailure, match="invalid bytes"):
        decode(data, "strict.txt")
    assert "ü" in decode_markup(data, "page.html").text


def test_nul_bytes_in_markup_do_not_make_a_page_binary() -> None:
    data = page(STORY).replace(b"<article>", b"<article>\x00", 1)
    article = html.read(data, "nul.html")
    assert "walked out for five days" in article.text and "\x00" not in article.text
    with pytest.raises(ImportFailure, match="NUL"):
        decode(b"Text\x00with a NUL byte and more words around it.", "nul.txt")


def test_import_summary_and_json_carry_the_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stray.html"
    story = STORY + "<p>Caf\xe9 owners back the strike – all of them.</p>"
    path.write_bytes(page(story).replace("Café".encode(), b"Caf\xe9"))
    project = tmp_path / "p.sqlite"
    assert main(["import", str(path), "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "note: 1 byte that is not UTF-8 read as Windows-1252" in out
    other = tmp_path / "q.sqlite"
    assert main(["import", str(path), "--project", str(other), "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["status"] == "imported" and "Windows-1252" in record["notes"][0]


# -- web page text and dates ---------------------------------------------------------------


def test_text_after_a_heading_without_its_own_paragraph_is_kept() -> None:
    body = STORY + (
        "<h2>What the union says</h2>The union says pay has fallen by a fifth since 2008, "
        "and that the latest offer does nothing to restore it."
        "<p>Talks are expected to resume next week, both sides said on Monday evening.</p>"
    )
    text = html.read(page(body), "heading.html").text
    assert "What the union says\n\nThe union says pay has fallen by a fifth since 2008" in text


def test_a_year_in_the_body_is_not_a_publication_date() -> None:
    body = (
        STORY + "<p>Pay has fallen by a fifth since 2008, the union says, and since 2008 alone.</p>"
    )
    assert html.read(page(body), "undated.html").published is None


@pytest.mark.parametrize(
    ("head", "published"),
    [
        (
            '<meta property="article:published_time" content="Tue, 31 Dec 2024 23:11:00 GMT">',
            "2024-12-31T23:11:00+00:00",
        ),
        ('<meta name="date" content="9 July 2025 06:30 BST">', "2025-07-09T06:30:00+01:00"),
        ('<meta name="pubdate" content="10 July 2025 18:00 CEST">', "2025-07-10T18:00:00+02:00"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "Jul 9, 2025 10:00 PM EST"}</script>',
            "2025-07-09T22:00:00-05:00",
        ),
    ],
)
def test_dates_from_metadata_keep_their_zone_and_day(
    head: str, published: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert html.read(page(STORY, head), "dated.html").published == published
    assert capsys.readouterr().err == ""


def test_time_in_the_article_header_dates_the_page() -> None:
    body = "<header><time datetime='2025-07-30T07:00:00+01:00'>30 July</time></header>" + STORY
    assert html.read(page(body), "time.html").published == "2025-07-30T07:00:00+01:00"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("31 December 2024 23:11 CET", "2024-12-31T23:11:00+01:00"),
        ("Wed, 09 Jul 2025 06:30:00 PDT", "2025-07-09T06:30:00-07:00"),
        ("2025-07-09 06:30 BST", "2025-07-09T06:30:00+01:00"),
        ("9 July 2025 10:00 XYZ", "2025-07-09T10:00:00"),
    ],
)
def test_named_zones_are_read_with_their_offset_and_no_warning(text: str, iso: str) -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert to_iso(text) == iso
    assert not seen, [str(w.message) for w in seen]


# -- front matter ---------------------------------------------------------------------------

BLOG_POST = (
    "---\nlayout: post\n"
    'title: "Big News: BMA rejects fresh offer to end doctor strikes"\n'
    "date: 2025-11-05T19:21:00\n"
    'author: "badely"\ncategories: [Health]\ntags: []\n'
    "---\n\nLet's dive into the details: the BMA has rejected a fresh offer.\n\n"
    "Health Secretary Wes Streeting had proposed covering the cost of exam fees.\n"
)


def test_txt_holding_markdown_with_front_matter_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG_POST, encoding="utf-8")
    article = read_file(path)
    assert article.title == "Big News: BMA rejects fresh offer to end doctor strikes"
    assert (article.author, article.published) == ("badely", "2025-11-05T19:21:00")
    assert article.text.startswith("Let's dive into the details")
    assert "---" not in article.text and "layout" not in article.text


def test_txt_opening_with_a_rule_stays_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "rule.txt"
    path.write_text("---\n\nMinutes of the meeting\n\nPresent: all.\n", encoding="utf-8")
    article = read_file(path)
    assert article.source_format == "txt" and article.text.startswith("---")


@pytest.mark.parametrize(
    ("front", "dropped"),
    [
        ("title: Pay talks\ndate: 2025-02-30\n", "date (2025-02-30 is not a date)"),
        ("title: Pay talks\ndate: 2025-13-01 10:00:00\n", "is not a date"),
        ("title: {text: Pay talks}\n", "title (a mapping, not text)"),
        ("title: !!binary UGF5\n", "title (binary data, not text)"),
        ("title: .nan\n", "title (a float, not text)"),
        ("title: Pay talks\ndate: {year: 2025}\n", "date (a mapping is not a date)"),
    ],
)
def test_odd_front_matter_fields_are_dropped_and_reported(front: str, dropped: str) -> None:
    article = markdown.read(
        f"---\n{front}---\n\nThe strike ended on Wednesday.\n".encode(), "odd.md"
    )
    assert article.text == "The strike ended on Wednesday."
    assert any(dropped in note for note in article.notes), article.notes
    assert article.published is None or "2025" in article.published


@pytest.mark.parametrize(
    "front", ["title: !foo Pay talks\n", "title: !!python/object:os.system x\n"]
)
def test_unknown_tags_are_refused_with_a_yaml_reason(front: str) -> None:
    with pytest.raises(ImportFailure) as info:
        markdown.read(f"---\n{front}---\n\nBody.\n".encode(), "tags.md")
    assert info.value.reason.startswith("front matter is not valid YAML (")
    assert "AttributeError" not in info.value.reason


def test_unterminated_five_megabyte_front_matter_is_bounded() -> None:
    data = ("---\ntitle: Never closed\n" + "line: of yaml that goes on\n" * 200_000).encode()
    assert len(data) > 5_000_000
    with pytest.raises(ImportFailure, match="no closing"):
        markdown.read(data, "open.md")


# -- datasets -------------------------------------------------------------------------------


def test_short_cyrillic_cp1251_csv_is_read_as_cyrillic(
    tmp_path: Path, empty_project: Project
) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes("Город;Зарплата\nМосква;100\n".encode("cp1251"))
    assert len(path.read_bytes()) < 40
    dataset = empty_project.datasets.import_file(path, "ru")
    assert dataset.encoding == "cp1251"
    assert empty_project.datasets.row("ru", 1) == {"Город": "Москва", "Зарплата": 100}


def test_workbook_inflating_past_the_limit_is_refused_before_inflating(
    tmp_path: Path, empty_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(MAX_WORKBOOK_UNPACKED_BYTES // len(chunk) + 8):
                sheet.write(chunk)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFailure) as info:
        empty_project.datasets.import_file(path, "bomb")
    assert "would unpack to" in info.value.reason and "limit for a workbook" in info.value.reason


def test_gbk_page_holding_cesu_like_bytes_is_read_as_declared() -> None:
    words = "河北省演出" + b"\xed\xa0\xed\xb0".decode("gbk") + "引起强烈反响"
    story = f"<p>{words}，一个约定，信守十五年，感人至深。</p>" * 3
    data = (
        f"<html><head><meta charset='gbk'><title>新闻</title></head><body><article>{story}"
        "</article></body></html>"
    ).encode("gbk")
    assert b"\xed\xa0\xed\xb0" in data
    assert words in html.read(data, "xinhua.html").text
