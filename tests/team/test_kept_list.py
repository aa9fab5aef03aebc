"""The policy list a team client keeps while nothing has changed (app.data.postgres.kept_list):
reused when no commit came since it was read, read again after any commit (another analyst's,
a note of one's own), never taken from another database of the same name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.data.postgres import kept_list
from app.services import editing, operations
from app.services.inputs import NoteInput, PolicyInput
from app.services.policies import PolicyFilters, list_policies
from app.services.team import TeamWorkspace
from tests.team.workspace_fixtures import SEEDS
from tests.team_server import TeamServer


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the whole list was read from the server (and kept)."""
    counted: list[int] = []
    keep = kept_list.keep

    def counting(*args: object) -> kept_list.KeptList:
        counted.append(1)
        return keep(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(kept_list, "keep", counting)
    kept_list.forget_all()
    yield counted
    kept_list.forget_all()


def _notes(workspace: TeamWorkspace, slug: str) -> int:
    return next(r.note_count for r in list_policies(workspace) if r.slug == slug)


def test_the_list_is_read_once_while_nothing_changes_and_searches_reuse_it(
    alice: TeamWorkspace, reads: list[int]
) -> None:
    first = list_policies(alice)
    assert [r.slug for r in first] == ["alpha", "beta"]
    assert list_policies(alice) == first
    found = list_policies(alice, PolicyFilters(search="enjoined"))
    assert [r.slug for r in found] == ["alpha"]
    assert found[0] == first[0]
    assert len(reads) == 1


def test_another_analysts_commit_is_in_the_next_list_at_once(
    alice: TeamWorkspace, bob: TeamWorkspace, reads: list[int]
) -> None:
    before = _notes(alice, "alpha")
    alpha = next(r.id for r in list_policies(bob) if r.slug == "alpha")
    editing.add_note(bob, alpha, NoteInput(body="Shared with the desk", shared=True))
    assert _notes(alice, "alpha") == before + 1  # no waiting for a notification
    operations.add_policy(bob, PolicyInput(title="Gamma rule"))
    assert [r.slug for r in list_policies(alice, PolicyFilters(search="gamma"))] == ["gamma-rule"]
    assert len(reads) == 4  # alice's first, bob's own, and alice's after each of bob's commits


def test_a_private_note_counts_for_its_author_only(
    alice: TeamWorkspace, bob: TeamWorkspace, reads: list[int]
) -> None:
    alpha = next(r.id for r in list_policies(alice) if r.slug == "alpha")
    alice_before, bob_before = _notes(alice, "alpha"), _notes(bob, "alpha")
    editing.add_note(alice, alpha, NoteInput(body="Mine alone"))
    assert _notes(alice, "alpha") == alice_before + 1
    assert _notes(bob, "alpha") == bob_before


def test_a_write_that_rolls_back_keeps_the_list(alice: TeamWorkspace, reads: list[int]) -> None:
    from sqlmodel import select

    from app.data.tables import Policy

    list_policies(alice)
    with pytest.raises(RuntimeError), alice.session() as session:
        session.exec(select(Policy)).first().title = "Renamed, then undone"  # type: ignore[union-attr]
        session.flush()
        raise RuntimeError("changed my mind")
    assert "Renamed, then undone" not in {r.title for r in list_policies(alice)}
    assert len(reads) == 1


def test_a_database_made_again_under_the_same_name_is_read_afresh(
    team_server: TeamServer, reads: list[int]
) -> None:
    template = team_server.template("pt_small", SEEDS)
    name = "kept_list_again"
    titles = []
    for title in ("First life", "Second life"):
        team_server.drop_database(name)
        team_server.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        workspace = TeamWorkspace.open_url(team_server.url("alice", name), seeds_root=SEEDS)
        try:
            operations.add_policy(workspace, PolicyInput(title=title))  # the same number of commits
            titles.append(sorted(r.title for r in list_policies(workspace)))
        finally:
            workspace.close()
    team_server.drop_database(name)
    assert "First life" in titles[0] and "Second life" not in titles[0]
    assert "Second life" in titles[1] and "First life" not in titles[1]
