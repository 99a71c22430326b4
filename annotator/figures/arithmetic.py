"""Arithmetic checks on figures: the traps both sides of a pay dispute fall into.

- Restoration asymmetry: a fall of x% needs a rise of x/(1-x) to make it good,
  so a 26% cut needs a ~35% rise, not 26%.
- Per cent confused with percentage points: 2% to 4% is 2 points, or 100%.
- A real-terms figure with no base year or no inflation measure cannot be checked.
- Figures on the same subject that cannot both hold on the same basis, and
  figures that only seem to disagree because they measure different things.

Pure functions over Quantity values; messages are sentences a checker can paste.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from annotator.models import Quantity

WARNING, NOTE = "warning", "note"
# Two figures agree when within this many units or this share of the larger one:
# news rounds "28.9%" to "almost 29%" and "close to 30%".
ABSOLUTE_TOLERANCE = 1.0
RELATIVE_TOLERANCE = 0.05
# Below this gap between x and x/(1-x) the asymmetry is not worth a note.
ASYMMETRY_FLOOR = 1.0
# Notes on different baselines are capped so a busy subject stays readable.
MAX_BASELINE_NOTES = 12
APPROXIMATE = frozenset({"between", "around", "about", "roughly", "nearly", "almost",
                         "approximately", "some", "close to", "nearer", "somewhere around"})  # fmt: skip
AT_LEAST = frozenset({"more than", "over", "at least", "upwards of", "in excess of", "above"})
AT_MOST = frozenset({"less than", "up to", "under", "below", "at most", "fewer than"})


@dataclass(frozen=True)
class Finding:
    kind: str  # restoration | percent-points | real-without-base | incompatible | different-basis
    severity: str  # warning | note
    message: str
    quantity_ids: tuple[int, ...] = ()
    claim_ids: tuple[int, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "quantities": list(self.quantity_ids),
            "claims": list(self.claim_ids),
        }


def restoring_rise(fall: float) -> float:
    """The rise (%) that makes good a fall of `fall` %: x / (1 - x)."""
    if not 0 < fall < 100:
        raise ValueError(f"a fall must be between 0 and 100 per cent, not {fall}")
    return 100 * fall / (100 - fall)


def close(a: float, b: float) -> bool:
    return abs(a - b) <= max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * max(abs(a), abs(b)))


def fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else f"{value:,.0f}"


def _ids(*quantities: Quantity) -> tuple[int, ...]:
    return tuple(q.id for q in quantities if q.id is not None)


def _claims(*quantities: Quantity) -> tuple[int, ...]:
    return tuple(dict.fromkeys(q.claim_id for q in quantities if q.claim_id is not None))


def basis_label(q: Quantity) -> str:
    """'since 2008, RPI, real': the baseline a figure is measured on, in words."""
    when = q.period or (f"on {q.base_year}" if q.base_year else "no period")
    parts = [when, q.measure or "", q.basis or ""]
    return ", ".join(p for p in parts if p)


# -- one claim ---------------------------------------------------------------------
def _restoration(
    falls: Sequence[Quantity], rises: Sequence[Quantity], standalone: bool = True
) -> list[Finding]:
    findings = []
    for fall in falls:
        if not 0 < fall.value < 100:
            continue
        needed = restoring_rise(fall.value)
        if needed - fall.value < ASYMMETRY_FLOOR:
            continue
        comparable = [r for r in rises if r.base_year in (None, fall.base_year)]
        matched = next((r for r in comparable if close(r.value, needed)), None)
        naive = next((r for r in comparable if abs(r.value - fall.value) < 0.5), None)
        if matched is not None:
            findings.append(Finding("restoration", NOTE,
                f"Consistent: a {fmt(fall.value)}% fall needs a {fmt(needed)}% rise to restore, "
                f"and the {fmt(matched.value)}% rise stated matches.", _ids(fall, matched),
                _claims(fall, matched)))  # fmt: skip
        elif naive is not None:
            findings.append(Finding("restoration", WARNING,
                f"Restoration asymmetry: a {fmt(fall.value)}% fall needs a {fmt(needed)}% rise "
                f"to restore, not {fmt(naive.value)}%.", _ids(fall, naive), _claims(fall, naive)))  # fmt: skip
        elif standalone:
            findings.append(Finding("restoration", NOTE,
                f"Restoring a {fmt(fall.value)}% fall takes a {fmt(needed)}% rise "
                f"(a fall of x needs a rise of x/(1-x)).", _ids(fall), _claims(fall)))  # fmt: skip
    return findings


def _points(quantities: Sequence[Quantity]) -> list[Finding]:
    levels = [
        q for q in quantities if q.unit == "%" and q.direction is None and q.qualifier != "between"
    ]
    changes = [q for q in quantities if q.unit in ("%", "pp") and q.direction is not None]
    findings = []
    for first, second in itertools.pairwise(levels):
        if first.value == 0:
            continue
        points = abs(second.value - first.value)
        relative = 100 * points / first.value
        if close(points, relative):
            continue
        for change in changes:
            wrong = (change.unit == "%" and close(change.value, points)) or (
                change.unit == "pp" and close(change.value, relative)
            )
            if wrong:
                findings.append(Finding("percent-points", WARNING,
                    f"From {fmt(first.value)}% to {fmt(second.value)}% is {fmt(points)} percentage "
                    f"points, or {fmt(relative)}% in relative terms; “{change.words or fmt(change.value)}” "
                    "mixes the two.", _ids(first, second, change), _claims(change)))  # fmt: skip
    for change in changes:
        subject = (change.subject or "").lower()
        if change.unit == "%" and ("rate" in subject or subject == "inflation") and not findings:
            findings.append(Finding("percent-points", NOTE,
                f"“{change.words or fmt(change.value)}” is a change in a rate: check whether it is "
                "per cent or percentage points.", _ids(change), _claims(change)))  # fmt: skip
    return findings


def _real_without_base(quantities: Sequence[Quantity]) -> list[Finding]:
    findings = []
    for q in quantities:
        if q.basis != "real":
            continue
        missing = []
        if q.base_year is None and q.period is None:
            missing.append("a base year")
        if q.measure is None:
            missing.append("an inflation measure (RPI, CPI, CPIH)")
        if missing:
            findings.append(Finding("real-without-base", WARNING,
                f"“{q.words or fmt(q.value)}” is in real terms but gives no "
                f"{' and no '.join(m.removeprefix('a ').removeprefix('an ') for m in missing)}: "
                "it cannot be checked as it stands.", _ids(q), _claims(q)))  # fmt: skip
    return findings


def check_claim(quantities: Sequence[Quantity]) -> list[Finding]:
    """Checks within one claim's figures."""
    falls = [q for q in quantities if q.unit == "%" and q.direction == "fall"]
    rises = [q for q in quantities if q.unit == "%" and q.direction == "rise"]
    return [*_restoration(falls, rises), *_points(quantities), *_real_without_base(quantities)]


# -- across claims -------------------------------------------------------------------
def same_subject(a: str | None, b: str | None) -> bool:
    """'pay', "resident doctors' pay" and 'resident doctors' are one subject (a head
    or a who named alone); unnamed subjects match nothing."""
    if not a or not b:
        return False
    a, b = a.lower().strip(), b.lower().strip()
    if a == b:
        return True
    return any(x.endswith(f" {y}") or x.startswith(f"{y}'") for x, y in ((a, b), (b, a)))


PERIOD_FILLER = frozenset({"over", "in", "across", "during", "within", "for", "the", "last", "past",
                           "previous"})  # fmt: skip


def period_key(period: str | None) -> str | None:
    """'over the last three years', 'in three years' -> 'three years': one period, worded twice."""
    if period is None:
        return None
    words = period.lower().split()
    while words and words[0] in PERIOD_FILLER:
        words.pop(0)
    return " ".join(words) or None


def _basis_key(q: Quantity) -> str:
    """basis_label() with the period's wording normalised, so one baseline is one key."""
    return basis_label(replace(q, period=period_key(q.period)))


def _same_basis(a: Quantity, b: Quantity) -> bool:
    if a.base_year is not None or b.base_year is not None:
        when = a.base_year == b.base_year
    else:
        when = a.period is not None and period_key(a.period) == period_key(b.period)
    return when and a.measure == b.measure and a.basis == b.basis


def _values_can_agree(a: Quantity, b: Quantity) -> bool:
    if close(a.value, b.value) or "between" in (a.qualifier, b.qualifier):
        return True
    low, high = (a, b) if a.value <= b.value else (b, a)
    return low.qualifier in AT_LEAST or high.qualifier in AT_MOST


def check_figures(quantities: Sequence[Quantity]) -> list[Finding]:
    """Checks across claims on one subject."""
    findings: list[Finding] = []
    for fall in quantities:
        if fall.unit != "%" or fall.direction != "fall" or fall.base_year is None:
            continue
        rises = [r for r in quantities if r.unit == "%" and r.direction == "rise"
                 and r.claim_id != fall.claim_id and r.base_year == fall.base_year
                 and same_subject(r.subject, fall.subject)]  # fmt: skip
        findings.extend(_restoration([fall], rises, standalone=False))
    # One note per pair of baselines (a rise on one, a fall on the other), with an example.
    baselines: dict[tuple[str, str], tuple[list[int], list[int], str]] = {}
    changes = [q for q in quantities if q.direction is not None and q.unit is not None]
    for a, b in itertools.combinations(changes, 2):
        if a.claim_id == b.claim_id or a.unit != b.unit or not same_subject(a.subject, b.subject):
            continue
        if _same_basis(a, b):
            if a.direction != b.direction or not _values_can_agree(a, b):
                findings.append(Finding("incompatible", WARNING,
                    f"On the same basis ({basis_label(a)}) “{a.words or fmt(a.value)}” ({a.direction}) "
                    f"and “{b.words or fmt(b.value)}” ({b.direction}) cannot both hold.",
                    _ids(a, b), _claims(a, b)))  # fmt: skip
            continue
        if a.direction == b.direction:
            continue  # the same way on different baselines: nothing seems to clash
        rise, fall = (a, b) if a.direction == "rise" else (b, a)
        key = (_basis_key(rise), _basis_key(fall))
        if key not in baselines and len(baselines) < MAX_BASELINE_NOTES:
            message = (
                f"Different baselines: the rise “{rise.words or fmt(rise.value)}” ({basis_label(rise)}) "
                f"and the fall “{fall.words or fmt(fall.value)}” ({basis_label(fall)}) measure "
                "different things; both can be true."
            )
            baselines[key] = ([], [], message)
        if key in baselines:
            baselines[key][0].extend(_ids(a, b))
            baselines[key][1].extend(_claims(a, b))
    for quantity_ids, claim_ids, message in baselines.values():
        findings.append(Finding("different-basis", NOTE, message, tuple(dict.fromkeys(quantity_ids)),
                                tuple(dict.fromkeys(claim_ids))))  # fmt: skip
    return findings
