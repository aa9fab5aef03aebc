"""Timeline lanes for a set of policies, read in a few queries whatever their number."""

from __future__ import annotations

from datetime import date

from app.data.rows import PolicyDetail
from app.domain.timeline import Connector, EventInput, Lane, build_lane
from app.services.workspace import Workspace

CHUNK = 500


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[n : n + CHUNK] for n in range(0, len(ids), CHUNK)]


def timeline(
    workspace: Workspace, policy_ids: list[str], today: date | None = None
) -> tuple[list[Lane], list[Connector]]:
    """The lanes (in the order of `policy_ids`) and the relations among these policies."""
    today = today or date.today()
    c = workspace.reader
    titles: dict[str, tuple[str, str]] = {}
    events: dict[str, list[EventInput]] = {pid: [] for pid in policy_ids}
    citations: dict[str, list[str]] = {}
    for chunk in _chunks(policy_ids):
        marks = ",".join("?" * len(chunk))
        for pid, slug, title in c.execute(f"SELECT id, slug, title FROM policy WHERE id IN ({marks})", chunk):
            titles[pid] = (slug, title)
        for event_id, title in c.execute(
            f"""SELECT ec.event_id, s.title FROM event_citation ec JOIN status_event e ON e.id = ec.event_id
                JOIN source s ON s.id = ec.source_id WHERE e.policy_id IN ({marks}) AND s.deleted_at IS NULL
                ORDER BY s.title""",
            chunk,
        ):
            citations.setdefault(event_id, []).append(title)
        for event_id, pid, when, status, description in c.execute(
            f"""SELECT id, policy_id, date, status, description FROM status_event
                WHERE policy_id IN ({marks}) AND deleted_at IS NULL
                ORDER BY policy_id, date_sort, position, created_at""",
            chunk,
        ):
            events[pid].append(
                EventInput(event_id, when, status, description, tuple(citations.get(event_id, ())))
            )
    lanes = [build_lane(pid, *titles[pid], events[pid], today) for pid in policy_ids if pid in titles]
    slugs = {pid: titles[pid][0] for pid in titles}
    connectors = []
    for chunk in _chunks(policy_ids):
        marks = ",".join("?" * len(chunk))
        for from_id, to_id, kind in c.execute(
            f"SELECT from_policy_id, to_policy_id, kind FROM relation WHERE from_policy_id IN ({marks})",
            chunk,
        ):
            if to_id in slugs:
                connectors.append(Connector(slugs[from_id], slugs[to_id], kind))
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
