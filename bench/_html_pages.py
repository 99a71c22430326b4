"""The made-up news pages and plain-text files the import benchmarks read.

Written for this project (no outside text): pay-dispute sentences from a
seeded generator, so every run reads the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

SEED = 20250709

SUBJECTS = (
    "The union",
    "Ministers",
    "The health secretary",
    "Hospital leaders",
    "Resident doctors",
    "The Treasury",
    "NHS England",
    "Patients' groups",
    "The pay review body",
    "Consultants",
)
VERBS = (
    "said",
    "argued",
    "warned",
    "claimed",
    "insisted",
    "pointed out",
    "told reporters",
    "wrote in a letter",
    "conceded",
    "estimated",
)
CLAIMS = (
    "pay has fallen by a fifth in real terms since 2008",
    "the 5.4% award for 2025–26 is the highest in the public sector",
    "about 30,000 doctors applied for 10,000 speciality training posts",
    "exam fees cost trainees more than £1,000 a year",
    "the last walkout cost the health service £300 million",
    "rises add up to almost 29% over three years",
    "waiting lists fell for the third month in a row",
    "one in ten rota shifts went unfilled last winter",
    "the offer on the table is final and will not be reopened",
    "talks could resume within a fortnight if both sides agree",
)
TAILS = (
    "a figure the other side disputes",
    "according to figures published on Tuesday",
    "though the data cover England only",
    "in a statement on Wednesday",
    "citing the Office for National Statistics",
    "without giving further detail",
)
OUTLETS = ("The Ward Gazette", "Daily Clinic", "Northern Health News", "The Pay Monitor")


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {rng.choice(CLAIMS)}, "
        f"{rng.choice(TAILS)}."
    )


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def make_page(number: int, rng: random.Random) -> str:
    """One realistic news page; its article text is 5-10 KB."""
    outlet = OUTLETS[number % len(OUTLETS)]
    title = f"Pay dispute, day {number}: {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(CLAIMS)}"
    url = f"https://news{number % len(OUTLETS)}.example/health/2025/{number:05d}"
    body: list[str] = []
    size = 0
    target = rng.randint(5_000, 10_000)
    while size < target:
        if body and rng.random() < 0.15:
            body.append(
                f"<h2>{rng.choice(SUBJECTS)} and the {rng.choice(('offer', 'ballot', 'talks', 'figures'))}</h2>"
            )
        if rng.random() < 0.08:
            items = "".join(f"<li>{_sentence(rng)}</li>" for _ in range(3))
            body.append(f"<ul>{items}</ul>")
        paragraph = _paragraph(rng)
        size += len(paragraph)
        body.append(f"<p>{paragraph}</p>")
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(30))
    related = "".join(
        f'<li><a href="/story/{number + i}">{_sentence(rng)}</a></li>' for i in range(8)
    )
    comments = "".join(
        f'<div class="comment"><p class="comment-author">reader{rng.randint(1, 9999)}</p><p>{_sentence(rng)}</p></div>'
        for _ in range(rng.randint(4, 12))
    )
    script = "window.dataLayer=window.dataLayer||[];" + f"dataLayer.push({{'k': {number}}});" * 40
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta name="author" content="Reporter {number % 37}">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="og:url" content="{url}"><meta property="og:image" content="https://cdn.example/{number}.jpg">
<meta property="article:published_time" content="2025-07-{1 + number % 28:02d}T06:30:00+01:00">
<link rel="canonical" href="{url}"><script src="https://ads.example/pixel.js"></script>
<script>{script}</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"2025-07-{1 + number % 28:02d}T06:30:00+01:00","author":[{{"@type":"Person","name":"Reporter {number % 37}"}}],"publisher":{{"@type":"Organization","name":"{outlet}"}}}}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept</button></div>
<header><a href="/">{outlet}</a><nav class="main-nav"><ul>{nav}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Reporter {number % 37}</p>
<div class="story-body">{"".join(body)}</div></article>
<aside class="related-links"><h3>Related stories</h3><ul>{related}</ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>{comments}</section></main>
<footer><p>© 2025 {outlet}. All rights reserved.</p></footer>
<script>document.querySelectorAll('.comment').forEach(function (c) {{ c.dataset.seen = 1; }});</script>
</body></html>"""


def write_pages(folder: Path, count: int) -> list[bytes]:
    rng = random.Random(SEED)
    pages = [make_page(number, rng).encode("utf-8") for number in range(count)]
    for number, data in enumerate(pages):
        (folder / f"page-{number:05d}.html").write_bytes(data)
    return pages


def write_texts(folder: Path, count: int) -> None:
    rng = random.Random(SEED + 1)
    for number in range(count):
        body = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(8, 16)))
        (folder / f"story-{number:05d}.txt").write_text(
            f"Pay dispute, day {number}\n\n{body}\n", encoding="utf-8"
        )
