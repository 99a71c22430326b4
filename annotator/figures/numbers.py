"""Reading one number as the news writes it: digits, words, shares and signs.

"10 000", "five hundred and fifty", "1/40", "one in ten", "1.2 × 10^6", "$-99.99":
the spellings of a number, and the tests that tell a number from a date, a time
or a code ("24/7", "0700", "PF2"). Pure functions on str, used by
annotator.figures.parser, which adds units, qualifiers and context.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Spaces that group digits: "10 000", thin and non-breaking spaces as the French and
# the Nordic press print them.
GROUP_SPACES = " \u00a0\u2009\u202f"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
# Scientific notation: 1.2e6, 1.2 × 10^6, 1.2×10⁶.
SCIENTIFIC = (
    r"\d+(?:\.\d+)?(?:[eE][+-]?\d{1,3}(?![\w.])|\s?[×x]\s?10(?:\^[+-]?\d{1,3}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
)
DIGITS = (
    SCIENTIFIC + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}}(?![\d,]))+(?:\.\d+)?|\d+(?:\.\d+)?"
)
SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_UNITS_WORD = "|".join(list(SMALL_NUMBERS)[:9])
_BELOW_HUNDRED = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + _UNITS_WORD + r"))?"
    r"|" + "|".join(SMALL_NUMBERS) + r")"
)
# "five hundred", "two hundred and fifty", "a hundred", "twenty-five", "a thousand":
# "a" counts only before a scale word, so "a rise" is no number.
WORD_NUMBER = (
    r"(?:(?:a|" + _UNITS_WORD + r")\s+hundred(?:\s+(?:and\s+)?" + _BELOW_HUNDRED + r")?"
    r"|" + _BELOW_HUNDRED + r"|a(?=\s+(?:thousand|million|billion|trillion)\b))"
)
# Denominators of fractions said in words; "a fifth" is 20%.
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}  # fmt: skip
# After "a fifth" these words show a share is meant, not an ordinal ("a third strike").
FRACTION_FOLLOWERS = frozenset({
    "of", "less", "more", "lower", "higher", "fewer", "smaller", "bigger", "larger", "cut",
    "fall", "drop", "rise", "increase", "since", "in", "over", "than", "behind", "below",
    "above", "on", "to", "down", "up", "off", "the", "their", "his", "her", "its",
})  # fmt: skip
MULTIPLIERS = {
    "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6,
    "bn": 10**9, "billion": 10**9, "tn": 10**12, "trillion": 10**12,
}  # fmt: skip
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

NUMBER_RE = re.compile(
    r"(?P<ratio>\b(?P<ra>"
    + _BELOW_HUNDRED
    + r"|\d+) (?:in|out of) (?:every )?(?P<rb>"
    + WORD_NUMBER
    + r"|\d+)\b)"
    r"|(?P<slash>(?<![\d/])(?P<sa>\d{1,2})/(?P<sb>\d{1,3})(?![\d/]))"
    r"|(?P<frac>\b(?:(?P<fnum>a|an|one|two|three|four|nine)[\s-]+)?"
    r"(?P<fden>halves|half|thirds|third|quarters|quarter|fifths|fifth|sixths|sixth|tenths|tenth)\b)"
    r"|(?P<paren>\((?=(?:US\$|[£$€¥])[\d.,]+(?:\s?(?:k|m|mn|bn|tn|b|t|million|billion))?\)))?"
    r"(?P<neg0>[-−](?=US\$|[£$€¥]))?"
    r"(?P<cur>US\$|[£$€¥])?(?P<neg>[-−](?=\d))?(?:(?<=[£$€¥])\s)?(?P<num>" + DIGITS + r")"
    r"|(?P<words>\b" + WORD_NUMBER + r"\b)",
    re.IGNORECASE,
)


def decimal(digits: str) -> Decimal | None:
    plain = re.sub(rf"[,{GROUP_SPACES}]", "", digits).translate(SUPERSCRIPTS)
    plain = re.sub(r"[×x]10\^?", "E", plain)
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def word_value(words: str) -> Decimal:
    """'five hundred and twenty' is 520; 'a' before a scale word is one."""
    total = 0
    for part in re.split(r"[-\s]+", words.lower()):
        if part == "hundred":
            total = max(total, 1) * 100
        elif part == "a":
            total += 1
        else:
            total += TENS.get(part, 0) + SMALL_NUMBERS.get(part, 0)
    return Decimal(total)


def is_date_or_time(text: str, start: int, end: int, digits: str) -> bool:
    before, after = text[max(0, start - 12) : start], text[end : end + 14]
    if re.match(r"(?:st|nd|rd|th)\b", after, re.IGNORECASE):  # ordinal: 13th
        return True
    if re.match(r"\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", after, re.IGNORECASE):
        return True
    if re.match(r"[:/]\d", after) or re.search(r"\d[:/]$", before):
        return True  # 07:00, 24/7, 12/05/2025
    if len(digits) == 4 and digits.isdigit() and digits.startswith("0"):  # 0700 hours
        return True
    if len(digits) == 2 and re.search(r"\b(?:19|20)\d\d\s*[-–/]$", before):
        return True  # the 26 of 2025-26
    if re.match(rf"\s+(?:{MONTHS})\b", after, re.IGNORECASE):
        return "," not in digits and "." not in digits and int(digits) <= 31
    return bool(re.search(rf"\b(?:{MONTHS})\.?\s+$", before, re.IGNORECASE)) and len(digits) <= 2


def glued_to_word(text: str, start: int) -> bool:
    """'PF2', 'Covid-19', 'A&E' codes: a number stuck to letters is a name, not a figure."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isalpha() or prev == "_":
        return True
    return prev in "-/" and start >= 2 and text[start - 2].isalpha()


def fraction(match: re.Match[str], text: str) -> Decimal | None:
    numerator_word = (match.group("fnum") or "").lower()
    denominator = FRACTIONS[match.group("fden").lower()]
    if not numerator_word:
        if denominator != 2:
            return None
        numerator = 1
    else:
        numerator = 1 if numerator_word in ("a", "an") else SMALL_NUMBERS[numerator_word]
    following = re.match(r"\s*([\w]+|[^\w\s]|$)", text[match.end() :])
    word = following.group(1).lower() if following else ""
    if word and word.isalpha() and word not in FRACTION_FOLLOWERS:
        return None  # "a third strike", "the fifth day"
    return Decimal(numerator * 100) / Decimal(denominator)


def sign_start(match: re.Match[str], text: str) -> int | None:
    """Where a minus sign of the number begins, or None when it has none.

    "-15€", "$-99.99", "−£5bn" are negative; the dash of "3-4%" or "Covid-19" is not
    a sign, because a sign follows a space, a bracket or the start of the text.
    """
    for group in ("neg0", "neg"):
        at = match.start(group)
        if at < 0:
            continue
        before = text[at - 1] if at > 0 else " "
        if group == "neg" and match.group("cur"):
            return match.start("neg0") if match.group("neg0") else match.start("cur")
        if before.isspace() or before in "([":
            return at
    return None


def slash_fraction(match: re.Match[str], text: str) -> Decimal | None:
    """'1/40' is 2.5%; '24/7', '9/11' and '12/05' are not shares.

    A share has a numerator below its denominator; one that could be a day and month
    counts only when "of" follows ("1/4 of the budget").
    """
    top, bottom = int(match.group("sa")), int(match.group("sb"))
    if top == 0 or top >= bottom:
        return None
    if bottom <= 12 and not re.match(r"\s+of\b", text[match.end() :]):
        return None
    return Decimal(top * 100) / Decimal(bottom)


def is_year(digits: str, unit: str | None, scale: int) -> bool:
    if not re.fullmatch(r"(?:1[89]|20)\d\d", digits):
        return False
    return unit not in ("%", "pp") and scale == 1
