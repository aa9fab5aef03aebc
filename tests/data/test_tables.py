"""The database's own constraints back up every rule the editors check."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.data.tables import EventCitation, Note, Policy, Relation, Source, StatusEvent
from app.services.workspace import Workspace


def _policy(slug: str = "p", **fields: object) -> Policy:
    return Policy(slug=slug, title=fields.pop("title", "A policy"), **fields)


def _event(policy_id: str, **fields: object) -> StatusEvent:
    values: dict[str, object] = {
        "date": "2020-01",
        "date_precision": "month",
        "date_sort": "2020-01-01",
        "status": "in_effect",
    }
    values.update(fields)
    return StatusEvent(policy_id=policy_id, **values)


def _commit(workspace: Workspace, *rows: object) -> None:
    with workspace.session() as session:
        for row in rows:
            session.add(row)
            session.flush()


@pytest.mark.parametrize(
    "row",
    [
        _policy(title="   "),
        _policy(slug="Has Spaces"),
        _policy(slug="-starts-with-hyphen"),
        _policy(origin="somebody"),
        Source(title=""),
        Source(title="ok", url="javascript:alert(1)"),
        Source(title="ok", url="file:///etc/passwd"),
        Source(title="ok", published="2020", published_precision="week"),
    ],
)
def test_invalid_rows_are_refused(empty_workspace: Workspace, row: object) -> None:
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, row)


def test_slug_is_unique(empty_workspace: Workspace) -> None:
    _commit(empty_workspace, _policy("same"))
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, _policy("same", title="Another"))


def test_event_status_must_come_from_the_vocabulary(empty_workspace: Workspace) -> None:
    policy = _policy()
    _commit(empty_workspace, policy)
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, _event(policy.id, status="paused"))
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, _event(policy.id, date_precision="week"))


def test_foreign_keys_are_enforced(empty_workspace: Workspace) -> None:
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, _event("no-such-policy"))


def test_deleting_a_policy_with_notes_is_refused(empty_workspace: Workspace) -> None:
    policy = _policy()
    _commit(empty_workspace, policy, Note(policy_id=policy.id, body="my thought"))
    with pytest.raises(IntegrityError), empty_workspace.session() as session:
        session.delete(session.get(Policy, policy.id))
    rows = empty_workspace.store.connection.execute("SELECT body FROM note").fetchall()
    assert [tuple(r) for r in rows] == [("my thought",)]


def test_deleting_a_policy_without_notes_takes_its_events(empty_workspace: Workspace) -> None:
    policy = _policy()
    _commit(empty_workspace, policy, _event(policy.id))
    with empty_workspace.session() as session:
        session.delete(session.get(Policy, policy.id))
    assert empty_workspace.store.connection.execute("SELECT count(*) FROM status_event").fetchone()[0] == 0


def test_a_cited_source_cannot_vanish_from_under_its_event(empty_workspace: Workspace) -> None:
    policy, source = _policy(), Source(title="Memo")
    event = _event(policy.id)
    _commit(empty_workspace, policy, source, event, EventCitation(event_id=event.id, source_id=source.id))
    with pytest.raises(IntegrityError), empty_workspace.session() as session:
        session.delete(session.get(Source, source.id))


def test_relations_are_unique_and_never_to_self(empty_workspace: Workspace) -> None:
    a, b = _policy("a"), _policy("b")
    _commit(empty_workspace, a, b, Relation(from_policy_id=a.id, to_policy_id=b.id, kind="supersedes"))
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, Relation(from_policy_id=a.id, to_policy_id=b.id, kind="supersedes"))
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, Relation(from_policy_id=a.id, to_policy_id=a.id, kind="related_to"))
    with pytest.raises(IntegrityError):
        _commit(empty_workspace, Relation(from_policy_id=b.id, to_policy_id=a.id, kind="replaces"))


def test_ids_are_uuids(empty_workspace: Workspace) -> None:
    import uuid

    policy = _policy()
    _commit(empty_workspace, policy)
    assert uuid.UUID(policy.id).version == 4


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(empty_workspace: Workspace) -> None:
    reader = empty_workspace.store.connection
    assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reader.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert reader.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    with empty_workspace.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_every_vocabulary_check_in_the_workspace_is_the_domain_enum(workspace: Workspace) -> None:
    """The CHECKs are built from the domain's enums: a member added there without a migration
    that widens the stored CHECK would be refused by every workspace, so the two must agree."""
    import re

    from app.domain.dates import DatePrecision
    from app.domain.vocab import ChangeKind, Confidence, Origin, RelationKind, Status

    schema = " ".join(
        str(r[0])
        for r in workspace.store.connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
    )
    # A relation's kind and a recorded change's kind are two columns named "kind".
    for column, vocabularies in (
        ("status", [Status]),
        ("confidence", [Confidence]),
        ("kind", [RelationKind, ChangeKind]),
        ("origin", [Origin]),
        ("date_precision", [DatePrecision]),
    ):
        stored = re.findall(rf"\b{column} IN \(([^)]*)\)", schema)
        assert stored, column
        expected = [[f"'{m.value}'" for m in vocabulary] for vocabulary in vocabularies]
        assert sorted({tuple(values.replace(" ", "").split(",")) for values in stored}) == sorted(
            tuple(values) for values in expected
        ), column
