"""Frozen values the service hands to callers (CLI, GUI, exporters).

Callers never see database rows: they get these, so the storage can change
without touching the layers above.
"""

from __future__ import annotations

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
