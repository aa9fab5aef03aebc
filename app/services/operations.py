"""Each thing a person does to the workspace, as one operation that says what it changed and how
to take it back.

An operation runs one transaction (the editing service's), and returns an `Op`: its result, the
`Changes` it made (which policies, which kinds of entry), and `undo`, which runs the inverse
operation and returns *its* `Op`, whose own `undo` does the first one again (redo). So undo and
redo are plain Python, tested without Qt; the window's undo stack only keeps the latest `Op`
(compare Anki's CollectionOp → OpChanges).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Generic, TypeVar

from app.data.change_context import recording
from app.services import editing
from app.services.inputs import EventInput, NoteInput, PolicyInput, RelationInput, SourceInput
from app.services.kinds import TrashKind
from app.services.workspace import Workspace

T = TypeVar("T")


class EntryKind(StrEnum):
    """The kinds of entry a change can touch; views refresh only for the kinds they show."""

    POLICY = "policy"
    EVENT = "event"
    SOURCE = "source"
    EXCERPT = "excerpt"
    NOTE = "note"
    RELATION = "relation"
    FIGURE = "figure"
    SAVED_SEARCH = "saved_search"
    TRASH = "trash"


@dataclass(frozen=True)
class Changes:
    """What an operation changed. `everything`: another workspace, a restore or an import."""

    policies: frozenset[str] = frozenset()
    kinds: frozenset[EntryKind] = frozenset()
    everything: bool = False
    # A policy (by slug) the person was working on, for the window to bring into view.
    focus: str | None = None

    @classmethod
    def of(
        cls, kinds: Iterable[EntryKind], policies: Iterable[str] = (), focus: str | None = None
    ) -> Changes:
        return cls(frozenset(policies), frozenset(kinds), focus=focus)

    @classmethod
    def all(cls) -> Changes:
        return cls(kinds=frozenset(EntryKind), everything=True)

    def touches(self, *kinds: EntryKind) -> bool:
        """Whether any of these kinds of entry may have changed."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    def touches_policy(self, policy_id: str | None) -> bool:
        """Whether this policy's row or details may show something new."""
        return self.everything or (policy_id is not None and policy_id in self.policies)


@dataclass(frozen=True)
class Op(Generic[T]):
    """The outcome of an operation: what it returned, what it changed, and how to take it back.

    `done_as` says what ran it: a person's "edit", or taking one back ("undo") or doing it again
    ("redo"). Calling `undo` records its changes in the change history as an undo of an edit or
    a redo, as one group, and returns an Op that says which it was.
    """

    result: T
    changes: Changes
    undo: Callable[[], Op[Any]] = field(repr=False)
    done_as: str = "edit"

    def __post_init__(self) -> None:
        inverse = getattr(self.undo, "inverse", self.undo)  # an Op made by replace() re-wraps the same one
        taken_back_as = "redo" if self.done_as == "undo" else "undo"

        def take_back() -> Op[Any]:
            with recording(taken_back_as):
                done = inverse()
            return replace(done, done_as=taken_back_as)

        take_back.inverse = inverse  # type: ignore[attr-defined]
        object.__setattr__(self, "undo", take_back)


def _inverse(changes: Changes, undo: Callable[[], Op[Any]]) -> Op[None]:
    return Op(None, changes, undo)


def _nothing(changes: Changes) -> Op[None]:
    """An operation that found nothing to do; taking it back does nothing either."""
    return Op(None, replace(changes, focus=None), lambda: _nothing(changes))


# Policies ---------------------------------------------------------------------------


def add_policy(workspace: Workspace, data: PolicyInput, policy_id: str | None = None) -> Op[tuple[str, str]]:
    """Add a policy; the result is its (id, slug)."""
    new_id, slug = editing.create_policy(workspace, data, policy_id)
    added = replace(data.validated(), slug=slug)  # redo recreates it under the same address
    changes = Changes.of({EntryKind.POLICY}, {new_id}, focus=slug)
    return Op((new_id, slug), changes, lambda: _unadd_policy(workspace, new_id, added))


def _unadd_policy(workspace: Workspace, policy_id: str, data: PolicyInput) -> Op[None]:
    editing.purge_policy(workspace, policy_id, with_notes=False)
    changes = Changes.of({EntryKind.POLICY}, {policy_id})
    return _inverse(changes, lambda: add_policy(workspace, data, policy_id))


def add_policy_with_history(
    workspace: Workspace,
    data: PolicyInput,
    first_event: EventInput | None = None,
    new_source: SourceInput | None = None,
    ids: editing.NewPolicy | None = None,
) -> Op[editing.NewPolicy]:
    """Add a policy with its first status event and a new source, as one step to undo."""
    added = editing.create_policy_with_history(workspace, data, first_event, new_source, ids)
    again = replace(data.validated(), slug=added.slug)  # redo recreates it under the same address
    kinds = {EntryKind.POLICY}
    kinds |= {EntryKind.EVENT} if added.event_id else set()
    kinds |= {EntryKind.SOURCE, EntryKind.EXCERPT} if added.source_id else set()
    changes = Changes.of(kinds, {added.policy_id}, focus=added.slug)

    def undo() -> Op[None]:
        editing.purge_policy(workspace, added.policy_id, with_notes=False)  # its events go with it
        if added.source_id:
            editing.purge_source(workspace, added.source_id)
        return _inverse(
            replace(changes, focus=None),
            lambda: add_policy_with_history(workspace, again, first_event, new_source, added),
        )

    return Op(added, changes, undo)


def edit_policy(
    workspace: Workspace, policy_id: str, data: PolicyInput, *, expected_version: int | None = None
) -> Op[str]:
    """Change a policy's fields; the result is its slug.

    `expected_version` (from editing.entry_version when the editor opened): refuse, with
    EditConflict, to overwrite a change someone else saved in between. Undo is refused the
    same way once someone else has changed the entry after this edit.
    """
    before = editing.policy_input(workspace, policy_id)
    editing.update_policy(workspace, policy_id, data, expected_version=expected_version)
    after = workspace.entry_version("policy", policy_id)
    slug = data.validated().slug or before.slug
    changes = Changes.of({EntryKind.POLICY}, {policy_id}, focus=slug)
    return Op(slug, changes, lambda: edit_policy(workspace, policy_id, before, expected_version=after))


# Status events --------------------------------------------------------------------------


def add_event(workspace: Workspace, policy_id: str, data: EventInput, event_id: str | None = None) -> Op[str]:
    """Add a status event to a policy; the result is its id."""
    new_id = editing.add_event(workspace, policy_id, data, event_id)
    changes = Changes.of({EntryKind.EVENT}, {policy_id})
    return Op(new_id, changes, lambda: _unadd_event(workspace, policy_id, new_id, data))


def _unadd_event(workspace: Workspace, policy_id: str, event_id: str, data: EventInput) -> Op[None]:
    editing.purge_event(workspace, event_id)
    changes = Changes.of({EntryKind.EVENT}, {policy_id})
    return _inverse(changes, lambda: add_event(workspace, policy_id, data, event_id))


def add_event_citing_new_sources(
    workspace: Workspace,
    policy_id: str,
    data: EventInput,
    new_sources: list[SourceInput],
    event_id: str | None = None,
    source_ids: list[str] | None = None,
) -> Op[str]:
    """Add a status event together with new sources it cites, as one step to undo."""
    new_id, added = editing.add_event_citing_new_sources(
        workspace, policy_id, data, new_sources, event_id, source_ids
    )
    kinds = {EntryKind.EVENT} | ({EntryKind.SOURCE, EntryKind.EXCERPT} if added else set())
    changes = Changes.of(kinds, {policy_id})

    def undo() -> Op[None]:
        editing.purge_event(workspace, new_id)
        for source_id in added:
            editing.purge_source(workspace, source_id)
        return _inverse(
            changes,
            lambda: add_event_citing_new_sources(workspace, policy_id, data, new_sources, new_id, added),
        )

    return Op(new_id, changes, undo)


def edit_event(
    workspace: Workspace, event_id: str, data: EventInput, *, expected_version: int | None = None
) -> Op[None]:
    policy_id = editing.policy_of(workspace, TrashKind.EVENT, event_id)
    before = editing.event_input(workspace, event_id)
    editing.update_event(workspace, event_id, data, expected_version=expected_version)
    after = workspace.entry_version("event", event_id)
    changes = Changes.of({EntryKind.EVENT}, {policy_id})
    return _inverse(changes, lambda: edit_event(workspace, event_id, before, expected_version=after))


# Sources ------------------------------------------------------------------------------------


def add_source(
    workspace: Workspace, data: SourceInput, policy_id: str | None = None, source_id: str | None = None
) -> Op[str]:
    """Add a source (and its excerpts), linked to a policy when one is given; the result is its id."""
    new_id = editing.add_source(workspace, data, policy_id, source_id)
    changes = Changes.of({EntryKind.SOURCE, EntryKind.EXCERPT}, {policy_id} if policy_id else ())
    return Op(new_id, changes, lambda: _unadd_source(workspace, new_id, data, policy_id))


def _unadd_source(workspace: Workspace, source_id: str, data: SourceInput, policy_id: str | None) -> Op[None]:
    editing.purge_source(workspace, source_id)
    changes = Changes.of({EntryKind.SOURCE, EntryKind.EXCERPT}, {policy_id} if policy_id else ())
    return _inverse(changes, lambda: add_source(workspace, data, policy_id, source_id))


def edit_source(
    workspace: Workspace, source_id: str, data: SourceInput, *, expected_version: int | None = None
) -> Op[None]:
    before = editing.source_input(workspace, source_id)
    editing.update_source(workspace, source_id, data, expected_version=expected_version)
    after = workspace.entry_version("source", source_id)
    policies = editing.policies_of_source(workspace, source_id)
    changes = Changes.of({EntryKind.SOURCE, EntryKind.EXCERPT}, policies)
    return _inverse(changes, lambda: edit_source(workspace, source_id, before, expected_version=after))


def link_source(workspace: Workspace, policy_id: str, source_id: str) -> Op[bool]:
    """Link an existing source to a policy; the result is False when it already was."""
    linked = editing.link_source(workspace, policy_id, source_id)
    changes = Changes.of({EntryKind.SOURCE}, {policy_id})
    if not linked:
        return Op(False, changes, lambda: _nothing(changes))
    return Op(True, changes, lambda: unlink_source(workspace, policy_id, source_id))


def unlink_source(workspace: Workspace, policy_id: str, source_id: str) -> Op[None]:
    was_linked = policy_id in editing.policies_of_source(workspace, source_id)
    editing.unlink_source(workspace, policy_id, source_id)
    changes = Changes.of({EntryKind.SOURCE}, {policy_id})
    if not was_linked:
        return _nothing(changes)
    return _inverse(changes, lambda: link_source(workspace, policy_id, source_id))


# Notes -----------------------------------------------------------------------------------------


def add_note(workspace: Workspace, policy_id: str, data: NoteInput, note_id: str | None = None) -> Op[str]:
    """Add a note on a policy; the result is its id."""
    new_id = editing.add_note(workspace, policy_id, data, note_id)
    changes = Changes.of({EntryKind.NOTE}, {policy_id})
    return Op(new_id, changes, lambda: _unadd_note(workspace, policy_id, new_id, data))


def _unadd_note(workspace: Workspace, policy_id: str, note_id: str, data: NoteInput) -> Op[None]:
    editing.purge_note(workspace, note_id)
    changes = Changes.of({EntryKind.NOTE}, {policy_id})
    return _inverse(changes, lambda: add_note(workspace, policy_id, data, note_id))


def edit_note(
    workspace: Workspace, note_id: str, data: NoteInput, *, expected_version: int | None = None
) -> Op[None]:
    policy_id = editing.policy_of(workspace, TrashKind.NOTE, note_id)
    before = editing.note_input(workspace, note_id)
    editing.update_note(workspace, note_id, data, expected_version=expected_version)
    after = workspace.entry_version("note", note_id)
    changes = Changes.of({EntryKind.NOTE}, {policy_id})
    return _inverse(changes, lambda: edit_note(workspace, note_id, before, expected_version=after))


# Relations -----------------------------------------------------------------------------------------


def add_relation(
    workspace: Workspace,
    from_id: str,
    data: RelationInput,
    relation_id: str | None = None,
    *,
    origin: str = "user",
) -> Op[str]:
    """Relate one policy to another; the result is the relation's id."""
    new_id = editing.add_relation(workspace, from_id, data, relation_id, origin=origin)
    changes = Changes.of({EntryKind.RELATION}, {from_id, data.target_id})
    return Op(new_id, changes, lambda: delete_relation(workspace, new_id))


def delete_relation(workspace: Workspace, relation_id: str) -> Op[None]:
    record = editing.delete_relation(workspace, relation_id)
    changes = Changes.of({EntryKind.RELATION}, {record.from_id, record.data.target_id})
    return _inverse(
        changes, lambda: add_relation(workspace, record.from_id, record.data, record.id, origin=record.origin)
    )


def delete_relations(workspace: Workspace, relation_ids: list[str]) -> Op[None]:
    """Remove what the window shows as one relation: a symmetric relation may be stored both ways."""
    records = editing.delete_relations(workspace, relation_ids)
    policies = {r.from_id for r in records} | {r.data.target_id for r in records}
    changes = Changes.of({EntryKind.RELATION}, policies)
    return _inverse(changes, lambda: _restore_relations(workspace, records))


def _restore_relations(workspace: Workspace, records: list[editing.RelationRecord]) -> Op[None]:
    editing.restore_relations(workspace, records)
    policies = {r.from_id for r in records} | {r.data.target_id for r in records}
    changes = Changes.of({EntryKind.RELATION}, policies)
    return _inverse(changes, lambda: delete_relations(workspace, [r.id for r in records]))


# The trash -------------------------------------------------------------------------------------------


def set_trashed(workspace: Workspace, kind: TrashKind, entry_id: str, trashed: bool) -> Op[None]:
    """Move an entry (policy, event, source or note) to the trash, or bring it back.

    Taking it back puts it where it was: in the trash with the time it was first moved there.
    """
    was = editing.trashed_at(workspace, kind, entry_id)
    editing.set_trashed(workspace, kind, entry_id, trashed)
    changes = _trash_changes(workspace, kind, entry_id, live=not trashed)
    if (was is not None) == trashed:
        return _nothing(changes)  # it already was where it was asked to go
    return _inverse(changes, lambda: _put_back(workspace, kind, entry_id, was))


def _put_back(workspace: Workspace, kind: TrashKind, entry_id: str, deleted_at: str | None) -> Op[None]:
    now = editing.trashed_at(workspace, kind, entry_id)
    editing.set_trashed(workspace, kind, entry_id, deleted_at is not None, at=deleted_at)
    changes = _trash_changes(workspace, kind, entry_id, live=deleted_at is None)
    return _inverse(changes, lambda: _put_back(workspace, kind, entry_id, now))


def _trash_changes(workspace: Workspace, kind: TrashKind, entry_id: str, *, live: bool) -> Changes:
    """What moving an entry to or from the trash changed; a policy back from it is brought into
    view (an undone delete puts the person back where they were)."""
    focus = editing.policy_input(workspace, entry_id).slug if kind == TrashKind.POLICY and live else None
    policies = editing.policies_of_entry(workspace, kind, entry_id)
    return Changes.of({EntryKind(kind), EntryKind.TRASH}, policies, focus=focus)


def purge(workspace: Workspace, item: editing.TrashItem, *, with_notes: bool = False) -> Changes:
    """Delete an entry in the trash for good. It cannot be undone, so the result is only what changed."""
    policies = editing.policies_of_entry(workspace, item.kind, item.id) | (
        {item.id} if item.kind == "policy" else set()
    )
    editing.purge(workspace, item, with_notes=with_notes)
    kinds = {EntryKind(item.kind), EntryKind.TRASH}
    if with_notes:
        kinds.add(EntryKind.NOTE)
    return Changes.of(kinds, policies)
