"""Timeline lanes for a set of policies, read in a few queries whatever their number."""

from __future__ import annotations

from datetime import date

from app.data.details import PolicyDetail
from app.domain.timeline import Connector, EventInput, Lane, build_lane
from app.services.workspace import Workspace


def timeline(
    workspace: Workspace, policy_ids: list[str], today: date | None = None
) -> tuple[list[Lane], list[Connector]]:
    """The lanes (in the order of `policy_ids`) and the relations among these policies."""
    today = today or date.today()
    read = workspace.store.timeline_rows(policy_ids)
    titles = read.titles
    events: dict[str, list[EventInput]] = {pid: [] for pid in policy_ids}
    for e in read.events:
        events[e.policy_id].append(EventInput(e.id, e.date, e.status, e.description, e.citations))
    lanes = [build_lane(pid, *titles[pid], events[pid], today) for pid in policy_ids if pid in titles]
    slugs = {pid: titles[pid][0] for pid in titles}
    connectors = [
        Connector(slugs[from_id], slugs[to_id], kind)
        for from_id, to_id, kind in read.relations
        if to_id in slugs
    ]
    return lanes, connectors


def lane_of(detail: PolicyDetail, today: date | None = None) -> Lane:
    """One policy's lane from its details (no further reading)."""
    titles = {s.id: s.title for s in detail.sources}
    events = [
        EventInput(
            e.id, e.date, e.status, e.description, tuple(titles[s] for s in e.source_ids if s in titles)
        )
        for e in detail.events
    ]
    return build_lane(detail.id, detail.slug, detail.title, events, today or date.today())
