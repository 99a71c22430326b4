"""What the figures view shows, read and checked in one go (on any thread, no Qt).

Reading a subject's figures and running the arithmetic checks over them takes
tens of milliseconds on 10,000 claims (3,476 figures on one subject: ~65 ms).
Done on the GUI thread at every refresh while a job parsed new claims, it was
the window's longest freeze; the parsing job now calls read_figures() on its
own thread after the batches it commits, with what the view last asked for
(`Asked`, a frozen value the GUI thread replaces), and the view only puts the
rows in. With no job running the view calls it itself, as before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.models import Quantity
from annotator.project import Project

if TYPE_CHECKING:
    from annotator.figures.arithmetic import Finding

ALL_SUBJECTS = "(all subjects)"
# "a five-day strike", "48 hours": lengths of time, hidden unless asked for, so the
# pay and price figures are not crowded out.
DURATION_UNITS = frozenset({"hour", "day", "week", "month", "year", "decade"})
Row = tuple[Quantity, dict[str, Any]]


@dataclass(frozen=True)
class Asked:
    """The view's state that decides what it shows: the subject in its box (and how
    many the box offers), whether it follows the main subject, whether the user picked
    one, whether durations are shown."""

    current: str = ""
    offered: int = 0
    following: bool = False
    picked: bool = False
    durations: bool = False


@dataclass
class Figures:
    """One read: the subjects for the box, the one chosen, its rows (in the table's
    order) and the checks on them, each figure's own by its id."""

    asked: Asked
    subjects: list[tuple[str, int]]
    chosen: str
    rows: list[Row]
    found: list[Finding]
    per_quantity: dict[int, list[Finding]] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)


def pick_subject(subjects: list[tuple[str, int]], asked: Asked) -> str:
    """The subject to show: the one in the box, else (or while following, until the
    user picks one) the subject with the most figures once related ones join it."""
    names = [name for name, _ in subjects]
    current = asked.current
    # "(all subjects)" is kept only when the user could have picked another;
    # a view first filled before any figure existed picks the main subject.
    kept_all = current == ALL_SUBJECTS and asked.offered > 1
    if (current not in names and not kept_all) or (asked.following and not asked.picked):
        if not names:
            return ALL_SUBJECTS
        from annotator.figures.arithmetic import same_subject  # (not needed to open the view)

        # The subject with the most figures once "pay" joins "resident doctors' pay".
        group = {n: sum(c for m, c in subjects if same_subject(n, m)) for n in names}
        current = max(names, key=lambda n: (group[n], len(n)))
    return current


def read_figures(project: Project, asked: Asked) -> Figures:
    """The chosen subject's figures in the table's order, with the checks on them."""
    from annotator.figures.arithmetic import check_claim, check_figures, same_subject

    subjects = project.quantities.subjects()
    chosen = pick_subject(subjects, asked)
    names = None  # read only the chosen subject's figures: a third of 10,000, say
    if chosen != ALL_SUBJECTS:
        names = [name for name, _ in subjects if same_subject(name, chosen)]
    rows = project.compare.figures(parse=False, subjects=names)
    if not asked.durations:
        rows = [(q, info) for q, info in rows if q.unit not in DURATION_UNITS]
    by_claim: dict[int, list[Quantity]] = defaultdict(list)
    for q, _ in rows:
        by_claim[int(q.claim_id or 0)].append(q)
    found = [f for qs in by_claim.values() for f in check_claim(qs)]
    found += check_figures([q for q, _ in rows])
    per_quantity: dict[int, list[Finding]] = defaultdict(list)
    for finding in found:
        for quantity_id in finding.quantity_ids:
            per_quantity[quantity_id].append(finding)
    colours = {e.name: e.colour for e in project.codebook.entries("side")}
    return Figures(asked, subjects, chosen, rows, found, dict(per_quantity), colours)
