"""Keys that select whole sentences and clauses in a reader pane.

Selecting a claim by hand took dozens of Shift+arrow presses. With the text
focused: "." selects the sentence at the cursor, "," the clause; with a
selection already made, "." grows it by the next sentence and "," by the next
clause. The keys are bound to the (read-only) text only, so they never
intrude on typing anywhere else. Boundaries come from annotator.text.sentences
on the canonical text; the view's TextMap converts at the edge.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from annotator.text.sentences import clause_at, extend, sentence_at
from ui.reader.offsets import TextMap

SENTENCE_KEY = "."
CLAUSE_KEY = ","


class SelectionKeys(QObject):
    """Binds the sentence and clause keys to one reader view."""

    def __init__(self, view: QPlainTextEdit, text_map: Callable[[], TextMap]) -> None:
        super().__init__(view)
        self.view = view
        self.text_map = text_map  # the view's current map (it changes with the article)
        for key, unit in ((SENTENCE_KEY, "sentence"), (CLAUSE_KEY, "clause")):
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda u=unit: self.select(u))

    def select(self, unit: str) -> None:
        """The unit at the cursor, or the selection grown by the next one."""
        text_map = self.text_map()
        text = text_map.text
        if not text:
            return
        cursor = self.view.textCursor()
        if cursor.hasSelection():
            start, end = text_map.span_from_display(cursor.selectionStart(), cursor.selectionEnd())
            start, end = extend(text, start, end, unit)
        else:
            position = text_map.from_display(cursor.position())
            start, end = (sentence_at if unit == "sentence" else clause_at)(text, position)
        if end <= start:
            return
        display_start, display_end = text_map.span_to_display(start, end)
        cursor.setPosition(display_start)
        cursor.setPosition(display_end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
