"""The citation audit: which claims rest on weak evidence, and which sources and excerpts need work.

Per policy: status events resting on no government, court or legislative source (or on none at
all), events with a single source, events marked unconfirmed or disputed, sources without a URL
or a date, excerpts that no event, note or figure uses, and a policy not verified for longer than
the workspace's setting allows. Each item names its entry, so that the window can link to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.data.details import EventRow, PolicyDetail
from app.domain.excerpts import supporting_excerpt
from app.domain.vocab import PRIMARY_SOURCE_KINDS, Confidence, LabelledEnum
from app.errors import InvalidInput
from app.messages import N_, _
from app.services.workspace import Workspace

STALE_AFTER_KEY = "audit_stale_after_days"
DEFAULT_STALE_AFTER_DAYS = 180  # twice a year: the starter data is re-verified about that often
MAX_STALE_AFTER_DAYS = 36_500


class AuditKind(LabelledEnum):
    """What an audit item says is weak. The first four are about status events (History marks them)."""

    NO_PRIMARY_SOURCE = "no_primary_source", N_("Only news, opinion or research sources")
    NO_SOURCE = "no_source", N_("No source")
    SINGLE_SOURCE = "single_source", N_("A single source")
    UNCONFIRMED = "unconfirmed", N_("Unconfirmed")
    DISPUTED = "disputed", N_("Sources disagree")
    SOURCE_WITHOUT_URL = "source_without_url", N_("Source without a URL")
    SOURCE_WITHOUT_DATE = "source_without_date", N_("Source without a date")
    UNUSED_EXCERPT = "unused_excerpt", N_("Excerpts no event, note or figure uses")
    NOT_VERIFIED = "not_verified", N_("Not verified recently")


# The kinds about status events, which History marks on each event.
EVENT_KINDS = frozenset(
    {
        AuditKind.NO_PRIMARY_SOURCE,
        AuditKind.NO_SOURCE,
        AuditKind.SINGLE_SOURCE,
        AuditKind.UNCONFIRMED,
        AuditKind.DISPUTED,
    }
)


@dataclass(frozen=True, slots=True)
class AuditItem:
    kind: AuditKind
    entry: str  # event, source or policy
    entry_id: str  # the event's, source's (for its excerpts too) or policy's id
    what: str  # the entry in a few words: "2021-01-29 In effect", a source's title
    detail: str = ""  # more about it, in plain words
    date: str = ""  # an event's date and status, for a window to put in its own words
    status: str = ""


@dataclass(frozen=True)
class PolicyAudit:
    policy_id: str
    slug: str
    title: str
    items: tuple[AuditItem, ...]

    def count(self, kind: AuditKind) -> int:
        return sum(1 for item in self.items if item.kind is kind)

    def of_event(self, event_id: str) -> list[AuditKind]:
        """What the audit says of one status event (for its mark in History)."""
        return [i.kind for i in self.items if i.entry == "event" and i.entry_id == event_id]


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def audit_policy(detail: PolicyDetail, today: date, stale_after_days: int) -> PolicyAudit:
    """The audit of one policy, from its details (no reading)."""
    from app.domain.vocab import Status

    sources = {s.id: s for s in detail.sources}
    items: list[AuditItem] = []
    used_excerpts: set[str] = set()
    for event in detail.events:
        what = f"{event.date} {Status(event.status).label}"

        def on_event(kind: AuditKind, more: str = "", event: EventRow = event, what: str = what) -> AuditItem:
            return AuditItem(kind, "event", event.id, what, more, event.date, event.status)

        cited = [sources[s] for s in event.source_ids if s in sources]
        if not cited:
            items.append(on_event(AuditKind.NO_SOURCE, "cites no source"))
        else:
            kinds = sorted({s.kind for s in cited})
            if not PRIMARY_SOURCE_KINDS.intersection(kinds):
                items.append(
                    on_event(
                        AuditKind.NO_PRIMARY_SOURCE,
                        "no government, court or legislative source; cites: " + ", ".join(kinds),
                    )
                )
            if len(cited) == 1:
                items.append(on_event(AuditKind.SINGLE_SOURCE, _short(cited[0].title)))
        if event.confidence == Confidence.UNCONFIRMED:
            items.append(on_event(AuditKind.UNCONFIRMED))
        if event.disagreement.strip():
            items.append(on_event(AuditKind.DISPUTED, _short(event.disagreement)))
        for source in cited:  # the excerpt a briefing would quote for this event is used
            best = supporting_excerpt(event.description, [x.text for x in source.excerpts], limit=10**9)
            used_excerpts.update(x.id for x in source.excerpts if " ".join(x.text.split()) == best)
    quotes = [(n.source_id, n.quote) for n in detail.notes if n.source_id and n.quote.strip()]
    quotes += [(f.source_id, f.quote) for f in detail.figures if f.quote.strip()]
    for source in detail.sources:
        if not source.url:
            items.append(AuditItem(AuditKind.SOURCE_WITHOUT_URL, "source", source.id, _short(source.title)))
        if not source.published:
            items.append(AuditItem(AuditKind.SOURCE_WITHOUT_DATE, "source", source.id, _short(source.title)))
        unused = []
        for excerpt in source.excerpts:
            text = " ".join(excerpt.text.split())
            quoted = any(
                sid == source.id and (" ".join(q.split()) in text or text in " ".join(q.split()))
                for sid, q in quotes
            )
            if excerpt.id not in used_excerpts and not quoted:
                unused.append(text)
        if unused:  # one item per source: a long article's paragraphs would drown the rest
            items.append(
                AuditItem(
                    AuditKind.UNUSED_EXCERPT,
                    "source",
                    source.id,
                    _short(source.title),
                    f"{len(unused)} of {len(source.excerpts)} excerpts, from “{_short(unused[0], 60)}”",
                )
            )
    verified = date.fromisoformat(detail.last_verified) if detail.last_verified else None
    if verified is None:
        items.append(AuditItem(AuditKind.NOT_VERIFIED, "policy", detail.id, detail.title, "never verified"))
    elif today - verified > timedelta(days=stale_after_days):
        age = (today - verified).days
        items.append(
            AuditItem(
                AuditKind.NOT_VERIFIED,
                "policy",
                detail.id,
                detail.title,
                f"last verified {verified.isoformat()}, {age} days ago",
            )
        )
    order = {kind: n for n, kind in enumerate(AuditKind)}
    items.sort(key=lambda item: order[item.kind])  # stable: events keep the history's order
    return PolicyAudit(detail.id, detail.slug, detail.title, tuple(items))


def stale_after_days(workspace: Workspace) -> int:
    """After how many days without verification a policy is listed (the workspace's setting)."""
    stored = workspace.store.meta_value(STALE_AFTER_KEY)
    if stored is None or not stored.isdigit():
        return DEFAULT_STALE_AFTER_DAYS
    return min(int(stored), MAX_STALE_AFTER_DAYS)


def check_stale_after_days(value: int) -> int:
    if not 1 <= value <= MAX_STALE_AFTER_DAYS:
        raise InvalidInput(
            _("The days before a policy counts as not verified must be 1 to {limit}").format(
                limit=f"{MAX_STALE_AFTER_DAYS:,}"
            )
        )
    return value


def set_stale_after_days(workspace: Workspace, days: int) -> None:
    """Keep the setting in the workspace, so that the window and the command line agree."""
    from app.data.tables import Meta

    check_stale_after_days(days)
    workspace.ensure_writable()
    with workspace.session() as session:
        row = session.get(Meta, STALE_AFTER_KEY) or Meta(key=STALE_AFTER_KEY, value="")
        row.value = str(days)
        session.add(row)


def audit_of(workspace: Workspace, policy_id: str, today: date | None = None) -> PolicyAudit | None:
    """One policy's audit (for its overview and its History marks); None if it is gone."""
    detail = workspace.store.policy_detail(policy_id)
    if detail is None:
        return None
    return audit_policy(detail, today or date.today(), stale_after_days(workspace))


def audit_workspace(
    workspace: Workspace,
    policy_ids: list[str] | None = None,
    today: date | None = None,
    stale_days: int | None = None,
) -> list[PolicyAudit]:
    """The audit of these policies (by default every one, by title); those with nothing to say included."""
    today = today or date.today()
    days = stale_days if stale_days is not None else stale_after_days(workspace)
    ids = policy_ids if policy_ids is not None else [r.id for r in workspace.store.policy_rows()]
    audits = []
    for start in range(0, len(ids), 500):  # the details of 500 policies at a time, in a few queries
        for detail in workspace.store.policy_details(ids[start : start + 500]):
            audits.append(audit_policy(detail, today, days))
    return audits


def audit_json(audits: list[PolicyAudit], stale_days: int) -> dict[str, object]:
    """What `policy-tracker audit --json` prints."""
    return {
        "not_verified_after_days": stale_days,
        "policies": [
            {
                "slug": a.slug,
                "title": a.title,
                "items": [
                    {
                        "kind": i.kind.value,
                        "entry": i.entry,
                        "id": i.entry_id,
                        "what": i.what,
                        "detail": i.detail,
                    }
                    for i in a.items
                ],
            }
            for a in audits
        ],
    }
