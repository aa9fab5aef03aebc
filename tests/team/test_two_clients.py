"""Two analysts on one team workspace, each through their own connection, as in an office."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from app.data.seeds import seed_id
from app.errors import EditConflict, InvalidInput, WorkspaceReadOnly
from app.export.run import ExportRequest, run_export
from app.services import editing, operations
from app.services.inputs import NoteInput, PolicyInput
from app.services.notes import NoteFilters, list_notes, note_tags
from app.services.operations import Changes, EntryKind
from app.services.policies import PolicyFilters, list_policies
from app.services.team import TeamWorkspace, watch_changes
from tests.team.workspace_fixtures import Team

ALPHA = seed_id("policy", "alpha")


def _note(workspace: TeamWorkspace, body: str, *, shared: bool = False, tags: list[str] | None = None) -> str:
    return editing.add_note(workspace, ALPHA, NoteInput(body=body, tags=tags or [], shared=shared))


def _alpha_row(workspace: TeamWorkspace) -> object:
    return next(r for r in list_policies(workspace) if r.id == ALPHA)


def test_a_private_note_is_invisible_to_the_other_analyst_by_every_path(
    alice: TeamWorkspace, bob: TeamWorkspace, tmp_path: Path
) -> None:
    before = _alpha_row(bob).note_count  # type: ignore[attr-defined]
    note = _note(alice, "Quokkaword private musing", tags=["secretive"])

    # Alice sees her note everywhere.
    assert [n.id for n in list_notes(alice)] == [note]
    assert [r.slug for r in list_policies(alice, PolicyFilters(search="quokkaword"))] == ["alpha"]
    assert _alpha_row(alice).note_count == before + 1  # type: ignore[attr-defined]
    assert "secretive" in note_tags(alice)

    # Bob: not in the note lists, the search, the counts, the details, the tags, the trash or exports.
    assert list_notes(bob) == []
    assert list_notes(bob, NoteFilters(search="quokkaword")) == []
    assert list_policies(bob, PolicyFilters(search="quokkaword")) == []
    assert _alpha_row(bob).note_count == before  # type: ignore[attr-defined]
    assert bob.store.content_counts(ALPHA).notes == before
    detail = bob.store.policy_detail(ALPHA)
    assert detail is not None and detail.notes == []
    assert "secretive" not in note_tags(bob) and "secretive" not in bob.store.all_tags()
    operations.set_trashed(alice, "note", note, True)
    assert [t.id for t in alice.store.trash() if t.kind == "note"] == [note]
    assert [t for t in bob.store.trash() if t.kind == "note"] == []
    assert bob.store.trashed_note_count(ALPHA) == 0
    operations.set_trashed(alice, "note", note, False)
    for fmt in ("json", "md"):
        written = run_export(bob, ExportRequest(fmt, [ALPHA], tmp_path / f"bob.{fmt}", include_notes=True))
        assert all("Quokkaword" not in path.read_text(encoding="utf-8") for path in written)
    written = run_export(alice, ExportRequest("json", [ALPHA], tmp_path / "alice.json", include_notes=True))
    assert "Quokkaword" in written[0].read_text(encoding="utf-8")

    # Nor by asking the server directly, as bob, for the notes or their search documents.
    with psycopg.connect(bob.store.connection.info.dsn, password="bob-secret") as raw:  # type: ignore[attr-defined]
        assert raw.execute("SELECT count(*) FROM note").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM search_doc WHERE kind = 'note'").fetchone() == (0,)


def test_a_shared_note_shows_its_author_and_only_its_author_changes_it(
    alice: TeamWorkspace, bob: TeamWorkspace
) -> None:
    note = _note(alice, "For the whole desk", shared=True)
    seen = list_notes(bob)
    assert [(n.id, n.author, n.shared) for n in seen] == [(note, "alice", True)]
    with pytest.raises(InvalidInput, match="This note is alice's, shared with the team: only its author"):
        editing.update_note(bob, note, NoteInput(body="Bob rewrote it"))
    with pytest.raises(InvalidInput, match="only its author"):
        operations.set_trashed(bob, "note", note, True)
    assert list_notes(alice)[0].body == "For the whole desk"

    # Its author makes it private again: bob no longer sees it.
    editing.update_note(alice, note, NoteInput(body="For the whole desk", shared=False))
    assert list_notes(bob) == []
    assert editing.note_input(alice, note).shared is False


def test_saving_over_someone_elses_change_is_refused_in_words(
    alice: TeamWorkspace, bob: TeamWorkspace
) -> None:
    read_at = editing.entry_version(alice, "policy", ALPHA)
    assert read_at is not None
    mine = editing.policy_input(alice, ALPHA)
    theirs = editing.policy_input(bob, ALPHA)
    theirs.summary = "Bob's summary"
    operations.edit_policy(bob, ALPHA, theirs, expected_version=editing.entry_version(bob, "policy", ALPHA))

    mine.summary = "Alice's summary"
    with pytest.raises(
        EditConflict, match="changed by bob since you read it; nothing was saved over their change"
    ):
        operations.edit_policy(alice, ALPHA, mine, expected_version=read_at)
    assert alice.store.policy_detail(ALPHA).summary == "Bob's summary"  # type: ignore[union-attr]

    # Read again, saved again: now it goes through, and bob's undo no longer overwrites it.
    done = operations.edit_policy(
        alice, ALPHA, mine, expected_version=editing.entry_version(alice, "policy", ALPHA)
    )
    assert bob.store.policy_detail(ALPHA).summary == "Alice's summary"  # type: ignore[union-attr]
    del done


def test_undo_of_an_entry_someone_else_changed_since_is_refused(
    alice: TeamWorkspace, bob: TeamWorkspace
) -> None:
    data = editing.policy_input(alice, ALPHA)
    data.summary = "Alice's edit"
    op = operations.edit_policy(alice, ALPHA, data)
    theirs = editing.policy_input(bob, ALPHA)
    theirs.summary = "Bob's later edit"
    operations.edit_policy(bob, ALPHA, theirs)
    with pytest.raises(EditConflict, match="changed by bob"):
        op.undo()
    assert alice.store.policy_detail(ALPHA).summary == "Bob's later edit"  # type: ignore[union-attr]


def _listening(workspace: TeamWorkspace) -> tuple[list[Changes], threading.Event, object]:
    heard: list[Changes] = []
    arrived = threading.Event()

    def on_change(changes: Changes) -> None:
        heard.append(changes)
        arrived.set()

    stop = watch_changes(workspace, on_change)
    assert stop is not None
    return heard, arrived, stop


def test_a_commit_is_heard_by_the_other_client_within_a_second_and_a_rollback_is_not(
    alice: TeamWorkspace, bob: TeamWorkspace
) -> None:
    heard, arrived, stop = _listening(bob)
    try:
        # A transaction that fails half-way (after writing) is rolled back: nothing is sent.
        with pytest.raises(RuntimeError), alice.session() as session:
            from app.data.tables import Policy

            policy = session.get(Policy, ALPHA)
            assert policy is not None
            policy.summary = "Never committed"
            session.add(policy)
            session.flush()
            raise RuntimeError("the edit fails before its commit")
        assert not arrived.wait(1.0), heard

        started = time.monotonic()
        data = editing.policy_input(alice, ALPHA)
        data.summary = "Committed"
        operations.edit_policy(alice, ALPHA, data)
        assert arrived.wait(5.0)
        elapsed = time.monotonic() - started
        assert elapsed < 1.0, f"heard after {elapsed:.2f} s"
        assert heard[0].touches(EntryKind.POLICY) and heard[0].touches_policy(ALPHA)
        assert bob.store.policy_detail(ALPHA).summary == "Committed"  # type: ignore[union-attr]
    finally:
        stop()  # type: ignore[operator]


def test_a_private_note_sends_nothing_that_names_it(alice: TeamWorkspace, team: Team) -> None:
    payloads: list[str] = []
    with psycopg.connect(team.url("bob"), autocommit=True) as listener:
        listener.execute("LISTEN policy_tracker_changes")
        _note(alice, "Nobody else should know where")
        payloads += [n.payload for n in listener.notifies(timeout=1.0)]
    assert [json.loads(p) for p in payloads] == [{"table": "note"}]


def test_after_a_dropped_listener_it_reconnects_and_catches_up(
    alice: TeamWorkspace, bob: TeamWorkspace
) -> None:
    from app.data.postgres.listen import ChangeListener

    batches: list[list[dict[str, object]]] = []
    arrived = threading.Event()

    def on_change(payloads: list[dict[str, object]]) -> None:
        batches.append(payloads)
        arrived.set()

    listener = ChangeListener(bob.url, on_change, poll_seconds=0.1)
    listener.start()
    try:
        assert listener.listening
        listener.drop_connection()
        data = editing.policy_input(alice, ALPHA)
        data.summary = "Changed while bob's listener was away"
        operations.edit_policy(alice, ALPHA, data)
        deadline = time.monotonic() + 10
        while not any({"table": "*"} in batch for batch in batches) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any({"table": "*"} in batch for batch in batches), batches  # told: refresh everything
        assert listener.listening
    finally:
        listener.stop()


def test_a_schema_newer_than_this_client_opens_read_only_with_a_message(team: Team) -> None:
    team.admin_sql("UPDATE alembic_version SET version_num = '9999'")
    workspace = team.open("alice")
    try:
        assert workspace.read_only
        assert "newer version of Policy Tracker" in workspace.notice
        assert [r.slug for r in list_policies(workspace)] == ["alpha", "beta"]
        with pytest.raises(WorkspaceReadOnly, match="newer version"):
            operations.add_policy(workspace, PolicyInput(title="Not written"))
        with pytest.raises(WorkspaceReadOnly):
            editing.add_note(workspace, ALPHA, NoteInput(body="Not written either"))
    finally:
        workspace.close()
    reopened = team.open("bob")
    try:
        assert [r.slug for r in list_policies(reopened)] == ["alpha", "beta"]
    finally:
        reopened.close()


def test_members_cannot_change_the_schema(alice: TeamWorkspace, team: Team) -> None:
    with psycopg.connect(team.url("alice"), autocommit=True) as raw:
        for statement in (
            "ALTER TABLE note DISABLE ROW LEVEL SECURITY",
            "DROP TABLE saved_search",
            "CREATE TABLE mine (x int)",
            "UPDATE alembic_version SET version_num = '0001'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                raw.execute(statement)


def test_a_connection_the_server_dropped_is_replaced_for_the_next_read_and_write(
    alice: TeamWorkspace, team: Team
) -> None:
    """A laptop asleep, a server restarted: the next read and the next save reconnect, nothing is lost."""
    assert [r.slug for r in list_policies(alice)] == ["alpha", "beta"]
    data = editing.policy_input(alice, ALPHA)  # the write engine has a pooled connection now too
    team.admin_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'alice'")
    assert [r.slug for r in list_policies(alice)] == ["alpha", "beta"]
    data.summary = "Saved after the connection was dropped"
    operations.edit_policy(alice, ALPHA, data)
    assert alice.store.policy_detail(ALPHA).summary == "Saved after the connection was dropped"  # type: ignore[union-attr]


def test_a_server_gone_mid_session_is_told_in_words(alice: TeamWorkspace, team: Team) -> None:
    from app.errors import UserError

    alice.store.count_policies()
    down = TeamWorkspace(alice.url.set(port=1))  # the same workspace, its server now unreachable
    try:
        with pytest.raises(UserError, match="down or unreachable"):
            down.store.count_policies()
        with pytest.raises(UserError, match="down or unreachable"):
            editing.update_policy(down, ALPHA, editing.policy_input(alice, ALPHA))
    finally:
        down.close()


def test_the_change_history_names_the_database_user_and_hides_others_private_notes(
    alice: TeamWorkspace, bob: TeamWorkspace
) -> None:
    from app.data.details import ChangeQuery

    start = alice.store.last_change_seq()
    private = _note(alice, "Wombatword private musing")
    shared = _note(alice, "Wombatword for the desk", shared=True)
    operations.edit_policy(bob, ALPHA, replace(editing.policy_input(bob, ALPHA), summary="Bob's summary"))

    mine = alice.store.changes(ChangeQuery(after_seq=start))
    assert [(c.who, c.kind, c.entry_id) for c in mine] == [
        ("alice", "note", private),
        ("alice", "note", shared),
        ("bob", "policy", ALPHA),
    ]
    theirs = bob.store.changes(ChangeQuery(after_seq=start))
    assert [(c.who, c.kind, c.entry_id) for c in theirs] == [
        ("alice", "note", shared),
        ("bob", "policy", ALPHA),
    ]
    assert "Wombatword private" not in json.dumps([c.after for c in theirs])
    # Nor by asking the server directly, and a member cannot rewrite or remove the history.
    with psycopg.connect(bob.store.connection.info.dsn, password="bob-secret") as raw:  # type: ignore[attr-defined]
        assert raw.execute(
            "SELECT count(*) FROM change_record WHERE entry_id = %s", (private,)
        ).fetchone() == (0,)
        assert raw.execute("DELETE FROM change_record").rowcount == 0
        raw.execute(
            "INSERT INTO change_record (at, who, kind, entry_id, summary, batch, source)"
            " VALUES ('2026-01-01T00:00:00.000Z', 'alice', 'policy', 'x', 'forged', 'b', 'edit')"
        )
        assert raw.execute("SELECT who FROM change_record WHERE summary = 'forged'").fetchone() == ("bob",)


def test_as_of_the_audit_and_why_a_search_matched_read_the_team_workspace(
    alice: TeamWorkspace, bob: TeamWorkspace
) -> None:
    from datetime import date

    from app.services.as_of import as_of
    from app.services.audit import audit_workspace

    rows = as_of(bob, date.today(), None)
    assert ALPHA in {r.row.id for r in rows}
    assert {a.policy_id for a in audit_workspace(bob, None, stale_days=180)} >= {ALPHA}
    _note(alice, "Numbatword private musing")
    assert alice.store.match_reason("numbatword", ALPHA) is not None
    assert alice.store.match_reason("numbatword", ALPHA).kind == "note"  # type: ignore[union-attr]
    assert bob.store.match_reason("numbatword", ALPHA) is None
    title = alice.store.policy_detail(ALPHA).title  # type: ignore[union-attr]
    reason = bob.store.match_reason(title.split()[0], ALPHA)
    assert reason is not None and reason.kind == "policy" and reason.field == "title"
