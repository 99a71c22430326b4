"""Deleting an article from the window: Edit > Delete article…, the library's
context menu, or Del in the library. One confirmation that says what goes with
it, then one undoable step (Edit > Undo puts back every row, ids included)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from annotator.models import ArticleDeletion
from ui.shell.undo import perform

if TYPE_CHECKING:
    from ui.shell.host import Host

DELETE_SHORTCUT = "Ctrl+Shift+Backspace"
# The question names the article in full unless its title is very long.
QUESTION_TITLE_CHARS = 120


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def confirmation(deletion: ArticleDeletion) -> tuple[str, str]:
    """The question and what it means, in the words of someone deciding."""
    title = " ".join(deletion.title.split())
    if len(title) > QUESTION_TITLE_CHARS:
        title = title[: QUESTION_TITLE_CHARS - 1] + "…"
    question = f"Delete the article “{title}”?"
    if deletion.claims:
        details = [
            f"Its {_count(deletion.claims, 'claim')} go with it, "
            "with their tags, figures, evidence links and claim links."
            if deletion.claims > 1
            else "Its claim goes with it, with its tags, figures, evidence links and claim links."
        ]
    else:
        details = ["It has no claims."]
    if deletion.passages:
        details.append(
            f"{_count(deletion.passages, 'passage')} quoted from it as evidence "
            f"{'goes' if deletion.passages == 1 else 'go'} too"
            + (
                f", taken from {_count(deletion.other_claims, 'claim')} in other articles."
                if deletion.other_claims
                else "."
            )
        )
    elif deletion.other_claims:
        details.append(
            f"{_count(deletion.other_claims, 'claim')} in other articles lose a link to it."
        )
    if deletion.revisions:
        details.append("Its newer revision will follow the version before it.")
    details.append("Edit > Undo brings everything back.")
    return question, " ".join(details)


def confirmation_of_several(deletions: list[ArticleDeletion]) -> tuple[str, str]:
    """One question for several articles, with what goes with them all together."""
    claims = sum(d.claims for d in deletions)
    passages = sum(d.passages for d in deletions)
    question = f"Delete {_count(len(deletions), 'article')}?"
    details = [
        f"Their {_count(claims, 'claim')} go with them, with their tags, figures, "
        "evidence links and claim links."
        if claims
        else "They have no claims."
    ]
    if passages:
        verb = "goes" if passages == 1 else "go"
        details.append(f"{_count(passages, 'passage')} quoted from them as evidence {verb} too.")
    details.append("Edit > Undo brings them all back in one step.")
    return question, " ".join(details)


def question_box(parent: QWidget, deletion: ArticleDeletion) -> tuple[QMessageBox, QAbstractButton]:
    """The confirmation and its Delete button; Cancel is the default, so a stray
    Enter after Del deletes nothing."""
    question, details = confirmation(deletion)
    return _box(parent, question, details)


def several_box(
    parent: QWidget, deletions: list[ArticleDeletion]
) -> tuple[QMessageBox, QAbstractButton]:
    return _box(parent, *confirmation_of_several(deletions))


def _box(parent: QWidget, question: str, details: str) -> tuple[QMessageBox, QAbstractButton]:
    box = QMessageBox(QMessageBox.Icon.Warning, "Delete article", question, parent=parent)
    box.setInformativeText(details)
    box.setAccessibleName("Delete article")
    delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, delete


def ask_to_delete(parent: QWidget, deletion: ArticleDeletion) -> bool:
    box, delete = question_box(parent, deletion)
    box.exec()
    return box.clickedButton() is delete


def ask_to_delete_several(parent: QWidget, deletions: list[ArticleDeletion]) -> bool:
    box, delete = several_box(parent, deletions)
    box.exec()
    return box.clickedButton() is delete


class ArticleActions(QObject):
    """Owns Edit > Delete article… and the library's Del key."""

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.window = host.window
        self.session = host.session
        action = host.add_action(
            "edit/article",
            "delete_article",
            "D&elete article…",
            self.delete_current,
            DELETE_SHORTCUT,
        )
        host.add_library_action(action)
        self.delete_key = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), host.library_table
        )
        self.delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_key.activated.connect(self.delete_current)

    def delete_current(self) -> bool:
        """Ask, then delete the articles the library has selected (else the one being read)."""
        chosen = self.host.selected_article_ids()
        if len(chosen) > 1:
            return self.delete_several(chosen)
        article_id = self.host.current_article_id()
        if article_id is None:
            self.host.status("Pick an article in the library first.", 4000)
            return False
        deletion = self.session.project.articles.deletion(article_id)
        if not ask_to_delete(self.window, deletion):
            return False
        done = perform(self.session, "delete_article", {"article_id": article_id})
        if done is None:
            return False
        if self.session.current_claim in done.changes.claims:
            self.session.set_current_claim(None)
        return True

    def delete_several(self, article_ids: list[int]) -> bool:
        """Several articles in one undoable step, after one question."""
        articles = self.session.project.articles
        deletions = [articles.deletion(article_id) for article_id in article_ids]
        if not ask_to_delete_several(self.window, deletions):
            return False
        done = perform(self.session, "delete_articles", {"article_ids": article_ids})
        if done is None:
            return False
        if self.session.current_claim in done.changes.claims:
            self.session.set_current_claim(None)
        return True
