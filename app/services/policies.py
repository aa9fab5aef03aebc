"""Browsing policies: the list with its search and facet filters, and one policy in full."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.data.rows import PolicyRow
from app.data.store import CancelToken, SearchCancelled
from app.domain.as_of import UNDATED, StatusOn
from app.domain.vocab import Status
from app.errors import InvalidInput, NotFound
from app.messages import _
from app.services.kinds import Facet
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.data.details import MatchReason, PolicyDetail, SourceRow
    from app.services.as_of import AsOf

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


def _values(row: PolicyRow, facet: Facet, status: str | None = None) -> list[str]:
    if facet is Facet.STATUS:
        return [(status if status is not None else row.current_status) or ""]
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
    # Seen as of a day: the day, and each policy's status then (by id); the rows then show the
    # status and last change of that day.
    as_of: AsOf | None = None


def browse(
    workspace: Workspace,
    filters: PolicyFilters = NO_FILTERS,
    cancel: CancelToken | None = None,
    as_of: AsOf | None = None,
) -> BrowseResult:
    """The policies matching the search and every facet, with each facet value's count.

    With `as_of`, as on its day: policies not yet begun are left out (or kept without a status,
    when it says so), and the status facet is each policy's status then. SearchCancelled when `cancel` is cancelled before the search is done.
    """
    found = workspace.store.policy_rows(filters.search, cancel)
    return filtered(found, filters, workspace.store.count_policies(), as_of)


def filtered(
    found: list[PolicyRow], filters: PolicyFilters, total: int, as_of: AsOf | None = None
) -> BrowseResult:
    """The rows that pass every facet, and each facet value's count (see `browse`)."""
    chosen = {facet: filters.chosen(facet) for facet in FACETS}
    tallies: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    rows = []
    # One pass: a row counts towards a facet's values when every other facet's choice lets it
    # through, i.e. when it fails no facet, or only that one (as passes(row, filters, skip=facet)).
    status_on = as_of.statuses.get if as_of is not None else None
    keep_not_begun = as_of is not None and as_of.keep_not_begun
    for row in found:
        status = None
        if status_on is not None:
            on = status_on(row.id, UNDATED)
            if on is None:  # not yet begun on that day: absent, or kept without a status
                if not keep_not_begun:
                    continue
                on = NOT_BEGUN
            status = on.status or ""
            if on.status != row.current_status or on.last_change != row.last_change:
                row = as_on_the_day(row, on)
        values = {facet: _values(row, facet, status) for facet in FACETS}
        failing = [f for f in FACETS if chosen[f] and not chosen[f].intersection(values[f])]
        if not failing:
            rows.append(row)
        counted = FACETS if not failing else failing if len(failing) == 1 else ()
        for facet in counted:
            tallies[facet].update(set(values[facet]))
    counts = {facet: dict(tally) for facet, tally in tallies.items()}
    return BrowseResult(rows=rows, total=total, counts=counts, as_of=as_of)


NOT_BEGUN = StatusOn(None, None, None, certain=True)  # a policy's row on a day before its history


def as_on_the_day(row: PolicyRow, on: StatusOn) -> PolicyRow:
    """The list row with the status and last change it had on a day (the rest is as today)."""
    changed = on.last_change
    precision = None if changed is None else {4: "year", 7: "month"}.get(len(changed), "day")
    return PolicyRow(
        row.id,
        row.slug,
        row.title,
        row.aliases,
        row.jurisdiction,
        row.kind,
        row.tags,
        on.status,
        changed,
        precision,
        row.source_count,
        row.note_count,
    )


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
                raise NotFound(_("No policy with the slug “{slug}” in this workspace").format(slug=slug))
            ids.append(policy_id)
        return ids
    return [row.id for row in browse(workspace, filters or NO_FILTERS).rows]


def parse_status(text: str) -> str:
    """A status as typed by a person ("Blocked by court", "blocked_by_court") to its stored value."""
    try:
        return Status.parse(text).value
    except ValueError as error:
        raise InvalidInput(_("Unknown status: {problem}").format(problem=error)) from None


def policy_by_slug(workspace: Workspace, slug: str) -> PolicyDetail:
    policy_id = workspace.store.policy_id_for_slug(slug)
    detail = workspace.store.policy_detail(policy_id) if policy_id else None
    if detail is None:
        raise NotFound(_("No policy with the slug “{slug}” in this workspace").format(slug=slug))
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


def match_reason(workspace: Workspace, search: str, policy_id: str) -> MatchReason | None:
    """Why a policy is among the results of `search`: the entry and field matched, with a snippet."""
    return workspace.store.match_reason(search, policy_id)
