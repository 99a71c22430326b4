"""The open project as the GUI sees it: the service, the undo stack, one signal.

Views never query after an edit on their own: an undo command calls the
project, then `notify(changes)`, and every view that cares repaints from the
Changes value, so redo and undo repaint the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.models import Changes
from annotator.project import Project


class ProjectSession(QObject):
    """The hub views talk through, so no widget needs to know another."""

    changed = Signal(object)  # Changes
    project_replaced = Signal()
    # The claim the user is working on (id) or None; panels and editors follow it.
    current_claim_changed = Signal(object)
    # Ask for an article to be shown, optionally scrolled to a claim: (article_id, claim_id | None).
    article_requested = Signal(int, object)
    # A short message for the status bar (an action that could not be done, and why).
    message = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.current_claim: int | None = None

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def set_current_claim(self, claim_id: int | None) -> None:
        if claim_id != self.current_claim:
            self.current_claim = claim_id
            self.current_claim_changed.emit(claim_id)

    def report(self, text: str) -> None:
        self.message.emit(text)

    def request_article(self, article_id: int, claim_id: int | None = None) -> None:
        self.article_requested.emit(article_id, claim_id)

    def replace(self, project: Project) -> None:
        """Switch to another project file: the old one is closed, history cleared."""
        old = self.project
        self.project = project
        self.undo_stack.clear()
        self.set_current_claim(None)
        old.close()
        self.project_replaced.emit()
