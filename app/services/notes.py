"""The notes across the whole workspace, and saved searches."""

from __future__ import annotations

from dataclasses import dataclass

from app.data.details import NoteListRow, SavedSearchRow
from app.errors import NotFound
from app.messages import _
from app.services.inputs import ValidationFailed
from app.services.kinds import Facet
from app.services.policies import PolicyFilters
from app.services.workspace import Workspace


@dataclass(frozen=True)
class NoteFilters:
    policy_slug: str = ""
    tag: str = ""
    search: str = ""
    updated_from: str = ""  # YYYY-MM-DD


def list_notes(workspace: Workspace, filters: NoteFilters = NoteFilters()) -> list[NoteListRow]:
    policy_id = None
    if filters.policy_slug:
        policy_id = workspace.store.policy_id_for_slug(filters.policy_slug)
        if policy_id is None:
            raise NotFound(
                _("No policy with the slug “{slug}” in this workspace").format(slug=filters.policy_slug)
            )
    return workspace.store.list_notes(
        policy_id=policy_id,
        tag=filters.tag.lower().lstrip("#") or None,
        search=filters.search,
        updated_from=filters.updated_from or None,
    )


def note_as_json(note: NoteListRow) -> dict[str, object]:
    team = {"author": note.author, "shared": note.shared} if note.author else {}  # a team workspace's
    return {
        "id": note.id,
        "policy": note.policy_slug,
        "text": note.body,
        "tags": note.tags,
        "quote": note.quote,
        "pinned": note.pinned,
        "event_id": note.event_id,
        "source_id": note.source_id,
        "created": note.created_at,
        "updated": note.updated_at,
        **team,
    }


def filters_of(saved: SavedSearchRow) -> PolicyFilters:
    chosen = {facet: frozenset(saved.filters.get(facet, [])) for facet in Facet}
    return PolicyFilters(
        search=saved.search,
        statuses=chosen[Facet.STATUS],
        jurisdictions=chosen[Facet.JURISDICTION],
        kinds=chosen[Facet.KIND],
        tags=chosen[Facet.TAG],
    )


def save_search(workspace: Workspace, name: str, filters: PolicyFilters, search_id: str | None = None) -> str:
    """Store the current search and filters under a name (replacing a saved search of that name)."""
    from sqlmodel import select

    from app.data.tables import SavedSearch

    name = " ".join(name.split())
    if not name:
        raise ValidationFailed({"name": _("is required")})
    if len(name) > 200:
        raise ValidationFailed({"name": _("is too long (at most 200 characters)")})
    if not filters.active:
        raise ValidationFailed(
            {"name": _("there is nothing to save: type a search or choose a filter first")}
        )
    stored = {facet.value: sorted(filters.chosen(facet)) for facet in Facet if filters.chosen(facet)}
    with workspace.session() as session:
        row = session.exec(select(SavedSearch).where(SavedSearch.name == name)).first()
        if row is None:
            row = SavedSearch(name=name, id=search_id) if search_id else SavedSearch(name=name)
        row.search, row.filters = filters.search.strip(), stored
        session.add(row)
        return row.id


def delete_saved_search(workspace: Workspace, search_id: str) -> None:
    from app.data.tables import SavedSearch

    with workspace.session() as session:
        row = session.get(SavedSearch, search_id)
        if row is not None:
            session.delete(row)


def note_tags(workspace: Workspace) -> list[str]:
    """The tags of live notes, in order."""
    return workspace.store.note_tags()


def saved_searches(workspace: Workspace) -> list[SavedSearchRow]:
    """The saved searches, by name."""
    return workspace.store.saved_searches()
