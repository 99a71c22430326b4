"""The form for the current claim: statement, speaker, side, stance, verdict, topics,
status, note, and the published fact-check's URL (a ClaimReview's url).

Every change the user makes is one undoable edit_claim step; the form itself only
shows the claim and is refilled from `session.changed`, so undo shows in it
too. Free text (statement, note) is committed when the field loses focus or
on Ctrl+Return, not at every keystroke, so one edit is one undo step.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.claims.service import STATUSES
from annotator.errors import NotFound
from annotator.history.steps import Batch
from annotator.models import Changes, Claim
from annotator.publisher import PublisherError, web_url
from ui.claims.side_prompt import SidePrompt
from ui.claims.speaker_field import SpeakerField
from ui.reader.colours import swatch
from ui.shell.session import ProjectSession
from ui.shell.undo import perform, perform_many
from ui.widgets.steady_label import SteadyLabel

TAG_KINDS = ("side", "stance", "verdict")
TOOLTIP = Qt.ItemDataRole.ToolTipRole
NONE_LABEL = "—"
TEXT_FIELD_LINES = 3


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that reports its value when the user is done with it."""

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab and Shift+Tab walk the form as in every other field; Ctrl+Tab
        # types a tab character for the rare note that needs one.
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control:
            self.committed.emit(self.toPlainText())
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Ctrl+Tab would otherwise go to the window's focus chain before keyPressEvent.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.insertPlainText("\t")
            return True
        return super().event(event)


class ClaimEditor(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim: Claim | None = None
        self._filling = False

        # Wrapped and rich, yet showing another claim does not re-lay out the form.
        self.title = SteadyLabel(self)
        self.title.label.setAccessibleName("Current claim")
        self.statement = CommitTextEdit(self)
        self.statement.setAccessibleName("Statement")
        self.statement.setPlaceholderText("The claim in your words (defaults to the quote)")
        self.statement.committed.connect(lambda text: self.edit("statement", text))
        self.speaker = SpeakerField(session, self)
        self.speaker.chosen.connect(self.set_speaker)
        self.speaker.create_requested.connect(self.create_speaker)
        self.side_prompt = SidePrompt(session, self)
        self.side_prompt.side_chosen.connect(self.set_speaker_side)
        self.side_prompt.closed.connect(lambda: self.speaker.setFocus())
        self.combos: dict[str, QComboBox] = {}
        for kind in TAG_KINDS:
            combo = QComboBox(self)
            combo.setAccessibleName(kind.capitalize())
            combo.activated.connect(lambda _i, k=kind: self._on_combo(k))
            combo.currentIndexChanged.connect(lambda _i, k=kind: self._explain(k))
            self.combos[kind] = combo
        # What the chosen stance means, under it: "for" alone does not say for what.
        self.stance_help = QLabel(self)
        self.stance_help.setWordWrap(True)
        self.stance_help.setAccessibleName("What the stance means")
        self.stance_help.setStyleSheet("color: palette(placeholder-text);")
        self.status = QComboBox(self)
        self.status.setAccessibleName("Status")
        self.status.addItems(list(STATUSES))
        self.status.activated.connect(lambda _i: self.edit("status", self.status.currentText()))
        self.topics = QListWidget(self)
        self.topics.setAccessibleName("Topics")
        self.topics.itemChanged.connect(self._on_topic)
        self.note = CommitTextEdit(self)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Where to check it, what is missing…")
        self.note.committed.connect(lambda text: self.edit("note", text))
        self.review_url = QLineEdit(self)
        self.review_url.setAccessibleName("Review URL")
        self.review_url.setPlaceholderText("https://… the published fact-check (ClaimReview url)")
        self.review_url.editingFinished.connect(self._on_review_url)
        self.review_problem = QLabel(self)
        self.review_problem.setAccessibleName("Review URL problem")
        self.review_problem.setStyleSheet("color: #a00")
        self.review_problem.setWordWrap(True)
        self.review_problem.hide()
        for box in (self.statement, self.note):
            line = box.fontMetrics().lineSpacing()
            box.setFixedHeight(line * TEXT_FIELD_LINES + 12)

        self.form = QFormLayout()
        self.form.addRow("Statement", self.statement)
        self.form.addRow("Speaker", self.speaker)
        self.form.addRow("", self.side_prompt)
        for kind in TAG_KINDS:
            self.form.addRow(kind.capitalize(), self.combos[kind])
            if kind == "stance":
                self.form.addRow("", self.stance_help)
        self.form.addRow("Topics", self.topics)
        self.form.addRow("Status", self.status)
        self.form.addRow("Note", self.note)
        self.form.addRow("Review URL", self.review_url)
        self.form.addRow("", self.review_problem)
        # Tab walks the fields in the order the form shows them.
        chain: list[QWidget] = [self.statement, self.speaker, self.side_prompt.sides]
        chain += [*(self.combos[k] for k in TAG_KINDS), self.topics, self.status, self.note]
        chain.append(self.review_url)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addStretch(1)

        session.current_claim_changed.connect(self.show_claim)
        session.changed.connect(self._on_changed)
        session.project_replaced.connect(self._fill_choices)
        self._fill_choices()
        self.show_claim(session.current_claim)

    # -- filling ---------------------------------------------------------------
    def _fill_choices(self) -> None:
        """Combo and topic choices from the codebook (after it changes)."""
        self._filling = True
        codebook = self.session.project.codebook
        for kind, combo in self.combos.items():
            combo.clear()
            combo.addItem(NONE_LABEL, None)
            lines = []
            for n, entry in enumerate(codebook.entries(kind), start=1):
                combo.addItem(swatch(entry.colour), entry.name, entry.id)
                if entry.description:
                    combo.setItemData(combo.count() - 1, entry.description, TOOLTIP)
                    lines.append(f"{n} {entry.name}: {entry.description}")
            keys = "1, 2, 3… in the text" if kind == "stance" else "Ctrl+1, 2, 3…"
            combo.setToolTip("\n".join([*lines, f"Keys: {keys}"]) if lines else "")
        self.topics.clear()
        for entry in codebook.entries("topic"):
            item = QListWidgetItem(swatch(entry.colour), entry.name)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topics.addItem(item)
        self._filling = False
        self.show_claim(self.session.current_claim)

    def show_claim(self, claim_id: object) -> None:
        claim = None
        if isinstance(claim_id, int):
            try:
                claim = self.session.project.claims.get(claim_id)
            except NotFound:
                claim = None
        # Refilling the same claim (after a quick key, say) must not wipe what
        # the user is typing in a text field that has not been saved yet.
        typing = claim is not None and self.claim is not None and claim.id == self.claim.id
        self.claim = claim
        self._filling = True
        try:
            self._fill(claim, keep_focused=typing)
        finally:
            self._filling = False

    def _fill(self, claim: Claim | None, keep_focused: bool = False) -> None:
        widgets = (
            self.statement,
            self.speaker,
            self.status,
            self.topics,
            self.note,
            self.review_url,
        )
        self.review_problem.hide()
        for widget in (*widgets, *self.combos.values()):
            widget.setEnabled(claim is not None)
        if claim is None:
            self.title.setText("No claim selected. Select words in the text and press M.")
            self.statement.setPlainText("")
            self.note.setPlainText("")
            self.review_url.setText("")
            self.speaker.show_name(None)
            return
        where = (
            f"characters {claim.start:,}–{claim.end:,}" if claim.start is not None else "not placed"
        )
        self.title.setText(f"<b>Claim {claim.id}</b> · {where} · anchor {claim.anchor}")
        for box, value in ((self.statement, claim.statement), (self.note, claim.note)):
            if box.toPlainText() != value and not (keep_focused and box.hasFocus()):
                box.setPlainText(value)
        # Typing not yet saved is kept; a saved value (then undone, say) is shown again.
        if not (keep_focused and self.review_url.hasFocus() and self.review_url.isModified()):
            self.review_url.setText(claim.review_url or "")
        if not self.speaker.hasFocus():
            self.speaker.show_name(claim.speaker)
        for kind, combo in self.combos.items():
            index = combo.findData(getattr(claim, f"{kind}_id"))
            combo.setCurrentIndex(max(0, index))
        self.status.setCurrentText(claim.status)
        chosen = set(self.session.project.claims.topic_ids(claim.id))
        for row in range(self.topics.count()):
            item = self.topics.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.everything:
            self._fill_choices()
        elif self.claim is not None and (self.claim.id in changes.claims or changes.speakers):
            self.show_claim(self.claim.id)

    # -- editing -----------------------------------------------------------------
    def edit(self, field: str, value: Any) -> None:
        """One undoable change of one field of the current claim (nothing if unchanged)."""
        if self._filling or self.claim is None:
            return
        current = (
            self.session.project.claims.topic_ids(self.claim.id)
            if field == "topic_ids"
            else getattr(self.claim, field)
        )
        if field == "topic_ids":
            current, value = sorted(current), sorted(value)
        if value == current:
            return
        perform(self.session, "edit_claim", {"claim_id": self.claim.id, "new": {field: value}})

    def _on_review_url(self) -> None:
        """Saved when it is a web address (or cleared); otherwise said why, and kept to fix."""
        if self._filling or self.claim is None:
            return
        text = self.review_url.text().strip()
        try:
            value = web_url(text, "review URL") if text else None
        except PublisherError as exc:
            self.review_problem.setText(str(exc))
            self.review_problem.show()
            return
        self.review_problem.hide()
        self.review_url.setModified(False)  # saved: no longer typing of the user's own
        self.edit("review_url", value)

    def set_speaker(self, speaker_id: int | None) -> None:
        """Who said it; a claim with no side yet takes the speaker's side."""
        if self.claim is not None and speaker_id is not None:
            self.speaker.current_name = self.session.project.speakers.get(speaker_id).name
        if self.claim is None or speaker_id == self.claim.speaker_id:
            self.speaker.show_name(self.claim.speaker if self.claim else None)
            return
        fields: dict[str, Any] = {"speaker_id": speaker_id}
        name = "none"
        if speaker_id is not None:
            speaker = self.session.project.speakers.get(speaker_id)
            name = speaker.name
            if self.claim.side_id is None and speaker.side_id is not None:
                fields["side_id"] = speaker.side_id
        label = f"Set speaker “{name}” on claim {self.claim.id}"
        perform(self.session, "edit_claim", {"claim_id": self.claim.id, "new": fields}, label)

    def create_speaker(self, name: str) -> None:
        """A new speaker made in place and given to the claim: one undo step.

        Then the form asks for the new speaker's side inline. A name that
        exists already (typed again, or a second Enter) picks that speaker.
        """
        if self.claim is None:
            return
        existing = self.session.project.speakers.find(name)
        if existing is not None:
            self.set_speaker(existing.id)
            self.speaker.show_name(existing.name)
            return
        claim = self.claim

        def build(batch: Batch) -> None:
            made = batch.do("create_speaker", {"fields": {"name": name}})
            new: dict[str, Any] = {"speaker_id": made.payload["speaker_id"]}
            speaker = self.session.project.speakers.get(new["speaker_id"])
            if claim.side_id is None and speaker.side_id is not None:
                new["side_id"] = speaker.side_id
            batch.do("edit_claim", {"claim_id": claim.id, "new": new})

        perform_many(self.session, f"New speaker “{name}” for claim {claim.id}", build)
        self.show_claim(self.claim.id if self.claim else None)
        made = self.session.project.speakers.find(name)
        if made is not None:
            self.speaker.show_name(made.name)
            if made.side_id is None and self.session.project.codebook.entries("side"):
                self.side_prompt.ask(made.id, made.name)

    def set_speaker_side(self, speaker_id: int, side_id: int) -> None:
        """The side answered inline: the speaker's, and the claim's if it has none."""
        speaker = self.session.project.speakers.get(speaker_id)
        side = self.session.project.codebook.get(side_id).name
        claim = self.claim

        def build(batch: Batch) -> None:
            batch.do("edit_speaker", {"speaker_id": speaker_id, "new": {"side_id": side_id}})
            if claim is not None and claim.speaker_id == speaker_id and claim.side_id is None:
                batch.do("edit_claim", {"claim_id": claim.id, "new": {"side_id": side_id}})

        perform_many(self.session, f"Side “{side}” for {speaker.name}", build)

    def _explain(self, kind: str) -> None:
        """The help line under the stance says what the chosen one means."""
        if kind != "stance":
            return
        combo = self.combos[kind]
        meaning = combo.itemData(combo.currentIndex(), TOOLTIP)
        self.stance_help.setText(
            str(meaning) if meaning else "The claim's position on the dispute (keys 1, 2, 3…)"
        )

    def _on_combo(self, kind: str) -> None:
        self.edit(f"{kind}_id", self.combos[kind].currentData())

    def _on_topic(self, _item: QListWidgetItem) -> None:
        if self._filling:
            return
        chosen = [
            self.topics.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.topics.count())
            if self.topics.item(row).checkState() == Qt.CheckState.Checked
        ]
        self.edit("topic_ids", chosen)
