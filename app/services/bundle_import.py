"""Merge a JSON bundle into a workspace: validated first, then written in one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.data.seed_schema import _http_url, _key, _nonblank, _past_day
from app.domain.dates import PartialDate
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, RelationKind, SourceKind, Status
from app.errors import InvalidInput
from app.messages import _, ngettext
from app.services.bundle import read_bundle_file
from app.services.inputs import (
    EventInput,
    FigureInput,
    NoteInput,
    PolicyInput,
    RelationInput,
    SourceInput,
    ValidationFailed,
    check_timestamp,
)
from app.services.workspace import Workspace


def _uuid(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError(_("is not an id (a UUID)")) from None


def _date(value: str) -> str:
    return PartialDate.entered(value).iso()


def _timestamp(value: str | None) -> str | None:
    errors: dict[str, str] = {}
    check_timestamp(value, errors, "")
    if errors:
        raise ValueError(errors[""])
    return value


def _same_checks_as_the_editors(check: Callable[[], object]) -> None:
    """Run an editor's input check on an item of the file: one set of rules for every way in."""
    try:
        check()
    except ValidationFailed as failure:
        name, message = next(iter(failure.errors.items()))
        raise ValueError(_("{field}: {problem}").format(field=name, problem=message)) from None


# Bounds on what a file may hold, so that a hostile or broken file is refused in words
# instead of exhausting memory or time.
MAX_TEXT = 200_000
MAX_ITEMS = 200_000

Id = Annotated[str, Field(max_length=64), AfterValidator(_uuid)]
Slug = Annotated[str, Field(max_length=200), AfterValidator(_key)]
Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_nonblank)]
LongText = Annotated[str, Field(max_length=MAX_TEXT)]
IsoDate = Annotated[str, Field(max_length=10), AfterValidator(_date)]
IsoDay = Annotated[str, Field(max_length=10), AfterValidator(_past_day)]
Short = Annotated[str, Field(max_length=20_000)]
Timestamp = Annotated[str, Field(max_length=40), AfterValidator(_timestamp)]


class _Item(BaseModel):
    model_config = ConfigDict(extra="ignore")


class BundleExcerpt(_Item):
    id: Id
    text: Text


class BundleSource(_Item):
    id: Id
    title: Text
    publisher: Short = ""
    authors: Annotated[list[Short], Field(max_length=1_000)] = []
    published: IsoDate | None = None
    url: Annotated[str, AfterValidator(_http_url)] | None = None
    kind: SourceKind = SourceKind.NEWS
    language: str = Field(default="en", max_length=16)
    issuer: Short = ""
    note: Short = ""
    excerpts: Annotated[list[BundleExcerpt], Field(max_length=10_000)] = []

    @model_validator(mode="after")
    def _as_the_editor_checks(self) -> BundleSource:
        data = SourceInput(
            self.title,
            self.publisher,
            list(self.authors),
            self.published or "",
            self.url or "",
            self.kind.value,
            self.language,
            self.issuer,
            self.note,
            [x.text for x in self.excerpts],
        )
        _same_checks_as_the_editors(data.validated)
        return self


class BundleEvent(_Item):
    id: Id
    date: IsoDate
    date_precision: str | None = None
    status: Status
    description: LongText = ""
    source_ids: Annotated[list[Id], Field(max_length=1_000)] = []
    # Bundles written before these fields existed have neither (see bundle_merge for what then).
    confidence: Confidence | None = None
    disagreement: Short = ""

    @model_validator(mode="after")
    def _precision_matches(self) -> BundleEvent:
        actual = PartialDate.parse(self.date).precision.value
        if self.date_precision not in (None, actual):
            raise ValueError(
                _("date_precision “{precision}” does not match {date}").format(
                    precision=self.date_precision, date=self.date
                )
            )
        confidence = self.confidence.value if self.confidence else ""
        data = EventInput(
            self.date,
            self.status.value,
            self.description,
            list(self.source_ids),
            confidence,
            self.disagreement,
        )
        _same_checks_as_the_editors(data.validated)
        return self


class BundleNote(_Item):
    id: Id
    body: LongText = ""
    tags: Annotated[list[Short], Field(max_length=1_000)] = []
    pinned: bool = False
    event_id: Id | None = None
    source_id: Id | None = None
    quote: LongText = ""
    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None

    @model_validator(mode="after")
    def _as_the_editor_checks(self) -> BundleNote:
        data = NoteInput(self.body, list(self.tags), self.pinned, self.event_id, self.source_id, self.quote)
        _same_checks_as_the_editors(data.validated)
        return self


class BundlePolicy(_Item):
    id: Id
    slug: Slug
    title: Text
    aliases: Annotated[list[Short], Field(max_length=1_000)] = []
    jurisdiction: Jurisdiction = Jurisdiction.OTHER
    kind: PolicyKind = PolicyKind.OTHER
    summary: LongText = ""
    legal_basis: Short = ""
    agencies: Annotated[list[Short], Field(max_length=1_000)] = []
    tags: Annotated[list[Short], Field(max_length=1_000)] = []
    last_verified: IsoDay | None = None
    origin: str = Field(default="user", pattern="^(starter|user)$")
    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None
    source_ids: Annotated[list[Id], Field(max_length=MAX_ITEMS)] = []
    events: Annotated[list[BundleEvent], Field(max_length=MAX_ITEMS)] = []
    notes: Annotated[list[BundleNote], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _as_the_editor_checks(self) -> BundlePolicy:
        data = PolicyInput(
            self.title,
            self.slug,
            list(self.aliases),
            self.jurisdiction.value,
            self.kind.value,
            self.summary,
            self.legal_basis,
            list(self.agencies),
            list(self.tags),
            self.last_verified or "",
        )
        _same_checks_as_the_editors(data.validated)
        return self


class BundleRelation(_Item):
    id: Id
    from_: Slug = Field(alias="from")
    to: Slug
    kind: RelationKind
    note: Short = ""

    @model_validator(mode="after")
    def _as_the_editor_checks(self) -> BundleRelation:
        data = RelationInput(self.kind.value, self.to, self.note)
        _same_checks_as_the_editors(lambda: data.validated(self.from_))
        return self


class BundleFigure(_Item):
    id: Id
    policy: Slug
    label: Text
    value: float
    unit: Short = ""
    date: IsoDate
    period_end: IsoDate | None = None
    approximate: bool = False
    source_id: Id
    quote: LongText = ""
    note: Short = ""

    @model_validator(mode="after")
    def _as_the_editor_checks(self) -> BundleFigure:
        data = FigureInput(
            self.label, self.value, self.date, self.unit, self.period_end or "", self.quote, self.note
        )
        _same_checks_as_the_editors(data.validated)
        return self


class Bundle(_Item):
    policies: Annotated[list[BundlePolicy], Field(max_length=MAX_ITEMS)] = []
    sources: Annotated[list[BundleSource], Field(max_length=MAX_ITEMS)] = []
    relations: Annotated[list[BundleRelation], Field(max_length=MAX_ITEMS)] = []
    figures: Annotated[list[BundleFigure], Field(max_length=MAX_ITEMS)] = []


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    # Entries changed here more recently than in the file: importing replaces your newer version.
    conflicts: list[str] = field(default_factory=list)

    def count(self, kind: str, added: bool) -> None:
        target = self.added if added else self.updated
        target[kind] = target.get(kind, 0) + 1

    def summary(self) -> str:
        def part(counts: dict[str, int]) -> str:
            return ", ".join(_counted(kind, n) for kind, n in sorted(counts.items())) or _("nothing")

        if not self.added and not self.updated:
            return _("nothing to change")
        text = _("added {added}; updated {updated}").format(
            added=part(self.added), updated=part(self.updated)
        )
        if self.conflicts:
            n = len(self.conflicts)
            text += ngettext(
                "; {n} changed here more recently than in the file",
                "; {n} changed here more recently than in the file",
                n,
            ).format(n=n)
        return text


def _counted(kind: str, n: int) -> str:
    """ "3 events": a count of one kind of entry, in the language of the messages."""
    forms = {
        "policies": ngettext("{n} policy", "{n} policies", n),
        "events": ngettext("{n} event", "{n} events", n),
        "sources": ngettext("{n} source", "{n} sources", n),
        "excerpts": ngettext("{n} excerpt", "{n} excerpts", n),
        "notes": ngettext("{n} note", "{n} notes", n),
        "relations": ngettext("{n} relation", "{n} relations", n),
        "figures": ngettext("{n} figure", "{n} figures", n),
    }
    return forms.get(kind, "{n} " + kind).format(n=n)


def _location(loc: tuple[Any, ...]) -> str:
    text = ""
    for item in loc:
        text += f"[{item + 1}]" if isinstance(item, int) else (f".{item}" if text else str(item))
    return text


def parse_bundle(path: Path) -> Bundle:
    return validate_bundle(read_bundle_file(path), path)


def validate_bundle(data: Any, origin: Path) -> Bundle:
    """The bundle in `data` (parsed JSON, or one built in this process), checked; `origin` names it."""
    try:
        return Bundle.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        raise InvalidInput(
            _("{path}: {where}: {problem}").format(
                path=origin, where=_location(tuple(first["loc"])), problem=message
            )
        ) from None


def import_bundle(workspace: Workspace, path: Path) -> ImportReport:
    """Merge the bundle at `path` (by id, and policies also by slug); all or nothing."""
    return import_parsed(workspace, parse_bundle(path), path)


def import_parsed(workspace: Workspace, bundle: Bundle, origin: Path) -> ImportReport:
    """Merge a bundle already read and checked; all or nothing."""
    from app.data.change_context import recording
    from app.services.bundle_merge import merge

    with recording(f"import {origin.name}"), workspace.session() as session:
        return merge(session, bundle, origin)


def preview_bundle(workspace: Workspace, path: Path) -> ImportReport:
    """What importing would add, update and overwrite, found by merging and then rolling back."""
    return preview_parsed(workspace, parse_bundle(path), path)


def preview_parsed(workspace: Workspace, bundle: Bundle, origin: Path) -> ImportReport:
    from sqlmodel import Session

    from app.services.bundle_merge import merge

    session = Session(workspace.engine)
    try:
        return merge(session, bundle, origin)
    finally:
        session.rollback()
        session.close()
