"""One policy as readable plain text (the `show` command)."""

from __future__ import annotations

import textwrap

from app.data.details import PolicyDetail
from app.domain.dates import PartialDate
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, Status, relation_phrase
from app.messages import _


def _wrap(text: str, indent: str = "  ") -> str:
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    return "\n\n".join(
        textwrap.fill(" ".join(p.split()), width=88, initial_indent=indent, subsequent_indent=indent)
        for p in paragraphs
    )


def policy_as_text(d: PolicyDetail) -> str:
    numbers: dict[str, int] = {}
    for source in d.sources:
        numbers[source.id] = len(numbers) + 1
    lines = [d.title, "=" * min(len(d.title), 88)]
    if d.aliases:
        lines.append(_("Also known as: {aliases}").format(aliases=", ".join(d.aliases)))
    jurisdiction, kind = Jurisdiction(d.jurisdiction).shown(), PolicyKind(d.kind).shown()
    lines.append(
        _("Jurisdiction: {jurisdiction}    Kind: {kind}").format(jurisdiction=jurisdiction, kind=kind)
    )
    if d.current_status:
        since = PartialDate.parse(d.status_since or "").display()
        status = Status(d.current_status).shown()
        lines.append(_("Current status: {status} (since {date})").format(status=status, date=since))
    if d.last_verified:
        lines.append(_("Last verified: {date}").format(date=PartialDate.parse(d.last_verified).display()))
    if d.legal_basis:
        lines.append(_("Legal basis: {text}").format(text=d.legal_basis))
    if d.agencies:
        lines.append(_("Agencies: {agencies}").format(agencies=", ".join(d.agencies)))
    if d.tags:
        lines.append(_("Tags: {tags}").format(tags=", ".join(d.tags)))
    summary = _wrap(d.summary) if d.summary else "  " + _("(none)")
    lines += ["", _("Summary"), summary, "", _("History")]
    for event in d.events:
        cites = "".join(f"[{numbers[s]}]" for s in event.source_ids if s in numbers)
        when = PartialDate.parse(event.date).display()
        confidence = (
            "" if event.confidence == Confidence.CONFIRMED else f" ({Confidence(event.confidence).shown()})"
        )
        lines.append(f"  {when:<12} {Status(event.status).shown()}{confidence}  {cites}")
        lines.append(_wrap(event.description, indent="               "))
        if event.disagreement:
            disagreement = _("Where sources disagree: {text}").format(text=event.disagreement)
            lines.append(_wrap(disagreement, indent="               "))
    if not d.events:
        lines.append("  " + _("(no events yet)"))
    if d.relations:
        lines += ["", _("Related policies")]
        for r in d.relations:
            lines.append(f"  {_(relation_phrase(r.kind, r.outgoing))} {r.other_title} ({r.other_slug})")
    if d.figures:
        lines += ["", _("Figures")]
        for f in d.figures:
            value = f"{f.value:,.0f}" if f.value == int(f.value) else f"{f.value:,}"
            about = _("about ") if f.approximate else ""
            cite = f"[{numbers[f.source_id]}]" if f.source_id in numbers else ""
            lines.append(
                f"  {PartialDate.parse(f.date).display()}: {f.label}: {about}{value} {f.unit} {cite}"
            )
    lines += ["", _("Sources")]
    for source in d.sources:
        meta = ", ".join(
            part
            for part in (
                source.publisher or source.issuer,
                PartialDate.parse(source.published).display() if source.published else "",
            )
            if part
        )
        lines.append(f"  [{numbers[source.id]}] {source.title}" + (f" — {meta}" if meta else ""))
        if source.url:
            lines.append(f"      {source.url}")
    if not d.sources:
        lines.append("  " + _("(no sources yet)"))
    lines += ["", _("Notes")]
    for note in d.notes:
        marker = _("[pinned] ") if note.pinned else ""
        lines.append(
            f"  {marker}{note.updated_at[:10]}" + (f"  #{' #'.join(note.tags)}" if note.tags else "")
        )
        if note.quote:
            lines.append(_wrap(f"“{note.quote}”", indent="    > "))
        lines.append(_wrap(note.body, indent="    "))
    if not d.notes:
        lines.append("  " + _("(no notes yet)"))
    return "\n".join(lines)
