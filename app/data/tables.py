"""The workspace schema as SQLModel tables. Every change here needs an Alembic revision."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.domain.dates import DatePrecision, PartialDate
from app.domain.vocab import ChangeKind, Confidence, Origin, RelationKind, Status


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _in(column: str, vocabulary: Iterable[StrEnum]) -> str:
    """The CHECK that keeps `column` to the values of a domain vocabulary, declared once there."""
    quoted = ",".join(f"'{member.value}'" for member in vocabulary)
    return f"{column} IN ({quoted})"


_PRECISION_CHECK = _in("date_precision", DatePrecision)
_LAST_VERIFIED_CHECK = (
    "last_verified IS NULL OR last_verified GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
)


class Policy(SQLModel, table=True):
    __tablename__ = "policy"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="policy_title_required"),
        CheckConstraint("slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'", name="policy_slug_form"),
        CheckConstraint(_in("origin", Origin), name="policy_origin"),
        CheckConstraint(_LAST_VERIFIED_CHECK, name="policy_last_verified_day"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    slug: str = Field(unique=True, index=True)
    title: str
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    jurisdiction: str = "other"
    kind: str = "other"
    summary: str = ""
    legal_basis: str = ""
    agencies: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # The day (YYYY-MM-DD) the policy's facts were last checked against sources; None when never said.
    last_verified: str | None = None
    origin: str = "user"
    created_at: str = Field(default_factory=utc_now)
    updated_at: str = Field(default_factory=utc_now)
    deleted_at: str | None = None


class Source(SQLModel, table=True):
    __tablename__ = "source"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="source_title_required"),
        CheckConstraint("url IS NULL OR url LIKE 'http://%' OR url LIKE 'https://%'", name="source_url_http"),
        CheckConstraint(
            "published_precision IS NULL OR " + _in("published_precision", DatePrecision),
            name="source_published_precision",
        ),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    title: str
    publisher: str = ""
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    published: str | None = None
    published_precision: str | None = None
    url: str | None = None
    kind: str = "news"
    language: str = "en"
    issuer: str = ""
    note: str = ""
    origin: str = "user"
    created_at: str = Field(default_factory=utc_now)
    updated_at: str = Field(default_factory=utc_now)
    deleted_at: str | None = None


class Excerpt(SQLModel, table=True):
    """A passage quoted verbatim from a source."""

    __tablename__ = "excerpt"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="excerpt_text_required"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    source_id: str = Field(foreign_key="source.id", ondelete="CASCADE", index=True)
    position: int = 0
    text: str


class PolicySource(SQLModel, table=True):
    __tablename__ = "policy_source"

    policy_id: str = Field(foreign_key="policy.id", ondelete="CASCADE", primary_key=True)
    source_id: str = Field(foreign_key="source.id", ondelete="CASCADE", primary_key=True, index=True)


class StatusEvent(SQLModel, table=True):
    __tablename__ = "status_event"
    __table_args__ = (
        CheckConstraint(_in("status", Status), name="event_status_vocabulary"),
        CheckConstraint(_PRECISION_CHECK, name="event_date_precision"),
        CheckConstraint(_in("confidence", Confidence), name="event_confidence_vocabulary"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    policy_id: str = Field(foreign_key="policy.id", ondelete="CASCADE", index=True)
    date: str
    date_precision: str
    # First day the date can mean; with position it orders the history.
    date_sort: str = Field(index=True)
    position: int = 0
    status: str
    description: str = ""
    # confirmed | reported | unconfirmed (app.domain.vocab.Confidence); see seeds/FORMAT.md.
    confidence: str = "reported"
    # Where sources disagree, what each says; empty when they do not.
    disagreement: str = ""
    origin: str = "user"
    created_at: str = Field(default_factory=utc_now)
    updated_at: str = Field(default_factory=utc_now)
    deleted_at: str | None = None


class EventCitation(SQLModel, table=True):
    __tablename__ = "event_citation"

    event_id: str = Field(foreign_key="status_event.id", ondelete="CASCADE", primary_key=True)
    # A cited source cannot vanish under an event: deleting it must be decided first.
    source_id: str = Field(foreign_key="source.id", ondelete="RESTRICT", primary_key=True, index=True)


class Note(SQLModel, table=True):
    """The user's own annotation. RESTRICT everywhere: a note is never dropped as a side effect."""

    __tablename__ = "note"

    id: str = Field(default_factory=new_id, primary_key=True)
    policy_id: str = Field(foreign_key="policy.id", ondelete="RESTRICT", index=True)
    event_id: str | None = Field(default=None, foreign_key="status_event.id", ondelete="RESTRICT", index=True)
    source_id: str | None = Field(default=None, foreign_key="source.id", ondelete="RESTRICT", index=True)
    quote: str = ""
    body: str = ""
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    pinned: bool = False
    created_at: str = Field(default_factory=utc_now)
    updated_at: str = Field(default_factory=utc_now)
    deleted_at: str | None = None


class Relation(SQLModel, table=True):
    __tablename__ = "relation"
    __table_args__ = (
        UniqueConstraint("from_policy_id", "to_policy_id", "kind", name="relation_unique"),
        CheckConstraint("from_policy_id <> to_policy_id", name="relation_not_self"),
        CheckConstraint(_in("kind", RelationKind), name="relation_kind"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    from_policy_id: str = Field(foreign_key="policy.id", ondelete="CASCADE", index=True)
    to_policy_id: str = Field(foreign_key="policy.id", ondelete="CASCADE", index=True)
    kind: str
    note: str = ""
    origin: str = "user"


class Figure(SQLModel, table=True):
    """A dated, sourced number that analysts cite."""

    __tablename__ = "figure"
    __table_args__ = (
        CheckConstraint("length(trim(label)) > 0", name="figure_label_required"),
        CheckConstraint(_PRECISION_CHECK, name="figure_date_precision"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    policy_id: str = Field(foreign_key="policy.id", ondelete="CASCADE", index=True)
    label: str
    value: float
    unit: str = ""
    date: str
    date_precision: str
    period_end: str | None = None
    approximate: bool = False
    source_id: str = Field(foreign_key="source.id", ondelete="RESTRICT", index=True)
    quote: str = ""
    note: str = ""
    origin: str = "user"


class SeedState(SQLModel, table=True):
    """What the starter data last wrote into a row, to tell untouched rows from user edits."""

    __tablename__ = "seed_state"

    entity: str = Field(primary_key=True)
    entity_id: str = Field(primary_key=True)
    content_hash: str


class Meta(SQLModel, table=True):
    __tablename__ = "meta"

    key: str = Field(primary_key=True)
    value: str


class SavedSearch(SQLModel, table=True):
    """A named combination of search text and filters ("smart collection")."""

    __tablename__ = "saved_search"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="saved_search_name_required"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    name: str = Field(unique=True)
    search: str = ""
    # facet -> chosen values, e.g. {"status": ["in_effect"], "tag": ["asylum"]}
    filters: dict[str, list[str]] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: str = Field(default_factory=utc_now)


class ChangeRecord(SQLModel, table=True):
    """One change to one entry, kept in the transaction that made it (app.data.change_log).

    `seq` only grows (AUTOINCREMENT: a pruned number is never handed out again), so a reader can
    catch up from the last number it saw. `batch` groups the records of one action of a person.
    `before`/`after` are the entry as JSON text (NULL: it did not exist); TEXT, not a JSON type,
    so that every backend stores exactly the text written.
    """

    __tablename__ = "change_record"
    __table_args__ = (
        CheckConstraint(_in("kind", ChangeKind), name="change_kind"),
        Index("ix_change_record_at", "at"),
        Index("ix_change_record_entry", "kind", "entry_id"),
        {"sqlite_autoincrement": True},
    )

    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    at: str
    who: str
    kind: str
    entry_id: str
    # The policy the entry belongs to (NULL for a source, which may belong to several):
    # change_policy lists every policy a change concerns.
    policy_id: str | None = None
    summary: str
    before: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    after: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    batch: str
    source: str


class ChangePolicy(SQLModel, table=True):
    """Which policies a change concerns: its event's or note's policy, both ends of a relation,
    every policy a source was linked to before or after."""

    __tablename__ = "change_policy"
    __table_args__ = (Index("ix_change_policy_policy", "policy_id", "seq"),)

    seq: int = Field(
        sa_column=Column(Integer, ForeignKey("change_record.seq", ondelete="CASCADE"), primary_key=True)
    )
    policy_id: str = Field(primary_key=True)


class BriefingMark(SQLModel, table=True):
    """When the changes of a set of policies were last briefed, for "what changed since last time"."""

    __tablename__ = "briefing_mark"

    # A digest of the sorted policy ids (app.services.changes), the same set however it was chosen.
    scope: str = Field(primary_key=True)
    policy_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    at: str
    # The last change number the briefing covered.
    seq: int


def assign(row: Any, fields: dict[str, Any]) -> bool:
    """Set the fields whose values differ on a row; report whether any did."""
    changed = False
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def dated(text: str) -> dict[str, str]:
    """The columns of a status event's date: as written, its precision, and the day it sorts by."""
    when = PartialDate.parse(text)
    return {
        "date": when.iso(),
        "date_precision": when.precision.value,
        "date_sort": when.first_day().isoformat(),
    }


def published(text: str | None) -> dict[str, str | None]:
    """The columns of a source's publication date, which may be unknown."""
    if not text:
        return {"published": None, "published_precision": None}
    when = PartialDate.parse(text)
    return {"published": when.iso(), "published_precision": when.precision.value}
