"""Kind-keyed undo actions: what each history row does forward and back, without Qt.

A history row names its kind; the kind's `Action` knows the one or two service
calls that redo and undo it, and returns the `Changes` it made together with
the payload the next step needs (a deleted claim's snapshot, say). The GUI's
one undo command and `annotator undo` both call these, so an edit undoes the
same way from the window, from the command line and after reopening.
Each kind lives in the module of its noun (`kinds_claims`, `kinds_evidence`,
...); `ACTIONS` is filled when those modules are imported (`annotator.history.steps`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from annotator.errors import AnnotatorError
from annotator.models import Changes

if TYPE_CHECKING:
    from annotator.articles.service import ArticleManager
    from annotator.backups.service import BackupManager
    from annotator.claims.links import LinkManager
    from annotator.claims.service import ClaimManager
    from annotator.codebook.service import Codebook
    from annotator.compare.matches import MatchManager
    from annotator.datasets.service import DatasetManager
    from annotator.evidence.service import EvidenceManager
    from annotator.exchange.merge import MergeManager
    from annotator.figures.service import QuantityManager
    from annotator.history.service import HistoryManager
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase

Payload = dict[str, Any]

# How much of a quote or title a label shows ("Mark claim “The union…”").
LABEL_CHARS = 40


def short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def quoted(text: str) -> str:
    return f"“{short(text)}”"


class Services(Protocol):
    """The managers the actions call; `Project` is one (read-only: actions never rebind)."""

    @property
    def db(self) -> ProjectDatabase: ...
    @property
    def history(self) -> HistoryManager: ...
    @property
    def articles(self) -> ArticleManager: ...
    @property
    def claims(self) -> ClaimManager: ...
    @property
    def links(self) -> LinkManager: ...
    @property
    def matches(self) -> MatchManager: ...
    @property
    def evidence(self) -> EvidenceManager: ...
    @property
    def datasets(self) -> DatasetManager: ...
    @property
    def quantities(self) -> QuantityManager: ...
    @property
    def speakers(self) -> SpeakerManager: ...
    @property
    def codebook(self) -> Codebook: ...
    @property
    def backups(self) -> BackupManager: ...
    @property
    def merge(self) -> MergeManager: ...


class CannotApply(AnnotatorError):
    """An undo or redo the project no longer allows (the row went meanwhile); nothing changed."""


@dataclass(frozen=True)
class Step:
    """What one step changed, the payload the step after it needs, and maybe a better label.

    `result` is what the service returned on the first run (a merge's report,
    a new claim), for the caller to show; it is never stored.
    """

    changes: Changes
    payload: Payload
    label: str = ""
    result: Any = field(default=None, compare=False)


@dataclass(frozen=True)
class Action:
    """One kind of edit: `apply` does (or redoes) it, `revert` undoes it.

    The first `apply` gets the arguments the caller gave (say article and span
    for a mark) and returns a payload completed with what the service decided
    (the claim's id); later steps get the payload the step before returned.
    """

    kind: str
    apply: Callable[[Services, Payload], Step]
    revert: Callable[[Services, Payload], Step]
    doc: str = field(default="", compare=False)


ACTIONS: dict[str, Action] = {}

StepFn = Callable[[Services, Payload], Step]


def action(kind: str, apply: StepFn, revert: StepFn, doc: str = "") -> Action:
    """Register a kind; a second registration of one kind is a programming error."""
    if kind in ACTIONS:
        raise ValueError(f"undo kind {kind!r} registered twice")
    found = Action(kind, apply, revert, doc)
    ACTIONS[kind] = found
    return found


def edit_action(kind: str, step: Callable[[Services, Payload, str], Step], doc: str = "") -> Action:
    """Register an edit whose payload keeps the values before and after ("old", "new").

    One function does both directions: applying writes p["new"], reverting p["old"].
    """
    return action(kind, lambda s, p: step(s, p, "new"), lambda s, p: step(s, p, "old"), doc)
