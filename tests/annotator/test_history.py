"""The persisted undo history: a mirror of the undo stack that survives reopening."""

from __future__ import annotations

from pathlib import Path

from annotator.history.service import HISTORY_LIMIT
from annotator.project import Project


def test_push_undo_and_a_new_action_forget_the_undone(empty_project: Project) -> None:
    history = empty_project.history
    first = history.push("mark_claim", "Mark claim", {"claim_id": 1})
    second = history.push("edit_claim", "Set stance", {"claim_id": 1})
    history.set_done(second, False, {"claim_id": 1, "undone": True})
    assert [(e.id, e.done) for e in history.entries()] == [(first, True), (second, False)]
    assert history.entries()[1].payload == {"claim_id": 1, "undone": True}
    third = history.push("delete_claim", "Delete claim", {})
    assert [e.id for e in history.entries()] == [first, third]


def test_only_the_last_actions_are_kept(empty_project: Project) -> None:
    history = empty_project.history
    ids = [history.push("edit_claim", f"Edit {n}", {"n": n}) for n in range(HISTORY_LIMIT + 5)]
    entries = history.entries()
    assert len(entries) == HISTORY_LIMIT
    assert entries[0].id == ids[5] and entries[-1].payload == {"n": HISTORY_LIMIT + 4}


def test_history_survives_reopening(project_path: Path) -> None:
    with Project.open(project_path) as project:
        entry = project.history.push("mark_claim", "Mark claim “Pay 😀”", {"snapshot": None})
        project.history.set_done(entry, False, {"snapshot": {"claims": []}})
    with Project.open(project_path, create=False) as project:
        (again,) = project.history.entries()
        assert (again.label, again.done, again.payload) == (
            "Mark claim “Pay 😀”",
            False,
            {"snapshot": {"claims": []}},
        )
        project.history.discard(again.id)
        assert project.history.entries() == []


def test_recording_rolls_back_the_action_with_its_row(empty_project: Project) -> None:
    history = empty_project.history
    try:
        with history.recording():
            history.push("mark_claim", "Mark claim", {})
            raise RuntimeError("the action failed")
    except RuntimeError:
        pass
    assert history.entries() == []


def test_next_steps_and_headers_read_one_row_or_no_payloads(empty_project: Project) -> None:
    history = empty_project.history
    assert history.next_undo() is None and history.next_redo() is None
    first = history.push("mark_claim", "Mark claim", {"snapshot": {"big": "x" * 1000}})
    second = history.push("edit_claim", "Set stance", {"claim_id": 1})
    history.set_done(second, False, {"claim_id": 1})
    undo, redo = history.next_undo(), history.next_redo()
    assert undo is not None and undo.id == first and undo.payload["snapshot"]["big"]
    assert redo is not None and redo.id == second
    assert [(h.id, h.label, h.done, h.payload) for h in history.headers()] == [
        (first, "Mark claim", True, {}),
        (second, "Set stance", False, {}),
    ]
    assert history.states() == [(first, True), (second, False)]
    assert history.get(second).payload == {"claim_id": 1}
