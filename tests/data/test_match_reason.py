"""Why a policy matched a search: the store names the entry and field of the best match, with a
snippet, counting only what the search counts (issue 17)."""

from __future__ import annotations

from app.data.details import MATCH_END, MATCH_START
from app.services import operations, policies
from app.services.inputs import NoteInput
from app.services.workspace import Workspace


def _id(workspace: Workspace, slug: str) -> str:
    found = workspace.store.policy_id_for_slug(slug)
    assert found is not None
    return found


def test_the_policys_own_fields_come_first_with_the_words_marked(workspace: Workspace) -> None:
    reason = policies.match_reason(workspace, "merida", _id(workspace, "merida-initiative"))
    assert reason is not None and (reason.kind, reason.field) == ("policy", "title")
    assert f"{MATCH_START}Mérida{MATCH_END}" in reason.snippet  # accents folded, as the search folds


def test_a_match_only_in_a_note_is_named_as_the_note(workspace: Workspace) -> None:
    daca = _id(workspace, "daca")
    note = operations.add_note(workspace, daca, NoteInput(body="Ask about the zanzibarite filings."))
    reason = policies.match_reason(workspace, "zanzibar", daca)
    assert reason is not None and (reason.kind, reason.field) == ("note", "body")
    assert f"{MATCH_START}zanzibarite{MATCH_END}" in reason.snippet
    operations.set_trashed(workspace, "note", note.result, True)
    assert policies.match_reason(workspace, "zanzibar", daca) is None  # nor found by the search
    assert all(r.id != daca for r in policies.browse(workspace, policies.PolicyFilters("zanzibar")).rows)


def test_an_excerpt_of_a_linked_source_counts_and_a_trashed_source_does_not(workspace: Workspace) -> None:
    closures = _id(workspace, "border-crossing-closures-2023")
    reason = policies.match_reason(workspace, "cartels", closures)
    assert reason is not None and reason.kind == "excerpt"
    found = {r.id for r in policies.browse(workspace, policies.PolicyFilters("cartels")).rows}
    assert closures in found
    source = next(
        s
        for s in policies.policy_detail(workspace, closures).sources
        if any("cartel" in x.text for x in s.excerpts)
    )  # type: ignore[union-attr]
    operations.set_trashed(workspace, "source", source.id, True)
    reason = policies.match_reason(workspace, "cartels", closures)
    found = {r.id for r in policies.browse(workspace, policies.PolicyFilters("cartels")).rows}
    assert (reason is None) == (closures not in found)  # the reason and the search agree


def test_no_words_no_reason(workspace: Workspace) -> None:
    assert policies.match_reason(workspace, "  …  ", _id(workspace, "daca")) is None
