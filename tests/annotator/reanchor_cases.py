"""Revision pairs for re-anchoring: what a claim's words become when an article is edited.

Each case names the old text, the new text, the quote marked in the old one
and where it must land in the new one: (expected words, which occurrence) and
the anchor kind, or None for an orphan. Written for this project; the
sentences imitate the sample dispute.
"""

from __future__ import annotations

from dataclasses import dataclass

L1 = "Resident doctors in England began a five-day walkout on Friday, the BMA said.\n"
L2 = "The union says pay has fallen by a fifth since 2008, once inflation is counted.\n"
L3 = "Health Secretary Wes Streeting said doctors had already received a 28.9% rise over three years.\n"
L4 = '"We cannot afford another round of strikes," he said. NHS England said 54,000 appointments were rescheduled.\n'
L5 = 'An economist at the Nuffield Trust said both figures were "technically accurate but misleading".\n'
L6 = "The BMA said it would ballot members again in the new year.\n"
BASE = L1 + L2 + L3 + L4 + L5 + L6


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    new: str
    quote: str
    land: tuple[str, int] | None  # (words in new text, occurrence from 1) or None: orphan
    kind: str
    occurrence: int = 1  # which occurrence of quote in old was marked


CASES: tuple[Case, ...] = (
    Case(
        "moved paragraph",
        BASE,
        L1 + L3 + L4 + L5 + L2 + L6,
        "pay has fallen by a fifth since 2008",
        ("pay has fallen by a fifth since 2008", 1),
        "exact",
    ),
    Case(
        "paragraph inserted above",
        BASE,
        "Updated at 10:42.\n\n" + L6 + BASE,
        "The BMA said it would ballot members again",
        ("The BMA said it would ballot members again", 2),
        "exact",
    ),
    Case(
        "reworded sentence",
        BASE,
        BASE.replace("pay has fallen by a fifth", "pay has dropped by a fifth"),
        "pay has fallen by a fifth since 2008",
        ("pay has dropped by a fifth since 2008", 1),
        "fuzzy",
    ),
    Case(
        "deleted sentence",
        BASE,
        BASE.replace(" NHS England said 54,000 appointments were rescheduled.", ""),
        "NHS England said 54,000 appointments were rescheduled",
        None,
        "orphan",
    ),
    Case(
        "typo fixed",
        BASE.replace("rescheduled", "reschedlued"),
        BASE,
        "54,000 appointments were reschedlued",
        ("54,000 appointments were rescheduled", 1),
        "fuzzy",
    ),
    Case(
        "line rewrapped",
        BASE,
        BASE.replace("a 28.9% rise over", "a 28.9%\nrise  over"),
        "a 28.9% rise over three years",
        ("a 28.9%\nrise  over three years", 1),
        "exact",
    ),
    Case(
        "straight quotes become curly",
        BASE,
        BASE.replace('"We cannot', "“We cannot").replace('strikes,"', "strikes,”"),
        '"We cannot afford another round of strikes,"',
        ("“We cannot afford another round of strikes,”", 1),
        "exact",
    ),
    Case(
        "curly apostrophe, short quote",
        BASE.replace("the BMA said.", "the BMA's chair said."),
        BASE.replace("the BMA said.", "the BMA’s chair said."),
        "BMA's chair",
        ("BMA’s chair", 1),
        "exact",
    ),
    Case(
        "dash retypeset",
        BASE,
        BASE.replace("five-day walkout", "five–day walkout"),
        "a five-day walkout",
        ("a five–day walkout", 1),
        "exact",
    ),
    Case(
        "non-breaking space",
        BASE,
        BASE.replace("28.9% rise", "28.9%\u00a0rise"),
        "28.9% rise",
        ("28.9%\u00a0rise", 1),
        "exact",
    ),
    Case(
        "emoji added nearby",
        BASE,
        BASE.replace("NHS England said", "🚑🚑 NHS England said"),
        "54,000 appointments were rescheduled",
        ("54,000 appointments were rescheduled", 1),
        "exact",
    ),
    Case(
        "emoji inside the quote",
        BASE.replace("walkout on", "walkout 🩺 on"),
        "Breaking 👩‍⚕️\n" + BASE.replace("walkout on", "walkout 🩺 on"),
        "five-day walkout 🩺 on Friday",
        ("five-day walkout 🩺 on Friday", 1),
        "exact",
    ),
    Case(
        "short repeated word follows its context",
        BASE,
        "Pay: the union wants pay restored.\n" + BASE,
        "pay",
        ("pay", 2),
        "exact",
        occurrence=1,
    ),
    Case(
        "short quote deleted, same figure elsewhere",
        BASE,
        BASE.replace(L3, "").replace(L6, "Ministers repeated that 28.9% was generous.\n"),
        "28.9%",
        None,
        "orphan",
    ),
    Case(
        "quote repeated in a pull quote",
        BASE,
        BASE + '\n"technically accurate but misleading"\n',
        "technically accurate but misleading",
        ("technically accurate but misleading", 1),
        "exact",
    ),
    Case(
        "quote at the very start, headline added",
        BASE,
        "Doctors strike\n\n" + BASE,
        "Resident doctors in England",
        ("Resident doctors in England", 1),
        "exact",
    ),
    Case(
        "words cut inside the quote",
        BASE,
        BASE.replace("2008, once inflation is", "2008 once inflation"),
        "pay has fallen by a fifth since 2008, once inflation is counted",
        ("pay has fallen by a fifth since 2008 once inflation counted", 1),
        "fuzzy",
    ),
    Case(
        "clause cut: over a quarter of the quote",
        BASE,
        BASE.replace(", once inflation is counted", ""),
        "by a fifth since 2008, once inflation is counted",
        None,
        "orphan",
    ),
    Case(
        "heavily rewritten",
        BASE,
        BASE.replace(L5, "Analysts disputed both sides' numbers.\n"),
        'both figures were "technically accurate but misleading"',
        None,
        "orphan",
    ),
    Case(
        "capitalisation changed",
        BASE,
        BASE.replace("NHS England said 54,000", "NHS england said 54,000"),
        "NHS England said 54,000 appointments",
        ("NHS england said 54,000 appointments", 1),
        "fuzzy",
    ),
    Case(
        "second of two identical sentences",
        BASE + L6,
        "Intro.\n" + BASE + L6,
        "The BMA said it would ballot members again in the new year.",
        ("The BMA said it would ballot members again in the new year.", 2),
        "exact",
        occurrence=2,
    ),
    Case(
        "number changed inside a short quote",
        BASE,
        BASE.replace("54,000", "55,000"),
        "54,000 appointments",
        ("55,000 appointments", 1),
        "fuzzy",
    ),
    Case(
        "deleted, a similar sentence elsewhere",
        BASE,
        BASE.replace(" NHS England said 54,000 appointments were rescheduled.", "").replace(
            L6, L6 + "Later, NHS England said 45,000 operations were rescheduled.\n"
        ),
        "NHS England said 54,000 appointments were rescheduled",
        None,
        "orphan",
    ),
    Case(
        "moved and retouched",
        BASE,
        L1 + L3 + L4 + L6 + L2.replace("a fifth", "one fifth"),
        "pay has fallen by a fifth since 2008",
        ("pay has fallen by one fifth since 2008", 1),
        "fuzzy",
    ),
    Case(
        "whole text replaced",
        BASE,
        "A completely different article about trains.\n",
        "Wes Streeting",
        None,
        "orphan",
    ),
)
