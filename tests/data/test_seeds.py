"""The starter-data loader: idempotent, updates what the user left alone, reports bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.data.seeds import seed_id
from app.data.sqlite.read import policy_detail, policy_id_for_slug
from app.data.tables import Note, Policy, StatusEvent
from app.errors import InvalidInput
from app.services.workspace import Workspace
from tests.conftest import FIXTURES


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    root = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "seeds_small", root)
    return root


def _counts(workspace: Workspace) -> dict[str, int]:
    tables = [
        "policy",
        "status_event",
        "source",
        "excerpt",
        "event_citation",
        "relation",
        "figure",
        "policy_source",
    ]
    return {t: workspace.store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_a_new_workspace_gets_the_starter_data(tmp_path: Path, seeds: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=seeds)
    assert _counts(workspace) == {
        "policy": 2,
        "status_event": 3,
        "source": 2,
        "excerpt": 2,
        "event_citation": 3,
        "relation": 1,
        "figure": 1,
        "policy_source": 3,
    }
    detail = policy_detail(workspace.store.connection, seed_id("policy", "alpha"))
    assert detail is not None
    assert detail.current_status == "blocked_by_court"
    assert [e.date for e in detail.events] == ["2020-01-15", "2021-06"]
    assert detail.events[1].date_precision == "month"


def test_loading_twice_adds_nothing(tmp_path: Path, seeds: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=seeds)
    before = _counts(workspace)
    report = workspace.load_starter_data()
    assert (report.added, report.updated) == (0, 0)
    assert _counts(workspace) == before


def test_a_newer_dataset_adds_and_updates_but_keeps_user_edits_and_notes(tmp_path: Path, seeds: Path) -> None:
    path = tmp_path / "w.sqlite"
    workspace = Workspace.open(path, seeds_root=seeds)
    alpha, beta = seed_id("policy", "alpha"), seed_id("policy", "beta")
    with workspace.session() as session:
        edited = session.get(Policy, beta)
        assert edited is not None
        edited.summary = "My own summary."
        session.add(edited)
        session.add(Note(policy_id=alpha, body="keep me"))
        session.delete(session.get(StatusEvent, seed_id("event", "alpha/start")))
    workspace.close()

    alpha_file = seeds / "policies" / "alpha.toml"
    alpha_file.write_text(
        alpha_file.read_text().replace("A test program.", "A corrected summary.")
        + '\n[[event]]\nkey = "ended"\ndate = "2022-08-08"\nstatus = "terminated"\n'
        'description = "Ended."\nsources = ["ruling-one"]\n'
    )
    beta_file = seeds / "policies" / "beta.toml"
    beta_file.write_text(beta_file.read_text().replace("Another test policy.", "Starter correction."))

    reopened = Workspace.open(path, seeds_root=seeds)  # a changed dataset is picked up on open
    detail = policy_detail(reopened.store.connection, alpha)
    assert detail is not None
    assert detail.summary == "A corrected summary."
    assert [e.status for e in detail.events] == ["blocked_by_court", "terminated"]  # deleted one stays gone
    assert [n.body for n in detail.notes] == ["keep me"]
    beta_detail = policy_detail(reopened.store.connection, beta)
    assert beta_detail is not None and beta_detail.summary == "My own summary."


def test_a_deleted_starter_policy_is_not_brought_back(tmp_path: Path, seeds: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=seeds)
    with workspace.session() as session:
        session.delete(session.get(Policy, seed_id("policy", "beta")))
    workspace.load_starter_data()
    assert policy_id_for_slug(workspace.store.connection, "beta") is None


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        (
            "policies/alpha.toml",
            'date = "2021-06"',
            'date = "2021-13"',
            "event[2].date: “2021-13” has no month 13",
        ),
        ("policies/alpha.toml", 'status = "in_effect"', 'status = "paused"', "event[1].status"),
        (
            "policies/alpha.toml",
            'sources = ["memo-one"]',
            'sources = ["nope"]',
            "event[1].sources: no source “nope”",
        ),
        ("policies/alpha.toml", 'sources = ["memo-one"]', "sources = []", "event[1].sources"),
        (
            "policies/alpha.toml",
            'target = "beta"',
            'target = "gamma"',
            "relation[1].target: no policy “gamma”",
        ),
        ("policies/alpha.toml", 'slug = "alpha"', 'slug = "alfa"', "slug: “alfa” must match the file name"),
        ("policies/alpha.toml", 'title = "Alpha program"', "title = ", "(syntax)"),
        ("policies/alpha.toml", 'title = "Alpha program"', 'title = "Alpha"\ncolour = "red"', "colour"),
        ("policies/beta.toml", 'date = "2021"', 'date = "2999"', "event[1].date: 2999 is in the future"),
        ("sources/sources.toml", 'url = "https://example.gov/memo"', 'url = "ftp://x"', "source[1].url"),
        (
            "sources/sources.toml",
            'excerpts = ["The program is enjoined."]',
            'excerpts = [" "]',
            "source[2].excerpts[1]: must not be empty",
        ),
    ],
)
def test_a_malformed_seed_file_is_reported_with_file_and_field(
    tmp_path: Path, seeds: Path, file: str, old: str, new: str, field: str
) -> None:
    target = seeds / file
    assert old in target.read_text()
    target.write_text(target.read_text().replace(old, new, 1))
    path = tmp_path / "w.sqlite"
    with pytest.raises(InvalidInput) as caught:
        Workspace.open(path, seeds_root=seeds)
    message = str(caught.value)
    assert str(target) in message
    assert field in message
    assert not path.exists()  # nothing half-made is left behind


def test_a_broken_starter_update_does_not_lock_the_user_out(tmp_path: Path, seeds: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path, seeds_root=seeds).close()
    beta_file = seeds / "policies" / "beta.toml"
    beta_file.write_text(beta_file.read_text().replace('status = "announced"', 'status = "paused"'))
    reopened = Workspace.open(path, seeds_root=seeds)
    assert policy_id_for_slug(reopened.store.connection, "beta") is not None
    reopened.close()
