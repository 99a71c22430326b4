"""Frozen values the service hands to callers (CLI, GUI, exporters).

Callers never see database rows: they get these, so the storage can change
without touching the layers above.

Each model's module is imported when one of its names is first asked for
(PEP 562): the window's first paint needs the articles and changes, not the
evidence, datasets or figures models (frozen dataclasses cost start-up
~2-4 ms a module, issue 19).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.models.articles import (
        Article,
        ArticleDeletion,
        ArticleListing,
        ArticleSnapshot,
        ArticleSummary,
        DiffSpan,
        ImportedArticle,
        ImportOutcome,
    )
    from annotator.models.changes import Changes
    from annotator.models.claims import CLAIM_RELATIONS, Claim, ClaimLink, ClaimSnapshot
    from annotator.models.codebook import VocabEntry, VocabSnapshot
    from annotator.models.datasets import Dataset, DatasetColumn, Snapshot
    from annotator.models.evidence import (
        EVIDENCE_KINDS,
        EVIDENCE_RELATIONS,
        Attach,
        Evidence,
        EvidenceLink,
    )
    from annotator.models.figures import Quantity
    from annotator.models.speakers import MergeRecord, Speaker, SpeakerRole, SpeakerSnapshot

# name -> the module that defines it
_HOME = {
    "Article": "annotator.models.articles",
    "ArticleDeletion": "annotator.models.articles",
    "ArticleListing": "annotator.models.articles",
    "ArticleSnapshot": "annotator.models.articles",
    "ArticleSummary": "annotator.models.articles",
    "DiffSpan": "annotator.models.articles",
    "ImportedArticle": "annotator.models.articles",
    "ImportOutcome": "annotator.models.articles",
    "Changes": "annotator.models.changes",
    "CLAIM_RELATIONS": "annotator.models.claims",
    "Claim": "annotator.models.claims",
    "ClaimLink": "annotator.models.claims",
    "ClaimSnapshot": "annotator.models.claims",
    "VocabEntry": "annotator.models.codebook",
    "VocabSnapshot": "annotator.models.codebook",
    "Dataset": "annotator.models.datasets",
    "DatasetColumn": "annotator.models.datasets",
    "Snapshot": "annotator.models.datasets",
    "EVIDENCE_KINDS": "annotator.models.evidence",
    "EVIDENCE_RELATIONS": "annotator.models.evidence",
    "Attach": "annotator.models.evidence",
    "Evidence": "annotator.models.evidence",
    "EvidenceLink": "annotator.models.evidence",
    "Quantity": "annotator.models.figures",
    "MergeRecord": "annotator.models.speakers",
    "Speaker": "annotator.models.speakers",
    "SpeakerRole": "annotator.models.speakers",
    "SpeakerSnapshot": "annotator.models.speakers",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # asked once: the next lookup is a plain global
    return value


__all__ = [
    "CLAIM_RELATIONS",
    "EVIDENCE_KINDS",
    "EVIDENCE_RELATIONS",
    "Article",
    "ArticleDeletion",
    "ArticleListing",
    "ArticleSnapshot",
    "ArticleSummary",
    "Attach",
    "Changes",
    "Claim",
    "ClaimLink",
    "ClaimSnapshot",
    "Dataset",
    "DatasetColumn",
    "DiffSpan",
    "Evidence",
    "EvidenceLink",
    "ImportOutcome",
    "ImportedArticle",
    "MergeRecord",
    "Quantity",
    "Snapshot",
    "Speaker",
    "SpeakerRole",
    "SpeakerSnapshot",
    "VocabEntry",
    "VocabSnapshot",
]
