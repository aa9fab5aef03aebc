"""What a policy summary holds, gathered once and then written in any format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from app.data import read
from app.data.read import EventRow, PolicyDetail, SourceRow
from app.domain.dates import PartialDate
from app.domain.timeline import sort_lanes
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, SourceKind, Status, relation_phrase
from app.export.citations import report_number, supporting_excerpt
from app.export.prose import without_keys
from app.export.timeline_svg import COMPACT, timeline_svg
from app.services.timeline import lane_of, timeline
from app.services.workspace import Workspace

FORMATS = {
    "md": "Markdown",
    "html": "HTML",
    "pdf": "PDF",
    "docx": "Word",
    "csv": "CSV",
    "json": "JSON bundle",
}
EXTENSIONS = {"md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx", "csv": ".csv", "json": ".json"}


def clean(text: str) -> str:
    """Text safe for every format: control characters (other than line breaks and tabs) removed."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Co"))


@dataclass(frozen=True)
class Citation:
    number: int
    title: str
    publisher: str  # the publisher, else the issuing agency, court or legislature
    published: str  # as shown: "24 Jan 2019"
    published_iso: str
    url: str
    kind: str  # label: "Court"
    authors: tuple[str, ...] = ()
    report_number: str = ""  # "No. 24-50149", "CRS Report R40135"
    kind_value: str = ""  # "court"
    source_id: str = ""  # the stable id, for tables that must name a source exactly
    excerpts: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # as shown, at its precision
    date_iso: str
    precision: str
    status: str  # label
    status_value: str
    description: str
    citations: list[int]
    confidence: str = "Confirmed"  # label
    confidence_value: str = "confirmed"
    disagreement: str = ""
    quote: str = ""  # the excerpt of a cited source that supports this event, shortened
    quote_source: int = 0  # its citation number

    @property
    def confidence_label(self) -> str:
        """What a briefing prints next to the event: nothing when a primary source confirms it."""
        return "" if self.confidence_value == Confidence.CONFIRMED else self.confidence


@dataclass(frozen=True)
class Related:
    phrase: str  # "Superseded by"
    title: str
    slug: str
    note: str = ""


@dataclass(frozen=True)
class NoteEntry:
    body: str  # Markdown
    quote: str
    tags: list[str]
    pinned: bool
    updated: str


@dataclass(frozen=True)
class PolicySummary:
    slug: str
    title: str
    aliases: list[str]
    jurisdiction: str
    kind: str
    status: str
    status_value: str
    since: str
    since_iso: str
    summary: str
    legal_basis: str
    agencies: list[str]
    tags: list[str]
    timeline: list[TimelineEntry]
    citations: list[Citation]
    related: list[Related]
    notes: list[NoteEntry] = field(default_factory=list)
    picture_svg: str = ""  # the policy's one-lane timeline
    last_verified: str = ""  # as shown: "7 Dec 2026"; "" when never said
    last_verified_iso: str = ""

    @property
    def anchor(self) -> str:
        return f"policy-{self.slug}"


@dataclass(frozen=True)
class Briefing:
    policies: list[PolicySummary]
    workspace_name: str
    exported_on: str  # ISO date
    include_notes: bool
    overview_svg: str = ""  # every policy's lane, for briefings of several policies

    @property
    def title(self) -> str:
        if len(self.policies) == 1:
            return self.policies[0].title
        return f"Policy briefing: {len(self.policies)} policies"

    @property
    def footer(self) -> str:
        return f"Exported on {PartialDate.parse(self.exported_on).display()} from the workspace “{self.workspace_name}” with Policy Tracker."


def _citation(number: int, s: SourceRow) -> Citation:
    url = s.url if s.url and s.url.lower().startswith(("http://", "https://")) else ""
    return Citation(
        number,
        clean(s.title),
        clean(s.publisher or s.issuer),
        PartialDate.parse(s.published).display() if s.published else "",
        s.published or "",
        url,
        SourceKind(s.kind).label,
        authors=tuple(clean(a) for a in s.authors if a.strip()),
        report_number=report_number(clean(s.title), url, s.issuer, s.publisher),
        kind_value=s.kind,
        source_id=s.id,
        excerpts=tuple(clean(x.text) for x in s.excerpts if x.text.strip()),
    )


def _entry(
    event: EventRow, numbers: dict[str, int], by_number: dict[int, Citation], slugs: dict[str, str] | None
) -> TimelineEntry:
    cited = sorted(numbers[s] for s in event.source_ids if s in numbers)
    description = readable(event.description, slugs)
    quote, quote_source = "", 0
    for n in cited:  # the first cited source with an excerpt about this event
        quote = supporting_excerpt(description, list(by_number[n].excerpts))
        if quote:
            quote_source = n
            break
    return TimelineEntry(
        PartialDate.parse(event.date).display(),
        event.date,
        event.date_precision,
        Status(event.status).label,
        event.status,
        description,
        cited,
        Confidence(event.confidence).label,
        event.confidence,
        readable(event.disagreement, slugs),
        quote=quote,
        quote_source=quote_source,
    )


def readable(text: str, slugs: dict[str, str] | None) -> str:
    """Text for reading: internal keys replaced (app/export/prose.py). Without `slugs` (tables
    meant to be imported again) the text is kept exactly as stored."""
    return clean(text) if slugs is None else without_keys(clean(text), slugs)


def related_once(detail: PolicyDetail, slugs: dict[str, str] | None) -> list[Related]:
    """Each relation once: "A related to B" is often stored both ways, and both rows reach A.
    Their notes are kept (both, when the two directions say different things)."""
    merged: dict[tuple[str, str], Related] = {}
    for r in detail.relations:
        phrase = relation_phrase(r.kind, r.outgoing)
        note = readable(r.note, slugs).strip()
        key = (phrase, r.other_slug)
        if key not in merged:
            merged[key] = Related(phrase, clean(r.other_title), r.other_slug, note)
        elif note and note not in merged[key].note:
            earlier = merged[key]
            merged[key] = Related(phrase, earlier.title, earlier.slug, f"{earlier.note} {note}".strip())
    return list(merged.values())


def _readable_events(detail: PolicyDetail, slugs: dict[str, str] | None) -> PolicyDetail:
    """The detail with its events' descriptions made readable (the picture's tooltips show them)."""
    if slugs is None:
        return detail
    events = [replace(e, description=readable(e.description, slugs)) for e in detail.events]
    return replace(detail, events=events)


def summarize(
    detail: PolicyDetail, include_notes: bool, slugs: dict[str, str] | None = None
) -> PolicySummary:
    """With `slugs` (policy slug → title) the prose is made for reading: a policy named by its
    key is named by its title, source keys are left out. Without, text is kept as stored."""
    numbers = {s.id: n for n, s in enumerate(detail.sources, start=1)}
    citations = [_citation(numbers[s.id], s) for s in detail.sources]
    by_number = {c.number: c for c in citations}
    timeline = [_entry(e, numbers, by_number, slugs) for e in detail.events]
    related = related_once(detail, slugs)
    notes = (
        [
            NoteEntry(clean(n.body), clean(n.quote), list(n.tags), n.pinned, n.updated_at[:10])
            for n in detail.notes
        ]
        if include_notes
        else []
    )
    since = detail.status_since
    return PolicySummary(
        slug=detail.slug,
        title=clean(detail.title),
        aliases=[clean(a) for a in detail.aliases],
        jurisdiction=Jurisdiction(detail.jurisdiction).label,
        kind=PolicyKind(detail.kind).label,
        status=Status(detail.current_status).label if detail.current_status else "No status yet",
        status_value=detail.current_status or "",
        since=PartialDate.parse(since).display() if since else "",
        since_iso=since or "",
        summary=readable(detail.summary, slugs),
        legal_basis=clean(detail.legal_basis),
        agencies=[clean(a) for a in detail.agencies],
        tags=list(detail.tags),
        timeline=timeline,
        citations=citations,
        related=related,
        notes=notes,
        picture_svg=timeline_svg(
            [lane_of(_readable_events(detail, slugs))],
            [],
            date.today(),
            COMPACT,
            title=f"Timeline: {detail.title}",
        ),
        last_verified=PartialDate.parse(detail.last_verified).display() if detail.last_verified else "",
        last_verified_iso=detail.last_verified or "",
    )


def policy_titles(workspace: Workspace) -> dict[str, str]:
    """Slug → title of every policy whose slug could be mistaken for nothing else (it has a hyphen)."""
    rows = workspace.reader.execute("SELECT slug, title FROM policy WHERE deleted_at IS NULL")
    return {str(slug): clean(str(title)) for slug, title in rows if "-" in str(slug)}


class ExportCancelled(Exception):
    """The person cancelled; nothing was written."""


def build_briefing(
    workspace: Workspace,
    policy_ids: list[str],
    *,
    include_notes: bool = False,
    for_reading: bool = True,
    progress: Callable[[int, int], bool] | None = None,
) -> Briefing:
    """Gather the summaries; `progress(done, total)` returning False cancels."""
    policies = []
    total = len(policy_ids)
    slugs = policy_titles(workspace) if for_reading else None  # tables keep the stored text
    for done, policy_id in enumerate(policy_ids, start=1):
        detail = read.policy_detail(workspace.reader, policy_id)
        if detail is not None:
            policies.append(summarize(detail, include_notes, slugs))
        if progress is not None and not progress(done, total):
            raise ExportCancelled
    overview = ""
    if len(policies) > 1:
        lanes, connectors = timeline(workspace, policy_ids)
        overview = timeline_svg(
            sort_lanes(lanes, "start"), connectors, date.today(), title="Timeline of these policies"
        )
        if slugs is not None:  # its tooltips hold the events' descriptions
            overview = without_keys(overview, slugs)
    return Briefing(policies, workspace.path.stem, date.today().isoformat(), include_notes, overview)


def slug_for_file(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "briefing"
