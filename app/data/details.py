"""What the store's other queries return: plain, frozen rows, the same whatever the backend.

Plain data, no ORM objects and no connection: they outlive the query that read them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    date: str
    date_precision: str
    status: str
    description: str
    source_ids: list[str]
    confidence: str = "confirmed"  # confirmed | reported | unconfirmed (app.domain.vocab.Confidence)
    disagreement: str = ""


@dataclass(frozen=True, slots=True)
class ExcerptRow:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: str
    title: str
    publisher: str
    authors: list[str]
    published: str | None
    published_precision: str | None
    url: str | None
    kind: str
    language: str
    issuer: str
    note: str
    excerpts: list[ExcerptRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NoteRow:
    id: str
    policy_id: str
    event_id: str | None
    source_id: str | None
    quote: str
    body: str
    tags: list[str]
    pinned: bool
    created_at: str
    updated_at: str
    # In a team workspace: who wrote it, and whether the team sees it (else only its author does).
    author: str = ""
    shared: bool = False


@dataclass(frozen=True, slots=True)
class RelationRow:
    id: str
    kind: str
    from_slug: str
    to_slug: str
    other_slug: str
    other_title: str
    outgoing: bool
    note: str
    # Every stored relation this row stands for (app.services.details.one_row_per_relation): a
    # symmetric relation ("related to") stored in both directions is shown once, removed as one.
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureRow:
    id: str
    label: str
    value: float
    unit: str
    date: str
    date_precision: str
    period_end: str | None
    approximate: bool
    source_id: str
    quote: str
    note: str


@dataclass(frozen=True)
class PolicyDetail:
    id: str
    slug: str
    title: str
    aliases: list[str]
    jurisdiction: str
    kind: str
    summary: str
    legal_basis: str
    agencies: list[str]
    tags: list[str]
    origin: str
    created_at: str
    updated_at: str
    events: list[EventRow]
    sources: list[SourceRow]
    notes: list[NoteRow]
    relations: list[RelationRow]
    figures: list[FigureRow]
    last_verified: str | None = None  # YYYY-MM-DD

    @property
    def current_status(self) -> str | None:
        return self.events[-1].status if self.events else None

    @property
    def status_since(self) -> str | None:
        """The date the current status began: later events that keep the status do not reset it."""
        if not self.events:
            return None
        since = self.events[-1]
        for event in reversed(self.events):
            if event.status != since.status:
                break
            since = event
        return since.date


@dataclass(frozen=True, slots=True)
class NoteListRow:
    id: str
    policy_id: str
    policy_slug: str
    policy_title: str
    event_id: str | None
    event_label: str
    source_id: str | None
    source_title: str
    quote: str
    body: str
    tags: list[str]
    pinned: bool
    created_at: str
    updated_at: str
    author: str = ""  # in a team workspace, as in NoteRow
    shared: bool = False


@dataclass(frozen=True, slots=True)
class SavedSearchRow:
    id: str
    name: str
    search: str
    filters: dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class TrashRow:
    kind: str  # policy, event, source, note
    id: str
    title: str
    deleted_at: str
    policy_title: str = ""


@dataclass(frozen=True, slots=True)
class ContentCounts:
    """What belongs to a policy: live events and notes, its figures and its linked sources."""

    events: int
    notes: int
    figures: int
    sources: int


@dataclass(frozen=True, slots=True)
class TimelineEventRow:
    id: str
    policy_id: str
    date: str
    status: str
    description: str
    citations: tuple[str, ...]  # the titles of its live sources


@dataclass(frozen=True, slots=True)
class TimelineRows:
    """What the timeline draws for some policies, read in a few queries whatever their number."""

    titles: dict[str, tuple[str, str]]  # policy id -> (slug, title)
    events: list[TimelineEventRow]  # by policy, then in the order of its history
    relations: list[tuple[str, str, str]]  # (from policy id, to policy id, kind)


@dataclass(frozen=True, slots=True)
class MatchReason:
    """Why a policy matched a search: the kind of entry the best match is in (policy, event,
    source, excerpt, note), the field ("title" or "body" of that entry), and a snippet of the
    text around it, the matched words between MATCH_START and MATCH_END."""

    kind: str
    field: str
    snippet: str


MATCH_START, MATCH_END = "\ue000", "\ue001"  # private-use characters: never in a person's text


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One recorded change (app.data.change_log): `before`/`after` are the entry's fields, or None
    where it did not exist."""

    seq: int
    at: str  # UTC, YYYY-MM-DDTHH:MM:SS.mmmZ
    who: str
    kind: str  # app.domain.vocab.ChangeKind
    entry_id: str
    policy_id: str | None
    summary: str
    before: dict[str, object] | None
    after: dict[str, object] | None
    batch: str
    source: str  # edit, undo, redo, import NAME, starter data
    policy_ids: tuple[str, ...] = ()  # every policy the change concerns


def change_row(values: Sequence[Any]) -> ChangeRow:
    """A recorded change from the columns both stores select, in this order: seq, at, who, kind,
    entry_id, policy_id, summary, before, after (JSON text or NULL), batch, source, and the ids of
    the policies it concerns separated by spaces."""

    def state(text: str | None) -> dict[str, object] | None:
        return None if text is None else dict(json.loads(text))

    return ChangeRow(
        seq=int(values[0]),
        at=values[1],
        who=values[2],
        kind=values[3],
        entry_id=values[4],
        policy_id=values[5],
        summary=values[6],
        before=state(values[7]),
        after=state(values[8]),
        batch=values[9],
        source=values[10],
        policy_ids=tuple(sorted((values[11] or "").split())),
    )


@dataclass(frozen=True, slots=True)
class ChangeQuery:
    """Which recorded changes to read: all by default, oldest first."""

    since: str | None = None  # recorded at or after this time (or day, YYYY-MM-DD)
    after_seq: int | None = None  # numbered after this one: catching up from the last seen
    policy_ids: tuple[str, ...] = ()  # concerning any of these policies
    kinds: tuple[str, ...] = ()
    who: str | None = None
    limit: int | None = None  # the newest `limit` of them (still returned oldest first)
