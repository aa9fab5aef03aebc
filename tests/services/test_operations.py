"""Operations without Qt: each says what it changed, undo restores exactly the previous state,
and redo (the undo of the undo) does it again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from app.data.seeds import seed_id
from app.errors import NotFound
from app.services import editing, operations
from app.services.inputs import EventInput, NoteInput, PolicyInput, RelationInput, SourceInput
from app.services.operations import Changes, EntryKind, Op
from app.services.workspace import Workspace

ALPHA = seed_id("policy", "alpha")
BETA = seed_id("policy", "beta")
START = seed_id("event", "alpha/start")
MEMO = seed_id("source", "memo-one")
RULING = seed_id("source", "ruling-one")
RELATED = seed_id("relation", "alpha/related_to/beta")
# Set by the clock, not by the person: an edit and its undo are a second apart or not.
CLOCK_COLUMNS = {"created_at", "updated_at"}


def state(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the change history's, and of the search index, without the clock's columns.

    Excerpts are compared without their ids, search documents without their row numbers: an edit
    of a source writes its excerpts anew, and an edit re-indexes what it changed."""
    # The change history only grows: an undo is recorded as a change of its own
    # (tests/data/test_change_history.py checks what it records).
    history = {"change_record", "change_policy", "briefing_mark"}
    tables = [t for t in SQLModel.metadata.sorted_tables if t.name not in {"meta", *history}]
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    with workspace.session() as session:
        for table in tables:
            skip = CLOCK_COLUMNS | ({"id"} if table.name == "excerpt" else set())
            columns = [c.name for c in table.columns if c.name not in skip]
            rows = session.execute(text(f"SELECT {', '.join(columns)} FROM {table.name}"))
            snapshot[table.name] = sorted(tuple(map(repr, row)) for row in rows)
        # A team workspace keeps each document as one weighted tsvector (app/data/postgres/search.py).
        indexed = "document::text" if session.get_bind().dialect.name == "postgresql" else "title, body"
        docs = session.execute(
            text(f"SELECT kind, CASE kind WHEN 'excerpt' THEN '' ELSE ref_id END, {indexed} FROM search_doc")
        )
        snapshot["search_doc"] = sorted(tuple(map(repr, row)) for row in docs)
    return snapshot


def add_note(ws: Workspace) -> Op[Any]:
    return operations.add_note(ws, ALPHA, NoteInput(body="Check the memo", tags=["Todo"], source_id=MEMO))


def a_note(ws: Workspace) -> str:
    return editing.add_note(ws, ALPHA, NoteInput(body="A note to change", tags=["x"]))


OPERATIONS: dict[str, Callable[[Workspace], Op[Any]]] = {
    "add policy": lambda ws: operations.add_policy(ws, PolicyInput(title="Gamma rule", tags=["new"])),
    "add policy with its first event and a new source": lambda ws: operations.add_policy_with_history(
        ws,
        PolicyInput(title="Delta rule"),
        EventInput(date="2024-05", status="announced"),
        SourceInput(title="Delta notice", url="https://example.org/delta"),
    ),
    "add event citing a new source": lambda ws: operations.add_event_citing_new_sources(
        ws,
        ALPHA,
        EventInput(date="2022-04", status="blocked_by_court", source_ids=[MEMO]),
        [SourceInput(title="Order")],
    ),
    "edit policy": lambda ws: operations.edit_policy(
        ws, ALPHA, PolicyInput(title="Alpha renamed", slug="alpha-renamed", summary="Now longer.")
    ),
    "add event": lambda ws: operations.add_event(
        ws, ALPHA, EventInput(date="2022-03", status="terminated", source_ids=[MEMO])
    ),
    "edit event": lambda ws: operations.edit_event(
        ws,
        START,
        EventInput(date="2020-02-01", status="announced", description="Moved.", source_ids=[RULING]),
    ),
    "add source with excerpts": lambda ws: operations.add_source(
        ws, SourceInput(title="A report", url="https://example.org/r", excerpts=["One.", "Two."]), ALPHA
    ),
    "edit source and its excerpts": lambda ws: operations.edit_source(
        ws, MEMO, SourceInput(title="Memo, revised", excerpts=["Only this passage now."])
    ),
    "link source": lambda ws: operations.link_source(ws, BETA, RULING),
    "unlink source": lambda ws: operations.unlink_source(
        ws, BETA, editing.add_source(ws, SourceInput(title="Loose"), BETA)
    ),
    "add note": add_note,
    "edit note": lambda ws: operations.edit_note(ws, a_note(ws), NoteInput(body="Changed", pinned=True)),
    "add relation": lambda ws: operations.add_relation(
        ws, BETA, RelationInput(kind="supersedes", target_id=ALPHA, note="Took its place")
    ),
    "delete relation": lambda ws: operations.delete_relation(ws, RELATED),
    "delete relations (one stored both ways)": lambda ws: operations.delete_relations(ws, [RELATED]),
    "trash policy": lambda ws: operations.set_trashed(ws, "policy", ALPHA, True),
    "trash event": lambda ws: operations.set_trashed(ws, "event", START, True),
    "trash source": lambda ws: operations.set_trashed(ws, "source", MEMO, True),
    "trash note": lambda ws: operations.set_trashed(ws, "note", a_note(ws), True),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_redo_reapplies_exactly_and_undo_again_restores(small: Workspace, name: str) -> None:
    op = OPERATIONS[name](small)
    after = state(small)
    undone = op.undo()
    restored = state(small)
    assert restored != after, f"{name}: undo changed nothing"
    redone = undone.undo()
    assert state(small) == after, f"{name}: redo did not re-apply it"
    assert redone.changes.policies == op.changes.policies
    redone.undo()
    assert state(small) == restored, f"{name}: the second undo differs from the first"


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_undo_restores_the_state_before_the_operation(small: Workspace, name: str) -> None:
    # The set-up rows some operations make (a note to edit, a source to unlink) come first.
    operation = OPERATIONS[name]
    steps: list[dict[str, list[tuple[Any, ...]]]] = []

    original_add_note = editing.add_note
    original_add_source = editing.add_source

    def recording_add_note(*args: Any, **kwargs: Any) -> str:
        made = original_add_note(*args, **kwargs)
        steps.append(state(small))
        return made

    def recording_add_source(*args: Any, **kwargs: Any) -> str:
        made = original_add_source(*args, **kwargs)
        steps.append(state(small))
        return made

    before = state(small)
    with pytest.MonkeyPatch.context() as patch:
        if name in {"edit note", "trash note"}:
            patch.setattr(editing, "add_note", recording_add_note)
        if name == "unlink source":
            patch.setattr(editing, "add_source", recording_add_source)
        op = operation(small)
    expected = steps[0] if steps else before
    after = state(small)
    assert after != expected
    op.undo()
    assert state(small) == expected, f"{name}: undo left something different"


def test_changes_name_the_policies_and_kinds(small: Workspace) -> None:
    added = operations.add_relation(small, BETA, RelationInput(kind="supersedes", target_id=ALPHA))
    assert added.changes.policies == {ALPHA, BETA}
    assert added.changes.kinds == {EntryKind.RELATION}
    note = add_note(small)
    assert note.changes == Changes.of({EntryKind.NOTE}, {ALPHA})
    source = operations.edit_source(small, MEMO, SourceInput(title="Memo"))
    assert source.changes.policies == editing.policies_of_source(small, MEMO)
    assert source.changes.touches(EntryKind.EXCERPT)
    trashed = operations.set_trashed(small, "event", START, True)
    assert trashed.changes.kinds == {EntryKind.EVENT, EntryKind.TRASH}
    assert trashed.changes.policies == {ALPHA}
    edited = operations.edit_policy(small, ALPHA, PolicyInput(title="Alpha", slug="alpha-2"))
    assert edited.result == "alpha-2" and edited.changes.focus == "alpha-2"
    assert edited.undo().changes.focus == "alpha"
    assert Changes.all().touches_policy("anything") and Changes.all().touches(EntryKind.FIGURE)
    assert not note.changes.touches_policy(BETA)


def test_restoring_from_the_trash_and_undoing_keeps_the_time_it_was_trashed(small: Workspace) -> None:
    operations.set_trashed(small, "source", MEMO, True)
    first_time = editing.trashed_at(small, "source", MEMO)
    with small.session() as session:  # as if it had gone to the trash a while ago
        session.execute(
            text("UPDATE source SET deleted_at = '2001-01-01T00:00:00Z' WHERE id = :id"), {"id": MEMO}
        )
    assert first_time is not None
    restored = operations.set_trashed(small, "source", MEMO, False)
    assert editing.trashed_at(small, "source", MEMO) is None
    restored.undo()
    assert editing.trashed_at(small, "source", MEMO) == "2001-01-01T00:00:00Z"


def test_an_operation_that_finds_nothing_to_do_undoes_nothing(small: Workspace) -> None:
    before = state(small)
    op = operations.link_source(small, ALPHA, MEMO)  # linked already by the seeds
    assert op.result is False
    op.undo()
    assert state(small) == before
    assert ALPHA in editing.policies_of_source(small, MEMO)


def test_invalid_input_changes_nothing_and_returns_no_op(small: Workspace) -> None:
    before = state(small)
    with pytest.raises(editing.ValidationFailed):
        operations.add_event(small, ALPHA, EventInput(date="2021-02-30", status="in_effect"))
    with pytest.raises(NotFound):
        operations.edit_note(small, "no-such-note", NoteInput(body="x"))
    assert state(small) == before


def test_undo_after_the_entry_went_elsewhere_says_so_and_changes_nothing(small: Workspace) -> None:
    op = add_note(small)
    editing.purge_note(small, op.result)  # removed by another way in (the command line, say)
    before = state(small)
    with pytest.raises(NotFound):
        op.undo()
    assert state(small) == before


def test_purge_names_what_it_changed_and_the_policy_of_a_purged_event(small: Workspace) -> None:
    operations.set_trashed(small, "event", seed_id("event", "alpha/blocked"), True)
    item = next(i for i in editing.list_trash(small) if i.kind == "event")
    changes = operations.purge(small, item)
    assert changes.policies == {ALPHA}
    assert changes.kinds == {EntryKind.EVENT, EntryKind.TRASH}
    assert not editing.list_trash(small)


def test_a_policy_with_its_first_event_and_source_is_one_step(small: Workspace) -> None:
    before = state(small)
    op = operations.add_policy_with_history(
        small,
        PolicyInput(title="Delta rule"),
        EventInput(date="2024-05-02", status="in_effect", description="Took effect."),
        SourceInput(title="Delta notice", url="https://example.org/delta", kind="government"),
    )
    added = op.result
    assert added.slug == "delta-rule" and added.event_id and added.source_id
    assert op.changes.focus == "delta-rule"
    assert op.changes.kinds == {EntryKind.POLICY, EntryKind.EVENT, EntryKind.SOURCE, EntryKind.EXCERPT}
    event = editing.event_input(small, added.event_id)
    assert (event.date, event.status, event.source_ids) == ("2024-05-02", "in_effect", [added.source_id])
    assert event.confidence == "confirmed"  # a government source confirms it
    assert editing.policies_of_source(small, added.source_id) == {added.policy_id}
    op.undo()
    assert state(small) == before  # policy, event, citation and source all gone, in one undo


def test_a_policy_without_a_first_event_still_gets_its_source(small: Workspace) -> None:
    op = operations.add_policy_with_history(small, PolicyInput(title="Epsilon"), None, SourceInput(title="S"))
    assert op.result.event_id is None and op.result.source_id is not None
    assert editing.policies_of_source(small, op.result.source_id) == {op.result.policy_id}


def test_a_wrong_first_event_or_source_is_named_by_its_field_and_changes_nothing(small: Workspace) -> None:
    before = state(small)
    with pytest.raises(editing.ValidationFailed) as failure:
        operations.add_policy_with_history(
            small,
            PolicyInput(title=""),
            EventInput(date="2024-13", status="in_effect"),
            SourceInput(title="", url="ftp://x"),
        )
    assert set(failure.value.errors) == {"title", "event_date", "source_title", "source_url"}
    assert state(small) == before


def test_an_event_citing_a_new_source_that_fails_leaves_no_source(small: Workspace) -> None:
    before = state(small)
    with pytest.raises(editing.ValidationFailed):
        operations.add_event_citing_new_sources(
            small,
            ALPHA,
            EventInput(date="2022", status="blocked_by_court", source_ids=["gone"]),
            [SourceInput(title="New")],
        )
    assert state(small) == before  # the source inserted before the failure was rolled back


def test_an_undone_delete_brings_the_policy_back_into_view(small: Workspace) -> None:
    trashed = operations.set_trashed(small, "policy", ALPHA, True)
    assert trashed.changes.focus is None  # nothing to bring into view: it went
    restored = trashed.undo()
    assert restored.changes.focus == "alpha"
    assert restored.undo().changes.focus is None
    assert operations.set_trashed(small, "event", START, True).undo().changes.focus is None
