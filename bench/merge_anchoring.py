"""How merged annotations land, and what a much-repeated quote costs.

    uv run python bench/merge_anchoring.py [--quick] [--repeat N]

1. A realistic Hypothesis export (tests/fixtures/hypothesis_page.py: a news
   page with its menu, byline, related stories and footer, its source's line
   breaks, indents and NBSP; 45 annotations by three users including five on
   "29%", four headings, two users on one sentence, three annotations made
   before the page was edited, five on page furniture our text leaves out,
   and three replies; rows addressed by URL variants a browser produces) is
   merged into a project holding our import of the page. The tally, printed to
   stderr and under "tally": how many land exactly on their words, fuzzily
   (overlapping their words, to review), as orphans, and on wrong words (the
   goal is none), plus the replies kept as notes.
2. merge_12000_occurrences_1000_claims: merging 1,000 claims of one quote
   that occurs 12,000 times in the article, each naming its occurrence by
   context; floor: finding the quote's 12,000 occurrences 1,000 times with
   str.find (what one search per claim would cost before any scoring).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from common import emit, figure, interleaved, parser, repeats, timed

from annotator.exchange.merge import MergeReport
from annotator.exchange.mergers.selectors import uid_for
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.fixtures import hypothesis_page as page

OCCURRENCES = 12_000
CLAIMS = 1_000
URL_VARIANTS = (
    page.ARTICLE_URL,
    page.ARTICLE_URL.replace("https://www.", "http://") + "?utm_source=twitter&utm_medium=social",
    page.ARTICLE_URL + "/#comments",
    page.ARTICLE_URL.replace("www.healthdesk", "WWW.HealthDesk") + "?fbclid=IwAR0abc",
)


def realistic_tally(folder: Path) -> dict[str, object]:
    project = Project.open(folder / "realistic.sqlite", create=True)
    try:
        project.articles.add(
            ImportedArticle(
                text=page.canonical_text(),
                title=page.TITLE,
                source_format="html",
                url=page.ARTICLE_URL,
            )
        )
        doc = page.export(lambda n: URL_VARIANTS[n % len(URL_VARIANTS)])
        path = folder / "hypothesis.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        report = project.merge.merge_file(path)
        claims = {c.uid: c for c in project.claims.list()}
        anchors = {}
        for row in doc["rows"][: len(page.SPECS)]:
            claim = claims.get(uid_for(f"https://hypothes.is/a/{row['id']}", ""))
            if claim is not None:
                anchors[row["id"]] = (claim.anchor, claim.start, claim.end)
        tally = page.tally(anchors)
        tally["annotations"] = len(page.SPECS)
        tally["replies"] = len(page.REPLIES)
        tally["replies_as_notes"] = sum(c.note.count("Reply from ") for c in claims.values())
        tally["left_out"] = len(report.left_out)
        return tally
    finally:
        project.close()


def repeated_quote_case(folder: Path) -> tuple[Path, Path, str]:
    paragraph = "Ward {:05d} reported that pay fell again. "
    text = "".join(paragraph.format(n) for n in range(OCCURRENCES))
    path = folder / "repeated.sqlite"
    project = Project.open(path, create=True)
    try:
        project.articles.add(
            ImportedArticle(text=text, title="Wards", source_format="txt", url="https://w.example/")
        )
        uid = str(project.db.execute("SELECT uid FROM articles").fetchone()[0])
    finally:
        project.close()
    step = len(paragraph.format(0))
    claims = []
    for k in range(0, OCCURRENCES, OCCURRENCES // CLAIMS):
        at = k * step + paragraph.format(0).index("pay")
        claims.append(
            {
                "uid": f"00000000-0000-4000-8000-{k:012d}",
                "article": uid,
                "quote": "pay",
                "prefix": text[max(0, at - 32) : at],
                "suffix": text[at + 3 : at + 35],
                "start": at + 7,  # a position a little off: context must decide
                "end": at + 10,
            }
        )
    doc = {
        "format": "factcheck-annotator/claims",
        "version": 1,
        "articles": [{"uid": uid, "text": text, "title": "Wards"}],  # matched by its text
        "claims": claims,
    }
    merge_file = folder / "repeated.json"
    merge_file.write_text(json.dumps(doc), encoding="utf-8")
    return path, merge_file, text


def main() -> None:
    args = parser(__doc__ or "", quick_repeat=2, full_repeat=5).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tally = realistic_tally(folder)
        print(f"merge anchoring: {tally}", file=sys.stderr)
        base, merge_file, text = repeated_quote_case(folder)
        wrong: list[int] = []
        reports: list[MergeReport] = []

        def measure() -> float:
            work = folder / "work.sqlite"
            work.write_bytes(base.read_bytes())
            project = Project.open(work)
            try:
                seconds = timed(lambda: reports.append(project.merge.merge_file(merge_file)))
                if reports[-1].added["claims"] != CLAIMS:
                    raise SystemExit(f"only {reports[-1].added['claims']} claims merged")
                for claim in project.claims.list():
                    expected = int(claim.uid.rsplit("-", 1)[1])
                    if claim.start is None or text[: claim.start].count("Ward ") != expected + 1:
                        wrong.append(expected)
            finally:
                project.close()
            return seconds

        def floor() -> float:
            def find_all() -> None:
                for _ in range(CLAIMS):
                    at = text.find("pay")
                    while at >= 0:
                        at = text.find("pay", at + 1)

            return timed(find_all)

        value, floor_value = interleaved(measure, floor, repeats(args))
        print(f"repeated quote: claims off their ward: {sorted(set(wrong))}", file=sys.stderr)
        figures = [figure("merge_12000_occurrences_1000_claims", value, floor_value, "s")]
    emit(figures)
    print(json.dumps({"tally": tally}), file=sys.stderr)


if __name__ == "__main__":
    main()
