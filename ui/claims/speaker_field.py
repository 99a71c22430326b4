"""Who said it: a text field with type-ahead over speakers' names and aliases.

Typing shows matching speakers (by name or alias, ranked by the service's
search); a name nobody has is offered as "Create speaker …" in the same list,
so a new speaker is made without leaving the claim. Return picks the first
choice; leaving the field without choosing puts back the claim's speaker.

One Enter is one choice: the completer's pick and the field's own Return
arrive for the same key press, so the second is ignored (creating the same
name twice would be refused as "already used").
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ui.shell.session import ProjectSession

CREATE_PREFIX = "➕ Create speaker: "
ALIAS_ARROW = " → "
SUGGESTIONS = 12


class SpeakerField(QLineEdit):
    chosen = Signal(object)  # speaker id, or None to clear the speaker
    create_requested = Signal(str)  # a new name

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current_name = ""
        self.setAccessibleName("Speaker")
        self.setPlaceholderText("Who said it? Type a name or alias…")
        self.setClearButtonEnabled(True)
        self._choices: dict[str, int | None] = {}
        self._picked = False  # a choice was made by this key press already
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.activated[str].connect(self._on_activated)  # type: ignore[index]
        self.setCompleter(self.completer_)
        self.textEdited.connect(self._suggest)
        self.returnPressed.connect(self._on_return)

    def show_name(self, name: str | None) -> None:
        self.current_name = name or ""
        self.setText(self.current_name)
        self.setCursorPosition(0)  # a long name shows its start, not "epartment of…"

    def suggestions(self) -> list[str]:
        return self._model.stringList()

    def _suggest(self, text: str) -> None:
        """Matching speakers for what is typed, and the offer to create a new one."""
        self._choices = {}
        typed = " ".join(text.split())
        speakers = self.session.project.speakers
        for speaker in speakers.search(typed, limit=SUGGESTIONS) if typed else []:
            self._choices[speaker.name] = speaker.id
            key = typed.casefold()
            for alias in speaker.aliases:
                if alias.casefold().startswith(key) and not speaker.name.casefold().startswith(key):
                    self._choices[f"{alias}{ALIAS_ARROW}{speaker.name}"] = speaker.id
        if typed and speakers.find(typed) is None:
            self._choices[f"{CREATE_PREFIX}{typed}"] = None
        self._model.setStringList(list(self._choices))
        if self._choices:
            self.completer_.complete()

    def _on_activated(self, text: str) -> None:
        self._picked = True
        QTimer.singleShot(0, self._forget_pick)
        self._pick(text)

    def _forget_pick(self) -> None:
        self._picked = False

    def _on_return(self) -> None:
        if self._picked:
            return
        typed = " ".join(self.text().split())
        if typed.startswith(CREATE_PREFIX.strip()):
            self.create_requested.emit(typed.removeprefix(CREATE_PREFIX.strip()).strip())
            return
        if not typed:
            self.chosen.emit(None)
            return
        found = self.session.project.speakers.find(typed)
        if found is not None:
            self.chosen.emit(found.id)
        elif typed in self._choices:
            self._pick(typed)
        else:
            self.create_requested.emit(typed)

    def _pick(self, text: str) -> None:
        if text.startswith(CREATE_PREFIX):
            self.create_requested.emit(text.removeprefix(CREATE_PREFIX))
            return
        speaker_id = self._choices.get(text)
        if speaker_id is None:
            found = self.session.project.speakers.find(text.split(ALIAS_ARROW)[0])
            speaker_id = None if found is None else found.id
        if speaker_id is not None:
            self.chosen.emit(speaker_id)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        popup = self.completer_.popup()
        if not (popup is not None and popup.isVisible()):
            self.setText(self.current_name)  # leaving without choosing changes nothing
