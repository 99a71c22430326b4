"""Documents and datasets a merge brings: matched by content hash or name, else added whole."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from annotator.clock import new_uid, now_iso
from db import datasets as dataset_q
from db import exchange as q

if TYPE_CHECKING:
    from annotator.exchange.mergers.report import MergeReport
    from db.projectfile.connection import ProjectDatabase


def merge_documents(
    db: ProjectDatabase, documents: list[dict[str, Any]], report: MergeReport
) -> dict[str, int]:
    """Documents by content hash: one already here is reused; incoming sha256 -> row id."""
    ids: dict[str, int] = {}
    for d in documents:
        sha = hashlib.sha256(d["data"]).hexdigest()
        found = q.document_by_sha(db, sha)
        if found is None:
            found = q.insert_document(
                db,
                {
                    "sha256": sha,
                    "name": d["name"],
                    "media_type": d["media_type"],
                    "size": len(d["data"]),
                    "data": d["data"],
                },
            )
            report.record_added("documents", "documents", found)
        else:
            report.existing["documents"] += 1
        ids[d["sha256"]] = found
    return ids


def merge_dataset(db: ProjectDatabase, d: dict[str, Any], report: MergeReport) -> None:
    """A dataset by name: one already here is kept as it is, a new one gets its table."""
    if q.dataset_by_name(db, d["name"]) is not None:
        report.existing["datasets"] += 1
        return
    dataset_id = dataset_q.insert_meta(
        db,
        {
            "name": d["name"],
            "table_name": f"pending_{new_uid()}",
            "source_name": d.get("source_name"),
            "imported_at": d.get("imported_at") or now_iso(),
            "row_count": 0,
            "columns": "[]",
            "encoding": d.get("encoding"),
            "delimiter": d.get("delimiter"),
        },
    )
    table = dataset_q.table_name(dataset_id)
    columns = [
        {"name": c["name"], "column": dataset_q.column_name(i), "type": c["type"]}
        for i, c in enumerate(d["columns"], start=1)
    ]
    dataset_q.create_table(db, table, [(c["column"], c["type"]) for c in columns])
    rows = [(n, *values) for n, values in enumerate(d["rows"], start=1)]
    dataset_q.insert_rows(db, table, [c["column"] for c in columns], rows)
    dataset_q.update_meta(db, dataset_id, table, len(rows), json.dumps(columns))
    report.record_added("datasets", "datasets", dataset_id)
