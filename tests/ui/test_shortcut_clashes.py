"""No two enabled actions anywhere in the main window answer the same keys.

Qt resolves an ambiguous shortcut by doing nothing (and printing a warning
no user sees), so a clash silently kills both actions. Menus are not the only
owners: docks, toolbars and views add actions of their own, so this walks
every QAction the window owns, after every lazily built dock is built.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from ui.shell.main_window import MainWindow

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _scope(action: QAction) -> str:
    """Where the shortcut is live: the whole window, or one widget (and its children)."""
    if action.shortcutContext() in WINDOW_WIDE:
        return "window"
    owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
    owner = owners[0] if owners else action.parent()
    return f"widget {type(owner).__name__}#{id(owner)}"


def clashes(window: MainWindow) -> list[str]:
    seen: dict[tuple[str, str], str] = {}
    found: list[str] = []
    for action in window.findChildren(QAction):
        if not action.isEnabled():
            continue
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if not keys:
                continue
            name = action.text().replace("&", "") or action.objectName() or "?"
            slot = (_scope(action), keys)
            if slot in seen and seen[slot] != name:
                found.append(f"{keys}: {seen[slot]!r} and {name!r}")
            seen.setdefault(slot, name)
    return found


def test_no_two_enabled_actions_share_a_shortcut(window: MainWindow) -> None:
    for dock in window.findChildren(QDockWidget):
        dock.show()  # docks built on first show add their actions then
        dock.raise_()
    assert len(window.findChildren(QAction)) >= 20
    assert clashes(window) == []


def test_a_clash_in_a_dock_is_found(window: MainWindow) -> None:
    """The walk sees actions outside the menus (a test that cannot fail is no test)."""
    taken = window.actions["mark_claim"].shortcut()
    extra = QAction("Something else", window.findChildren(QDockWidget)[0])
    extra.setShortcut(taken)
    assert any("Something else" in c for c in clashes(window))
