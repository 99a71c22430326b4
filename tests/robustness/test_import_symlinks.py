"""A symbolic link inside an imported folder that points outside it is not
followed silently (issue 16): skipped and reported, the rest imported; the
--follow-symlinks flag reads linked files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.project import Project
from tests.robustness.refusals import assert_check_clean, run, tables


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "secret.txt").write_text("The private diary says the budget was cut.", "utf-8")
    (outside / "more.txt").write_text("Another private note about the budget.", "utf-8")
    inside = tmp_path / "articles"
    inside.mkdir()
    (inside / "story.txt").write_text("The council said spending rose by 7 percent.", "utf-8")
    (inside / "diary.txt").symlink_to(outside / "secret.txt")
    (inside / "home").symlink_to(outside)
    (inside / "again.txt").symlink_to(inside / "story.txt")  # inside: an ordinary file
    return inside


def _titles(path: Path) -> list[str]:
    with Project.open(path, create=False) as project:
        return sorted(a.title for a in project.articles.list())


def test_links_out_of_the_folder_are_skipped_and_reported(
    folder: Path, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["import", str(folder), "--project", str(project_path)], capsys)
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2 and "internal error" not in err
    assert any(f"{folder / 'diary.txt'}: is a symbolic link to" in line for line in lines)
    assert any(f"{folder / 'home'}: is a symbolic link to the folder" in line for line in lines)
    assert "--follow-symlinks" in err
    assert "private" not in out
    assert _titles(project_path) == ["The council said spending rose by 7 percent."]
    assert all(b"private" not in repr(rows).encode() for rows in tables(project_path).values())
    assert_check_clean(project_path, capsys)


def test_follow_symlinks_reads_linked_files(
    folder: Path, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["import", str(folder), "--follow-symlinks", "--project", str(project_path)], capsys
    )
    assert code == 1  # the linked folder is still not walked, and says so
    assert len(err.splitlines()) == 1 and "the folder" in err
    assert "The private diary says the budget was cut." in _titles(project_path)
