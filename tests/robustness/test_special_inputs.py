"""Files that are not files, outputs that are the project, ids no row can have
(issue 16): each refused in one line naming the file, the project unchanged."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.models import ImportedArticle
from annotator.project import Project
from tests.robustness.refusals import (
    assert_check_clean,
    assert_refused,
    assert_same_tables,
    run,
    tables,
)

PAST_64_BITS = "99999999999999999999"


@pytest.fixture
def marked(project_path: Path) -> Path:
    """A project with one article, one claim and one backup, closed."""
    with Project.open(project_path, create=True) as project:
        outcome = project.articles.add(
            ImportedArticle(
                text="Unemployment fell by 3 percent last year, the minister said.",
                title="Jobs",
                source_format="txt",
            )
        )
        assert outcome.article_id is not None
        project.claims.mark_quote(outcome.article_id, "Unemployment fell", 1)
        project.backups.create("manual")
    return project_path


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("{p}", "is the project file itself"),
        ("{p}-wal", "is the project's -wal file"),
        ("{p}-shm", "is the project's -shm file"),
        ("{p}.backups/claims.json", "is in the project's backups folder"),
        ("{d}/./project.sqlite", "is the project file itself"),
        ("{d}/link.sqlite", "is the project file itself"),  # a symlink to the project
    ],
)
def test_export_never_overwrites_the_project(
    marked: Path, capsys: pytest.CaptureFixture[str], output: str, reason: str
) -> None:
    (marked.parent / "link.sqlite").symlink_to(marked)
    # The window holds the project open, so its -wal and -shm exist meanwhile.
    holder = Project.open(marked, create=False)
    try:
        before = tables(marked)
        target = output.format(p=marked, d=marked.parent)
        for fmt in ("json", "csv", "html"):
            code, _, err = run(
                ["export", "--format", fmt, "-o", target, "--project", str(marked)], capsys
            )
            assert_refused(code, err, str(Path(target)), reason)
        assert_same_tables(before, tables(marked))
    finally:
        holder.close()
    assert_check_clean(marked, capsys)


def test_export_to_a_hard_link_of_the_project_is_refused(
    marked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = marked.parent / "same-inode.sqlite"
    os.link(marked, other)
    before = tables(marked)
    code, _, err = run(
        ["export", "--format", "md", "-o", str(other), "--project", str(marked)], capsys
    )
    assert_refused(code, err, str(other), "is the project file itself")
    assert_same_tables(before, tables(marked))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", PAST_64_BITS], f"no article with id {PAST_64_BITS}"),
        (["delete", PAST_64_BITS], f"no article with id {PAST_64_BITS}"),
        (["mark", PAST_64_BITS, "--quote", "fell"], f"no article with id {PAST_64_BITS}"),
        (["tag", PAST_64_BITS, "--verdict", "false"], f"no claim with id {PAST_64_BITS}"),
        (
            ["tag", "--verdict", "false", "--", f"-{PAST_64_BITS}"],
            f"no claim with id -{PAST_64_BITS}",
        ),
        (
            ["link", PAST_64_BITS, "--text", "x", "--relation", "supports"],
            f"no claim with id {PAST_64_BITS}",
        ),
        (
            ["link", "1", "--claim", PAST_64_BITS, "--relation", "same"],
            f"no claim with id {PAST_64_BITS}",
        ),
        (["claims", "--article", PAST_64_BITS], f"no article with id {PAST_64_BITS}"),
        (["evidence", "--claim", PAST_64_BITS], f"no claim with id {PAST_64_BITS}"),
        (["refetch", "1", PAST_64_BITS], f"no article with id {PAST_64_BITS}"),
        (
            ["export", "--format", "json", "-o", "{d}/out.json", "--article", PAST_64_BITS],
            f"no article with id {PAST_64_BITS}",
        ),
    ],
)
def test_ids_past_64_bits_are_no_such_row(
    marked: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = tables(marked)
    argv = [a.format(d=marked.parent) for a in args]
    code, _, err = run([argv[0], "--project", str(marked), *argv[1:]], capsys)
    assert_refused(code, err, str(marked), message)
    assert_same_tables(before, tables(marked))
    assert not (marked.parent / "out.json").exists()


def _fifo(tmp_path: Path, name: str) -> Path:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    return fifo


def _zero(tmp_path: Path, name: str) -> Path:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    return link


@pytest.mark.parametrize("make", [_fifo, _zero], ids=["fifo", "dev-zero"])
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("claims.json", ["merge", "{f}"]),
        ("figures.csv", ["dataset", "import", "{f}", "--name", "figures"]),
        ("paper.pdf", ["link", "1", "--file", "{f}", "--relation", "supports"]),
    ],
    ids=["merge", "dataset-import", "link-file"],
)
def test_special_files_refused_before_reading(
    marked: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path, str], Path],
    name: str,
    args: list[str],
) -> None:
    special = make(tmp_path, name)
    before = tables(marked)
    done: list[tuple[int, str, str]] = []
    worker = threading.Thread(
        target=lambda: done.append(
            run([*(a.format(f=special) for a in args), "--project", str(marked)], capsys)
        ),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock a reader stuck on the FIFO so the test ends
        with open(special, "wb"):
            pass
        worker.join(timeout=5)
        pytest.fail(f"{args[0]} hung on {special}")
    code, _, err = done[0]
    assert_refused(code, err, str(special), "is not a regular file")
    assert_same_tables(before, tables(marked))
    assert_check_clean(marked, capsys)
