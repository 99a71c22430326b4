"""What the words around a figure say: rise or fall, since when, measured how.

"21% less than in 2008 (RPI)" and "almost 29% in three years" can both be
true; they differ in baseline, period and measure, so those are read from
the sentence a figure sits in (the nearest cue wins) and kept beside it.
Pure functions on str, used by annotator.figures.parser.
"""

from __future__ import annotations

import re
from typing import Any

# How far (code points) either side of a figure its sentence is looked for:
# enough for a long news sentence, bounded so odd input stays linear.
SENTENCE_REACH = 320
# Direction cues further than this from the figure belong to another figure.
DIRECTION_REACH = 90
# A cue after the figure ("21% less") weighs this much more than one before it
# ("a rise of 26%"), because news wording names the change first.
AFTER_PENALTY = 1.5
COMPARATIVE_REACH = 30  # "a fifth less", "30% more": comparatives follow closely

YEAR = r"(?:19|20)\d\d"
NUMBER_WORDS = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|several|a few|a couple of)"
)
RISE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|grew|grow(?:s|n|th|ing)?|"
    r"gain(?:s|ed)?|boost(?:s|ed)?|uplifts?|rais(?:e|ed|es|ing)|hikes?|climb(?:s|ed|ing)?|"
    r"jump(?:s|ed)?|soar(?:s|ed|ing)?|doubled|extra|additional|restor(?:e|ed|ing|ation)|"
    r"win back|get back|"
    r"(?:gone|went|go|goes|going|is|are|was|were|been|be|moved|pushed|shot|edged)\s+up|"
    r"up\s+by|,\s*up(?!\s+from))\b",
    re.IGNORECASE,
)
FALL = re.compile(
    r"\b(?:fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|cut(?:s|ting)?|"
    r"shrink(?:s|ing)?|shrank|shrunk|erosion|erod(?:e|ed|es|ing)|behind|reduc(?:e|ed|es|ing|tion)|"
    r"lost|loss|losing|worse off|decreas(?:e|es|ed|ing)|slump(?:s|ed)?|plung(?:e|ed|es)|"
    r"squeez(?:e|ed)|poorer|"
    r"(?:gone|went|go|goes|is|are|was|were|been|come|came|edged)\s+down|down\s+by|"
    r",\s*down(?!\s+from))\b",
    re.IGNORECASE,
)
COMPARATIVE = re.compile(
    r"\b(?:(more|higher|bigger|larger|above)|(less|lower|fewer|smaller|below))\b", re.I
)
CLAUSE_BREAK = re.compile(
    r"\s[–—-]\s|,\s*(?:while|whereas|but|although|though|yet|and)\b|\b(?:but|while|whereas)\b"
)
# ", up 5%" and "up by 5%" describe the figure after them, never the one before
# ("165p a litre, up from 125p": the 165p is a level).
FORWARD_ONLY = re.compile(r",|(?:up|down)\b", re.IGNORECASE)
# A level named before "of": "a deficit of around £55 billion", "a budget of £2bn".
LEVEL_NOUN_OF = re.compile(
    r"\b(?:deficit|surplus|debt|budget|bill|costs?|total|salar(?:y|ies)|wages?|prices?|"
    r"income|borrowing|spending|value|worth|fund|package|sum|turnover|revenue|profits?|"
    r"balance|rate|fine|fees?|pension|investment|shortfall|overspend|gap|average|"
    r"payments?|bonus(?:es)?|grants?|"
    r"figure|level|tally|bill)\s+of\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "go up by an average of £123": the average is of the change, so the change word stands.
BY_AVERAGE = re.compile(r"\bby\s+(?:an?\s+|the\s+)?average\s+of\s+(?:\w+\s+){0,2}$", re.I)
# "annual growth in regular pay ... was 5.6%": a copula hands the change noun its figure
# however long the noun phrase between them.
COPULA_LEAD = re.compile(
    r"\b(?:was|were|is|are|stood\s+at|came\s+in\s+at|of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
CHANGE_NOUN = re.compile(
    r"\b(?:(growth|rise|increase|uplift|gain)|(fall|decline|drop|cut|reduction|loss))\b",
    re.IGNORECASE,
)

PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\bsince\s+(?:(?:the\s+)?(?:start|end)\s+of\s+)?(?:\w+\s+)?({YEAR})\b", re.I), "since"),
    (re.compile(rf"\b(?:from|between)\s+({YEAR})\s+(?:to|and|until)\s+({YEAR})\b", re.I), "span"),
    (re.compile(rf"\b({YEAR})\s*[-–/]\s*(\d\d)\b"), "fiscal"),
    (
        re.compile(
            rf"\b(?:over|in|across|during|within)\s+(?:the\s+)?(?:(?:last|past|previous|next|"
            rf"coming)\s+)?({NUMBER_WORDS})\s+(years?|months?|decades?|weeks?)\b",
            re.I,
        ),
        "length",
    ),
    (
        re.compile(r"\b(?:(?:over|in|during|across)\s+the\s+(?:last|past)\s+(?:year|month|week)"
                   r"|(?:this|last|next|each|every|per|a|an)\s+(?:year|month|week|day|hour)"
                   r"|per\s+annum|annually|a\s+year"
                   r"|(?:a|per|each)\s+(?:litre|gallon|kilo|kilogram|kg|pint|unit))\b", re.I),
        "plain",
    ),
)  # fmt: skip
BASE_YEAR = re.compile(
    rf"\b(?:than|compared\s+(?:with|to)|relative\s+to|against|back\s+to|before|versus|vs\.?|"
    rf"below|behind|on)\b[^.;\n]{{0,60}}?\b({YEAR})\b(?![-–/]\d)"
    rf"|\b({YEAR})\s+(?:levels?|pay|prices|terms|baseline|figures|value|rates?)\b",
    re.IGNORECASE,
)
MEASURE = re.compile(
    r"\b(CPIH|CPI|RPIJ|RPIX|RPI)\b|(retail\s+prices?\s+index)|(consumer\s+prices?\s+index)"
    r"|(GDP\s+deflator)",
    re.IGNORECASE,
)
MEASURE_NAMES = {2: "RPI", 3: "CPI", 4: "GDP deflator"}
REAL = re.compile(
    r"\breal[\s-]terms\b|\bin\s+real\s+terms\b|\bafter\s+inflation\b|\binflation[\s-]adjusted\b"
    r"|\badjusted\s+for\s+inflation\b|\b(?:factor|take|taking|account|allow|allowing)\b[^.;\n]{0,25}"
    r"\binflation\b|\binflation\b[^.;\n]{0,20}\btaken\s+into\s+account\b|\bin\s+today'?s\s+money\b"
    r"|\breal\s+(?:pay|wages|earnings|income|value)\b",
    re.IGNORECASE,
)
CASH = re.compile(r"\bcash\b|\bnominal\b|\bbefore\s+inflation\b|\bheadline\b", re.IGNORECASE)
# Subjects named by their head word; the first pattern that matches nearest wins.
HEADS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), name)
    for pattern, name in (
        (r"\b(?:pay|paid|earn(?:s|ed|ing|ings)?|salar(?:y|ies)|wages?|takes?\s+home|uplift|"
         r"pay\s+awards?|award)\b", "pay"),
        (r"\b(?:applications?|applied|applicants?)\b", "applications"),
        (r"\b(?:training|specialty)\s+(?:training\s+)?(?:posts?|places?|jobs?)\b|\bposts\b|"
         r"\bplaces\b", "training posts"),
        (r"\b(?:exams?|fees?)\b", "exam fees"),
        (r"\bwaiting\s+lists?\b", "waiting list"),
        (r"\b(?:strikes?|walkouts?|stoppages?)\b", "strikes"),
        (r"\b(?:ballot|vote[sd]?)\b", "ballot"),
        (r"\b(?:student\s+(?:debt|loans?)|owing|debts?)\b", "student debt"),
        (r"\binflation\b|\bprices\b", "inflation"),
    )
)  # fmt: skip
WHO: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), name)
    for pattern, name in (
        (r"\b(?:resident|junior)\s+doctors?'?|\bdoctors?\s+in\s+training\b|\btrainees?\b|"
         r"\bregistrars?\b", "resident doctors"),
        (r"\bconsultants?'?", "consultants"),
        (r"\bnurses?'?", "nurses"),
    )
)  # fmt: skip


def _bounded(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """The stretch around [start, end) up to the nearest break characters."""
    floor = max(0, start - SENTENCE_REACH)
    ceiling = min(len(text), end + SENTENCE_REACH)
    left = floor
    for char in breaks:
        at = text.rfind(char, floor, start)
        while at >= 0 and _decimal_point(text, at):
            at = text.rfind(char, floor, at)
        left = max(left, at + 1)
    right = ceiling
    for char in breaks:
        at = text.find(char, end, ceiling)
        while at >= 0 and _decimal_point(text, at):
            at = text.find(char, at + 1, ceiling)
        if at >= 0:
            right = min(right, at)
    return left, right


def _decimal_point(text: str, index: int) -> bool:
    return (
        text[index] == "."
        and 0 < index < len(text) - 1
        and text[index - 1].isdigit()
        and text[index + 1].isdigit()
    )


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounded(text, start, end, ".!?;\n")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left, right = sentence(text, start, end)
    for match in CLAUSE_BREAK.finditer(text, left, right):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def _distance(start: int, end: int, match_start: int, match_end: int) -> float:
    if match_end <= start:
        return float(start - match_end)
    if match_start >= end:
        return (match_start - end) * AFTER_PENALTY
    return 0.0


def _nearest(
    pattern: re.Pattern[str], text: str, window: tuple[int, int], start: int, end: int
) -> re.Match[str] | None:
    best: tuple[float, re.Match[str]] | None = None
    for match in pattern.finditer(text, *window):
        if start <= match.start() < end:
            continue  # the figure's own words
        distance = _distance(start, end, match.start(), match.end())
        if best is None or distance < best[0]:
            best = (distance, match)
    return None if best is None else best[1]


LEVEL_LEAD = re.compile(
    r"\b(?:to|from|at|of just|stands at|reached|hit|up from|down from)\s*$", re.IGNORECASE
)


def direction(text: str, start: int, end: int, own_start: int) -> str | None:
    """'rise', 'fall' or None from the nearest change word in the figure's clause.

    A figure led by "to", "from" or "at" is a level ("rose from 2% to 4%"), not a change.
    """
    if LEVEL_LEAD.search(text[max(0, own_start - 12) : own_start]):
        return None
    left, right = _clause(text, start, end)
    lead = text[max(left, own_start - 40) : own_start]
    if LEVEL_NOUN_OF.search(lead) and not BY_AVERAGE.search(lead):
        return None
    if COPULA_LEAD.search(lead):
        nouns = list(CHANGE_NOUN.finditer(text, left, own_start))
        if nouns and not re.search(r"\d", text[nouns[-1].end() : own_start]):
            return "rise" if nouns[-1].group(1) else "fall"
    left = max(left, start - DIRECTION_REACH)
    right = min(right, end + DIRECTION_REACH)
    candidates: list[tuple[float, str]] = []
    for pattern, name in ((RISE, "rise"), (FALL, "fall")):
        for match in pattern.finditer(text, left, right):
            if own_start <= match.start() < end:
                continue  # "up to" or "less than" qualifying this very figure
            if match.start() >= end and FORWARD_ONLY.match(match.group(0)):
                continue
            candidates.append((_distance(start, end, match.start(), match.end()), name))
    for match in COMPARATIVE.finditer(text, end, min(right, end + COMPARATIVE_REACH)):
        if re.search(r"\d", text[end : match.start()]):
            break  # "£20.2bn in October, £3.5bn more": the comparative is the next figure's
        name = "rise" if match.group(1) else "fall"
        candidates.append((_distance(start, end, match.start(), match.end()), name))
    return min(candidates)[1] if candidates else None


# Another figure's number near a period ("0.5% this year and 2% in 2026"): years and the
# period's own number are not figures.
OTHER_NUMBER = re.compile(r"[£$€¥]?\d[\d,.]*%?")


def _claimed_by_other(
    text: str, window: tuple[int, int], start: int, end: int, match: re.Match[str]
) -> bool:
    """A period belongs to the figure nearest it: "6.7% to £12.21 an hour" is £12.21's hour."""
    mine = _distance(start, end, match.start(), match.end())
    for other in OTHER_NUMBER.finditer(text, *window):
        if start <= other.start() < end or match.start() <= other.start() < match.end():
            continue
        if re.fullmatch(YEAR, other.group(0)):
            continue
        if _distance(other.start(), other.end(), match.start(), match.end()) < mine:
            return True
    return False


def period_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 'over three years'-style periods: their numbers are not figures."""
    pattern = PERIOD_PATTERNS[3][0]
    return [(m.start(1), m.end(2)) for m in pattern.finditer(text)]


def _period(
    text: str, window: tuple[int, int], start: int, end: int
) -> tuple[str | None, int | None]:
    best: tuple[float, str, int | None] | None = None
    for pattern, kind in PERIOD_PATTERNS:
        for match in pattern.finditer(text, *window):
            if match.start() <= start < match.end():
                continue
            if kind in ("plain", "length") and _claimed_by_other(text, window, start, end, match):
                continue
            found: tuple[str, int | None]
            if kind == "since":
                found = (f"since {match.group(1)}", int(match.group(1)))
            elif kind == "span":
                found = (f"{match.group(1)} to {match.group(2)}", int(match.group(1)))
            elif kind == "fiscal":
                found = (f"{match.group(1)}-{match.group(2)}", None)
            else:
                found = (" ".join(match.group(0).lower().split()), None)
            distance = _distance(start, end, match.start(), match.end())
            if best is None or distance < best[0]:
                best = (distance, *found)
    return (None, None) if best is None else (best[1], best[2])


def _base_year(text: str, window: tuple[int, int], start: int, end: int) -> int | None:
    match = _nearest(BASE_YEAR, text, window, start, end)
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


def _measure(text: str, window: tuple[int, int], start: int, end: int) -> str | None:
    match = _nearest(MEASURE, text, window, start, end)
    if match is None:
        return None
    if match.group(1):
        return match.group(1).upper()
    return next(MEASURE_NAMES[i] for i in (2, 3, 4) if match.group(i))


def _combined(patterns: tuple[tuple[re.Pattern[str], str], ...]) -> re.Pattern[str]:
    """One alternation with a group per name, so a sentence is scanned once."""
    parts = [f"(?P<g{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(patterns)]
    return re.compile("|".join(parts), re.IGNORECASE)


HEADS_RE = _combined(HEADS)
WHO_RE = _combined(WHO)


def _closest(
    pattern: re.Pattern[str],
    names: tuple[tuple[re.Pattern[str], str], ...],
    text: str,
    windows: tuple[tuple[int, int], ...],
    start: int,
    end: int,
) -> str | None:
    """The name of the match nearest the figure in the first window that has one."""
    found = [m for m in pattern.finditer(text, *windows[-1]) if not start <= m.start() < end]
    for left, right in windows:
        inside = [m for m in found if left <= m.start() and m.end() <= right]
        if inside:
            best = min(inside, key=lambda m: _distance(start, end, m.start(), m.end()))
            return names[int(str(best.lastgroup)[1:])][1]
    return None


def _subject(text: str, start: int, end: int) -> str | None:
    """The nearest head noun ('pay', 'training posts') and who it belongs to.

    Looked for in the narrowest stretch that names one: between commas first
    ("student debt of up to £100,000, exam fees"), then the clause, then the sentence.
    """
    clause = _clause(text, start, end)
    narrow = _bounded(text, start, end, ",.!?;\n")
    windows = (
        (max(narrow[0], clause[0]), min(narrow[1], clause[1])),
        clause,
        sentence(text, start, end),
    )
    head = _closest(HEADS_RE, HEADS, text, windows, start, end)
    who = _closest(WHO_RE, WHO, text, windows, start, end)
    if head == "pay" and who:
        return f"{who}' pay"
    return head or who


def describe(text: str, start: int, end: int, own_start: int) -> dict[str, Any]:
    """Direction, period, base year, measure, basis and subject of the number at [start, end).

    own_start is where the figure's words begin (its qualifier), so "up to" or
    "less than" qualifying it are not read as a direction.
    """
    window = sentence(text, start, end)
    clause = _clause(text, start, end)
    period, since_year = _period(text, clause, start, end)
    base_year = since_year or _base_year(text, clause, start, end)
    measure = _measure(text, window, start, end)
    real = _nearest(REAL, text, window, start, end)
    cash = _nearest(CASH, text, window, start, end)
    basis = None
    if real and cash:
        closer_real = _distance(start, end, real.start(), real.end()) <= _distance(
            start, end, cash.start(), cash.end()
        )
        basis = "real" if closer_real else "cash"
    elif real or cash:
        basis = "real" if real else "cash"
    subject = _subject(text, start, end)
    if basis is None and measure and subject != "inflation":
        basis = "real"  # a figure measured against RPI or CPI is in real terms
    return {
        "direction": direction(text, start, end, own_start),
        "period": period,
        "base_year": base_year,
        "measure": measure,
        "basis": basis,
        "subject": subject,
    }
