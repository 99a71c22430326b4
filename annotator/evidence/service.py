"""Evidence: links, documents, figures, dataset rows, spans of articles, notes
(project.evidence), and their links to claims as supports / refutes / context.

Each add_* is one transaction; given `attach`, the new item is linked to a
claim in that same transaction, so one user action is one undo step. A URL is
stored as text and never fetched; a document is stored inside the project
with its SHA-256, so the project file stays the one thing to copy.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.anchoring.selectors import trim_span
from annotator.clock import new_uid, now_iso
from annotator.errors import NotFound
from annotator.evidence.statistic import parse_statistic
from annotator.evidence.values import EvidenceError, clean_url, evidence_from_row
from annotator.files import FileRefused, read_capped
from annotator.models import EVIDENCE_RELATIONS, Attach, Changes, Evidence, EvidenceLink, Snapshot
from annotator.models.evidence import EVIDENCE_COLUMNS, EVIDENCE_EDITABLE
from db import articles as article_q
from db import evidence as q

if TYPE_CHECKING:
    from annotator.claims.service import ClaimManager
    from annotator.datasets.service import DatasetManager
    from db.projectfile.connection import ProjectDatabase

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024


class EvidenceManager:
    def __init__(
        self,
        db: ProjectDatabase,
        claims: ClaimManager,
        datasets: Callable[[], DatasetManager],
    ) -> None:
        """`datasets` is asked for only when rows are pinned: the datasets
        manager (with its table readers) loads on first use."""
        self._db = db
        self._claims = claims
        self._datasets = datasets

    # -- reading -------------------------------------------------------------
    def get(self, evidence_id: int) -> Evidence:
        row = q.get(self._db, evidence_id)
        if row is None:
            raise NotFound(f"no evidence item with id {evidence_id}")
        return evidence_from_row(row)

    def items(self) -> list[Evidence]:
        """Every evidence item, linked to a claim or not."""
        return [evidence_from_row(r) for r in q.select(self._db)]

    def unlinked(self) -> list[Evidence]:
        ids = set(q.unlinked_ids(self._db))
        return [e for e in self.items() if e.id in ids]

    def list(self, claim_id: int | None = None) -> list[EvidenceLink]:
        """The evidence links of one claim (or of every claim), oldest first."""
        if claim_id is not None:
            self._claims.require(claim_id)
        links = q.links(self._db, claim_id)
        if not links:
            return []
        if claim_id is None:
            by_id = {e.id: e for e in self.items()}
        else:
            ids = sorted({r["evidence_id"] for r in links})
            marks = ", ".join("?" for _ in ids)
            by_id = {
                e.id: e
                for e in map(evidence_from_row, q.select(self._db, f"e.id IN ({marks})", ids))
            }
        return [
            EvidenceLink(
                id=r["id"],
                claim_id=r["claim_id"],
                relation=r["relation"],
                note=r["note"],
                evidence=by_id[r["evidence_id"]],
            )
            for r in links
        ]

    def get_link(self, claim_id: int, evidence_id: int) -> EvidenceLink:
        row = q.link_row(self._db, claim_id, evidence_id)
        if row is None:
            raise NotFound(f"evidence {evidence_id} is not linked to claim {claim_id}")
        return EvidenceLink(
            row["id"], claim_id, row["relation"], row["note"], self.get(evidence_id)
        )

    def document(self, evidence_id: int) -> tuple[str, bytes]:
        """The attached file's name and bytes, to write out and open."""
        item = self.get(evidence_id)
        if item.document_id is None:
            raise EvidenceError(f"evidence {evidence_id} is not a document")
        row = q.document_row(self._db, item.document_id)
        assert row is not None
        return str(row["name"]), bytes(row["data"])

    # -- making ----------------------------------------------------------------
    def _add(self, row: dict[str, Any], attach: Attach | None) -> Evidence:
        row = {"uid": new_uid(), "created_at": now_iso(), **row}
        if attach is not None:
            self._check_link(attach.claim_id, attach.relation)
        with self._db.atomic():
            if "document" in row:
                row["document_id"] = self._store_document(row.pop("document"))
            evidence_id = q.insert_evidence(self._db, row, EVIDENCE_COLUMNS)
            if attach is not None:
                q.insert_link(self._db, attach.claim_id, evidence_id, attach.relation, attach.note)
        return self.get(evidence_id)

    def add_url(
        self,
        url: str,
        title: str = "",
        accessed_at: str | None = None,
        archived_url: str | None = None,
        attach: Attach | None = None,
    ) -> Evidence:
        """A web page, stored as text (never fetched); accessed today unless told."""
        row = {
            "kind": "url",
            "url": clean_url(url),
            "title": title.strip(),
            "accessed_at": (accessed_at or now_iso()[:10]).strip(),
            "archived_url": clean_url(archived_url)
            if archived_url and archived_url.strip()
            else None,
        }
        return self._add(row, attach)

    def add_statistic(
        self,
        measure: str,
        value: str = "",
        unit: str = "",
        period: str = "",
        source: str = "",
        citation: str = "",
        attach: Attach | None = None,
    ) -> Evidence:
        if not measure.strip():
            raise EvidenceError("a statistic needs a measure (what is counted)")
        row = {
            "kind": "statistic",
            "title": measure.strip(),
            "value": value.strip() or None,
            "unit": unit.strip() or None,
            "period": period.strip() or None,
            "source": source.strip() or None,
            "citation": citation.strip() or None,
        }
        return self._add(row, attach)

    def add_statistic_text(self, text: str, attach: Attach | None = None) -> Evidence:
        """A statistic written as one line: "measure, period: value unit, source S"."""
        if not text.strip():
            raise EvidenceError("the statistic is empty")
        parts = parse_statistic(text)
        return self.add_statistic(
            parts.measure, parts.value, parts.unit, parts.period, parts.source, attach=attach
        )

    def add_note(self, text: str, attach: Attach | None = None) -> Evidence:
        if not text.strip():
            raise EvidenceError("the note is empty")
        return self._add({"kind": "note", "note": text.strip()}, attach)

    def add_document(
        self, path: Path | str, title: str = "", attach: Attach | None = None
    ) -> Evidence:
        """Attach a file into the project (at most 25 MB); the same bytes are stored once."""
        path = Path(path)
        try:
            data = read_capped(path, MAX_DOCUMENT_BYTES, "limit for an attached document")
        except FileRefused as exc:
            raise EvidenceError(f"{path}: {exc.reason}") from exc
        if not data:
            raise EvidenceError(f"{path}: is empty")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        document = {"name": path.name, "media_type": media_type, "size": len(data), "data": data}
        row = {"kind": "document", "title": title.strip() or path.name, "document": document}
        return self._add(row, attach)

    def _store_document(self, document: dict[str, Any]) -> int:
        sha = hashlib.sha256(document["data"]).hexdigest()
        existing = q.document_by_sha(self._db, sha)
        if existing is not None:
            return existing
        return q.insert_document(self._db, {**document, "sha256": sha})

    def add_dataset_rows(
        self, dataset: str, rows: builtins.list[int], attach: Attach | None = None
    ) -> Evidence:
        """Pin rows (counted from 1) of an imported dataset; their values are kept with the pin."""
        if not rows:
            raise EvidenceError("pick at least one row to pin")
        datasets = self._datasets()
        found = datasets.get(dataset)
        numbers = sorted(set(int(r) for r in rows))
        values = [datasets.row(dataset, n) for n in numbers]
        row = {
            "kind": "dataset",
            "dataset_id": found.id,
            "dataset_row": numbers[0],
            "dataset_rows": json.dumps(numbers),
            "quote": json.dumps(values, default=str, ensure_ascii=False),
        }
        return self._add(row, attach)

    def add_article_span(
        self, article_id: int, start: int, end: int, attach: Attach | None = None
    ) -> Evidence:
        """A passage of an article in the project (code points of its canonical text)."""
        text = article_q.text(self._db, article_id)
        if text is None:
            raise NotFound(f"no article with id {article_id}")
        if not (0 <= start < end <= len(text)):
            raise EvidenceError(
                f"span {start}-{end} is outside article {article_id} ({len(text)} characters)"
            )
        span = trim_span(text, start, end)
        if span is None:
            raise EvidenceError("the passage is only white space")
        row = {
            "kind": "article_span",
            "article_id": article_id,
            "start": span[0],
            "end": span[1],
            "quote": text[span[0] : span[1]],
        }
        return self._add(row, attach)

    # -- linking -----------------------------------------------------------------
    def _check_link(self, claim_id: int, relation: str) -> None:
        if relation not in EVIDENCE_RELATIONS:
            raise EvidenceError(
                f"unknown relation {relation!r} (use one of: {', '.join(EVIDENCE_RELATIONS)})"
            )
        self._claims.get(claim_id)

    def link(self, claim_id: int, evidence_id: int, relation: str, note: str = "") -> EvidenceLink:
        """Say an item supports, refutes or gives context to a claim (one item, many claims)."""
        self._check_link(claim_id, relation)
        self.get(evidence_id)
        if q.link_row(self._db, claim_id, evidence_id) is not None:
            raise EvidenceError(
                f"evidence {evidence_id} is already linked to claim {claim_id}; edit that link"
            )
        with self._db.atomic():
            q.insert_link(self._db, claim_id, evidence_id, relation, note.strip())
        return self.get_link(claim_id, evidence_id)

    def update_link(
        self, claim_id: int, evidence_id: int, relation: str, note: str
    ) -> EvidenceLink:
        self._check_link(claim_id, relation)
        link = self.get_link(claim_id, evidence_id)
        with self._db.atomic():
            q.update_link(self._db, link.id, relation, note.strip())
        return self.get_link(claim_id, evidence_id)

    def unlink(self, claim_id: int, evidence_id: int) -> Snapshot:
        """Remove one link (the item stays); the snapshot puts it back."""
        row = q.link_row(self._db, claim_id, evidence_id)
        if row is None:
            raise NotFound(f"evidence {evidence_id} is not linked to claim {claim_id}")
        with self._db.atomic():
            q.delete_link(self._db, row["id"])
        return {"claim_evidence": [row]}

    def restore_link(self, snapshot: Snapshot) -> EvidenceLink:
        row = snapshot["claim_evidence"][0]
        with self._db.atomic():
            q.insert_row(self._db, "claim_evidence", row)
        return self.get_link(row["claim_id"], row["evidence_id"])

    # -- changing and removing ---------------------------------------------------
    def update(self, evidence_id: int, **fields: Any) -> Evidence:
        item = self.get(evidence_id)
        if "url" in fields and item.kind == "url":
            fields["url"] = clean_url(fields["url"] or "")
        if fields.get("archived_url"):
            fields["archived_url"] = clean_url(fields["archived_url"])
        with self._db.atomic():
            q.update_evidence(self._db, evidence_id, fields, EVIDENCE_EDITABLE)
        return self.get(evidence_id)

    def delete(self, evidence_id: int) -> Snapshot:
        """Delete an item with its claim links (and its file when no other item shares it)."""
        self.get(evidence_id)
        with self._db.atomic():
            row = q.raw(self._db, evidence_id)
            assert row is not None
            snapshot: Snapshot = {
                "documents": [],
                "evidence": [row],
                "claim_evidence": q.links_of_evidence(self._db, evidence_id),
            }
            q.delete_evidence(self._db, evidence_id)
            document_id = row["document_id"]
            if document_id is not None and q.document_users(self._db, document_id) == 0:
                document = q.document_row(self._db, document_id)
                snapshot["documents"] = [document] if document else []
                q.delete_document(self._db, document_id)
        return snapshot

    def restore(self, snapshot: Snapshot) -> Evidence:
        """Put a deleted item back exactly: same id, links and file."""
        with self._db.atomic():
            for table in ("documents", "evidence", "claim_evidence"):
                for row in snapshot.get(table, []):
                    q.insert_row(self._db, table, row)
        return self.get(int(snapshot["evidence"][0]["id"]))

    @staticmethod
    def changes(*claim_ids: int) -> Changes:
        return Changes(evidence=True, claims=frozenset(claim_ids))
