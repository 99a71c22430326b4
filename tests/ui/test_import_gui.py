"""Importing from the window: files, folders, drops, the clipboard; progress,
cancel and the summary (article details: test_article_details.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.articles.service import ArticleManager
from annotator.exchange.importers import batch
from annotator.exchange.importers.batch import FileReader, ReadResult
from annotator.models import ImportOutcome
from tests.conftest import FIXTURES
from tests.ui.job_support import Gate
from ui.shell.main_window import MainWindow

PAGE_TITLE = "Resident doctors vote to strike again over pay"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("article_page.html", "report.pdf", "briefing.docx"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _wait_for_summary(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.importing.job is None and window.importing.summary is not None,
        timeout=20_000,
    )


def test_import_files_runs_in_the_background_and_summarises(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, inbox: Path
) -> None:
    files = sorted(str(p) for p in inbox.iterdir())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    before = len(window.library.visible_titles())
    window.actions["import_files"].trigger()
    progress = window.importing.progress
    assert progress is not None and not progress.isModal()
    assert window.isEnabled()
    _wait_for_summary(qtbot, window)

    titles = window.library.visible_titles()
    assert len(titles) == before + 3
    assert PAGE_TITLE in titles
    summary = window.importing.summary
    assert summary is not None and summary.isVisible()
    assert summary.headline.text() == "3 imported · 1 failed"
    assert summary.group_texts("failed") == [("empty.txt", "is empty")]
    assert ("article_page.html", PAGE_TITLE) in summary.group_texts("imported")
    assert window.importing.progress is None


def test_import_again_lists_duplicates_and_revisions(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, inbox: Path, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(inbox))
    window.actions["import_folder"].trigger()
    _wait_for_summary(qtbot, window)
    page = (inbox / "article_page.html").read_text(encoding="utf-8")
    (inbox / "article_page.html").write_text(page.replace("90.3%", "90.4%"), encoding="utf-8")
    window.importing.summary = None
    window.actions["import_folder"].trigger()
    _wait_for_summary(qtbot, window)
    summary = window.importing.summary
    assert summary is not None
    assert summary.headline.text() == "0 imported · 1 new revision · 2 duplicates · 1 failed"
    [(name, detail)] = summary.group_texts("revision")
    assert name == "article_page.html" and detail.startswith("New revision of #")
    assert any("(rev. of #" in title for title in window.library.visible_titles())


def test_choosing_an_imported_article_in_the_summary_opens_it(
    qtbot: QtBot, window: MainWindow, inbox: Path
) -> None:
    window.importing.start([inbox / "article_page.html"])
    _wait_for_summary(qtbot, window)
    summary = window.importing.summary
    assert summary is not None
    group = summary.tree.topLevelItem(0)
    assert group is not None
    summary.tree.itemActivated.emit(group.child(0), 0)
    qtbot.waitUntil(lambda: window.reader.article_id is not None)
    assert PAGE_TITLE in window.reader.header.text()


def test_cancel_stops_the_batch_and_keeps_what_was_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"note-{i:02}.txt").write_text(f"Note {i}: the pay offer was {i}% in the end.\n")
    before = window.session.project.articles.count()
    assert window.importing.start([folder])
    progress = window.importing.progress
    assert progress is not None
    progress.cancel_button.click()
    assert not progress.cancel_button.isEnabled()
    _wait_for_summary(qtbot, window)
    summary = window.importing.summary
    assert summary is not None and summary.headline.text().startswith("Cancelled:")
    imported = window.session.project.articles.count() - before
    assert imported < 40
    assert len(summary.group_texts("imported")) == imported


def test_only_one_import_at_a_time(qtbot: QtBot, window: MainWindow, inbox: Path) -> None:
    assert window.importing.start([inbox])
    assert not window.importing.start([inbox])
    _wait_for_summary(qtbot, window)


def test_closing_the_window_mid_import_waits_for_the_worker(
    qtbot: QtBot, window: MainWindow, inbox: Path
) -> None:
    window.importing.start([inbox])
    job = window.importing.job
    assert job is not None
    window.close()
    assert not job.running
    assert window.importing.job is None


def _slow_reading(monkeypatch: pytest.MonkeyPatch, gate: Gate) -> None:
    """Every file read passes the gate (in-process reading: a batch under PARALLEL_MIN_FILES)."""
    real = batch._read_one

    def read(reader: FileReader, path: Path) -> ReadResult:
        gate.passing(path.name)
        return real(reader, path)

    monkeypatch.setattr(batch, "_read_one", read)


def _notes(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"note-{i:02}.txt" for i in range(count)]
    for i, path in enumerate(paths):
        path.write_text(f"Note {i}: the pay offer was {i}% in the end.\n", encoding="utf-8")
    return paths


def test_cancel_stops_within_the_file_being_read_and_the_window_answers(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    paths = _notes(tmp_path / "slow", 6)
    gate = Gate(hold=3)  # the 4th file takes as long as the test wants
    _slow_reading(monkeypatch, gate)
    before = window.session.project.articles.count()
    assert window.importing.start(paths)
    assert gate.reached.wait(10)
    # the window answers while the import is busy: open another article
    other = window.session.project.articles.list()[1].id
    window.library.select_article(other)
    qtbot.waitUntil(lambda: window.reader.article_id == other, timeout=2000)
    progress = window.importing.progress
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: "note-03.txt  (4 of 6)" in progress.label.text(), timeout=2000)
    progress.cancel_button.click()
    gate.open()
    _wait_for_summary(qtbot, window)
    # nothing after the file being read when Cancel was pressed was read or stored
    assert gate.seen == [p.name for p in paths[:4]]
    assert window.session.project.articles.count() - before == 3
    summary = window.importing.summary
    assert summary is not None
    assert summary.headline.text() == "Cancelled: 3 imported before stopping"


def test_an_unexpected_error_is_reported_once_and_the_window_goes_on(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, inbox: Path
) -> None:
    def broken(*_a: object, **_k: object) -> list[ImportOutcome]:
        raise RuntimeError("the disk said no")

    monkeypatch.setattr(ArticleManager, "import_paths", broken)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(window.host, "show_error", lambda title, text: shown.append((title, text)))
    assert window.importing.start([inbox])
    qtbot.waitUntil(lambda: window.importing.job is None, timeout=10_000)
    assert shown == [
        (
            "Import articles failed",
            "Import articles stopped on an unexpected error (RuntimeError: the disk said no)",
        )
    ]
    assert window.importing.progress is None
    assert window.importing.start([inbox])  # a new import may start
    qtbot.waitUntil(lambda: window.importing.job is None, timeout=10_000)


def _mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(p)) for p in paths] + [QUrl("https://example.org/remote.html")]
    )
    return mime


@pytest.mark.parametrize("target", ["window", "reader", "library"])
def test_drop_files_onto_the_window_imports_them(
    qtbot: QtBot, window: MainWindow, inbox: Path, target: str
) -> None:
    receiver = {
        "window": window,
        "reader": window.reader.view.viewport(),
        "library": window.library.table.viewport(),
    }[target]
    mime = _mime([inbox / "report.pdf", inbox / "briefing.docx"])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(receiver, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(receiver, drop)
    _wait_for_summary(qtbot, window)
    summary = window.importing.summary
    assert summary is not None and summary.headline.text() == "2 imported"


def test_dragging_plain_text_or_remote_links_is_not_accepted(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("some words")
    mime.setUrls([QUrl("https://example.org/page.html")])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_paste_as_new_article_with_a_title(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    text = "Ministers say the award is final.\r\nThe union disagrees: pay is 20% lower than in 2008. 😀"
    QGuiApplication.clipboard().setText(text)
    prompts: list[str] = []

    def answer(
        _parent: object, _title: str, _label: str, _mode: object, default: str
    ) -> tuple[str, bool]:
        prompts.append(default)
        return "Pasted statement on pay", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window.actions["paste_article"].trigger()
    assert prompts == ["Ministers say the award is final."]
    qtbot.waitUntil(lambda: window.reader.article_id is not None)
    article = window.session.project.articles.get(window.reader.article_id)
    assert article.title == "Pasted statement on pay"
    assert article.text == text.replace("\r\n", "\n")
    assert article.summary.source_format == "paste"
    assert "Pasted statement on pay" in window.library.visible_titles()


def test_paste_with_an_empty_clipboard_explains(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    QGuiApplication.clipboard().setText("   ")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    count = window.session.project.articles.count()
    window.actions["paste_article"].trigger()
    assert shown == ["The clipboard holds no text."]
    assert window.session.project.articles.count() == count


def test_import_actions_sit_after_the_import_separator_with_shortcuts(window: MainWindow) -> None:
    actions = window.file_menu.actions()
    start = actions.index(window.import_separator)
    keys = ["import_files", "import_folder", "paste_article"]
    assert actions[start + 1 : start + 4] == [window.actions[k] for k in keys]
    assert actions[-1] is window.actions["quit"]
    for key in [*keys, "article_details"]:
        assert not window.actions[key].shortcut().isEmpty(), key
    assert window.actions["article_details"] in window.library.table.actions()


def test_claims_follow_a_revision_imported_in_the_background(
    qtbot: QtBot, window: MainWindow, inbox: Path
) -> None:
    window.importing.start([inbox / "article_page.html"])
    _wait_for_summary(qtbot, window)
    project = window.session.project
    old = next(a for a in project.articles.list() if a.title == PAGE_TITLE)
    claim = project.claims.mark_quote(old.id, "90.3% backed further walkouts")
    page = (inbox / "article_page.html").read_text(encoding="utf-8")
    (inbox / "article_page.html").write_text(
        page.replace("Emergency care will be kept running", "Emergency care will continue"),
        encoding="utf-8",
    )
    seen: list[frozenset[int]] = []
    window.session.changed.connect(lambda changes: seen.append(changes.articles))
    window.importing.summary = None
    window.importing.start([inbox / "article_page.html"])
    _wait_for_summary(qtbot, window)
    new = project.articles.list()[-1]
    assert new.revision_of == old.id
    moved = project.claims.get(claim.id)
    assert moved.article_id == new.id and moved.quote == "90.3% backed further walkouts"
    assert any({old.id, new.id} <= articles for articles in seen)
