"""Editing through the services: validation in plain words, soft delete, restore, purge."""

from __future__ import annotations

import pytest

from app.data.seeds import seed_id
from app.errors import InvalidInput
from app.services import editing
from app.services.inputs import (
    EventInput,
    NoteInput,
    PolicyInput,
    RelationInput,
    SourceInput,
    ValidationFailed,
)
from app.services.policies import list_policies
from app.services.workspace import Workspace

ALPHA = seed_id("policy", "alpha")


def test_create_policy_derives_a_free_slug(small: Workspace) -> None:
    first, slug = editing.create_policy(small, PolicyInput(title="Título 42 (2020)"))
    assert slug == "titulo-42-2020"
    _, second = editing.create_policy(small, PolicyInput(title="Titulo 42 2020"))
    assert second == "titulo-42-2020-2"
    assert small.store.policy_id_for_slug(slug) == first


def test_a_slug_of_80_characters_is_the_longest_accepted(small: Workspace) -> None:
    _, slug = editing.create_policy(small, PolicyInput(title="Long", slug="a" * 80))
    assert slug == "a" * 80
    _, derived = editing.create_policy(small, PolicyInput(title="word " * 40))
    assert len(derived) <= 80


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (PolicyInput(title="  "), "title", "is required"),
        (PolicyInput(title="X", slug="Bad Slug"), "slug", "lowercase"),
        (PolicyInput(title="X", slug="alpha"), "slug", "already used"),
        (PolicyInput(title="X", jurisdiction="Atlantis"), "jurisdiction", "choose one of"),
        (PolicyInput(title="x" * 501), "title", "too long"),
        (PolicyInput(title="bell\x07"), "title", "control characters"),
        (PolicyInput(title="X", slug="a" * 81), "slug", "at most 80"),
    ],
)
def test_invalid_policies_are_refused_with_the_field(
    small: Workspace, data: PolicyInput, field: str, words: str
) -> None:
    before = len(list_policies(small))
    with pytest.raises(ValidationFailed) as caught:
        editing.create_policy(small, data)
    assert words in caught.value.errors[field]
    assert len(list_policies(small)) == before


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (EventInput(date="2021-02-30", status="in_effect"), "date", "not a real date"),
        (EventInput(date="next week", status="in_effect"), "date", "YYYY"),
        (EventInput(date="2021", status="paused"), "status", "choose one of"),
    ],
)
def test_invalid_events_are_refused(small: Workspace, data: EventInput, field: str, words: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        editing.add_event(small, ALPHA, data)
    assert words in caught.value.errors[field]


def test_an_event_can_be_added_edited_and_changes_the_current_status(small: Workspace) -> None:
    memo = seed_id("source", "memo-one")
    event_id = editing.add_event(small, ALPHA, EventInput("2022-08", "Terminated", "Ended.", [memo]))
    assert {r.slug: r.current_status for r in list_policies(small)}["alpha"] == "terminated"
    editing.update_event(small, event_id, EventInput("2022-08-08", "expired", "Lapsed.", []))
    detail = small.store.policy_detail(ALPHA)
    assert detail is not None
    assert (detail.events[-1].date, detail.events[-1].status, detail.events[-1].source_ids) == (
        "2022-08-08",
        "expired",
        [],
    )
    assert editing.precedes_history(small, ALPHA, "2019-05")
    assert not editing.precedes_history(small, ALPHA, "2020-01-15")


def test_sources_reject_non_web_urls_and_link_to_policies(small: Workspace) -> None:
    with pytest.raises(ValidationFailed) as caught:
        editing.add_source(small, SourceInput(title="X", url="javascript:alert(1)"))
    assert "http" in caught.value.errors["url"]
    source_id = editing.add_source(
        small, SourceInput(title="Report", url="https://example.org/r", excerpts=["One.", " ", "Two."]), ALPHA
    )
    detail = small.store.policy_detail(ALPHA)
    assert detail is not None
    added = next(s for s in detail.sources if s.id == source_id)
    assert [x.text for x in added.excerpts] == ["One.", "Two."]
    beta = seed_id("policy", "beta")
    assert editing.link_source(small, beta, source_id) is True
    assert editing.link_source(small, beta, source_id) is False


def test_trash_restore_and_purge_a_policy_with_notes(small: Workspace) -> None:
    note_id = editing.add_note(small, ALPHA, NoteInput("My note", ["Court", "#court"]))
    assert editing.note_input(small, note_id).tags == ["court"]
    contents = editing.policy_contents(small, ALPHA)
    assert contents.describe() == "2 status events, 1 note, 1 figure"
    editing.set_trashed(small, "policy", ALPHA, True)
    assert "alpha" not in {r.slug for r in list_policies(small)}
    trash = editing.list_trash(small)
    assert [(t.kind, t.title) for t in trash] == [("policy", "Alpha program")]
    editing.set_trashed(small, trash[0].kind, trash[0].id, False)
    assert "alpha" in {r.slug for r in list_policies(small)}
    editing.set_trashed(small, "policy", ALPHA, True)
    with pytest.raises(InvalidInput, match="has 1 note; delete it too"):
        editing.purge(small, editing.list_trash(small)[0])
    assert small.store.connection.execute("SELECT count(*) FROM note").fetchone()[0] == 1
    editing.purge(small, editing.list_trash(small)[0], with_notes=True)
    assert not editing.policy_exists(small, ALPHA)


def test_a_cited_source_cannot_be_purged(small: Workspace) -> None:
    memo = seed_id("source", "memo-one")
    editing.set_trashed(small, "source", memo, True)
    with pytest.raises(InvalidInput, match="still cited"):
        editing.purge(small, editing.list_trash(small)[0])
    editing.set_trashed(small, "source", memo, False)


def test_relations_refuse_self_and_duplicates_and_undo_by_record(small: Workspace) -> None:
    beta = seed_id("policy", "beta")
    with pytest.raises(ValidationFailed, match="itself"):
        editing.add_relation(small, ALPHA, RelationInput("related_to", ALPHA))
    with pytest.raises(ValidationFailed, match="already related"):
        editing.add_relation(small, ALPHA, RelationInput("related_to", beta))
    relation_id = editing.add_relation(small, ALPHA, RelationInput("Supersedes", beta, "replaced"))
    record = editing.delete_relation(small, relation_id)
    assert record.data == RelationInput("supersedes", beta, "replaced")
    assert editing.add_relation(small, record.from_id, record.data, record.id) == relation_id


def test_notes_need_some_text(small: Workspace) -> None:
    with pytest.raises(ValidationFailed, match="write something"):
        editing.add_note(small, ALPHA, NoteInput(" "))
    assert editing.add_note(small, ALPHA, NoteInput("", quote="The program is enjoined."))
