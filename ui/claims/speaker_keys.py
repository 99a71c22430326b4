"""P in the text: the current claim gets the speaker of the claim before it.

Quotes from one person come in runs, so after M the speaker is usually the
one of the previous claim in the text. P gives it (and its side, when the
claim has none) through the claim form's own undoable edit, so selection to
a claim tagged with speaker, side and stance is three keys: M, P, a digit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from annotator.errors import NotFound
from annotator.models import Claim
from ui.shell.session import ProjectSession

if TYPE_CHECKING:
    from ui.claims.editor import ClaimEditor

PREVIOUS_SPEAKER_KEY = "P"


def previous_speaker(claims: list[Claim], claim: Claim) -> int | None:
    """The speaker of the nearest claim before `claim` in the text that has one,
    else of the last one after it (the text may have been marked out of order)."""
    with_speaker = [c for c in claims if c.speaker_id is not None and c.id != claim.id]
    if not with_speaker:
        return None
    where = claim.start if claim.start is not None else 0
    before = [c for c in with_speaker if c.start is not None and c.start <= where]
    if before:
        return max(before, key=lambda c: (c.start or 0, c.id)).speaker_id
    return max(with_speaker, key=lambda c: c.id).speaker_id


class SpeakerKeys(QObject):
    def __init__(self, session: ProjectSession, view: QWidget, editor: ClaimEditor) -> None:
        super().__init__(view)
        self.session = session
        self.editor = editor
        shortcut = QShortcut(QKeySequence(PREVIOUS_SPEAKER_KEY), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.use_previous)

    def use_previous(self) -> None:
        claim_id = self.session.current_claim
        if claim_id is None:
            self.session.report("Mark a claim first (M), then P gives it the previous speaker.")
            return
        try:
            claim = self.session.project.claims.get(claim_id)
        except NotFound:
            return
        speaker_id = previous_speaker(self.session.project.claims.list(claim.article_id), claim)
        if speaker_id is None:
            self.session.report("No claim before this one has a speaker yet.")
            return
        self.editor.set_speaker(speaker_id)
        name = self.session.project.speakers.get(speaker_id).name
        self.session.report(f"Speaker: {name}. 1/2/3 set the stance.")
