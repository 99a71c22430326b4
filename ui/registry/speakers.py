"""The speaker registry: who speaks, in which role, for which side, under which names.

A table of speakers on the left, the picked one's details on the right. Every
change is one undoable command (Ctrl+Z works here as in the main window), and
the dialog refills itself from `session.changed`, so undo shows at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.history.steps import Done
from annotator.models import Changes, Speaker
from ui.reader.colours import swatch
from ui.shell.session import ProjectSession
from ui.shell.undo import perform, redo_step, undo_step

COLUMNS = ("Name", "Kind", "Role", "Organisation", "Side", "Aliases", "Claims")
# How the table names a kind; the ClaimReview types the author by it.
KIND_LABELS = {"person": "Person", "organisation": "Organisation"}
TEXT_FIELDS = ("name", "role", "organisation", "note")


class SpeakersDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Speakers")
        self.resize(1000, 560)
        self._filling = False
        self.speakers: list[Speaker] = []

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName("Speakers")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_a: self._show_details())

        buttons = QHBoxLayout()
        for text, slot in (
            ("&New speaker…", self.new_speaker),
            ("&Merge into…", self.merge),
            ("&Delete", self.delete),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addLayout(buttons)

        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setAccessibleName(name.capitalize())
            edit.editingFinished.connect(lambda n=name: self._edit_text(n))
            self.fields[name] = edit
            form.addRow(name.capitalize(), edit)
        self.side = QComboBox(self)
        self.side.setAccessibleName("Side")
        self.side.activated.connect(lambda _i: self._edit("side_id", self.side.currentData()))
        form.insertRow(3, "Side", self.side)
        # A person or an organisation: a ClaimReview names the BMA as an Organization.
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind")
        self.kind.addItem("Person", "person")
        self.kind.addItem("Organisation", "organisation")
        self.kind.activated.connect(lambda _i: self._edit("kind", self.kind.currentData()))
        form.insertRow(1, "Kind", self.kind)
        self.aliases = QListWidget(self)
        self.aliases.setAccessibleName("Aliases")
        self.alias_box = QLineEdit(self)
        self.alias_box.setAccessibleName("New alias")
        self.alias_box.setPlaceholderText(
            "Add an alias and press Return (e.g. the Health Secretary)"
        )
        self.alias_box.returnPressed.connect(self.add_alias)
        remove_alias = QPushButton("Remove alias", self)
        remove_alias.clicked.connect(self.remove_alias)
        form.addRow("Aliases", self.aliases)
        form.addRow("", self.alias_box)
        form.addRow("", remove_alias)
        self.roles = QListWidget(self)
        self.roles.setAccessibleName("Dated roles")
        add_role = QPushButton("Add dated role…", self)
        add_role.clicked.connect(self.add_role)
        form.addRow("Roles", self.roles)
        form.addRow("", add_role)
        right = QWidget(self)
        right.setLayout(form)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for keys, action in (
            ("Ctrl+Z", lambda: undo_step(session)),
            ("Ctrl+Shift+Z", lambda: redo_step(session)),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(action)
        session.changed.connect(self._on_changed)
        self.refresh()

    # -- showing -------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.speakers or changes.codebook or changes.everything or changes.claims:
            self.refresh()

    def refresh(self) -> None:
        project = self.session.project
        keep = self.current()
        self.speakers = project.speakers.list()
        counts = project.speakers.claim_counts()
        self._filling = True
        self.side.clear()
        self.side.addItem("—", None)
        for entry in project.codebook.entries("side"):
            self.side.addItem(swatch(entry.colour), entry.name, entry.id)
        self.table.setRowCount(len(self.speakers))
        for row, s in enumerate(self.speakers):
            values = (
                s.name,
                KIND_LABELS.get(s.kind, s.kind),
                s.role,
                s.organisation,
                s.side,
                ", ".join(s.aliases),
                str(counts.get(s.id, 0)),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value or ""))
        self._filling = False
        row = next((n for n, s in enumerate(self.speakers) if keep and s.id == keep.id), 0)
        if self.speakers:
            self.table.setCurrentCell(row, 0)
        self._show_details()

    def current(self) -> Speaker | None:
        row = self.table.currentRow()
        return self.speakers[row] if 0 <= row < len(self.speakers) else None

    def select(self, speaker_id: int) -> None:
        for row, s in enumerate(self.speakers):
            if s.id == speaker_id:
                self.table.setCurrentCell(row, 0)

    def _show_details(self) -> None:
        speaker = self.current()
        self._filling = True
        for name, edit in self.fields.items():
            edit.setText("" if speaker is None else getattr(speaker, name) or "")
            edit.setEnabled(speaker is not None)
        self.side.setCurrentIndex(max(0, self.side.findData(speaker.side_id if speaker else None)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(speaker.kind if speaker else "person")))
        self.kind.setEnabled(speaker is not None)
        self.aliases.clear()
        self.roles.clear()
        if speaker is not None:
            self.aliases.addItems(list(speaker.aliases))
            for r in speaker.roles:
                when = f"{r.valid_from or '…'} – {r.valid_to or '…'}"
                parts = [p for p in (r.role, r.organisation, r.side) if p]
                self.roles.addItem(f"{', '.join(parts)} ({when})")
        self._filling = False

    # -- editing -------------------------------------------------------------------
    def _push(self, kind: str, payload: dict[str, Any]) -> Done | None:
        done = perform(self.session, kind, payload)
        self._show_details()  # a refused edit shows the stored value again
        return done

    def _edit(self, field: str, value: object) -> None:
        speaker = self.current()
        if self._filling or speaker is None or getattr(speaker, field) == value:
            return
        self._push("edit_speaker", {"speaker_id": speaker.id, "new": {field: value}})

    def _edit_text(self, field: str) -> None:
        value: str | None = self.fields[field].text().strip()
        if field in ("role", "organisation"):
            value = value or None
        self._edit(field, value)

    def new_speaker(self) -> None:
        name, ok = QInputDialog.getText(self, "New speaker", "Name:")
        if ok and name.strip():
            done = self._push("create_speaker", {"fields": {"name": name}})
            if done is not None:
                self.select(int(done.entry.payload["speaker_id"]))

    def add_alias(self) -> None:
        speaker, alias = self.current(), self.alias_box.text().strip()
        if speaker is not None and alias:
            self._push("speaker_alias", {"speaker_id": speaker.id, "alias": alias, "add": True})
            self.alias_box.clear()

    def remove_alias(self) -> None:
        speaker, item = self.current(), self.aliases.currentItem()
        if speaker is not None and item is not None:
            self._push(
                "speaker_alias", {"speaker_id": speaker.id, "alias": item.text(), "add": False}
            )

    def add_role(self) -> None:
        speaker = self.current()
        if speaker is None:
            return
        text, ok = QInputDialog.getText(
            self,
            "Add dated role",
            "Role; organisation; from (YYYY-MM-DD); to (blank: still holds it):",
        )
        if not ok or not text.strip():
            return
        parts = [p.strip() or None for p in text.split(";")] + [None] * 4
        role = {
            "role": parts[0],
            "organisation": parts[1],
            "valid_from": parts[2],
            "valid_to": parts[3],
        }
        self._push("add_speaker_role", {"speaker_id": speaker.id, "role": role})

    def merge(self) -> None:
        drop = self.current()
        if drop is None:
            return
        others = [s for s in self.speakers if s.id != drop.id]
        if not others:
            QMessageBox.information(
                self, "Merge speakers", "There is no other speaker to merge into."
            )
            return
        names = [s.name for s in others]
        name, ok = QInputDialog.getItem(
            self,
            "Merge speakers",
            f"Merge “{drop.name}” into (keeps its claims and names):",
            names,
            0,
            False,
        )
        if ok:
            keep = others[names.index(name)]
            self._push("merge_speakers", {"keep_id": keep.id, "drop_id": drop.id})
            self.select(keep.id)

    def delete(self) -> None:
        speaker = self.current()
        if speaker is None:
            return
        uses = self.session.project.speakers.claim_counts().get(speaker.id, 0)
        if uses:
            answer = QMessageBox.question(
                self,
                "Delete speaker",
                f"“{speaker.name}” is the speaker of {uses} claim(s); they will have no speaker. "
                "Delete anyway? (Merge keeps them attributed.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._push("delete_speaker", {"speaker_id": speaker.id})
