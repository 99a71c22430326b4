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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from annotator.models import Quantity

WARNING, NOTE = "warning", "note"
# What decides whether two figures on one basis clash: direction, value, qualifier.
Kind = tuple[str | None, float, str | None]
# Figures of one sign, unit, baseline and subject, for the notes on different baselines.
Group = tuple[str | None, str | None, str, tuple[object, ...] | None, str | None]
# Each subject with the subjects it is one with (same_subject).
Related = dict[str | None, list[str | None]]
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
    return _label(q, q.period)


def _label(q: Quantity, period: str | None) -> str:
    when = period or (f"on {q.base_year}" if q.base_year else "no period")
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
    """basis_label() with the period's wording normalised, so one baseline is one key
    (a copy of the figure with its period replaced cost as much as the whole check)."""
    return _label(q, period_key(q.period))


def _basis_class(q: Quantity) -> tuple[object, ...] | None:
    """Figures of one class are on the same basis: the same base year (else the same
    period), measure and cash/real; None for a figure stating neither year nor period,
    which shares its basis with no other."""
    if q.base_year is not None:
        return ("year", q.base_year, q.measure, q.basis)
    period = period_key(q.period)
    return None if period is None else ("period", period, q.measure, q.basis)


def _values_can_agree(a: Quantity, b: Quantity) -> bool:
    if close(a.value, b.value) or "between" in (a.qualifier, b.qualifier):
        return True
    low, high = (a, b) if a.value <= b.value else (b, a)
    return low.qualifier in AT_LEAST or high.qualifier in AT_MOST


def _clash(a: Quantity, b: Quantity) -> bool:
    """Two figures on the same basis that cannot both hold."""
    return a.direction != b.direction or not _values_can_agree(a, b)


def _from_another_claim(found: Sequence[Quantity], claim_id: int | None) -> Quantity | None:
    return next((q for q in found if q.claim_id != claim_id), None)


def _related(subjects: Iterable[str | None]) -> Related:
    """Each subject with the subjects it is one with (a few dozen names: all pairs is cheap)."""
    names = list(dict.fromkeys(subjects))
    return {a: [b for b in names if same_subject(a, b)] for a in names}


def _likely_clashes(kind: Kind, ways: dict[str | None, list[Kind]]) -> Iterator[Kind]:
    """The kinds of figure on one basis, those most likely to clash with `kind` first:
    the other direction's, then its own direction's from the furthest values in, so a
    figure that clashes at all is usually caught within a few comparisons."""
    for way, kinds in ways.items():
        if way != kind[0]:
            yield from kinds
    same = ways.get(kind[0], [])
    low, high = 0, len(same) - 1
    while low <= high:
        yield (
            same[high] if abs(same[high][1] - kind[1]) >= abs(same[low][1] - kind[1]) else same[low]
        )
        if abs(same[high][1] - kind[1]) >= abs(same[low][1] - kind[1]):
            high -= 1
        else:
            low += 1


def _incompatible(
    changes: Sequence[Quantity], related: Related, position: dict[int, int]
) -> list[Finding]:
    """One warning per basis with figures that cannot all hold.

    Comparing every pair was quadratic in figures and findings (3,476 figures on
    one subject: 20 s and 93,852 warnings). Here figures are grouped by unit and
    basis, then by what decides a clash (direction, value, qualifier), so each
    figure is compared with the kinds of figure beside it, not with every other.
    """
    buckets: dict[tuple[object, ...], dict[Kind, dict[str | None, list[Quantity]]]] = {}
    for q in changes:
        basis = _basis_class(q)
        if basis is not None:
            kinds = buckets.setdefault((q.unit, basis), {})
            kinds.setdefault((q.direction, q.value, q.qualifier), {}).setdefault(
                q.subject, []
            ).append(q)
    findings = []
    for kinds in buckets.values():
        one = {k: next(iter(by_subject.values()))[0] for k, by_subject in kinds.items()}
        ways: dict[str | None, list[Kind]] = {}
        for k in kinds:
            ways.setdefault(k[0], []).append(k)
        for same in ways.values():
            same.sort(key=lambda k: k[1])
        caught: dict[int, tuple[Quantity, Quantity]] = {}  # position -> (figure, a clashing one)
        for kind, by_subject in kinds.items():
            for figures in by_subject.values():
                for q in figures:
                    other = next(
                        (
                            found
                            for o in _likely_clashes(kind, ways)
                            if _clash(one[kind], one[o])
                            for subject in related[q.subject]
                            if (found := _from_another_claim(kinds[o].get(subject, ()), q.claim_id))
                        ),
                        None,
                    )
                    if other is not None:
                        caught[position[id(q)]] = (q, other)
        if not caught:
            continue
        a, b = sorted(caught[min(caught)], key=lambda f: position[id(f)])
        shown = [q for _, (q, _o) in sorted(caught.items())]
        message = (
            f"On the same basis ({basis_label(a)}) “{a.words or fmt(a.value)}” ({a.direction}) "
            f"and “{b.words or fmt(b.value)}” ({b.direction}) cannot both hold."
        )
        if len(shown) > 2:
            message += f" {len(shown)} figures on this basis disagree with one another."
        findings.append(Finding("incompatible", WARNING, message, _ids(*shown), _claims(*shown)))
    return findings


def _baselines(
    changes: Sequence[Quantity], related: Related, position: dict[int, int]
) -> list[Finding]:
    """One note per pair of baselines (a rise on one, a fall on the other), with an example.

    Figures are grouped by unit, baseline and subject; a pair of groups holds a
    rise and a fall measuring different things when some two of them come from
    different claims. Notes are capped at MAX_BASELINE_NOTES, in the order their
    first pair appears among the figures.
    """
    groups: dict[Group, list[Quantity]] = {}
    for q in changes:
        if q.direction in ("rise", "fall"):
            group = (q.direction, q.unit, _basis_key(q), _basis_class(q), q.subject)
            groups.setdefault(group, []).append(q)
    # Up to two claims of each group: one other than a figure's own is then at hand.
    claims = {id(g): list(dict.fromkeys(q.claim_id for q in g))[:2] for g in groups.values()}
    rises = [(k, g) for k, g in groups.items() if k[0] == "rise"]
    falls = [(k, g) for k, g in groups.items() if k[0] == "fall"]
    pairs: list[tuple[list[int], tuple[str, str], tuple[Quantity, Quantity], list[Quantity],
                      list[Quantity]]] = []  # fmt: skip
    for (_r, unit, rise_key, rise_class, subject), rise in rises:
        for (_f, fall_unit, fall_key, fall_class, fall_subject), fall in falls:
            if unit != fall_unit or fall_subject not in related[subject]:
                continue
            if rise_class is not None and rise_class == fall_class:
                continue  # the same basis: a clash, warned about above
            one = next(((r, f) for r in rise if (f := _from_another_claim(fall, r.claim_id))), None)
            if one is None:
                continue
            first = sorted(position[id(q)] for q in one)
            pairs.append((first, (rise_key, fall_key), one, rise, fall))
    pairs.sort(key=lambda p: p[0])
    notes: dict[tuple[str, str], tuple[str, dict[int, Quantity]]] = {}
    done: set[tuple[tuple[str, str], int]] = set()  # (note, group) with every figure counted
    for _first, key, (rise_q, fall_q), rise, fall in pairs:
        if key not in notes:
            if len(notes) >= MAX_BASELINE_NOTES:
                continue
            notes[key] = (
                f"Different baselines: the rise “{rise_q.words or fmt(rise_q.value)}” "
                f"({basis_label(rise_q)}) and the fall “{fall_q.words or fmt(fall_q.value)}” "
                f"({basis_label(fall_q)}) measure different things; both can be true.",
                {},
            )
        involved = notes[key][1]
        for mine, theirs in ((rise, fall), (fall, rise)):
            if (key, id(mine)) in done:
                continue
            others = claims[id(theirs)]
            if len(others) > 1:
                done.add((key, id(mine)))  # two claims over there: every one here differs from one
            for q in mine:
                if len(others) > 1 or others[0] != q.claim_id:
                    involved[position[id(q)]] = q
    return [
        Finding("different-basis", NOTE, message, _ids(*(q for _, q in sorted(found.items()))),
                _claims(*(q for _, q in sorted(found.items()))))
        for message, found in notes.values()
    ]  # fmt: skip


def check_figures(quantities: Sequence[Quantity]) -> list[Finding]:
    """Checks across claims on one subject: restoration between claims, figures that
    cannot both hold on one basis, rises and falls that measure different things."""
    position = {id(q): n for n, q in enumerate(quantities)}
    findings: list[Finding] = []
    related = _related(q.subject for q in quantities)
    rises_by_year: dict[int, list[Quantity]] = {}
    for q in quantities:
        if q.unit == "%" and q.direction == "rise" and q.base_year is not None:
            rises_by_year.setdefault(q.base_year, []).append(q)
    for fall in quantities:
        if fall.unit != "%" or fall.direction != "fall" or fall.base_year is None:
            continue
        rises = [r for r in rises_by_year.get(fall.base_year, ())
                 if r.claim_id != fall.claim_id and same_subject(r.subject, fall.subject)]  # fmt: skip
        findings.extend(_restoration([fall], rises, standalone=False))
    changes = [q for q in quantities if q.direction is not None and q.unit is not None]
    findings += _incompatible(changes, related, position)
    findings += _baselines(changes, related, position)
    return findings
