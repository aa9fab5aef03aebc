"""Browsing policies: the list with its search and facet filters, and one policy in full."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.data.rows import PolicyRow
from app.data.store import CancelToken, SearchCancelled
from app.domain.vocab import Status
from app.errors import InvalidInput, NotFound
from app.services.kinds import Facet
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.data.details import PolicyDetail, SourceRow

__all__ = ["BrowseResult", "CancelToken", "PolicyFilters", "SearchCancelled", "browse"]

FACETS = tuple(Facet)  # kept as a name for the order of the filter panel


@dataclass(frozen=True)
class PolicyFilters:
    """What the person asked for: search text, and for each facet the values any of which may match."""

    search: str = ""
    statuses: frozenset[str] = frozenset()
    jurisdictions: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()

    def chosen(self, facet: Facet) -> frozenset[str]:
        return {
            Facet.STATUS: self.statuses,
            Facet.JURISDICTION: self.jurisdictions,
            Facet.KIND: self.kinds,
            Facet.TAG: self.tags,
        }[facet]

    @property
    def active(self) -> bool:
        return bool(self.search.strip() or any(self.chosen(f) for f in FACETS))


NO_FILTERS = PolicyFilters()


def _values(row: PolicyRow, facet: Facet) -> list[str]:
    if facet is Facet.STATUS:
        return [row.current_status or ""]
    if facet is Facet.JURISDICTION:
        return [row.jurisdiction]
    if facet is Facet.KIND:
        return [row.kind]
    return list(row.tags)


def passes(row: PolicyRow, filters: PolicyFilters, skip: str | None = None) -> bool:
    for facet in FACETS:
        chosen = filters.chosen(facet)
        if facet != skip and chosen and not chosen.intersection(_values(row, facet)):
            return False
    return True


@dataclass(frozen=True)
class BrowseResult:
    rows: list[PolicyRow]
    total: int
    # facet -> value -> how many policies would match if that value were chosen as well
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def browse(
    workspace: Workspace, filters: PolicyFilters = NO_FILTERS, cancel: CancelToken | None = None
) -> BrowseResult:
    """The policies matching the search and every facet, with each facet value's count.

    SearchCancelled when `cancel` is cancelled before the search is done.
    """
    found = workspace.store.policy_rows(filters.search, cancel)
    chosen = {facet: filters.chosen(facet) for facet in FACETS}
    tallies: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    rows = []
    # One pass: a row counts towards a facet's values when every other facet's choice lets it
    # through, i.e. when it fails no facet, or only that one (as passes(row, filters, skip=facet)).
    for row in found:
        values = {facet: _values(row, facet) for facet in FACETS}
        failing = [f for f in FACETS if chosen[f] and not chosen[f].intersection(values[f])]
        if not failing:
            rows.append(row)
        counted = FACETS if not failing else failing if len(failing) == 1 else ()
        for facet in counted:
            tallies[facet].update(set(values[facet]))
    counts = {facet: dict(tally) for facet, tally in tallies.items()}
    return BrowseResult(rows=rows, total=workspace.store.count_policies(), counts=counts)


def list_policies(workspace: Workspace, filters: PolicyFilters = NO_FILTERS) -> list[PolicyRow]:
    return browse(workspace, filters).rows


def policy_ids_in_scope(
    workspace: Workspace, *, slugs: list[str] | None = None, filters: PolicyFilters | None = None
) -> list[str]:
    """The policies an export covers: the named ones, else those matching the filters, else all."""
    if slugs:
        ids = []
        for slug in slugs:
            policy_id = workspace.store.policy_id_for_slug(slug)
            if policy_id is None:
                raise NotFound(f"No policy with the slug “{slug}” in this workspace")
            ids.append(policy_id)
        return ids
    return [row.id for row in browse(workspace, filters or NO_FILTERS).rows]


def parse_status(text: str) -> str:
    """A status as typed by a person ("Blocked by court", "blocked_by_court") to its stored value."""
    try:
        return Status.parse(text).value
    except ValueError as error:
        raise InvalidInput(f"Unknown status: {error}") from None


def policy_by_slug(workspace: Workspace, slug: str) -> PolicyDetail:
    policy_id = workspace.store.policy_id_for_slug(slug)
    detail = workspace.store.policy_detail(policy_id) if policy_id else None
    if detail is None:
        raise NotFound(f"No policy with the slug “{slug}” in this workspace")
    return detail


def all_policy_rows(workspace: Workspace) -> list[PolicyRow]:
    """Every live policy's list row, by title."""
    return workspace.store.policy_rows()


def rows_for_ids(workspace: Workspace, ids: list[str]) -> list[PolicyRow]:
    """List rows for a few policies, in the order of `ids`."""
    return workspace.store.rows_for_ids(ids)


def policies_matching_fields(workspace: Workspace, search: str) -> list[str]:
    """Ids of policies whose own fields match, best first: the instant part of a search."""
    return workspace.store.policies_matching_fields(search)


def policy_detail(workspace: Workspace, policy_id: str) -> PolicyDetail | None:
    """Everything about one policy; None when there is no such live policy."""
    return workspace.store.policy_detail(policy_id)


def all_sources(workspace: Workspace) -> list[SourceRow]:
    """Every source in the workspace, to choose from."""
    return workspace.store.all_sources()


def all_tags(workspace: Workspace) -> list[str]:
    """Every tag in use on notes or policies, for autocompletion."""
    return workspace.store.all_tags()
