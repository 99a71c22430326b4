"""The evidence panel's forms: the dialogs that add evidence to a claim or change a link.

Each dialog's submit makes one service call and pushes its undo command; the
panel mixes these in so the widget module keeps to showing, removing and following.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtWidgets import QWidget

from annotator.errors import AnnotatorError
from annotator.history import steps
from annotator.history.kinds_evidence import added
from annotator.models import CLAIM_RELATIONS, Attach, ClaimLink, Evidence, EvidenceLink
from ui.evidence import dialogs
from ui.evidence.table import Entry
from ui.shell.session import ProjectSession
from ui.shell.undo import push_done, record, refusal

SelectionSource = Callable[[], "tuple[int, int, int] | None"]


class EvidenceForms:
    """Add and edit dialogs of EvidencePanel (which provides the attributes below)."""

    session: ProjectSession
    claim_id: int | None
    selection_source: SelectionSource
    message: Any  # Signal(str)
    datasets_wanted: Any  # Signal()
    selected: Callable[[], Entry | None]

    def _host(self) -> QWidget:
        """The panel this mixin is part of, as the dialogs' parent widget."""
        return cast(QWidget, self)

    def _need_claim(self) -> int | None:
        if self.claim_id is None:
            self.message.emit("Select a claim first: evidence is always linked to a claim.")
        return self.claim_id

    def _attach(self, dialog: dialogs.EvidenceDialog) -> Attach:
        assert self.claim_id is not None
        return Attach(self.claim_id, dialog.chosen_relation(), dialog.note.text())

    def _submit_item(self, make: Callable[[], Evidence]) -> str | None:
        claims = [self.claim_id] if self.claim_id is not None else []
        try:
            record(self.session, "add_evidence", lambda: added(make(), claims))
        except AnnotatorError as exc:
            return str(exc)
        return None

    def url_dialog(self) -> dialogs.EvidenceDialog:
        dialog = dialogs.url_dialog(self._host())
        ev = self.session.project.evidence
        dialog.submit = lambda d: self._submit_item(
            lambda: ev.add_url(
                d.text("url"),
                d.text("title"),
                d.text("accessed").strip() or None,
                d.text("archived").strip() or None,
                attach=self._attach(d),
            )
        )
        return dialog

    def statistic_dialog(self) -> dialogs.EvidenceDialog:
        dialog = dialogs.statistic_dialog(self._host())
        ev = self.session.project.evidence
        dialog.submit = lambda d: self._submit_item(
            lambda: ev.add_statistic(
                d.text("measure"),
                d.text("value"),
                d.text("unit"),
                d.text("period"),
                d.text("source"),
                d.text("citation"),
                attach=self._attach(d),
            )
        )
        return dialog

    def note_dialog(self) -> dialogs.EvidenceDialog:
        dialog = dialogs.note_dialog(self._host())
        ev = self.session.project.evidence
        dialog.submit = lambda d: self._submit_item(
            lambda: ev.add_note(d.text("text"), attach=self._attach(d))
        )
        return dialog

    def document_dialog(self, path: str = "") -> dialogs.EvidenceDialog:
        dialog = dialogs.document_dialog(self._host(), path)
        ev = self.session.project.evidence

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            if not d.text("file").strip():
                return "Choose a file to attach."
            return self._submit_item(
                lambda: ev.add_document(
                    Path(d.text("file").strip()), d.text("title"), attach=self._attach(d)
                )
            )

        dialog.submit = submit
        return dialog

    def span_dialog(self) -> tuple[dialogs.EvidenceDialog, dialogs.SpanPicker]:
        dialog, picker = dialogs.span_dialog(self.session, self._host())
        selection = self.selection_source()
        if selection is not None:
            picker.choose(*selection)
        ev = self.session.project.evidence

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            article, span = picker.article_id(), picker.span()
            if article is None or span is None:
                return "Select the passage in the article text."
            return self._submit_item(
                lambda: ev.add_article_span(article, *span, attach=self._attach(d))
            )

        dialog.submit = submit
        return dialog, picker

    def existing_dialog(self) -> tuple[dialogs.EvidenceDialog, dialogs.ItemChooser]:
        assert self.claim_id is not None
        dialog, chooser = dialogs.existing_dialog(self.session, self.claim_id, self._host())

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            evidence_id = chooser.chosen()
            if evidence_id is None or self.claim_id is None:
                return "Pick an evidence item."
            payload = {"claim_id": self.claim_id, "evidence_id": evidence_id,
                       "relation": d.chosen_relation(), "note": d.note.text()}  # fmt: skip
            return refusal(self.session, "link_evidence", payload)

        dialog.submit = submit
        return dialog, chooser

    def claim_link_dialog(self) -> tuple[dialogs.EvidenceDialog, dialogs.ItemChooser]:
        assert self.claim_id is not None
        dialog, chooser = dialogs.claim_link_dialog(self.session, self.claim_id, self._host())

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            other = chooser.chosen()
            if other is None or self.claim_id is None:
                return "Pick the other claim."
            payload = {"from_claim": self.claim_id, "to_claim": other,
                       "relation": d.chosen_relation(), "note": d.note.text()}  # fmt: skip
            return refusal(self.session, "add_claim_link", payload)

        dialog.submit = submit
        return dialog, chooser

    def add_url(self) -> None:
        if self._need_claim() is not None:
            self.url_dialog().exec()

    def add_statistic(self) -> None:
        if self._need_claim() is not None:
            self.statistic_dialog().exec()

    def add_note(self) -> None:
        if self._need_claim() is not None:
            self.note_dialog().exec()

    def add_document(self, path: str = "") -> None:
        if self._need_claim() is not None:
            self.document_dialog(path).exec()

    def add_span(self) -> None:
        if self._need_claim() is not None:
            self.span_dialog()[0].exec()

    def add_dataset_rows(self) -> None:
        """Rows are picked in the datasets dock, then pinned from there."""
        if self._need_claim() is not None:
            self.datasets_wanted.emit()
            self.message.emit("Select rows in the dataset, then press “Pin rows to claim…”")

    def add_existing(self) -> None:
        if self._need_claim() is not None:
            self.existing_dialog()[0].exec()

    def add_claim_link(self) -> None:
        if self._need_claim() is not None:
            self.claim_link_dialog()[0].exec()

    # -- editing and removing --------------------------------------------------------
    def edit_dialog(self, entry: Entry | None = None) -> dialogs.EvidenceDialog | None:
        entry = entry or self.selected()
        if entry is None:
            return None
        if isinstance(entry, ClaimLink):
            dialog = dialogs.relation_dialog(
                "Change the claim link", self._host(), CLAIM_RELATIONS, entry.relation, entry.note
            )

            def submit_claim(d: dialogs.EvidenceDialog) -> str | None:
                payload = {"link_id": entry.id, "new": [d.chosen_relation(), d.note.text()]}
                return refusal(self.session, "edit_claim_link", payload)

            dialog.submit = submit_claim
            return dialog
        if entry.evidence.kind == "url":
            return self._web_link_dialog(entry)
        dialog = dialogs.relation_dialog(
            "Change the link", self._host(), relation=entry.relation, note=entry.note
        )

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            payload = {"claim_id": entry.claim_id, "evidence_id": entry.evidence.id,
                       "new": [d.chosen_relation(), d.note.text()]}  # fmt: skip
            return refusal(self.session, "edit_evidence_link", payload)

        dialog.submit = submit
        return dialog

    def _web_link_dialog(self, entry: EvidenceLink) -> dialogs.EvidenceDialog:
        """A web link's own fields (address, title, dates) with its link to the claim:
        what changed is saved as one undoable step."""
        item: Evidence = entry.evidence
        dialog = dialogs.url_dialog(self._host())
        dialog.setWindowTitle("Edit the web link")
        dialog.setAccessibleName("Edit the web link")
        dialog.set_text("url", item.url or "")
        dialog.set_text("title", item.title)
        dialog.set_text("accessed", item.accessed_at or "")
        dialog.set_text("archived", item.archived_url or "")
        dialog.set_relation(entry.relation)
        dialog.note.setText(entry.note)

        def submit(d: dialogs.EvidenceDialog) -> str | None:
            wanted = {
                "url": d.text("url").strip(),
                "title": d.text("title").strip(),
                "accessed_at": d.text("accessed").strip() or None,
                "archived_url": d.text("archived").strip() or None,
            }
            if not wanted["url"]:
                return "A web link needs its address."
            fields = {k: v for k, v in wanted.items() if v != getattr(item, k)}
            link = [d.chosen_relation(), d.note.text()]
            relinked = link != [entry.relation, entry.note]
            edit = {"evidence_id": item.id, "new": fields}
            relink = {"claim_id": entry.claim_id, "evidence_id": item.id, "new": link}
            if not fields and not relinked:
                return None
            if not relinked:
                return refusal(self.session, "edit_evidence", edit)
            if not fields:
                return refusal(self.session, "edit_evidence_link", relink)

            def build(batch: steps.Batch) -> None:
                batch.do("edit_evidence", edit)
                batch.do("edit_evidence_link", relink)

            try:
                label = f"Edit web link {wanted['title'] or wanted['url']}"
                push_done(self.session, steps.do_many(self.session.project, label, build))
            except AnnotatorError as exc:
                return str(exc)
            return None

        dialog.submit = submit
        return dialog
