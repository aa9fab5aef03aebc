"""Confidence, disagreement and last-verified: the seed schema, the loader and migration 0007."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlmodel import select

from app.data.seeds import _before_0007, _event_values, _hash, _policy_values, seed_id
from app.data.sqlite import migrate
from app.data.sqlite.db import make_engine
from app.data.sqlite.read import policy_detail
from app.data.tables import EventCitation, Policy, SeedState, StatusEvent
from app.errors import InvalidInput
from app.services.workspace import Workspace
from tests.conftest import FIXTURES
from tests.services.list_reference import assert_list_agrees

NEWS_SOURCE = """
[[source]]
key = "paper-one"
title = "A newspaper's account"
publisher = "The Daily"
published = "2021-06-20"
kind = "news"
language = "en"
"""

REPORTED_EVENT = """
[[event]]
key = "reported"
date = "2021-07"
status = "under_litigation"
description = "Only a newspaper says so."
sources = ["paper-one"]
"""


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    root = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "seeds_small", root)
    sources = root / "sources" / "sources.toml"
    sources.write_text(sources.read_text() + NEWS_SOURCE)
    alpha = root / "policies" / "alpha.toml"
    alpha.write_text(alpha.read_text().replace("[[relation]]", REPORTED_EVENT.lstrip() + "\n[[relation]]"))
    return root


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new, 1))


def _events(workspace: Workspace, slug: str) -> dict[str, tuple[str, str]]:
    detail = policy_detail(workspace.store.connection, seed_id("policy", slug))
    assert detail is not None
    return {e.description: (e.confidence, e.disagreement) for e in detail.events}


def test_without_the_fields_the_loader_derives_confidence_from_the_cited_sources(
    tmp_path: Path, seeds: Path
) -> None:
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=seeds)
    assert _events(workspace, "alpha") == {
        "The program began.": ("confirmed", ""),  # cites a government memo
        "A court blocked it.": ("confirmed", ""),  # cites a court ruling
        "Only a newspaper says so.": ("reported", ""),  # cites news only
    }
    detail = policy_detail(workspace.store.connection, seed_id("policy", "alpha"))
    assert detail is not None and detail.last_verified is None
    workspace.close()


def test_the_seed_fields_are_loaded(tmp_path: Path, seeds: Path) -> None:
    alpha = seeds / "policies" / "alpha.toml"
    _edit(alpha, 'tags = ["test"]', 'tags = ["test"]\nlast_verified = "2026-12-01"')
    _edit(
        alpha,
        'status = "blocked_by_court"',
        'status = "blocked_by_court"\nconfidence = "unconfirmed"\n'
        'disagreement = """The court says blocked; the agency says it continues."""',
    )
    _edit(alpha, 'status = "under_litigation"', 'status = "under_litigation"\nconfidence = "confirmed"')
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=seeds)
    assert _events(workspace, "alpha") == {
        "The program began.": ("confirmed", ""),
        "A court blocked it.": ("unconfirmed", "The court says blocked; the agency says it continues."),
        "Only a newspaper says so.": ("confirmed", ""),  # stated, so not derived
    }
    detail = policy_detail(workspace.store.connection, seed_id("policy", "alpha"))
    assert detail is not None and detail.last_verified == "2026-12-01"
    workspace.close()


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('status = "in_effect"', 'status = "in_effect"\nconfidence = "probably"', "event[1].confidence"),
        ('status = "in_effect"', 'status = "in_effect"\nconfidence = ""', "event[1].confidence"),
        ('status = "in_effect"', 'status = "in_effect"\ndisagreement = 3', "event[1].disagreement"),
        (
            'tags = ["test"]',
            'tags = ["test"]\nlast_verified = "2026-12"',
            "last_verified: 2026-12 must be a full",
        ),
        (
            'tags = ["test"]',
            'tags = ["test"]\nlast_verified = "2999-01-01"',
            "last_verified: 2999-01-01 is in",
        ),
        ('tags = ["test"]', 'tags = ["test"]\nlast_verified = "yesterday"', "last_verified"),
        ('tags = ["test"]', 'tags = ["test"]\nlast_verified = 2026-12-01', "last_verified"),  # a TOML date
    ],
)
def test_bad_values_are_reported_with_file_and_field(
    tmp_path: Path, seeds: Path, old: str, new: str, field: str
) -> None:
    alpha = seeds / "policies" / "alpha.toml"
    _edit(alpha, old, new)
    path = tmp_path / "w.sqlite"
    with pytest.raises(InvalidInput) as caught:
        Workspace.open(path, seeds_root=seeds)
    assert str(alpha) in str(caught.value)
    assert field in str(caught.value)
    assert not path.exists()


def test_a_newer_dataset_updates_the_fields_but_not_over_a_user_edit(tmp_path: Path, seeds: Path) -> None:
    path = tmp_path / "w.sqlite"
    workspace = Workspace.open(path, seeds_root=seeds)
    with workspace.session() as session:
        mine = session.get(StatusEvent, seed_id("event", "alpha/start"))
        assert mine is not None
        mine.confidence = "unconfirmed"  # the user's own judgement
        session.add(mine)
    workspace.close()
    alpha = seeds / "policies" / "alpha.toml"
    _edit(alpha, 'tags = ["test"]', 'tags = ["test"]\nlast_verified = "2026-12-07"')
    _edit(alpha, 'status = "in_effect"', 'status = "in_effect"\nconfidence = "reported"')
    _edit(alpha, 'status = "under_litigation"', 'status = "under_litigation"\nconfidence = "unconfirmed"')
    _edit(
        alpha,
        'status = "under_litigation"',
        'status = "under_litigation"\ndisagreement = "Two papers differ."',
    )
    reopened = Workspace.open(path, seeds_root=seeds)
    assert _events(reopened, "alpha") == {
        "The program began.": ("unconfirmed", ""),  # the user's edit stays
        "A court blocked it.": ("confirmed", ""),
        "Only a newspaper says so.": ("unconfirmed", "Two papers differ."),
    }
    detail = policy_detail(reopened.store.connection, seed_id("policy", "alpha"))
    assert detail is not None and detail.last_verified == "2026-12-07"
    reopened.close()


def _hashed_as_before_0007(path: Path) -> None:
    """Make the seed hashes what the loader made before revision 0007: without the new fields."""
    workspace = Workspace.open(path, starter_data=False)
    with workspace.session() as session:
        for state in session.exec(select(SeedState)).all():
            if state.entity == "event":
                row = session.get(StatusEvent, state.entity_id)
                query = select(EventCitation.source_id).where(EventCitation.event_id == state.entity_id)
                cited = list(session.exec(query))
                values = _before_0007("event", _event_values(row, cited))
            elif state.entity == "policy":
                values = _before_0007("policy", _policy_values(session.get(Policy, state.entity_id)))
            else:
                continue
            state.content_hash = _hash(values)
            session.add(state)
    workspace.close()


def _alembic(path: Path, step: str, revision: str) -> None:
    """Run Alembic's upgrade or downgrade to `revision` on the file, as the app's migrations run."""
    from alembic import command

    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            getattr(command, step)(config, revision)
    finally:
        engine.dispose()


def test_rows_the_starter_data_wrote_before_0007_are_still_updated(tmp_path: Path, seeds: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path, seeds_root=seeds).close()
    _hashed_as_before_0007(path)
    workspace = Workspace.open(path, starter_data=False)
    with workspace.session() as session:
        edited = session.get(StatusEvent, seed_id("event", "alpha/blocked"))
        assert edited is not None
        edited.description = "My own wording."
        session.add(edited)
    workspace.close()
    _alembic(path, "downgrade", "0006")
    with closing(sqlite3.connect(path)) as old:
        assert "confidence" not in {r[1] for r in old.execute("PRAGMA table_info(status_event)")}

    alpha = seeds / "policies" / "alpha.toml"
    _edit(alpha, 'tags = ["test"]', 'tags = ["test"]\nlast_verified = "2026-12-07"')
    _edit(alpha, 'status = "in_effect"', 'status = "in_effect"\nconfidence = "unconfirmed"')
    _edit(alpha, 'status = "blocked_by_court"', 'status = "blocked_by_court"\nconfidence = "unconfirmed"')
    _edit(alpha, 'status = "under_litigation"', 'status = "under_litigation"\nconfidence = "unconfirmed"')
    upgraded = Workspace.open(path, seeds_root=seeds)  # migrates to 0007, then loads the newer files
    assert _events(upgraded, "alpha") == {
        "The program began.": ("unconfirmed", ""),
        "My own wording.": ("confirmed", ""),  # edited by the user: the migration's default stays
        "Only a newspaper says so.": ("unconfirmed", ""),
    }
    detail = policy_detail(upgraded.store.connection, seed_id("policy", "alpha"))
    assert detail is not None and detail.last_verified == "2026-12-07"
    upgraded.close()


# A workspace at revision 0006: events citing a primary source, a secondary one, both, none; and
# one in the trash.
_ROWS_AT_0006 = """
INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies, tags,
  origin, created_at, updated_at) VALUES
  ('p1', 'one', 'One', '[]', 'texas', 'state_law', '', '', '[]', '[]', 'user', '2020', '2020'),
  ('p2', 'two', 'Two', '[]', 'texas', 'state_law', '', '', '[]', '[]', 'user', '2020', '2020');
INSERT INTO source (id, title, publisher, authors, kind, language, issuer, note, origin, created_at, updated_at)
VALUES ('gov', 'Order', '', '[]', 'government', 'en', '', '', 'user', '2020', '2020'),
       ('court', 'Ruling', '', '[]', 'court', 'en', '', '', 'user', '2020', '2020'),
       ('news', 'Story', '', '[]', 'news', 'en', '', '', 'user', '2020', '2020');
INSERT INTO status_event (id, policy_id, date, date_precision, date_sort, position, status, description,
  origin, created_at, updated_at, deleted_at) VALUES
  ('e1', 'p1', '2020', 'year', '2020-01-01', 0, 'announced', 'primary', 'user', '2020', '2020', NULL),
  ('e2', 'p1', '2021', 'year', '2021-01-01', 1, 'in_effect', 'secondary', 'user', '2020', '2020', NULL),
  ('e3', 'p2', '2020', 'year', '2020-01-01', 0, 'enacted', 'both', 'user', '2020', '2020', NULL),
  ('e4', 'p2', '2021', 'year', '2021-01-01', 1, 'suspended', 'none', 'user', '2020', '2020', NULL),
  ('e5', 'p2', '2022', 'year', '2022-01-01', 2, 'expired', 'trashed', 'user', '2020', '2020', '2023');
INSERT INTO event_citation (event_id, source_id) VALUES
  ('e1', 'gov'), ('e2', 'news'), ('e3', 'news'), ('e3', 'court'), ('e5', 'court');
INSERT INTO policy_source (policy_id, source_id) VALUES ('p1', 'gov'), ('p1', 'news'), ('p2', 'news'), ('p2', 'court');
"""


def _workspace_at_0006(path: Path) -> None:
    _alembic(path, "upgrade", "0006")
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(_ROWS_AT_0006)


def test_an_upgrade_from_0006_gives_every_event_its_default(tmp_path: Path) -> None:
    path = tmp_path / "r6.sqlite"
    _workspace_at_0006(path)
    with closing(sqlite3.connect(path)) as before:
        list_before = before.execute("SELECT * FROM policy_list ORDER BY num").fetchall()
    workspace = Workspace.open(path, starter_data=False)
    reader = workspace.store.connection
    rows = reader.execute("SELECT id, confidence, disagreement FROM status_event ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [
        ("e1", "confirmed", ""),
        ("e2", "reported", ""),
        ("e3", "confirmed", ""),
        ("e4", "reported", ""),
        ("e5", "confirmed", ""),
    ]
    assert [r[0] for r in reader.execute("SELECT last_verified FROM policy")] == [None, None]
    assert [tuple(r) for r in reader.execute("SELECT * FROM policy_list ORDER BY num")] == list_before
    assert len(assert_list_agrees(reader)) == 2
    # Search still follows the events (its triggers survived the new columns).
    from app.data.sqlite.read import list_policies

    assert [r.slug for r in list_policies(reader, "secondary")] == ["one"]
    # ... and now its disagreement too.
    from app.services import editing

    data = editing.event_input(workspace, "e4")
    data.disagreement = "The wombat gazette disputes it."
    editing.update_event(workspace, "e4", data)
    assert [r.slug for r in list_policies(reader, "wombat")] == ["two"]
    assert [r.slug for r in list_policies(reader, "none")] == ["two"]  # the description still counts
    workspace.close()
    # The database itself refuses a value outside the vocabulary and a last-verified that is not a day.
    with closing(sqlite3.connect(path)) as raw:
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE status_event SET confidence = 'maybe' WHERE id = 'e1'")
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE policy SET last_verified = '2026-12' WHERE id = 'p1'")


def _schema(connection: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return {
        (r[0], r[1], " ".join(str(r[2]).split()))
        # sqlite_sequence: SQLite's own, made by migration 0008's AUTOINCREMENT; never dropped.
        for r in connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence'"
        )
    }


def test_a_downgrade_to_0006_restores_its_schema_and_keeps_the_rows(tmp_path: Path) -> None:
    expected, path = tmp_path / "r6.sqlite", tmp_path / "down.sqlite"
    _workspace_at_0006(expected)
    _workspace_at_0006(path)
    workspace = Workspace.open(path, starter_data=False)
    with workspace.session() as session:
        event = session.get(StatusEvent, "e2")
        assert event is not None
        event.disagreement = "They differ."
        session.add(event)
        policy = session.get(Policy, "p1")
        assert policy is not None
        policy.last_verified = "2026-12-07"
        session.add(policy)
    workspace.close()
    _alembic(path, "downgrade", "0006")
    with closing(sqlite3.connect(path)) as down, closing(sqlite3.connect(expected)) as six:
        assert _schema(down) - {("table", "alembic_version", "")} == _schema(six) - {
            ("table", "alembic_version", "")
        }
        events = "SELECT id, policy_id, date, status, description, deleted_at FROM status_event ORDER BY id"
        assert down.execute(events).fetchall() == six.execute(events).fetchall()
        assert (
            down.execute("SELECT * FROM policy_list").fetchall()
            == six.execute("SELECT * FROM policy_list").fetchall()
        )
    upgraded = Workspace.open(path, starter_data=False)  # and up again
    assert (
        upgraded.store.connection.execute("SELECT confidence FROM status_event WHERE id = 'e2'").fetchone()[0]
        == "reported"
    )
    upgraded.close()
