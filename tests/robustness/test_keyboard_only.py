"""A whole session without the mouse, and every action and input named for assistive tools.

The session types only keys into whatever has the focus, as a keyboard user
does: paste an article in, find and open it, select words with the keyboard,
mark the claim, name its speaker, set stance and verdict, link a web page as
evidence and export the claims. Modal dialogs are answered with keys too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow

ARTICLE = (
    "Junior doctors walk out again\n\n"
    "The union says resident doctors' pay has fallen by a fifth since 2008. "
    "Ministers say pay rose by 28.9% over three years."
)
Key = Qt.Key
Mod = Qt.KeyboardModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard focus is nowhere"
    return widget


def back_in_window(qtbot: QtBot, window: MainWindow) -> None:
    """After a dialog closes the window manager activates the window again;
    the offscreen platform has none, so the test does what it would."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def press(key: Key, modifier: Mod = Mod.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focus(), key, modifier)


def shortcut(window: MainWindow, name: str) -> None:
    """Press an action's own key sequence, as the user would."""
    sequence = window.actions[name].shortcut()
    assert not sequence.isEmpty(), f"{name} has no shortcut"
    combo = sequence[0]
    QTest.keyClick(focus(), combo.key(), combo.keyboardModifiers())


def type_text(text: str) -> None:
    QTest.keyClicks(focus(), text)


def when_dialog_opens(qtbot: QtBot, answer: Callable[[], None]) -> list[bool]:
    """Answer the next modal dialog with keys, once it has the focus."""
    answered: list[bool] = []

    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, attempt)
            return
        if not modal.isAncestorOf(QApplication.focusWidget()):
            modal.activateWindow()  # what the window manager does for a new dialog
            QTimer.singleShot(20, attempt)
            return
        answer()
        answered.append(True)

    QTimer.singleShot(20, attempt)
    return answered


def test_a_whole_session_with_the_keyboard_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    project = window.session.project
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # Import: the article was copied in a browser; paste it as a new article.
    QGuiApplication.clipboard().setText(ARTICLE)
    answered = when_dialog_opens(qtbot, lambda: press(Key.Key_Return))  # keep the offered title
    shortcut(window, "paste_article")
    qtbot.waitUntil(lambda: bool(answered))
    back_in_window(qtbot, window)
    article = next(a for a in project.articles.list() if a.title == "Junior doctors walk out again")

    # Open: filter the library by a word of the title, go down to it.
    shortcut(window, "focus_filter")
    assert isinstance(focus(), QLineEdit)
    type_text("walk out again")
    press(Key.Key_Tab)
    press(Key.Key_Down)
    qtbot.waitUntil(lambda: window.reader.article_id == article.id)

    # Select: into the text, to the claim's first word, then word by word.
    shortcut(window, "focus_reader")
    assert focus() is window.reader.view
    press(Key.Key_Home, Mod.ControlModifier)
    text = project.articles.get(article.id).text
    start = text.index("resident")
    end = start + len("resident doctors' pay")
    view = window.reader.view

    def cursor_at() -> int:  # where the user sees the caret, in the stored text
        return view.text_map.from_display(view.textCursor().position())

    while cursor_at() < start:  # word by word, watching the caret as a user does
        press(Key.Key_Right, Mod.ControlModifier)
    while cursor_at() < end:
        press(Key.Key_Right, Mod.ControlModifier | Mod.ShiftModifier)
    span = window.reader.view.selected_span()
    assert span is not None and text[span[0] : span[1]].strip() == "resident doctors' pay"

    # Mark it.
    shortcut(window, "mark_claim")
    qtbot.waitUntil(lambda: project.claims.count(article.id) == 1)
    claim = project.claims.list(article.id)[0]
    assert claim.quote == "resident doctors' pay"
    assert window.session.current_claim == claim.id

    # Speaker: into the claim form's speaker field, type a new name, Enter.
    shortcut(window, "focus_speaker")
    assert focus() is window.claims.editor.speaker
    type_text("Vivek Trivedi")
    press(Key.Key_Return)
    qtbot.waitUntil(lambda: project.claims.get(claim.id).speaker == "Vivek Trivedi")

    # Stance and verdict by their number keys.
    shortcut(window, "stance_2")
    shortcut(window, "verdict_4")
    tagged = project.claims.get(claim.id)
    assert tagged.stance == window.actions["stance_2"].text().split(" ", 1)[1]
    assert tagged.verdict == window.actions["verdict_4"].text().split(" ", 1)[1]

    # Evidence: a web link, typed into the dialog's first field, Enter to add.
    def add_link() -> None:
        type_text("https://www.bma.org.uk/pay-restoration")
        press(Key.Key_Tab)
        type_text("BMA: pay restoration")
        press(Key.Key_Return)

    answered = when_dialog_opens(qtbot, add_link)
    shortcut(window, "evidence_url")
    qtbot.waitUntil(lambda: bool(answered))
    back_in_window(qtbot, window)
    qtbot.waitUntil(lambda: len(project.evidence.list(claim.id)) == 1)

    # Export: the dialog opens on its file field; type the path, Enter exports.
    out = tmp_path / "claims.csv"  # the dialog's first format: a spreadsheet
    shortcut(window, "export")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    while focus() is not dialog.path:  # Tab round the dialog to the file field
        press(Key.Key_Tab)
    press(Key.Key_A, Mod.ControlModifier)
    type_text(str(out))
    press(Key.Key_Return)
    qtbot.waitUntil(out.exists, timeout=20_000)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    mine = [row for row in rows if "resident doctors' pay" in row.values()]
    assert len(mine) == 1 and "Vivek Trivedi" in mine[0].values()

    # Undo from the keyboard: the evidence link goes, the tags stay.
    # (From the text, not a text field, whose Ctrl+Z undoes its own typing.)
    back_in_window(qtbot, window)
    shortcut(window, "focus_reader")
    shortcut(window, "undo")
    qtbot.waitUntil(lambda: len(project.evidence.list(claim.id)) == 0)
    assert project.claims.get(claim.id).verdict == tagged.verdict


# -- names for assistive technology ---------------------------------------------------


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu()))
    return found


def test_every_menu_action_is_named_and_every_shortcut_is_unambiguous(window: MainWindow) -> None:
    bar = window.menuBar()
    seen: dict[str, str] = {}
    for top in bar.actions():
        assert "&" in top.text(), f"menu {top.text()!r} has no Alt+letter mnemonic"
        names_in_menu: list[str] = []
        for action in _menu_actions(top.menu()):
            text = action.text().replace("&", "").strip()
            assert text, f"an action in {top.text()!r} has no text"
            assert (action.toolTip() or action.statusTip()).strip(), text
            names_in_menu.append(text)
            for sequence in action.shortcuts():
                key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
                owner = f"{top.text()} > {text}"
                assert key not in seen, f"{key} is both {seen[key]} and {owner}"
                seen[key] = owner
        duplicates = {n for n in names_in_menu if names_in_menu.count(n) > 1}
        assert not duplicates, f"{top.text()!r} has two actions called {duplicates}"
    assert len(seen) >= 20


INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _has_name(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip() or id(widget) in buddies:
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return bool(widget.toolTip().strip())


def test_every_dock_and_input_has_an_accessible_name(window: MainWindow) -> None:
    docks = window.findChildren(QDockWidget)
    assert len(docks) >= 4
    for dock in docks:
        dock.show()  # some docks build their view when first shown (raised in their tab)
        dock.raise_()
    for dock in docks:
        assert dock.windowTitle().strip(), "a dock without a title"
        content = dock.widget()
        assert content is not None and (
            content.accessibleName().strip() or dock.windowTitle().strip()
        )
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy()}
    unnamed = [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in window.findChildren(QWidget)
        if isinstance(w, (*INPUTS, QAbstractButton))
        and not _is_internal(w)
        and not _has_name(w, buddies)
    ]
    assert unnamed == [], "\n".join(unnamed)


def _is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside an input (a combo's popup list, a spin box's editor, a
    line edit's clear button, a table's header) are announced with their owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, INPUTS):
            return True
        parent = parent.parentWidget()
    name = widget.objectName()
    return name.startswith("qt_") or type(widget).__name__ in ("QDockWidgetTitleButton",)
