"""project.quantities.sync in batches: each batch committed, a stop keeps what was done."""

from __future__ import annotations

from pathlib import Path

from annotator.project import Project
from tests.figures_support import many_claims


def test_stale_lists_exactly_the_claims_whose_text_changed(empty_project: Project) -> None:
    ids = many_claims(empty_project, 30)
    assert empty_project.quantities.stale() == ids
    empty_project.quantities.sync()
    assert empty_project.quantities.stale() == []
    empty_project.claims.update(ids[4], statement="pay fell 26%")
    assert empty_project.quantities.stale() == [ids[4]]
    assert empty_project.quantities.stale([ids[0], ids[1]]) == []


def test_sync_reports_after_each_committed_batch(
    empty_project: Project, project_path: Path
) -> None:
    ids = many_claims(empty_project, 25)
    reports: list[tuple[int, int]] = []
    seen_elsewhere: list[int] = []
    with Project.open(project_path, create=False) as other:

        def report(done: int, total: int, _item: str) -> None:
            reports.append((done, total))
            seen_elsewhere.append(len(ids) - len(other.quantities.stale()))  # committed?

        assert empty_project.quantities.sync(report=report, batch=10) == frozenset(ids)
    assert reports == [(10, 25), (20, 25), (25, 25)]
    assert seen_elsewhere == [10, 20, 25]
    assert [q.value for q in empty_project.quantities.list(ids[3])] == [5]


def test_a_stop_between_batches_keeps_the_committed_ones(empty_project: Project) -> None:
    ids = many_claims(empty_project, 25)
    reports: list[int] = []
    done = empty_project.quantities.sync(
        report=lambda d, _t, _i: reports.append(d), stopped=lambda: len(reports) >= 2, batch=10
    )
    assert done == frozenset(ids[:20]) and reports == [10, 20]
    assert empty_project.quantities.stale() == ids[20:]
    assert all(empty_project.quantities.list(c) for c in ids[:20])
    assert not any(empty_project.quantities.list(c) for c in ids[20:])
    assert empty_project.quantities.sync() == frozenset(ids[20:])  # the rest, next time


def test_a_claim_edited_mid_sync_is_parsed_as_it_now_reads(empty_project: Project) -> None:
    ids = many_claims(empty_project, 20)

    def report(done: int, _total: int, _item: str) -> None:
        if done == 10:  # between batches: a checker rewrites a claim not yet parsed
            empty_project.claims.update(ids[15], statement="pay fell 77%")

    empty_project.quantities.sync(report=report, batch=10)
    assert [q.value for q in empty_project.quantities.list(ids[15])] == [77]
    assert empty_project.quantities.stale() == []


def test_compare_figures_can_read_without_parsing(empty_project: Project) -> None:
    ids = many_claims(empty_project, 10)
    assert empty_project.compare.figures(parse=False) == []  # the window's read: no parsing
    assert empty_project.quantities.stale() == ids
    assert len(empty_project.compare.figures()) == 10  # the CLI's: parses first
    assert empty_project.quantities.stale() == []


def test_pause_is_called_before_each_claim_parsed(empty_project: Project) -> None:
    ids = many_claims(empty_project, 12)
    pauses: list[int] = []
    empty_project.quantities.sync(ids[:5], pause=lambda: pauses.append(1))
    assert len(pauses) == 5
    empty_project.quantities.sync(pause=lambda: pauses.append(1))
    assert len(pauses) == 12  # the five already parsed are not parsed again
