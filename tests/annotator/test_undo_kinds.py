"""Every kind of edit undoes without Qt: do, reopen the project, undo, check every row, redo.

The check is the whole database (every table a user's data lives in, FTS
shadow tables and the history itself aside): an undo must put back exactly
what was there, ids included, and a redo exactly what the edit made.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from annotator.backups.service import Schedule
from annotator.history import steps
from annotator.history.actions import ACTIONS, CannotApply
from annotator.history.kinds_library import import_label
from annotator.models import Attach, Changes, ImportedArticle
from annotator.project import Project
from annotator.samples.articles import seed_samples

# Caches rebuilt on demand, and the history itself.
SKIPPED_TABLES = {"_sqlite_migrations", "undo_history", "quantity_parses", "visible_texts"}
# Stamps that say when a row last changed, not what it holds.
SKIPPED_COLUMNS = {"updated_at"}

State = dict[str, list[tuple[Any, ...]]]


def db_state(project: Project) -> State:
    names = [
        r[0]
        for r in project.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] not in SKIPPED_TABLES and "_fts" not in r[0]
    ]
    state: State = {}
    for name in sorted(names):
        columns = [c.name for c in project.db[name].columns if c.name not in SKIPPED_COLUMNS]
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = project.db.execute(f'SELECT {quoted} FROM "{name}" ORDER BY rowid').fetchall()
        state[name] = sorted((tuple(r) for r in rows), key=repr)  # rowids may differ
    return state


def first_claim(p: Project) -> int:
    return p.claims.list()[0].id


def a_verdict(p: Project) -> int:
    return p.codebook.entries("verdict")[1].id


def write_csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["year", "pay"])
        writer.writerows([[2020, 100], [2021, 103.5]])
    return path


def add_url_evidence(p: Project) -> steps.Done:
    claim_id = first_claim(p)
    with p.history.recording():
        item = p.evidence.add_url("https://example.org/pay", "Pay review",
                                  attach=Attach(claim_id, "supports", ""))  # fmt: skip
        payload = {"evidence_id": item.id, "claim_ids": [claim_id]}
        return steps.record(p, "add_evidence", "Add evidence", payload, Changes(evidence=True))


def an_item(p: Project) -> int:
    return p.evidence.add_note("The review body said 5%.").id


def import_dataset(p: Project, tmp: Path) -> steps.Done:
    with p.history.recording():
        p.datasets.import_file(write_csv(tmp / "pay.csv"), "pay")
        return steps.record(p, "import_dataset", "Import dataset pay", {"name": "pay"},
                            Changes(datasets=True))  # fmt: skip


def import_articles(p: Project) -> steps.Done:
    with p.history.recording():
        pieces = [
            ImportedArticle(text=f"Piece {n} on rents.", title=f"Piece {n}", source_format="txt")
            for n in range(3)
        ]
        ids = [p.articles.add(piece).article_id for piece in pieces]
        return steps.record(p, "import_articles", import_label(len(ids)),
                            {"article_ids": ids}, Changes(articles=frozenset(i for i in ids if i)))  # fmt: skip


def figure_ready(p: Project, _t: Path) -> None:
    p.quantities.add(first_claim(p), 12, "%")


def colleague_file(p: Project, t: Path) -> None:
    """A colleague's claim set: another project with one claim, exported as our JSON."""
    from annotator.exchange.exporters import export_to_path

    with Project.open(t / "colleague.sqlite") as other:
        seed_samples(other, claims=False)
        article = other.articles.list()[0]
        other.claims.mark(article.id, 0, 20)
        export_to_path(other, "json", t / "colleague.json")


def two_speakers(p: Project, _t: Path) -> None:
    p.speakers.create("Dee Example")
    p.speakers.create("D. Example")


@dataclass(frozen=True)
class Case:
    kind: str
    prepare: Callable[[Project, Path], None]
    act: Callable[[Project, Path], steps.Done]


def nothing(_p: Project, _t: Path) -> None:
    return None


def item_ready(p: Project, _t: Path) -> None:
    an_item(p)


def schedule_set(p: Project, _t: Path) -> None:
    p.backups.set_schedule(Schedule(30, 10))


def dataset_ready(p: Project, t: Path) -> None:
    p.datasets.import_file(write_csv(t / "ready.csv"), "ready")


def item_linked(p: Project, _t: Path) -> None:
    p.evidence.link(first_claim(p), an_item(p), "context", "")


def claims_linked(p: Project, _t: Path) -> None:
    ids = [c.id for c in p.claims.list()]
    p.links.add(ids[0], ids[1], "contradicts", "")


CASES = [
    Case("mark_claim", nothing,
         lambda p, _t: steps.do(p, "mark_claim", {"article_id": 1, "start": 0, "end": 12})),
    Case("edit_claim", nothing, lambda p, _t: steps.do(
        p, "edit_claim", {"claim_id": first_claim(p), "new": {"verdict_id": a_verdict(p)}})),
    Case("edit_claim topics", nothing, lambda p, _t: steps.do(
        p, "edit_claim", {"claim_id": first_claim(p), "new": {"topic_ids": [], "note": "x"}})),
    Case("adjust_claim", nothing, lambda p, _t: steps.do(
        p, "adjust_claim", {"claim_id": first_claim(p), "new": [0, 20]})),
    Case("delete_claim", nothing,
         lambda p, _t: steps.do(p, "delete_claim", {"claim_id": first_claim(p)})),
    Case("add_claim_link", nothing, lambda p, _t: steps.do(p, "add_claim_link", {
        "from_claim": p.claims.list()[0].id, "to_claim": p.claims.list()[1].id,
        "relation": "contradicts"})),
    Case("remove_claim_link", claims_linked,
         lambda p, _t: steps.do(p, "remove_claim_link", {"link_id": p.links.list()[0].id})),
    Case("edit_claim_link", claims_linked, lambda p, _t: steps.do(p, "edit_claim_link", {
        "link_id": p.links.list()[0].id, "new": ["responds-to", "a note"]})),
    Case("add_evidence", nothing, lambda p, _t: add_url_evidence(p)),
    Case("delete_evidence", item_linked, lambda p, _t: steps.do(
        p, "delete_evidence", {"evidence_id": p.evidence.items()[0].id})),
    Case("edit_evidence", item_linked, lambda p, _t: steps.do(
        p, "edit_evidence", {"evidence_id": p.evidence.items()[0].id,
                             "new": {"title": "Renamed"}})),
    Case("link_evidence", item_ready, lambda p, _t: steps.do(
        p, "link_evidence", {"claim_id": first_claim(p), "evidence_id": p.evidence.items()[0].id,
                             "relation": "refutes"})),
    Case("unlink_evidence", item_linked, lambda p, _t: steps.do(
        p, "unlink_evidence", {"claim_id": first_claim(p),
                               "evidence_id": p.evidence.items()[0].id})),
    Case("edit_evidence_link", item_linked, lambda p, _t: steps.do(
        p, "edit_evidence_link", {"claim_id": first_claim(p),
                                  "evidence_id": p.evidence.items()[0].id,
                                  "new": ["refutes", "on reflection"]})),
    Case("import_dataset", nothing, lambda p, t: import_dataset(p, t)),
    Case("delete_dataset", dataset_ready,
         lambda p, _t: steps.do(p, "delete_dataset", {"name": "ready"})),
    Case("edit_article_details", nothing, lambda p, _t: steps.do(
        p, "edit_article_details", {"article_id": 1, "after": {"title": "New title",
                                                               "author": None}})),
    Case("delete_article", nothing,
         lambda p, _t: steps.do(p, "delete_article", {"article_id": 1})),
    Case("delete_articles", nothing,
         lambda p, _t: steps.do(p, "delete_articles", {"article_ids": [1, 2]})),
    Case("import_articles", nothing, lambda p, _t: import_articles(p)),
    Case("backup_schedule", schedule_set,
         lambda p, _t: steps.do(p, "backup_schedule", {"new": [15, 3]})),
    Case("add_quantity", nothing, lambda p, _t: steps.do(
        p, "add_quantity", {"claim_id": first_claim(p), "fields": {"value": 7, "unit": "%"}})),
    Case("create_speaker", nothing,
         lambda p, _t: steps.do(p, "create_speaker", {"fields": {"name": "Ann Example"}})),
    Case("edit_speaker", nothing, lambda p, _t: steps.do(
        p, "edit_speaker", {"speaker_id": p.speakers.list()[0].id, "new": {"role": "Chair"}})),
    Case("delete_speaker", nothing, lambda p, _t: steps.do(
        p, "delete_speaker", {"speaker_id": p.speakers.list()[0].id})),
    Case("speaker_alias", nothing, lambda p, _t: steps.do(p, "speaker_alias", {
        "speaker_id": p.speakers.list()[0].id, "alias": "The Doctors", "add": True})),
    Case("add_codebook_entry", nothing, lambda p, _t: steps.do(
        p, "add_codebook_entry", {"fields": {"kind": "topic", "name": "Rents"}})),
    Case("edit_quantity", figure_ready, lambda p, _t: steps.do(p, "edit_quantity", {
        "quantity_id": p.quantities.list(first_claim(p))[-1].id, "fields": {"value": 13}})),
    Case("delete_quantity", figure_ready, lambda p, _t: steps.do(p, "delete_quantity", {
        "quantity_id": p.quantities.list(first_claim(p))[-1].id, "claim_id": first_claim(p)})),
    Case("confirm_match", nothing, lambda p, _t: steps.do(p, "confirm_match", {
        "claim_id": p.claims.list()[0].id, "other_id": p.claims.list()[-1].id})),
    Case("merge_file", colleague_file,
         lambda p, t: steps.do(p, "merge_file", {"path": str(t / "colleague.json")})),
    Case("add_speaker_role", nothing, lambda p, _t: steps.do(p, "add_speaker_role", {
        "speaker_id": p.speakers.list()[0].id,
        "role": {"role": "Chair", "valid_from": "2024-01-01"}})),
    Case("merge_speakers", two_speakers, lambda p, _t: steps.do(p, "merge_speakers", {
        "keep_id": p.speakers.find("Dee Example").id,  # type: ignore[union-attr]
        "drop_id": p.speakers.find("D. Example").id})),  # type: ignore[union-attr]
    Case("edit_codebook_entry", nothing, lambda p, _t: steps.do(p, "edit_codebook_entry", {
        "vocab_id": a_verdict(p), "new": {"name": "Wrong", "colour": "#aa0000"}})),
    Case("delete_codebook_entry", nothing, lambda p, _t: steps.do(p, "delete_codebook_entry", {
        "vocab_id": a_verdict(p), "replace_with": p.codebook.entries("verdict")[0].id})),
    Case("set_publisher", nothing, lambda p, _t: steps.do(
        p, "set_publisher", {"name": "Full Fact", "url": "https://fullfact.org"})),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_each_kind_undoes_after_reopening_and_redoes(
    case: Case, project_path: Path, tmp_path: Path
) -> None:
    with Project.open(project_path) as project:
        seed_samples(project)
        case.prepare(project, tmp_path)
        before = db_state(project)
        done = case.act(project, tmp_path)
        after = db_state(project)
        assert after != before, "the edit changed nothing"
        assert done.entry.done and done.entry.kind in ACTIONS

    with Project.open(project_path, create=False) as project:
        undone = steps.undo(project)
        assert undone.entry.id == done.entry.id and not undone.entry.done
        assert db_state(project) == before

    with Project.open(project_path, create=False) as project:
        steps.redo(project)
        assert db_state(project) == after
        steps.undo(project)
        assert db_state(project) == before
        with pytest.raises(steps.NothingToDo):
            steps.undo(project)


def test_every_registered_kind_has_a_case() -> None:
    covered = {c.kind.split()[0] for c in CASES} | {"group"}
    assert set(ACTIONS) - covered == set()


def test_an_undo_that_no_longer_applies_changes_nothing_and_keeps_its_place(
    claimed_project: Project,
) -> None:
    project = claimed_project
    marked = steps.do(project, "mark_claim", {"article_id": 1, "start": 0, "end": 12})
    claim_id = marked.entry.payload["claim_id"]
    project.claims.delete(claim_id)  # another program deleted the row
    before = db_state(project)
    with pytest.raises(CannotApply, match="Cannot undo “Mark claim"):
        steps.undo(project)
    assert db_state(project) == before
    (entry,) = project.history.entries()
    assert entry.done and entry.id == marked.entry.id


def test_an_edit_the_service_refuses_is_not_recorded(claimed_project: Project) -> None:
    with pytest.raises(Exception, match="no claim"):
        steps.do(claimed_project, "edit_claim", {"claim_id": 9999, "new": {"note": "x"}})
    assert claimed_project.history.entries() == []


def test_labels_say_what_the_step_did(claimed_project: Project) -> None:
    p = claimed_project
    claim_id = first_claim(p)
    done = steps.do(p, "edit_claim", {"claim_id": claim_id, "new": {"verdict_id": a_verdict(p)}})
    assert done.entry.label == f"Set verdict on claim {claim_id}"
    imported = import_articles(p)
    assert imported.entry.label == "Import of 3 articles"
    assert steps.undo(p).changes.articles == imported.changes.articles


def test_several_edits_undo_as_one_step_after_reopening(project_path: Path) -> None:
    with Project.open(project_path) as project:
        seed_samples(project)
        before = db_state(project)
        claim_id = first_claim(project)

        def build(batch: steps.Batch) -> None:
            made = batch.do("create_speaker", {"fields": {"name": "Ann Example"}})
            new = {"speaker_id": made.payload["speaker_id"]}
            batch.do("edit_claim", {"claim_id": claim_id, "new": new})

        done = steps.do_many(project, "New speaker “Ann Example” for claim 1", build)
        after = db_state(project)
        assert project.claims.get(claim_id).speaker == "Ann Example"
        assert done.changes.speakers and done.changes.claims == {claim_id}
    with Project.open(project_path, create=False) as project:
        assert steps.undo(project).entry.kind == "group"
        assert db_state(project) == before
        steps.redo(project)
        assert db_state(project) == after
