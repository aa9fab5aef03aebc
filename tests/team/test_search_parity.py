"""Both backends find the same policies for the same search (ranking may differ; the sets may not)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.services import editing, operations
from app.services.inputs import NoteInput, PolicyInput, SourceInput
from app.services.policies import PolicyFilters, list_policies
from app.services.team import TeamWorkspace
from app.services.workspace import Workspace
from tests.team_server import TeamServer

SEARCHES = [
    "court injunction",
    "court injunct",
    "asylum",
    "mexico",
    "título",
    "titulo",
    "de",
    "biden trump",
    "ley",
    "2023",
    "u.s.",
    "title-42",
    "remain in mexico",
    "or",
    '"quoted" AND -minus',
    "ñandú",
    "nandu",
    "señal_pública",
    "zzzz-nothing",
]


@pytest.fixture
def both(workspace: Workspace, team_server: TeamServer) -> Iterator[tuple[Workspace, TeamWorkspace]]:
    from app import paths

    name = team_server.fresh_database(team_server.template("pt_starter", paths.seeds_dir()))
    team = TeamWorkspace.open_url(team_server.url("alice", name))
    yield workspace, team
    team.close()
    team_server.drop_database(name)


def _found(workspace: Workspace, text: str) -> set[str]:
    return {row.slug for row in list_policies(workspace, PolicyFilters(search=text))}


def test_the_starter_data_matches_the_same_policies_on_both_backends(
    both: tuple[Workspace, TeamWorkspace],
) -> None:
    local, team = both
    assert {r.slug for r in list_policies(local)} == {r.slug for r in list_policies(team)}
    notes = []
    for workspace in both:  # accents, underscores and punctuation, in every kind of entry
        policy_id, _ = editing.create_policy(workspace, PolicyInput(title="Ñandú protection order"))
        notes.append(editing.add_note(workspace, policy_id, NoteInput(body="Una señal_pública del Título")))
        editing.add_source(
            workspace, SourceInput(title="Informe sobre la Ley", excerpts=["U.S. court"]), policy_id
        )
    matched = 0
    for text in SEARCHES:
        here, there = _found(local, text), _found(team, text)
        assert here == there, text
        matched += bool(here)
    assert matched >= len(SEARCHES) - 3  # the searches do find things

    # A note in the trash is not searched, on either backend; back from the trash, it is again.
    for workspace, note in zip(both, notes, strict=True):
        operations.set_trashed(workspace, "note", note, True)
    assert _found(local, "señal pública título") == _found(team, "señal pública título") == set()
    for workspace, note in zip(both, notes, strict=True):
        operations.set_trashed(workspace, "note", note, False)
    assert (
        _found(local, "señal pública título")
        == _found(team, "senal publica titulo")
        == {"nandu-protection-order"}
    )


def test_the_instant_search_of_policy_fields_finds_the_same_on_both(
    both: tuple[Workspace, TeamWorkspace],
) -> None:
    local, team = both
    for text in ("mexico", "title", "asyl", "ley"):
        assert set(local.store.policies_matching_fields(text)) == set(
            team.store.policies_matching_fields(text)
        ), text
