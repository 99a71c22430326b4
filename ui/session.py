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
    changed = Signal(object)  # Changes
    project_replaced = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def replace(self, project: Project) -> None:
        """Switch to another project file: the old one is closed, history cleared."""
        old = self.project
        self.project = project
        self.undo_stack.clear()
        old.close()
        self.project_replaced.emit()
