"""A project file can be harmed or can harm (issue 16): foreign triggers and
views never run on our writes, a schema that is not ours is reported by
`check` and repaired by `check --repair`, and a missing table, a table turned
view, text that is not UTF-8, a read-only file or a full disk are each one
line naming the project, never "internal error"."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.models import ImportedArticle
from annotator.project import Project
from db.projectfile import connection
from tests.robustness.refusals import (
    assert_check_clean,
    assert_refused,
    assert_same_tables,
    run,
    tables,
)

TEXTS = [
    "Unemployment fell by 3 percent last year, the minister said.",
    "Inflation rose to 4 percent, the bank said on Monday.",
    "Wages grew by 2 percent, the union said.",
]


@pytest.fixture
def project(project_path: Path) -> Path:
    """Three articles with a claim each, closed (no -wal left)."""
    with Project.open(project_path, create=True) as opened:
        for number, text in enumerate(TEXTS, start=1):
            outcome = opened.articles.add(
                ImportedArticle(text=text, title=f"Article {number}", source_format="txt")
            )
            assert outcome.article_id is not None
            opened.claims.mark_quote(outcome.article_id, text.split(",")[0], 1)
    return project_path


def _tamper(path: Path, *statements: str) -> None:
    """Change the file as another SQLite tool would (no checks of ours)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


FORTY_TRIGGERS = [
    f"CREATE TRIGGER evil_{n} AFTER UPDATE ON claims BEGIN "
    "UPDATE claims SET verdict = 'true' WHERE id <> NEW.id; "
    "UPDATE articles SET title = 'PWNED'; END"
    for n in range(40)
]


def test_foreign_triggers_never_run_and_the_file_is_refused_for_writing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(project, *FORTY_TRIGGERS, "CREATE VIEW stolen AS SELECT text FROM articles")
    before = tables(project)
    code, out, err = run(["check", "--project", str(project)], capsys)
    assert code == 1
    assert "trigger 'evil_0'" in err and "view 'stolen'" in err and "did not make" in err
    assert len(err.splitlines()) == 41 and "internal error" not in err
    for args in (
        ["tag", "1", "--verdict", "false"],
        ["mark", "2", "--quote", "Inflation rose"],
        ["speaker", "Minister"],
    ):
        code, _, err = run([*args, "--project", str(project)], capsys)
        assert_refused(code, err, str(project), "the annotator did not make")
        assert "check --repair" in err
    assert_same_tables(before, tables(project))
    # reading goes on
    code, out, _ = run(["articles", "--project", str(project)], capsys)
    assert code == 0 and "Article 2" in out and "PWNED" not in out


def test_check_repair_backs_up_drops_them_and_writing_is_safe_again(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(project, *FORTY_TRIGGERS[:3], "CREATE VIEW stolen AS SELECT text FROM articles")
    code, out, err = run(["check", "--repair", "--project", str(project)], capsys)
    assert code == 0, err
    assert "dropped trigger 'evil_0'" in out and "dropped view 'stolen'" in out
    assert out.strip().endswith(": ok")
    backups = list(Path(f"{project}.backups").glob("*-before-repair.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:  # the backup keeps the file as it was
        assert (
            copy.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'evil_%'").fetchone()[
                0
            ]
            == 3
        )
    code, _, err = run(["tag", "1", "--verdict", "false", "--project", str(project)], capsys)
    assert code == 0, err
    titles = tables(project)["articles"]
    assert not any(b"PWNED" in repr(row).encode() for row in titles)
    with Project.open(project, create=False) as opened:
        verdicts = [c.verdict for c in opened.claims.list()]
    assert verdicts.count("false") == 1 and "true" not in verdicts
    assert_check_clean(project, capsys)


def test_a_trigger_of_ours_rewritten_is_foreign(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(
        project,
        "DROP TRIGGER visible_texts_article_changed",
        "CREATE TRIGGER visible_texts_article_changed AFTER UPDATE ON articles "
        "BEGIN UPDATE claims SET note = 'rewritten'; END",
    )
    before = tables(project)
    code, _, err = run(["tag", "1", "--statement", "mine", "--project", str(project)], capsys)
    assert_refused(code, err, str(project), "trigger 'visible_texts_article_changed'")
    assert_same_tables(before, tables(project))
    code, out, err = run(["check", "--repair", "--project", str(project)], capsys)
    assert code == 0, err
    assert "made trigger 'visible_texts_article_changed'" in out
    assert_check_clean(project, capsys)


@pytest.mark.parametrize(
    ("damage", "finding", "refusal"),
    [
        (
            ["DROP TABLE speaker_aliases"],
            "its table 'speaker_aliases' is missing",
            "is missing its table speaker_aliases",
        ),
        (
            [
                "DROP TABLE speaker_aliases",
                "CREATE VIEW speaker_aliases AS SELECT 1 AS speaker_id, 'x' AS alias",
            ],
            "view 'speaker_aliases'",
            "view 'speaker_aliases'",
        ),
    ],
    ids=["missing-table", "table-made-a-view"],
)
def test_a_missing_or_replaced_table_is_one_line_and_repairable(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    damage: list[str],
    finding: str,
    refusal: str,
) -> None:
    _tamper(project, *damage)
    code, _, err = run(["check", "--project", str(project)], capsys)
    assert code == 1 and finding in err and "internal error" not in err
    before = tables(project)
    code, _, err = run(["speaker", "Minister", "--project", str(project)], capsys)
    assert_refused(code, err, str(project), refusal)
    assert_same_tables(before, tables(project))
    code, _, err = run(["check", "--repair", "--project", str(project)], capsys)
    assert code == 0, err
    code, out, err = run(["speaker", "Minister", "--project", str(project)], capsys)
    assert code == 0 and "Minister" in out, err
    assert_check_clean(project, capsys)


def test_text_that_is_not_utf8_is_reported_not_an_internal_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(project, "UPDATE articles SET title = CAST(X'48FF49' AS TEXT) WHERE id = 2")
    code, _, err = run(["check", "--project", str(project)], capsys)
    assert code == 1 and "articles row 2: its title is not UTF-8 text" in err
    for args in (["articles"], ["show", "2"]):
        code, _, err = run([*args, "--project", str(project)], capsys)
        assert_refused(code, err, str(project), "holds text that is not UTF-8")


def _can_make_immutable(path: Path) -> bool:
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    return subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0


def test_a_read_only_file_is_read_and_every_write_refused_in_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project.chmod(0o444)
    project.parent.chmod(0o555)
    immutable = False
    try:
        if connection.writable(project):  # root ignores modes: make it immutable instead
            project.parent.chmod(0o755)
            immutable = _can_make_immutable(project)
            if not immutable:
                pytest.skip("cannot make a file read-only for this user")
        before = tables(project)
        code, out, err = run(["articles", "--project", str(project)], capsys)
        assert code == 0 and "Article 1" in out, err
        for args in (["tag", "1", "--verdict", "false"], ["speaker", "Minister"]):
            code, _, err = run([*args, "--project", str(project)], capsys)
            assert_refused(code, err, str(project), "is read-only: nothing was written")
        assert_same_tables(before, tables(project))
        code, out, err = run(["check", "--project", str(project)], capsys)
        assert code == 0 and out.strip().endswith("ok (read-only: it can be read, not changed)")
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(project)], check=True)
        project.parent.chmod(0o755)
        project.chmod(0o644)
    assert_check_clean(project, capsys)


def _full_after(pages: int) -> Callable[[Path], connection.ProjectDatabase]:
    """connect() on a disk with room for `pages` more pages (SQLITE_FULL past them)."""
    real = connection.connect

    def connect(path: Path) -> connection.ProjectDatabase:
        db = real(path)
        count = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {count + pages}")
        return db

    return connect


def test_a_full_disk_is_one_line_and_nothing_is_written(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = tables(project)
    monkeypatch.setattr(connection, "connect", _full_after(2))
    big = tmp_path / "long.txt"
    big.write_text("The council said spending rose by 7 percent. " * 40_000, "utf-8")
    code, _, err = run(["import", str(big), "--project", str(project)], capsys)
    assert code == 1
    assert "the disk is full: nothing was written" in err and "internal error" not in err
    assert len(err.splitlines()) == 1
    monkeypatch.undo()
    assert_same_tables(before, tables(project))
    assert_check_clean(project, capsys)


def test_opening_a_clean_project_finds_nothing_foreign(project: Path) -> None:
    with Project.open(project, create=False) as opened:
        assert opened.check() == []
        assert opened.db.execute("PRAGMA query_only").fetchone()[0] == 0
