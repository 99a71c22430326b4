"""Word and PDF test files from public repositories, read by our importers.

    uv run python bench/import_corpora.py --docx GITDIR [--docx GITDIR ...] --pdf GITDIR ...

Each GITDIR is a clone (bare or not) of a repository whose test files are the
corpus: python-docx's and mammoth's .docx files, pypdf's and pdfplumber's
PDFs (`fetch` them, or `git clone`). Nothing is copied into this repository;
the files are read with `git cat-file` from the clone's HEAD.

Word: the reference is the package's own XML, read here independently of the
importer: every body paragraph with text (tables, nested tables and text
boxes included, a text box's fallback copy not counted twice) and every
footnote and endnote. A paragraph or note "arrives" when its text, white
space collapsed, occurs in the imported text.

PDF: files read, refused (with the reasons), and two measures of the joined
lines: words joined across a line-end hyphen that the word list knows
("inter-national" -> "international") against compounds kept ("long-term"),
and paragraph breaks that fall mid-sentence (the paragraph before ends in a
lower-case letter and the next begins with one).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from annotator.errors import ImportFailure
from annotator.exchange.importers import docx as docx_reader
from annotator.exchange.importers import pdf as pdf_reader

W = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SPACE = re.compile(r"\s+")


def git_files(gitdir: str, suffix: str) -> list[tuple[str, bytes]]:
    names = subprocess.run(
        ["git", f"--git-dir={_gitdir(gitdir)}", "ls-tree", "-r", "--name-only", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    files = []
    for name in sorted(n for n in names if n.lower().endswith(suffix)):
        blob = subprocess.run(
            ["git", f"--git-dir={_gitdir(gitdir)}", "cat-file", "blob", f"HEAD:{name}"],
            check=False,
            capture_output=True,
        )
        if blob.returncode != 0:  # a large file the snapshot lists but does not hold
            continue
        files.append((f"{_label(gitdir)}:{name}", blob.stdout))
    return files


def _label(gitdir: str) -> str:
    path = Path(gitdir)
    return path.parent.name if path.name in ("repo", ".git") else path.name


def _gitdir(path: str) -> str:
    return str(Path(path) / ".git") if (Path(path) / ".git").exists() else path


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _paragraph_texts(root: etree._Element) -> list[str]:
    texts = []
    for p in root.iter():
        if _local(p.tag) != "p" or not p.tag.startswith(tuple("{" + w for w in W)):
            continue
        if any(a.tag == MC_FALLBACK for a in p.iterancestors()):
            continue
        own = [
            (t.text or "") if _local(t.tag) == "t" else " "
            for t in p.iter()
            if _local(t.tag) in ("t", "tab")
            and t.tag.startswith(tuple("{" + w for w in W))
            and next((a for a in t.iterancestors() if _local(a.tag) in ("p", "txbxContent")), None)
            is p
        ]
        text = norm("".join(own))
        if text:
            texts.append(text)
    return texts


def docx_reference(data: bytes) -> tuple[list[str], list[str]]:
    """(body paragraph texts, note texts) from the package's XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        body = _paragraph_texts(etree.fromstring(package.read("word/document.xml")))
        notes: list[str] = []
        for part in ("word/footnotes.xml", "word/endnotes.xml"):
            if part in names:
                root = etree.fromstring(package.read(part))
                for note in root:
                    if _local(note.tag) in ("footnote", "endnote") and not any(
                        _local(k) == "type" for k in note.attrib
                    ):
                        text = norm(" ".join(_paragraph_texts(note)))
                        if text:
                            notes.append(text)
    return body, notes


def bench_docx(gitdirs: list[str]) -> dict[str, Any]:
    totals = Counter()
    refused: list[str] = []
    for name, data in (f for g in gitdirs for f in git_files(g, ".docx")):
        try:
            body, notes = docx_reference(data)
        except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
            continue
        totals["files"] += 1
        totals["paragraphs"] += len(body)
        totals["notes"] += len(notes)
        try:
            text = norm(docx_reader.read(data, name).text)
        except ImportFailure as exc:
            if body or notes:
                refused.append(f"{name}: {exc.reason}")
            continue
        totals["paragraphs_arrived"] += sum(1 for p in body if p in text)
        totals["notes_arrived"] += sum(1 for n in notes if n in text)
    return {**totals, "refused": refused}


_HYPHEN_JOIN = re.compile(r"\b([a-z]{2,})-\n([a-z]{2,})\b")


def bench_pdf(gitdirs: list[str], examples: list[str] | None = None) -> dict[str, Any]:
    totals = Counter()
    refused: list[str] = []
    for name, data in (f for g in gitdirs for f in git_files(g, ".pdf")):
        totals["files"] += 1
        try:
            article = pdf_reader.read(data, name)
        except ImportFailure as exc:
            refused.append(f"{name}: {exc.reason}")
            continue
        totals["read"] += 1
        starts = [*article.metadata.get("page_starts", [0]), len(article.text)]
        for start, end in itertools.pairwise(starts):
            paragraphs = [p for p in article.text[start:end].split("\n\n") if p.strip()]
            totals["paragraphs"] += len(paragraphs)
            for before, after in itertools.pairwise(paragraphs):
                if before.rstrip()[-1:].islower() and after.lstrip()[:1].islower():
                    totals["mid_sentence_breaks_in_a_page"] += 1
                    if examples is not None:
                        examples.append(f"{name}: ...{before[-50:]!r} | {after[:50]!r}")
        totals["hyphenated_words"] += len(re.findall(r"\b[a-z]{2,}-[a-z]{2,}\b", article.text))
    return {**totals, "refused": refused}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument(
        "--docx", action="append", default=[], help="a clone holding .docx test files"
    )
    args.add_argument("--pdf", action="append", default=[], help="a clone holding .pdf test files")
    options = args.parse_args()
    print(json.dumps({"docx": bench_docx(options.docx), "pdf": bench_pdf(options.pdf)}, indent=1))


if __name__ == "__main__":
    main()
