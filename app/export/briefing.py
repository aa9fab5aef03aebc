"""What a policy summary holds, gathered once and then written in any format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from app.data.details import EventRow, PolicyDetail, SourceRow
from app.domain.timeline import sort_lanes
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, SourceKind, Status, relation_phrase
from app.export.citations import report_number, supporting_excerpt
from app.export.labels import CHANGES_SECTIONS, date_label, section, supported, text, vocabulary
from app.export.prose import without_keys
from app.export.timeline_svg import PRINT, PRINT_COMPACT, timeline_svg
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
    change: str = ""  # in a briefing of changes: "Happened since 1 Dec 2026", "Newly recorded", …

    @property
    def sureness_label(self) -> str:
        """How sure the event is: nothing when a primary source confirms it."""
        return "" if self.confidence_value == Confidence.CONFIRMED else self.confidence

    @property
    def confidence_label(self) -> str:
        """What a briefing prints next to the event: how it changed (in a briefing of changes),
        and how sure it is unless a primary source confirms it."""
        return " · ".join(part for part in (self.change, self.sureness_label) if part)


@dataclass(frozen=True)
class FigureEntry:
    label: str
    value: str  # as shown: "about 75,000 asylum applicants"
    date: str  # as shown: "Jan 2019 – Aug 2022"
    citation: int | None


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
    figures: list[FigureEntry] = field(default_factory=list)
    earlier_events: int = 0  # in a brief: events left out (the dossier has them)
    # In a briefing of changes: what changed, in a sentence or two, printed instead of the summary.
    changes_digest: str = ""
    # The dossier's charts of figures over time: (unit, SVG) for each unit with two figures or more.
    figure_charts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"policy-{self.slug}"


LENGTHS = ("brief", "dossier")


@dataclass(frozen=True)
class Briefing:
    policies: list[PolicySummary]
    workspace_name: str  # kept for the bundle; never printed (an author or organisation belongs there)
    exported_on: str  # ISO date: the "as of" date
    include_notes: bool
    overview_svg: str = ""  # every policy's lane, for briefings of several policies
    length: str = "dossier"  # or "brief": at most a page per policy
    author: str = ""
    organisation: str = ""
    language: str = "en"
    # A briefing of what changed since this day (ISO), instead of the whole record: "" when not.
    changes_since: str = ""

    @property
    def is_brief(self) -> bool:
        return self.length == "brief"

    @property
    def is_changes(self) -> bool:
        return bool(self.changes_since)

    def label(self, key: str, **values: object) -> str:
        if self.is_changes and key in CHANGES_SECTIONS:
            return section(self.language, key, True)
        return text(self.language, key, **values)

    @property
    def kind_label(self) -> str:
        if self.is_changes:
            return self.label("changes_kind", date=date_label(self.changes_since, self.language))
        return self.label("brief" if self.is_brief else "briefing")

    @property
    def title(self) -> str:
        """The document's title (PDF metadata, running header): "Policy brief: A, B and C"."""
        if len(self.policies) == 1:
            return self.policies[0].title
        return f"{self.kind_label}: {self.heading}"

    @property
    def heading(self) -> str:
        """The title block's heading, under the kind label: the policies named."""
        if len(self.policies) == 1:
            return self.policies[0].title
        names = [p.title if len(p.title) <= 60 else p.title[:59] + "…" for p in self.policies]
        if len(names) > 3:
            rest = len(names) - 2
            names = [*names[:2], f"{rest} more" if self.language == "en" else f"{rest} más"]
        return ", ".join(names[:-1]) + (" and " if self.language == "en" else " y ") + names[-1]

    @property
    def as_of(self) -> str:
        return self.label("as_of", date=date_label(self.exported_on, self.language))

    @property
    def byline(self) -> str:
        """ "Prepared by Ana Ruiz, Border Desk", or "" when Preferences name no one."""
        who = ", ".join(x for x in (self.author.strip(), self.organisation.strip()) if x)
        return self.label("prepared_by", who=who) if who else ""

    @property
    def footer(self) -> str:
        made = self.label("exported", date=date_label(self.exported_on, self.language))
        return f"{self.byline}. {made}" if self.byline else made


def _figure_value(value: float, unit: str, approximate: bool, language: str) -> str:
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
    if language == "es":  # 75.000, 1,5
        number = number.replace(",", "\0").replace(".", ",").replace("\0", ".")
    shown = f"{number} {unit}".strip()
    return f"{text(language, 'approximately')} {shown}" if approximate else shown


def _citation(number: int, s: SourceRow, language: str) -> Citation:
    url = s.url if s.url and s.url.lower().startswith(("http://", "https://")) else ""
    return Citation(
        number,
        clean(s.title),
        clean(s.publisher or s.issuer),
        date_label(s.published, language) if s.published else "",
        s.published or "",
        url,
        vocabulary(SourceKind(s.kind).label, language),
        authors=tuple(clean(a) for a in s.authors if a.strip()),
        report_number=report_number(clean(s.title), url, s.issuer, s.publisher),
        kind_value=s.kind,
        source_id=s.id,
        excerpts=tuple(clean(x.text) for x in s.excerpts if x.text.strip()),
    )


def _entry(
    event: EventRow,
    numbers: dict[str, int],
    by_number: dict[int, Citation],
    slugs: dict[str, str] | None,
    language: str,
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
        date_label(event.date, language),
        event.date,
        event.date_precision,
        vocabulary(Status(event.status).label, language),
        event.status,
        description,
        cited,
        vocabulary(Confidence(event.confidence).label, language),
        event.confidence,
        readable(event.disagreement, slugs),
        quote=quote,
        quote_source=quote_source,
    )


def readable(text_: str, slugs: dict[str, str] | None) -> str:
    """Text for reading: internal keys replaced (app/export/prose.py). Without `slugs` (tables
    meant to be imported again) the text is kept exactly as stored."""
    return clean(text_) if slugs is None else without_keys(clean(text_), slugs)


def related_once(detail: PolicyDetail, slugs: dict[str, str] | None, language: str = "en") -> list[Related]:
    """Each relation once: "A related to B" is often stored both ways, and both rows reach A.
    Their notes are kept (both, when the two directions say different things)."""
    merged: dict[tuple[str, str], Related] = {}
    for r in detail.relations:
        phrase = vocabulary(relation_phrase(r.kind, r.outgoing), language)
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
    detail: PolicyDetail, include_notes: bool, language: str = "en", slugs: dict[str, str] | None = None
) -> PolicySummary:
    """With `slugs` (policy slug → title) the prose is made for reading: a policy named by its
    key is named by its title, source keys are left out. Without, text is kept as stored."""
    numbers = {s.id: n for n, s in enumerate(detail.sources, start=1)}
    citations = [_citation(numbers[s.id], s, language) for s in detail.sources]
    by_number = {c.number: c for c in citations}
    timeline = [_entry(e, numbers, by_number, slugs, language) for e in detail.events]
    related = related_once(detail, slugs, language)
    figures = [
        FigureEntry(
            clean(f.label),
            _figure_value(f.value, clean(f.unit), f.approximate, language),
            date_label(f.date, language)
            + (f" – {date_label(f.period_end, language)}" if f.period_end else ""),
            numbers.get(f.source_id),
        )
        for f in detail.figures
    ]
    notes = (
        [
            NoteEntry(
                clean(n.body), clean(n.quote), list(n.tags), n.pinned, date_label(n.updated_at[:10], language)
            )
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
        jurisdiction=vocabulary(Jurisdiction(detail.jurisdiction).label, language),
        kind=vocabulary(PolicyKind(detail.kind).label, language),
        status=vocabulary(Status(detail.current_status).label, language)
        if detail.current_status
        else text(language, "no_status"),
        status_value=detail.current_status or "",
        since=date_label(since, language) if since else "",
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
            PRINT_COMPACT,
            title=f"{text(language, 'status_history')}: {detail.title}",
            language=language,
        ),
        last_verified=date_label(detail.last_verified or "", language),
        last_verified_iso=detail.last_verified or "",
        figures=figures,
        figure_charts=_figure_charts(detail, language),
    )


def _figure_charts(detail: PolicyDetail, language: str) -> list[tuple[str, str]]:
    """A chart for each unit in which the policy has two figures or more (one is a table's row)."""
    numbers = {s.id: n for n, s in enumerate(detail.sources, start=1)}  # as summarize() numbers them
    from app.export.figure_chart import figure_chart_svg
    from app.services.figures import build_chart, measures_of

    return [
        (
            m.unit,
            figure_chart_svg(
                build_chart(
                    m.unit,
                    [(detail.slug, clean(detail.title), detail.figures)],
                    detail.sources,
                    numbers,  # the numbers the briefing's list of sources gives them
                ),
                language=language,
            ),
        )
        for m in measures_of(detail.figures)
        if m.figures >= 2
    ]


# A brief keeps a page per policy: the last few events, the sources they cite, a few figures.
BRIEF_EVENTS = 3
BRIEF_SOURCES = 3
BRIEF_FIGURES = 2
KEY_POINTS_CHARS = 520
EVENT_CHARS = 220


def shorten(text_: str, limit: int) -> str:
    """The first paragraph, cut after the last whole sentence that fits (else at a word, with "…")."""
    first = re.split(r"\n\s*\n", text_.strip())[0]
    first = " ".join(first.split())
    if len(first) <= limit:
        return first
    sentences = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-Z¿¡\"“(])", first) if m.end() <= limit]
    if sentences and sentences[-1] >= limit // 3:
        return first[: sentences[-1]]
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def brief_of(policy: PolicySummary) -> PolicySummary:
    """The one-page version: key points, the last events, the sources they cite (renumbered)."""
    kept = policy.timeline[-BRIEF_EVENTS:]
    # One source for each event kept (the newest first), then the others they cite, up to the limit.
    firsts = [entry.citations[0] for entry in reversed(kept) if entry.citations]
    others = [n for entry in reversed(kept) for n in entry.citations]
    cited = list(dict.fromkeys(firsts + others))[:BRIEF_SOURCES]
    renumber = {old: new for new, old in enumerate(sorted(cited), start=1)}
    by_number = {c.number: c for c in policy.citations}
    return replace(
        policy,
        summary=shorten(policy.summary, KEY_POINTS_CHARS),
        timeline=[
            replace(
                entry,
                description=shorten(entry.description, EVENT_CHARS),
                disagreement="",  # the label says the event is contested; the dossier says how
                citations=sorted(renumber[n] for n in entry.citations if n in renumber),
                quote="",  # a brief quotes no excerpts: they are the dossier's
                quote_source=0,
            )
            for entry in kept
        ],
        citations=[replace(by_number[old], number=new) for old, new in renumber.items()],
        figures=[
            replace(f, citation=renumber.get(f.citation) if f.citation else None)
            for f in policy.figures[:BRIEF_FIGURES]
        ],
        earlier_events=len(policy.timeline) - len(kept),
        figure_charts=[],  # a brief keeps to its page: the dossier has the charts
    )


def policy_titles(workspace: Workspace) -> dict[str, str]:
    """Slug → title of every policy whose slug could be mistaken for nothing else (it has a hyphen)."""
    return {row.slug: clean(row.title) for row in workspace.store.policy_rows() if "-" in row.slug}


class ExportCancelled(Exception):
    """The person cancelled; nothing was written."""


def build_briefing(
    workspace: Workspace,
    policy_ids: list[str],
    *,
    include_notes: bool = False,
    progress: Callable[[int, int], bool] | None = None,
    length: str = "dossier",
    author: str = "",
    organisation: str = "",
    language: str = "en",
    for_reading: bool = True,
) -> Briefing:
    """Gather the summaries; `progress(done, total)` returning False cancels. Without
    `for_reading` (tables imported again) texts are kept exactly as stored."""
    language = supported(language)
    policies = []
    total = len(policy_ids)
    slugs = policy_titles(workspace) if for_reading else None
    for done, policy_id in enumerate(policy_ids, start=1):
        detail = workspace.store.policy_detail(policy_id)
        if detail is not None:
            summary = summarize(detail, include_notes, language, slugs)
            policies.append(brief_of(summary) if length == "brief" else summary)
        if progress is not None and not progress(done, total):
            raise ExportCancelled
    overview = ""
    if len(policies) > 1:
        lanes, connectors = timeline(workspace, policy_ids)
        overview = timeline_svg(
            sort_lanes(lanes, "start"),
            connectors,
            date.today(),
            PRINT,
            title=text(language, "overview"),
            language=language,
        )
        if slugs is not None:  # its tooltips hold the events' descriptions
            overview = without_keys(overview, slugs)
    return Briefing(
        policies,
        workspace.path.stem,
        date.today().isoformat(),
        include_notes,
        overview,
        length="brief" if length == "brief" else "dossier",
        author=clean(author),
        organisation=clean(organisation),
        language=language,
    )


def slug_for_file(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "briefing"
