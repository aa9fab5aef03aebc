"""The change history records every change in the transaction that makes it, and nothing else."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.data.change_context import recording
from app.data.change_log import prune
from app.data.details import ChangeQuery, ChangeRow
from app.data.seeds import seed_id
from app.data.tables import Meta, Policy
from app.errors import InvalidInput
from app.services import changes, editing, operations
from app.services.inputs import EventInput, NoteInput, PolicyInput, RelationInput, SourceInput
from app.services.workspace import Workspace

ALPHA = seed_id("policy", "alpha")
BETA = seed_id("policy", "beta")
START = seed_id("event", "alpha/start")
MEMO = seed_id("source", "memo-one")
RULING = seed_id("source", "ruling-one")


# `small`: the two-policy workspace, as a local file and as a team workspace (tests/conftest.py).


def _excerpt_ids(workspace: Workspace) -> list[str]:
    [memo] = workspace.store.sources_by_id([MEMO])
    return [x.id for x in memo.excerpts]


def _after(workspace: Workspace, seq: int) -> list[ChangeRow]:
    return workspace.store.changes(ChangeQuery(after_seq=seq))


def test_creating_a_workspace_records_its_starter_data_as_such(small: Workspace) -> None:
    recorded = small.store.changes(ChangeQuery())
    assert recorded, "the starter data's entries were not recorded"
    assert {c.source for c in recorded} == {"starter data"}
    assert {c.before for c in recorded} == {None}
    assert {c.kind for c in recorded} >= {"policy", "event", "source", "relation"}
    assert [c.seq for c in recorded] == sorted({c.seq for c in recorded})


def test_each_kind_of_edit_is_recorded_with_before_and_after(small: Workspace) -> None:
    mark = small.store.last_change_seq()
    editing.update_policy(small, ALPHA, PolicyInput(title="Alpha renamed", slug="alpha", tags=["new"]))
    [policy] = _after(small, mark)
    assert (policy.kind, policy.entry_id, policy.policy_id, policy.source) == ("policy", ALPHA, ALPHA, "edit")
    assert policy.before is not None and policy.after is not None
    assert (policy.before["title"], policy.after["title"]) == ("Alpha program", "Alpha renamed")
    assert policy.summary.startswith("Changed policy “Alpha renamed”: title")
    assert policy.who  # the operating-system user

    mark = small.store.last_change_seq()
    editing.update_event(small, START, EventInput(date="2020-02-01", status="announced", source_ids=[RULING]))
    [event] = _after(small, mark)
    assert event.kind == "event" and event.policy_ids == (ALPHA,)
    assert event.before is not None and event.after is not None
    assert event.after["sources"] == [RULING] and event.before["sources"] != [
        RULING
    ]  # citations are part of it

    mark = small.store.last_change_seq()
    editing.update_source(
        small, MEMO, SourceInput(title="Memo, revised", excerpts=["Only this passage now."])
    )
    kinds = sorted(c.kind for c in _after(small, mark))
    assert kinds.count("source") == 1 and "excerpt" in kinds

    mark = small.store.last_change_seq()
    note_id = editing.add_note(small, BETA, NoteInput(body="Watch the court", tags=["x"]))
    editing.add_relation(small, BETA, RelationInput(kind="supersedes", target_id=ALPHA))
    recorded = _after(small, mark)
    assert [(c.kind, c.before is None) for c in recorded] == [("note", True), ("relation", True)]
    assert recorded[0].entry_id == note_id
    assert set(recorded[1].policy_ids) == {ALPHA, BETA}  # a relation concerns both its ends


def test_linking_a_source_is_a_change_of_the_source_for_that_policy(small: Workspace) -> None:
    mark = small.store.last_change_seq()
    operations.link_source(small, BETA, RULING)
    [linked] = _after(small, mark)
    assert (linked.kind, linked.entry_id) == ("source", RULING)
    assert BETA in linked.policy_ids
    assert "linked to beta" in linked.summary
    by_policy = small.store.changes(ChangeQuery(after_seq=mark, policy_ids=(BETA,)))
    assert [c.seq for c in by_policy] == [linked.seq]


def test_saving_a_source_unchanged_records_nothing_and_keeps_its_excerpts(small: Workspace) -> None:
    current = editing.source_input(small, MEMO)
    assert current.excerpts, "the fixture's memo has no excerpts"
    ids = _excerpt_ids(small)
    mark = small.store.last_change_seq()
    editing.update_source(small, MEMO, current)
    assert _after(small, mark) == []
    assert _excerpt_ids(small) == ids


def test_an_excerpt_added_to_a_source_is_recorded_alone(small: Workspace) -> None:
    current = editing.source_input(small, MEMO)
    mark = small.store.last_change_seq()
    editing.update_source(small, MEMO, replace(current, excerpts=[*current.excerpts, "A new passage."]))
    [added] = _after(small, mark)
    assert (added.kind, added.before, added.summary) == ("excerpt", None, "Added excerpt “A new passage.”")
    assert ALPHA in added.policy_ids  # an excerpt concerns its source's policies


def test_undo_and_redo_are_recorded_as_such_each_as_one_group(small: Workspace) -> None:
    mark = small.store.last_change_seq()
    done = operations.add_source(small, SourceInput(title="A report", excerpts=["One.", "Two."]), ALPHA)
    undone = done.undo()
    redone = undone.undo()
    assert (undone.done_as, redone.done_as, redone.undo().done_as) == ("undo", "redo", "undo")
    recorded = _after(small, mark)
    assert [c.source for c in recorded] == ["edit"] * 3 + ["undo"] * 3 + ["redo"] * 3 + ["undo"] * 3
    groups = [{c.batch for c in recorded[i : i + 3]} for i in range(0, 12, 3)]
    assert all(len(group) == 1 for group in groups) and len(set.union(*groups)) == 4
    assert [c.before is None for c in recorded[3:6]] == [False] * 3  # the undo deleted them


def test_a_purged_policy_records_what_the_database_deleted_with_it(small: Workspace) -> None:
    beta = small.store.policy_detail(BETA)
    assert beta is not None
    events, figures = {e.id for e in beta.events}, {f.id for f in beta.figures}
    operations.set_trashed(small, "policy", BETA, True)
    assert events, "the fixture's beta has no events to cascade"
    mark = small.store.last_change_seq()
    editing.purge_policy(small, BETA, with_notes=True)
    recorded = _after(small, mark)
    assert [(c.kind, c.after) for c in recorded if c.kind == "policy"] == [("policy", None)]
    # ON DELETE CASCADE deleted these in the database; each was read before it ran.
    assert {c.entry_id for c in recorded if c.kind == "event" and c.after is None} == events
    assert {c.entry_id for c in recorded if c.kind == "figure" and c.after is None} == figures
    assert not small.store.policy_exists(BETA) and small.store.first_event_day(BETA) is None


def test_a_rolled_back_change_leaves_no_record(small: Workspace) -> None:
    mark = small.store.last_change_seq()
    with pytest.raises(RuntimeError), small.session() as session:
        policy = session.get(Policy, ALPHA)
        assert policy is not None
        policy.title = "Never saved"
        session.add(policy)
        session.flush()
        raise RuntimeError("the operation failed after writing")
    assert _after(small, mark) == []
    assert small.store.last_change_seq() == mark


def test_a_change_refused_by_the_database_leaves_no_record(small: Workspace) -> None:
    from sqlalchemy.exc import IntegrityError

    from app.data.tables import Source

    mark = small.store.last_change_seq()
    with pytest.raises(IntegrityError), small.session() as session:
        cited = session.get(Source, MEMO)  # an event cites it: ON DELETE RESTRICT refuses
        session.delete(cited)
    assert _after(small, mark) == []
    assert [s.id for s in small.store.sources_by_id([MEMO])] == [MEMO]


def test_an_import_records_each_change_under_the_files_name(small: Workspace, tmp_path: Path) -> None:
    from app.services.bundle import write_bundle
    from app.services.bundle_import import import_bundle

    other = Workspace.open(tmp_path / "other.sqlite", starter_data=False)
    try:
        policy_id, _slug = editing.create_policy(other, PolicyInput(title="Imported rule"))
        editing.add_event(other, policy_id, EventInput(date="2021-01", status="enacted"))
        bundle = tmp_path / "from-desk.json"
        write_bundle(other, bundle)
    finally:
        other.close()
    mark = small.store.last_change_seq()
    import_bundle(small, bundle)
    recorded = _after(small, mark)
    assert {c.source for c in recorded} == {"import from-desk.json"}
    assert {c.kind for c in recorded} >= {"policy", "event"}
    assert len({c.batch for c in recorded}) == 1


@pytest.mark.sqlite_only("rewrites the SQLite file as an older dataset would have")
def test_a_starter_data_update_is_recorded_as_starter_data(small: Workspace) -> None:
    # As if an older starter dataset had written another summary, untouched by the person since.
    from app.data import seeds

    connection = sqlite3.connect(small.path)
    connection.execute("UPDATE policy SET summary = 'What an older dataset said.' WHERE id = ?", (ALPHA,))
    connection.commit()
    with small.session() as session:
        policy = session.get(Policy, ALPHA)
        assert policy is not None
        older = seeds._hash(seeds._policy_values(policy))
    connection.execute("UPDATE seed_state SET content_hash = ? WHERE entity_id = ?", (older, ALPHA))
    connection.commit()
    connection.close()
    mark = small.store.last_change_seq()
    small.load_starter_data()
    recorded = _after(small, mark)
    assert [(c.kind, c.entry_id, c.source) for c in recorded] == [("policy", ALPHA, "starter data")]


@pytest.mark.sqlite_only("pruning: on a team workspace members cannot remove the history")
def test_numbers_keep_growing_after_old_records_are_pruned(small: Workspace) -> None:
    last = small.store.last_change_seq()
    with small.session() as session:
        session.add(Meta(key="change_history_days", value="30"))
    later = datetime.now(UTC) + timedelta(days=31)
    with small.session() as session:
        assert prune(session, today=later) > 0
    assert small.store.changes(ChangeQuery()) == []
    mark = small.store.last_change_seq()
    editing.add_note(small, ALPHA, NoteInput(body="after the pruning"))
    [note] = small.store.changes(ChangeQuery())
    assert note.seq > last >= mark
    leftover = small.store.connection.execute("SELECT count(*) FROM change_policy").fetchone()[0]
    assert leftover == 1  # the pruned records' policies went with them


@pytest.mark.sqlite_only("pruning: on a team workspace members cannot remove the history")
def test_the_default_keeps_more_than_a_year(small: Workspace) -> None:
    assert changes.retention_days(small) >= 366
    with small.session() as session:
        assert prune(session, today=datetime.now(UTC) + timedelta(days=365)) == 0
    assert small.store.changes(ChangeQuery())


@pytest.mark.sqlite_only("pruning: on a team workspace members cannot remove the history")
def test_pruning_is_cheap_when_nothing_is_old(small: Workspace) -> None:
    statements: list[str] = []
    with small.session():
        pass  # the store's own pruning, on its first write
    with small.session() as session:
        connection = session.connection()
        from sqlalchemy import event

        event.listen(connection, "before_cursor_execute", lambda *a: statements.append(a[2]))
        prune(session)
    assert len(statements) <= 3, statements  # the setting, the oldest number, its time
    assert not any("DELETE" in s for s in statements)


@pytest.mark.sqlite_only("pruning: on a team workspace members cannot remove the history")
def test_setting_the_retention_prunes_at_once_and_refuses_nonsense(small: Workspace) -> None:
    with pytest.raises(InvalidInput, match="days"):
        changes.set_retention_days(small, -3)
    connection = sqlite3.connect(small.path)
    connection.execute("UPDATE change_record SET at = '2000-01-01T00:00:00.000Z'")
    connection.commit()
    connection.close()
    changes.set_retention_days(small, 400)
    assert small.store.changes(ChangeQuery()) == []
    assert changes.retention_days(small) == 400


@pytest.mark.sqlite_only("reads the SQLite file")
def test_before_and_after_are_json_text_in_the_file(small: Workspace) -> None:
    editing.update_policy(small, ALPHA, PolicyInput(title="Alpha", slug="alpha", tags=["één"]))
    before, after = small.store.connection.execute(
        "SELECT before, after FROM change_record ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert isinstance(before, str) and json.loads(after)["tags"] == ["één"]


def test_recording_nests_keeping_the_outer_group(small: Workspace) -> None:
    mark = small.store.last_change_seq()
    with recording("import desk.csv"):
        editing.add_note(small, ALPHA, NoteInput(body="one"))
        with recording("undo"):
            editing.add_note(small, ALPHA, NoteInput(body="two"))
    first, second = _after(small, mark)
    assert (first.source, second.source) == ("import desk.csv", "undo")
    assert first.batch == second.batch
