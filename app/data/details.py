"""What the store's other queries return: plain, frozen rows, the same whatever the backend.

Plain data, no ORM objects and no connection: they outlive the query that read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
