"""What a person enters for each kind of entry, and the checks it must pass, in plain words.

The editors show these messages next to their fields; the command line prints the first.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.dates import MAX_YEAR, MIN_YEAR, PartialDate
from app.domain.vocab import (
    Confidence,
    Jurisdiction,
    LabelledEnum,
    PolicyKind,
    RelationKind,
    SourceKind,
    Status,
)
from app.errors import InvalidInput
from app.messages import N_, _

# The fields' names as a person reads them, for the one-line message ("Title: is required").
FIELD_NAMES = {
    "title": N_("Title"),
    "slug": N_("Slug"),
    "aliases": N_("Aliases"),
    "jurisdiction": N_("Jurisdiction"),
    "kind": N_("Kind"),
    "summary": N_("Summary"),
    "legal_basis": N_("Legal basis"),
    "agencies": N_("Agencies"),
    "tags": N_("Tags"),
    "last_verified": N_("Last verified"),
    "date": N_("Date"),
    "status": N_("Status"),
    "description": N_("Description"),
    "confidence": N_("Confidence"),
    "disagreement": N_("Where sources disagree"),
    "published": N_("Published"),
    "url": N_("URL"),
    "language": N_("Language"),
    "excerpts": N_("Excerpts"),
    "publisher": N_("Publisher"),
    "authors": N_("Authors"),
    "issuer": N_("Issuer"),
    "note": N_("Note"),
    "body": N_("Note"),
    "quote": N_("Quoted passage"),
    "target": N_("Related policy"),
    "label": N_("Label"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "period_end": N_("Period end"),
    "name": N_("Name"),
    "sources": N_("Sources"),
    "event": N_("Event"),
}

MAX_TITLE = 500
MAX_TEXT = 200_000  # characters; about 30,000 words, and still quick to render
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_SLUG = 80  # characters; the editor's help says so, and a slug made from a title is cut there


class ValidationFailed(InvalidInput):
    """One or more fields are wrong; `errors` maps each field to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        field_name, message = next(iter(errors.items()))
        shown = FIELD_NAMES.get(field_name)
        name = _(shown) if shown else field_name.replace("_", " ").capitalize()
        super().__init__(_("{field}: {problem}").format(field=name, problem=message))


def slugify(text: str) -> str:
    """A URL-safe, human-readable slug: "Título 42 (2020)" -> "titulo-42-2020"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "policy"


def clean_list(values: list[str]) -> list[str]:
    """Trimmed, non-empty, without repeats, in the order given."""
    seen: dict[str, None] = {}
    for value in values:
        value = " ".join(value.split())
        if value and value.casefold() not in {v.casefold() for v in seen}:
            seen[value] = None
    return list(seen)


def _choice(errors: dict[str, str], name: str, vocabulary: type[LabelledEnum], value: str) -> str:
    try:
        return vocabulary.parse(value).value
    except ValueError:
        labels = ", ".join(m.shown() for m in vocabulary)
        errors[name] = _("choose one of: {labels}").format(labels=labels)
        return value


def _has_control_characters(value: str) -> bool:
    # They cannot be seen or typed, and XML (the SVG timeline, Word files) cannot hold them.
    return any(unicodedata.category(ch) == "Cc" and ch not in "\n\t\r" for ch in value)


def _text(
    errors: dict[str, str], name: str, value: str, *, required: bool = False, limit: int = MAX_TEXT
) -> str:
    if required and not value.strip():
        errors[name] = _("is required")
    elif len(value) > limit:
        errors[name] = _("is too long ({count} characters; at most {limit})").format(
            count=f"{len(value):,}", limit=f"{limit:,}"
        )
    elif _has_control_characters(value):
        errors[name] = _("contains control characters")
    return value.strip()


def _names(errors: dict[str, str], name: str, values: list[str], *, limit: int = MAX_TITLE) -> list[str]:
    """A list of short names (aliases, agencies, tags, authors): each checked like a title."""
    for value in values:
        _text(errors, name, value, limit=limit)
    return clean_list(values)


def check_date(value: str, errors: dict[str, str], name: str = "date") -> str:
    try:
        return PartialDate.entered(value).iso()
    except ValueError as error:
        errors[name] = str(error)
        return value


def check_day(value: str, errors: dict[str, str], name: str) -> str:
    """A full date (YYYY-MM-DD) that is not in the future, or "" when none is given."""
    value = value.strip()
    if not value:
        return ""
    try:
        parsed = PartialDate.entered(value)
    except ValueError as error:
        errors[name] = str(error)
        return value
    if parsed.precision.value != "day":
        errors[name] = _("give the full date, YYYY-MM-DD")
    elif parsed.is_after(date.today()):
        errors[name] = _("{date} is in the future").format(date=value)
    return parsed.iso()


def check_timestamp(value: str | None, errors: dict[str, str], name: str) -> str | None:
    """A moment as the app writes it (2024-05-01T12:00:00Z); None when not given."""
    if value is None:
        return None
    try:
        if len(value) > 40:
            raise ValueError
        moment = datetime.fromisoformat(value)
    except ValueError:
        errors[name] = _("must be a date and time such as 2024-05-01T12:00:00Z")
        return value
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        errors[name] = _("is outside the years Policy Tracker records ({first}–{last})").format(
            first=MIN_YEAR, last=MAX_YEAR
        )
    return value


def check_url(value: str, errors: dict[str, str], name: str = "url") -> str | None:
    value = value.strip()
    if not value:
        return None
    if not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+\S*$", value, re.IGNORECASE):
        errors[name] = _("must be a web address starting with http:// or https://")
    return value


@dataclass
class PolicyInput:
    title: str
    slug: str = ""
    aliases: list[str] = field(default_factory=list)
    jurisdiction: str = "other"
    kind: str = "other"
    summary: str = ""
    legal_basis: str = ""
    agencies: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    last_verified: str = ""  # YYYY-MM-DD, or "" when never said

    def validated(self) -> PolicyInput:
        errors: dict[str, str] = {}
        title = _text(errors, "title", self.title, required=True, limit=MAX_TITLE)
        slug = self.slug.strip().lower()
        if slug and not SLUG_PATTERN.match(slug):
            errors["slug"] = _("use lowercase letters, digits and hyphens, starting with a letter or digit")
        elif len(slug) > MAX_SLUG:
            errors["slug"] = _("is too long ({count} characters; at most {limit})").format(
                count=len(slug), limit=MAX_SLUG
            )
        result = PolicyInput(
            title=" ".join(title.split()),
            slug=slug,
            aliases=_names(errors, "aliases", self.aliases),
            jurisdiction=_choice(errors, "jurisdiction", Jurisdiction, self.jurisdiction),
            kind=_choice(errors, "kind", PolicyKind, self.kind),
            summary=_text(errors, "summary", self.summary),
            legal_basis=_text(errors, "legal_basis", self.legal_basis, limit=10_000),
            agencies=_names(errors, "agencies", self.agencies),
            tags=_names(errors, "tags", [t.lower().lstrip("#") for t in self.tags]),
            last_verified=check_day(self.last_verified, errors, "last_verified"),
        )
        if errors:
            raise ValidationFailed(errors)
        return result


@dataclass
class EventInput:
    date: str
    status: str
    description: str = ""
    source_ids: list[str] = field(default_factory=list)
    # "" lets the workspace derive it from the cited sources (app.domain.vocab.default_confidence).
    confidence: str = ""
    disagreement: str = ""

    def validated(self) -> EventInput:
        errors: dict[str, str] = {}
        when = check_date(self.date, errors)
        status = _choice(errors, "status", Status, self.status)
        description = _text(errors, "description", self.description)
        confidence = (
            _choice(errors, "confidence", Confidence, self.confidence) if self.confidence.strip() else ""
        )
        disagreement = _text(errors, "disagreement", self.disagreement, limit=20_000)
        if errors:
            raise ValidationFailed(errors)
        sources = list(dict.fromkeys(self.source_ids))
        return EventInput(when, status, description, sources, confidence, disagreement)


@dataclass
class SourceInput:
    title: str
    publisher: str = ""
    authors: list[str] = field(default_factory=list)
    published: str = ""
    url: str = ""
    kind: str = "news"
    language: str = "en"
    issuer: str = ""
    note: str = ""
    excerpts: list[str] = field(default_factory=list)

    def validated(self) -> SourceInput:
        errors: dict[str, str] = {}
        title = _text(errors, "title", self.title, required=True, limit=MAX_TITLE * 2)
        published = check_date(self.published, errors, "published") if self.published.strip() else ""
        url = check_url(self.url, errors) or ""
        kind = _choice(errors, "kind", SourceKind, self.kind)
        language = self.language.strip().lower() or "en"
        if not re.match(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$", language):
            errors["language"] = _("use a language code such as en, es or pt-br")
        excerpts = [_text(errors, "excerpts", x) for x in self.excerpts if x.strip()]
        result = SourceInput(
            title,
            _text(errors, "publisher", self.publisher, limit=MAX_TITLE),
            _names(errors, "authors", self.authors),
            published,
            url,
            kind,
            language,
            _text(errors, "issuer", self.issuer, limit=MAX_TITLE),
            _text(errors, "note", self.note),
            excerpts,
        )
        if errors:
            raise ValidationFailed(errors)
        return result


@dataclass
class NoteInput:
    body: str
    tags: list[str] = field(default_factory=list)
    pinned: bool = False
    event_id: str | None = None
    source_id: str | None = None
    quote: str = ""
    # Shared with the team (a team workspace); private to its author otherwise.
    shared: bool = False

    def validated(self) -> NoteInput:
        errors: dict[str, str] = {}
        body = _text(errors, "body", self.body)
        quote = _text(errors, "quote", self.quote, limit=100_000)
        if not body and not quote:
            errors["body"] = _("write something, or quote a passage")
        tags = _names(errors, "tags", [t.lower().lstrip("#") for t in self.tags])
        if errors:
            raise ValidationFailed(errors)
        return NoteInput(body, tags, self.pinned, self.event_id, self.source_id, quote, self.shared)


@dataclass
class RelationInput:
    kind: str
    target_id: str
    note: str = ""

    def validated(self, from_id: str) -> RelationInput:
        errors: dict[str, str] = {}
        kind = _choice(errors, "kind", RelationKind, self.kind)
        if self.target_id == from_id:
            errors["target"] = _("a policy cannot be related to itself")
        note = _text(errors, "note", self.note, limit=10_000)
        if errors:
            raise ValidationFailed(errors)
        return RelationInput(kind, self.target_id, note)


@dataclass
class FigureInput:
    """A dated, sourced number; entered today only through imported bundles."""

    label: str
    value: float
    date: str
    unit: str = ""
    period_end: str = ""
    quote: str = ""
    note: str = ""

    def validated(self) -> FigureInput:
        errors: dict[str, str] = {}
        label = _text(errors, "label", self.label, required=True, limit=MAX_TITLE)
        if not math.isfinite(self.value):
            errors["value"] = _("must be a number (not NaN or infinite)")
        date = check_date(self.date, errors)
        period_end = check_date(self.period_end, errors, "period_end") if self.period_end.strip() else ""
        dates_readable = period_end and "date" not in errors and "period_end" not in errors
        if dates_readable and PartialDate.parse(period_end).last_day() < PartialDate.parse(date).first_day():
            errors["period_end"] = _("{end} is before the period starts ({start})").format(
                end=period_end, start=date
            )
        result = FigureInput(
            label,
            self.value,
            date,
            _text(errors, "unit", self.unit, limit=MAX_TITLE),
            period_end,
            _text(errors, "quote", self.quote, limit=100_000),
            _text(errors, "note", self.note, limit=10_000),
        )
        if errors:
            raise ValidationFailed(errors)
        return result


def checked_new_policy(
    data: PolicyInput, first_event: EventInput | None, new_source: SourceInput | None
) -> tuple[PolicyInput, EventInput | None, SourceInput | None]:
    """A new policy with its first status event and a new source, each checked. The event's and
    the source's fields are named with a prefix in the errors ("event_date", "source_title"), so
    that a form holding all three shows each message next to the right field."""
    errors: dict[str, str] = {}
    checked: list[object] = []
    for prefix, entry in (("", data), ("event_", first_event), ("source_", new_source)):
        try:
            checked.append(entry.validated() if entry is not None else None)
        except ValidationFailed as failure:
            errors.update({prefix + name: message for name, message in failure.errors.items()})
    if errors:
        raise ValidationFailed(errors)
    policy, event, source = checked
    assert isinstance(policy, PolicyInput)
    assert event is None or isinstance(event, EventInput)
    assert source is None or isinstance(source, SourceInput)
    return policy, event, source
