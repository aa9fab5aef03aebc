"""What a policy summary holds, gathered once and then written in any format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.data import read
from app.data.read import PolicyDetail
from app.domain.dates import PartialDate
from app.domain.timeline import sort_lanes
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, SourceKind, Status, relation_phrase
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
    publisher: str
    published: str  # as shown: "24 Jan 2019"
    published_iso: str
    url: str
    kind: str


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

    @property
    def confidence_label(self) -> str:
        """What a briefing prints next to the event: nothing when a primary source confirms it."""
        return "" if self.confidence_value == Confidence.CONFIRMED else self.confidence


@dataclass(frozen=True)
class Related:
    phrase: str  # "Superseded by"
    title: str
    slug: str


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


def summarize(detail: PolicyDetail, include_notes: bool) -> PolicySummary:
    numbers = {s.id: n for n, s in enumerate(detail.sources, start=1)}
    citations = [
        Citation(
            numbers[s.id],
            clean(s.title),
            clean(s.publisher or s.issuer),
            PartialDate.parse(s.published).display() if s.published else "",
            s.published or "",
            s.url if s.url and s.url.lower().startswith(("http://", "https://")) else "",
            SourceKind(s.kind).label,
        )
        for s in detail.sources
    ]
    timeline = [
        TimelineEntry(
            PartialDate.parse(e.date).display(),
            e.date,
            e.date_precision,
            Status(e.status).label,
            e.status,
            clean(e.description),
            sorted(numbers[s] for s in e.source_ids if s in numbers),
            Confidence(e.confidence).label,
            e.confidence,
            clean(e.disagreement),
        )
        for e in detail.events
    ]
    related = [
        Related(relation_phrase(r.kind, r.outgoing), clean(r.other_title), r.other_slug)
        for r in detail.relations
    ]
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
        summary=clean(detail.summary),
        legal_basis=clean(detail.legal_basis),
        agencies=[clean(a) for a in detail.agencies],
        tags=list(detail.tags),
        timeline=timeline,
        citations=citations,
        related=related,
        notes=notes,
        picture_svg=timeline_svg(
            [lane_of(detail)], [], date.today(), COMPACT, title=f"Timeline: {detail.title}"
        ),
        last_verified=PartialDate.parse(detail.last_verified).display() if detail.last_verified else "",
        last_verified_iso=detail.last_verified or "",
    )


class ExportCancelled(Exception):
    """The person cancelled; nothing was written."""


def build_briefing(
    workspace: Workspace,
    policy_ids: list[str],
    *,
    include_notes: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> Briefing:
    """Gather the summaries; `progress(done, total)` returning False cancels."""
    policies = []
    total = len(policy_ids)
    for done, policy_id in enumerate(policy_ids, start=1):
        detail = read.policy_detail(workspace.reader, policy_id)
        if detail is not None:
            policies.append(summarize(detail, include_notes))
        if progress is not None and not progress(done, total):
            raise ExportCancelled
    overview = ""
    if len(policies) > 1:
        lanes, connectors = timeline(workspace, policy_ids)
        overview = timeline_svg(
            sort_lanes(lanes, "start"), connectors, date.today(), title="Timeline of these policies"
        )
    return Briefing(policies, workspace.path.stem, date.today().isoformat(), include_notes, overview)


def slug_for_file(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "briefing"
